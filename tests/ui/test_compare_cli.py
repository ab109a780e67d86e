"""``recension compare A B``: ids or files name the two sides; bad names exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.cli.compare_commands import resolve
from desktop.core.errors import IngestError
from desktop.core.library import Library


def test_an_id_prefix_names_a_library_article() -> None:
    """`002` is the seed whose id starts with 002."""
    assert resolve("002", Library.open()).id == "002_c84410c1d48da44e"


def test_a_path_is_read_without_being_imported(tmp_path: Path) -> None:
    """A file on disk is compared as it is; the library does not grow."""
    path = tmp_path / "draft.txt"
    path.write_text("Draft headline\n\nFirst paragraph.\n", encoding="utf-8")
    library = Library.open()
    article = resolve(str(path), library)
    assert (article.title, article.text) == ("Draft headline", "Draft headline\n\nFirst paragraph.")
    assert all(a.id != "draft" for a in library.articles())


def test_an_empty_file_is_refused_with_its_name(tmp_path: Path) -> None:
    """An empty file gives a message naming it, not a blank window."""
    path = tmp_path / "empty.txt"
    path.write_text("  \n")
    with pytest.raises(IngestError, match=r"empty\.txt: the file is empty"):
        resolve(str(path), Library.open())


def test_an_unknown_id_exits_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    """No window opens for a name that matches nothing."""
    assert main(["compare", "nope", "002"]) == 2
    assert capsys.readouterr().err == "recension: no article with id 'nope' in the library\n"
