"""``recension add|show|remove`` as a script sees them: output, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import REPO, SEEDS, one_line_error

DATA = REPO / "tests" / "data" / "ingest"


def test_add_exits_0_when_everything_is_added_or_duplicate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A new file and a copy of a seed: one added, one duplicate, exit 0."""
    assert main(["add", str(DATA / "cp1252.txt"), str(SEEDS / "002_c84410c1d48da44e.txt")]) == 0
    out = capsys.readouterr().out
    assert "added as cp1252" in out
    assert "duplicate" in out
    assert out.splitlines()[-1] == "1 added, 1 duplicate, 0 skipped"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "it is empty"),
        ("binary.txt", "it is a binary file, not text (it contains NUL bytes)"),
        ("missing.txt", "it does not exist"),
    ],
)
def test_add_exits_1_and_names_each_skipped_file(
    name: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A skipped file is named with its reason on stderr, as the README says; exit code 1."""
    assert main(["add", str(DATA / name)]) == 1
    out, err = capsys.readouterr()
    assert err == f"skipped  {DATA / name}: {reason}\n"
    assert out == "0 added, 0 duplicate, 1 skipped\n"


def test_add_json_is_the_import_report(capsys: pytest.CaptureFixture[str]) -> None:
    """``--json`` prints each outcome with path, status, reason and article id."""
    assert main(["add", "--json", str(DATA / "page.html"), str(DATA / "empty.txt")]) == 1
    out, err = capsys.readouterr()
    outcomes = json.loads(out)["outcomes"]
    assert err == f"skipped  {DATA / 'empty.txt'}: it is empty\n"
    assert [(o["status"], o["article_id"]) for o in outcomes] == [
        ("added", "page"),
        ("skipped", None),
    ]


def test_add_respects_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    """``--max-mb`` lowers the limit and the message names it."""
    assert main(["add", "--max-mb", "0.00001", str(DATA / "page.html")]) == 1
    assert "over the limit of 10 bytes" in capsys.readouterr().err


def test_add_to_a_library_folder_exits_2(
    seed_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--library DIR`` is read-only: one line on stderr, exit 2."""
    assert main(["--library", str(seed_folder), "add", str(DATA / "cp1252.txt")]) == 2
    err = one_line_error(capsys)
    assert "read-only" in err


def test_show_prints_metadata_then_text(capsys: pytest.CaptureFixture[str]) -> None:
    """The heading names source and date; the text follows."""
    assert main(["show", "004"]) == 0
    out = capsys.readouterr().out
    assert "source:     The Iran Project\ndate:       2014-03-11" in out
    assert out.rstrip().endswith("Your Email Address")


def test_show_json_is_the_article(capsys: pytest.CaptureFixture[str]) -> None:
    """``show --json`` serialises the Article's fields."""
    assert main(["show", "003", "--json"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert (article["id"], article["source"], article["date"]) == (
        "003_fdc6c1aa6c633632",
        "The Guardian",
        "2014-03-30",
    )


def test_remove_then_show_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    """A removed article is gone: show reports it as not found."""
    assert main(["add", str(DATA / "utf8_bom.txt")]) == 0
    assert main(["remove", "utf8_bom"]) == 0
    assert main(["show", "utf8_bom"]) == 2
    assert "no article with id 'utf8_bom'" in capsys.readouterr().err


def test_list_json_shows_source_and_date(capsys: pytest.CaptureFixture[str]) -> None:
    """The seeds list with their sources and dates."""
    assert main(["list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["articles"]
    assert [(r["source"], r["date"]) for r in rows][2:4] == [
        ("BBC News", "2014-03-11"),
        ("The Guardian", "2014-03-30"),
    ]
