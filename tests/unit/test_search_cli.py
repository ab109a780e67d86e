"""``recension search`` and ``recension index`` as a script would use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_search_json_lists_the_hits(capsys: pytest.CaptureFixture[str], seed_folder: Path) -> None:
    """--json prints the query, the total and each hit with its snippet and highlights."""
    status, out, _ = run(capsys, "--library", str(seed_folder), "search", "Psaki", "--json")
    results = json.loads(out)
    assert status == 0
    assert (results["query"], results["total"]) == ("Psaki", 2)
    assert {hit["id"][:3] for hit in results["hits"]} == {"002", "004"}
    for hit in results["hits"]:
        assert set(hit) >= {"id", "title", "source", "date", "score", "snippet"}
        text = hit["snippet"]["text"]
        assert [text[start:end] for start, end in hit["snippet"]["highlights"]] == ["Psaki"]


def test_search_text_output(capsys: pytest.CaptureFixture[str], seed_folder: Path) -> None:
    """The plain listing says how many match and shows each hit's id, title and snippet."""
    status, out, _ = run(capsys, "--library", str(seed_folder), "search", "Awacs", "--limit", "5")
    assert status == 0
    assert out.startswith("1 article matches 'Awacs'")
    assert "002_" in out
    assert "Awacs" in out.split("\n", 2)[2]


@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_search_with_no_hits_exits_zero(
    capsys: pytest.CaptureFixture[str], seed_folder: Path, sort: str
) -> None:
    """A search that finds nothing is not an error."""
    status, out, _ = run(
        capsys, "--library", str(seed_folder), "search", "zeppelin", "--sort", sort
    )
    assert (status, out.strip()) == (0, "0 articles match 'zeppelin'")


@pytest.mark.parametrize(
    ("query", "message"),
    [("title:", "title: needs a word after it"), ("Kerry NOT", "NOT needs a word after it")],
)
def test_bad_query_exits_two_with_one_line(
    capsys: pytest.CaptureFixture[str], seed_folder: Path, query: str, message: str
) -> None:
    """A query that cannot be read: exit 2 and the reason in one line on stderr."""
    status, out, err = run(capsys, "--library", str(seed_folder), "search", query)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def test_index_refreshes_only_what_changed(
    capsys: pytest.CaptureFixture[str], seed_folder: Path
) -> None:
    """`index` reports what it did; a second run has nothing to do; --rebuild redoes all."""
    library = ("--library", str(seed_folder))
    assert (
        run(capsys, *library, "index")[1]
        == "index up to date: 5 articles (5 added, 0 updated, 0 removed)\n"
    )
    assert "(0 added, 0 updated, 0 removed)" in run(capsys, *library, "index")[1]
    next(seed_folder.glob("003_*.txt")).unlink()
    assert "(0 added, 0 updated, 1 removed)" in run(capsys, *library, "index")[1]
    status, out, err = run(capsys, *library, "index", "--rebuild")
    assert (status, out) == (0, "index up to date: 4 articles (4 added, 0 updated, 0 removed)\n")
    assert "indexing 4/4 articles" in err
