"""The command line as a script sees it: output, JSON, exit codes, one-line errors."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from tests.conftest import one_line_error


def test_list_prints_every_seed_with_its_size(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert lines[0].startswith("000_81f5a5d090ec48c8")
    assert "Ukraine crisis: US and Russia to hold key talks" in lines[0]


def test_list_json_has_id_title_and_characters(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["articles"]
    assert [row["id"][:3] for row in rows] == ["000", "001", "002", "003", "004"]
    assert all(row["characters"] > 2000 for row in rows)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("recension 0.")


@pytest.mark.parametrize(
    "argv",
    [["frobnicate"], ["list", "--bogus"], ["--library"]],
)
def test_bad_arguments_exit_2_with_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    one_line_error(capsys)


def test_library_that_is_not_a_folder_exits_2(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(tmp_path / "missing"), "list"]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_a_folder_without_articles_says_so(tmp_path, capsys) -> None:
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    assert main(["--library", str(tmp_path), "list"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"no articles in {tmp_path}" in err
    assert ".txt" in err


def test_library_folder_is_read_recursively(tmp_path, capsys) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.txt").write_text("A title\n\nSome text.")
    assert main(["--library", str(tmp_path), "list"]) == 0
    assert "A title" in capsys.readouterr().out
