"""Ids, prefixes, the sample articles, and importing and removing the user's articles."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.core.errors import (
    AmbiguousIdError,
    ArticleNotFoundError,
    IngestError,
    ReadOnlyLibraryError,
)
from desktop.core.storage.library import ImportStatus, Library
from tests.conftest import SEEDS


def test_the_default_library_holds_the_five_seeds() -> None:
    ids = [article.id for article in Library.open().articles()]
    assert ids == sorted(path.stem for path in SEEDS.glob("*.txt"))


def test_a_unique_prefix_finds_the_article() -> None:
    assert Library.open().get("003").id == "003_fdc6c1aa6c633632"


def test_the_sha256_is_of_the_raw_bytes() -> None:
    article = Library.open().get("000")
    raw = (SEEDS / "000_81f5a5d090ec48c8.txt").read_bytes()
    assert article.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("ref", "error"),
    [("0", AmbiguousIdError), ("999", ArticleNotFoundError), ("", ArticleNotFoundError)],
)
def test_unknown_or_ambiguous_ids_raise_readable_errors(ref: str, error: type) -> None:
    with pytest.raises(error, match="article"):
        Library.open().get(ref)


def _story(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\nThe council voted on {title.lower()} late on Monday night.\n")
    return path


def test_add_imports_a_copy_and_leaves_the_file_untouched(tmp_path: Path) -> None:
    """The user's file keeps its bytes and mtime; the library gains the article."""
    path = _story(tmp_path, "council.txt", "Council vote")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    report = Library.open().add([path])
    assert [(o.status, o.article_id) for o in report.outcomes] == [(ImportStatus.ADDED, "council")]
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    reopened = Library.open().get("council")
    assert (reopened.title, reopened.origin) == ("Council vote", str(path))
    assert reopened.added is not None


def test_the_same_text_twice_is_a_duplicate(tmp_path: Path) -> None:
    """A second copy of a seed, even with other line endings, is reported as a duplicate."""
    seed = (SEEDS / "000_81f5a5d090ec48c8.txt").read_bytes()
    (tmp_path / "copy.txt").write_bytes(seed.replace(b"\n", b"\r\n"))
    report = Library.open().add([tmp_path / "copy.txt"])
    assert report.duplicates[0].reason == "same text as 000_81f5a5d090ec48c8"


def test_folders_are_imported_recursively_with_unique_ids(tmp_path: Path) -> None:
    """Two files with the same stem get distinct ids; sidecars are not articles."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    _story(tmp_path / "a", "vote.txt", "First vote")
    _story(tmp_path / "a" / "b", "vote.md", "Second vote")
    (tmp_path / "a" / "vote.meta.json").write_text('{"source": "Gazette"}')
    report = Library.open().add([tmp_path / "a"])
    assert sorted(o.article_id or "" for o in report.added) == ["vote", "vote-2"]
    assert Library.open().get("vote").source == "Gazette"


def test_add_reports_progress_and_stops_when_cancelled(tmp_path: Path) -> None:
    """Progress counts files; cancelling stops before the next file."""
    paths = [_story(tmp_path, f"s{n}.txt", f"Story number {n}") for n in range(3)]
    seen: list[tuple[int, int]] = []
    report = Library.open().add(
        paths,
        progress=lambda done, total: seen.append((done, total)),
        should_cancel=lambda: len(seen) == 2,
    )
    assert seen == [(1, 3), (2, 3)]
    assert (len(report.added), report.cancelled) == (2, True)


def test_add_text_imports_pasted_text() -> None:
    """Pasted text gets an id from its title and its source."""
    outcome = Library.open().add_text("Pasted story", "Some words\r\nof text.", source="Wire")
    article = Library.open().get(outcome.article_id or "")
    assert (article.id, article.title, article.source, article.text) == (
        "pasted-story",
        "Pasted story",
        "Wire",
        "Some words\n\nof text.",
    )


def test_remove_deletes_only_the_imported_copy(tmp_path: Path) -> None:
    """The original file stays; the article leaves the library."""
    path = _story(tmp_path, "council.txt", "Council vote")
    library = Library.open()
    library.add([path])
    assert library.remove("counc").id == "council"
    assert path.is_file()
    with pytest.raises(ArticleNotFoundError):
        Library.open().get("council")


def test_seeds_cannot_be_removed() -> None:
    """Removing a bundled sample article says why it cannot be done."""
    with pytest.raises(ReadOnlyLibraryError, match="bundled sample article"):
        Library.open().remove("002")


@pytest.mark.parametrize("action", ["add", "add_text", "remove"])
def test_a_library_folder_is_read_only(seed_folder: Path, action: str) -> None:
    """``--library DIR`` refuses every change with a readable message."""
    library = Library.open(seed_folder)
    assert library.read_only
    calls = {
        "add": lambda: library.add([seed_folder]),
        "add_text": lambda: library.add_text("t", "text"),
        "remove": lambda: library.remove("000"),
    }
    with pytest.raises(ReadOnlyLibraryError, match="read-only"):
        calls[action]()


def test_a_bad_file_in_a_library_folder_is_left_out_and_named(seed_folder: Path) -> None:
    """One binary file does not stop the others from being read."""
    (seed_folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    library = Library.open(seed_folder)
    assert len(library.articles()) == 5
    assert [(Path(p.path).name, p.reason) for p in library.problems] == [
        ("broken.txt", "it is a binary file, not text (it contains NUL bytes)")
    ]


def test_a_damaged_store_file_and_a_crash_leftover_do_not_break_the_library(
    data_dir: Path,
) -> None:
    """A truncated stored article is a named problem; a temp file from a crash is ignored."""
    store = data_dir / "articles"
    store.mkdir(parents=True)
    (store / "half.json").write_text('{"title": "Half')
    (store / ".tmp-abc.json").write_text('{"title": "Half')
    library = Library.open()
    assert len(library.articles()) == 5
    assert [Path(p.path).name for p in library.problems] == ["half.json"]


def test_two_imports_at_once_never_share_an_id(tmp_path: Path) -> None:
    """Two libraries adding different files with one stem both keep their article."""
    (tmp_path / "x").mkdir()
    first, second = Library.open(), Library.open()
    first.articles(), second.articles()
    first.add([_story(tmp_path, "vote.txt", "First vote")])
    second.add([_story(tmp_path / "x", "vote.txt", "Second vote")])
    titles = {a.id: a.title for a in Library.open().articles() if a.id.startswith("vote")}
    assert titles == {"vote": "First vote", "vote-2": "Second vote"}


def test_a_library_folder_rereads_a_file_that_changed(tmp_path: Path) -> None:
    """The folder cache never serves a stale title after the file changes."""
    path = _story(tmp_path, "vote.txt", "First vote")
    assert Library.open(tmp_path).get("vote").title == "First vote"
    path.write_text("Second and longer vote title\n\nText of the story.")
    assert Library.open(tmp_path).get("vote").title == "Second and longer vote title"


@pytest.mark.parametrize("opened", ["folder", "store"])
def test_reading_again_shows_a_changed_file_and_drops_a_deleted_one(
    tmp_path: Path, opened: str
) -> None:
    """Only the unchanged articles are taken from what was read before."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [_story(folder, f"{name}.txt", f"{name.title()} vote") for name in ("one", "two")]
    if opened == "folder":
        library = Library.open(folder)
    else:
        library = Library.open()
        library.add(paths)
        paths = [library.store / "one.json", library.store / "two.json"]  # type: ignore[operator]
    assert library.get("one").title == "One vote"
    if opened == "folder":
        paths[0].write_text("One vote, revised\n\nThe council voted again on Tuesday morning.\n")
    else:
        paths[0].write_text(paths[0].read_text().replace("One vote", "One vote, revised"))
    paths[1].unlink()
    library.reload()
    assert library.get("one").title == "One vote, revised"
    assert not any(article.id == "two" for article in library.articles())


def test_reading_from_two_threads_at_once_gives_one_copy_of_each_article() -> None:
    """The window and a refresh reading together see the same articles."""
    import threading

    library = Library.open()
    library.articles()
    library.reload()
    found: list[tuple[object, ...]] = []
    threads = [threading.Thread(target=lambda: found.append(library.articles())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(a is b for articles in found for a, b in zip(articles, found[0], strict=True))


def test_a_stored_article_reads_its_text_from_its_file_and_leaves_the_file_as_it_was(
    tmp_path: Path,
) -> None:
    """The text is the one imported, read when asked for; the stored file is not rewritten."""
    library = Library.open()
    library.add([_story(tmp_path, "council.txt", "Council vote")])
    stored = library.store / "council.json"  # type: ignore[operator]
    before = (stored.read_bytes(), stored.stat().st_mtime_ns)
    article = Library.open().get("council")
    assert article.text == "Council vote\n\nThe council voted on council vote late on Monday night."
    assert len(article) == len(article.text)
    assert article == article.held()
    assert article.held().text == article.text
    assert (stored.read_bytes(), stored.stat().st_mtime_ns) == before


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        ("remove", ArticleNotFoundError, "council is no longer in the library"),
        ("rewrite", IngestError, "council.json changed since the library was read"),
    ],
)
def test_a_stored_text_gone_or_changed_since_listed_is_a_readable_error(
    tmp_path: Path, change: str, message: str, error: type
) -> None:
    """Another process removed or rewrote the file: its text is not the one listed."""
    library = Library.open()
    library.add([_story(tmp_path, "council.txt", "Council vote")])
    article = Library.open().get("council")
    stored = library.store / "council.json"  # type: ignore[operator]
    if change == "remove":
        stored.unlink()
    else:
        stored.write_text(stored.read_text().replace("Monday", "Friday"))
    with pytest.raises(error, match=message):
        _ = article.text


def test_an_article_imported_again_under_the_same_id_shows_its_new_text(tmp_path: Path) -> None:
    """Removed, then another text imported under its id: the new text, not the one read."""
    library = Library.open()
    library.add([_story(tmp_path, "council.txt", "Council vote")])
    library.reload()
    assert "Monday" in library.get("council").text
    library.remove("council")
    path = tmp_path / "council.txt"
    path.write_text("Council vote\n\nThe council met again on Friday and voted the other way.\n")
    library.add([path])
    library.reload()  # as a refresh does: read from the store again
    assert "Friday" in library.get("council").text


@pytest.mark.parametrize("keys", ["kept", "damaged"])
def test_a_duplicate_is_found_in_a_later_session_whatever_its_kept_keys(
    tmp_path: Path, keys: str
) -> None:
    """The keys kept from the last session tell the duplicate; a damaged file is read anew."""
    first = Library.open()
    first.add([_story(tmp_path, "council.txt", "Council vote")])
    first.add([_story(tmp_path, "budget.txt", "Budget vote")])  # keeps the keys on disk
    kept = first.state_dir / "comparison-keys.json"
    assert kept.is_file()
    if keys == "damaged":
        kept.write_text("{not json")
    copy = tmp_path / "copy.txt"
    copy.write_bytes((tmp_path / "council.txt").read_bytes().replace(b"\n", b"\r\n"))
    report = Library.open().add([copy])
    assert [(o.status, o.article_id) for o in report.outcomes] == [
        (ImportStatus.DUPLICATE, "council")
    ]
