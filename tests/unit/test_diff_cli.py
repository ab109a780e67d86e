"""``recension diff`` as a script sees it: summary, one line per change, JSON, exit codes."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.conftest import one_line_error


def test_diff_prints_a_summary_then_each_change(capsys: pytest.CaptureFixture[str]) -> None:
    """The summary names both ids and the derived side; changes follow with reasons."""
    assert main(["diff", "000", "001"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("000_81f5a5d090ec48c8 vs 001_6fcc8634ba5ac4d5: ")
    assert "001 looks derived from 000: 90% of 001 is in 000" in lines[0]
    assert any("US spelling of 'defence'" in line for line in lines[1:])
    assert any(line.strip().startswith("cut off ") for line in lines[1:])  # truncated


def test_diff_with_itself_says_no_differences(capsys: pytest.CaptureFixture[str]) -> None:
    """Comparing an article with itself is not an error."""
    assert main(["diff", "002", "002"]) == 0
    assert capsys.readouterr().out.strip().endswith(": no differences")


def test_diff_json_is_the_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON has the documented fields, counts for every kind, spans into each text."""
    assert main(["diff", "002", "004", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["a"]["id"].startswith("002")
    assert data["b"]["id"].startswith("004")
    assert set(data["counts"]) == {
        "boilerplate", "copy-edit", "rewrite", "added", "removed", "moved", "duplicated",
        "truncated",
    }  # fmt: skip
    assert data["derived"]["side"] == "b"
    for change in data["changes"]:
        for side in ("a", "b"):
            span = change[side]
            if span is not None:
                assert data[side]["text"][span["start"] : span["end"]] == span["text"]
    labels = {(c["kind"], c["b"]["text"]) for c in data["changes"] if c["b"]}
    assert ("boilerplate", "Story Code : 88635") in labels


def test_ignore_hides_kinds_from_the_listing(capsys: pytest.CaptureFixture[str]) -> None:
    """--ignore boilerplate,copy-edits leaves them out of the change lines, but a credit
    line ("By BBC": whose work the copy is) stays."""
    assert main(["diff", "002", "004", "--ignore", "boilerplate,copy-edits"]) == 0
    changes = [line.strip() for line in capsys.readouterr().out.splitlines()[1:]]
    assert changes
    chrome = [line for line in changes if line.startswith("site chrome ")]  # boilerplate
    assert chrome
    assert all(line.removeprefix("site chrome ").startswith("credit ") for line in chrome)
    assert not any(line.startswith("copy-edit ") for line in changes)


def test_diff_json_says_whom_each_side_credits(capsys: pytest.CaptureFixture[str]) -> None:
    """``credits``: the names each side's credit lines give; 004's "By BBC" is one."""
    assert main(["diff", "002", "004", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["credits"] == {"a": [], "b": ["BBC"]}
    (credit,) = [c for c in data["changes"] if c["subkind"] == "credit"]
    assert (credit["kind"], credit["b"]["text"]) == ("boilerplate", "By BBC")


def test_word_diff_marks_removed_and_added_words(capsys: pytest.CaptureFixture[str]) -> None:
    """Piped, the word diff is plain text with [-…-] and {+…+}."""
    assert main(["diff", "000", "001", "--word-diff"]) == 0
    assert "[-defence-]{+defense+}" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["diff", "0", "001"], "matches 5 articles"),
        (["diff", "999", "001"], "no article with id '999'"),
        (["diff", "000", "001", "--ignore", "colour"], "--ignore: unknown colour"),
    ],
)
def test_bad_ids_and_options_exit_2_with_one_line(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bad id or option is one readable line on stderr and exit code 2."""
    assert main(argv) == 2
    err = one_line_error(capsys)
    assert message in err
