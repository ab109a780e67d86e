"""``A`` and ``B`` of ``diff`` and ``compare``: library ids or files, files never imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.refs import resolve
from desktop.core.errors import IngestError
from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "ingest"


def test_an_id_prefix_names_a_library_article() -> None:
    """`002` is the seed whose id starts with 002."""
    assert resolve("002", Workspace(Library.open())).id == "002_c84410c1d48da44e"


@pytest.mark.parametrize(
    ("name", "title", "words"),
    [
        ("cp1252.txt", "Café owners protest", "were \u201cunfair\u201d \u2013 and"),
        ("page.html", "Ferry line to open in June", "the new ferry line will open in June"),
    ],
)
def test_a_file_is_read_as_an_import_reads_it_but_not_imported(
    tmp_path: Path, name: str, title: str, words: str
) -> None:
    """A legacy-encoded text or a saved web page is compared as it reads; the library stays."""
    path = tmp_path / name
    path.write_bytes((DATA / name).read_bytes())
    library = Library.open()
    before = [article.id for article in library.articles()]
    article = resolve(str(path), Workspace(library))
    assert article.title == title
    assert words in article.text
    assert "<p>" not in article.text
    assert article.origin == str(path)
    assert [article.id for article in Library.open().articles()] == before


def test_an_empty_file_is_refused_with_its_name(tmp_path: Path) -> None:
    """An empty file gives a message naming it, not a blank window."""
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(IngestError, match=r"empty\.txt: it is empty"):
        resolve(str(path), Workspace(Library.open()))


def test_diff_compares_two_files_without_importing_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`diff a.txt b.html --json`: a text draft against a saved page, the library unchanged."""
    page = tmp_path / "b.html"
    page.write_bytes((DATA / "page.html").read_bytes())
    draft = tmp_path / "a.txt"
    draft.write_text(
        "Ferry line to open in June\n\n"
        "The harbour authority confirmed on Monday that the new ferry line will open in July, "
        "after two years of delays caused by a dispute over the pier.\n",
        encoding="utf-8",
    )
    before = [article.id for article in Library.open().articles()]
    assert main(["diff", str(draft), str(page), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["a"]["origin"], out["b"]["origin"]) == (str(draft), str(page))
    assert out["b"]["source"] == "Harbour Gazette"
    changed = [(c["kind"], c["a"]["text"], c["b"]["text"]) for c in out["changes"] if c["a"]]
    assert ("rewrite", "July", "June") in changed
    assert [article.id for article in Library.open().articles()] == before


def test_diff_names_a_missing_file_or_id_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Neither a file nor an id: exit 2 and the usual message."""
    assert main(["diff", "no-such.txt", "002"]) == 2
    assert capsys.readouterr().err == "recension: no article with id 'no-such.txt' in the library\n"
