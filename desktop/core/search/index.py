"""The search index over the whole library: incremental, crash-safe, safe to read from any thread.

``SearchIndex.open(directory)`` opens (or creates) the Whoosh index of one library, which
lives at ``library.state_dir / "index"``. ``refresh(articles)`` brings it up to date by
content hash: new articles are added, changed ones replaced, removed ones deleted; it
reports ``progress(done, total)`` and stops between articles when ``should_cancel()``
says so, keeping what it has done. ``search(query)`` answers from any thread, while a
refresh runs in another thread or process; a reader always sees one committed state.

Writer settings: batches of _PARALLEL_FROM articles or more are written by two processes
(``procs=2``, ``multisegment=True``) where processes fork (Linux), which is faster and uses
less CPU even when other work holds the second core; smaller ones use one process,
committed without merging until MAX_SEGMENTS segments pile up, so that one new article is
searchable in milliseconds. A big refresh commits every _BATCH_CHARS of text (searches see
it grow batch by batch), below the size past which Whoosh spills postings to temporary
files. Whoosh's codec keeps each posting's document length to bound scores per block,
which makes common words faster to search. ``tests/bench/bench_search.py`` and
``bench_scale.py`` measure these choices.

Crash safety: refreshes take an OS file lock (released by the OS when its holder dies, so
a lock left by a killed process never blocks). After each commit ``recension-index.json``
records the schema version and the size and CRC-32 of every index file; on open they are
checked (a commit that a crash left unrecorded is read through instead), and an index of
another schema version, or one that is damaged, is rebuilt empty with a message in
``warnings``. A failed write (a full disk) cancels the writer and deletes the segment files
no commit refers to: the index stays at its last commit and can still be searched.
``rebuild`` builds a whole new index beside the old one and swaps it in only when done.
Queries are parsed by ``desktop.core.search.query``.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

from whoosh import scoring, sorting
from whoosh.filedb.filestore import FileStorage
from whoosh.index import _DEF_INDEX_NAME as INDEX_NAME
from whoosh.index import TOC, clean_files
from whoosh.query import AndMaybe, Term

from desktop.core.errors import QueryError, RecensionError
from desktop.core.search.budget import bounded
from desktop.core.search.codec import Codec
from desktop.core.search.postings import ranked
from desktop.core.search.query import (
    SCHEMA_VERSION,
    build_schema,
    fold,
    make_snippet,
    parse_query,
    searched_words,
    word_spans,
)
from desktop.core.search.results import (
    RefreshReport,
    SearchHit,
    SearchResults,
    Snippet,
    SortOrder,
)
from desktop.core.search.snippets import story_text
from desktop.core.search.suggest import suggest
from desktop.core.search.wordlists import WordLists
from desktop.core.storage.store import write_json
from desktop.core.text.article import Article

_T = TypeVar("_T")

__all__ = [
    "IndexLockedError",
    "RefreshReport",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "Snippet",
    "SortOrder",
]

MANIFEST = "recension-index.json"
REFRESH_LOCK = "RECENSION_REFRESH"
MAX_SEGMENTS = 8
# A word's weight in an article (how often it occurs there, twice in the title) times how
# rare it is in the library: unlike BM25F it needs no article's length, and each block of
# postings records its highest weight, so the top hits skip the blocks that cannot reach them.
WEIGHTING = scoring.TF_IDF()
MEMORY_MAP = False
_STATE = ("id", "hash", "family")
LOCK_TIMEOUT = 120.0
_PARALLEL_FROM = 500  # articles; below this, starting processes costs more than it saves
_PARALLEL = {"procs": 2, "limitmb": 128, "multisegment": True}
_SINGLE = {"limitmb": 128}
_REBUILDING = ".rebuilding"  # beside the index: where ``rebuild`` builds the new one
_BATCH_CHARS = 15_000_000  # of text per commit: each process's postings stay within limitmb


class IndexLockedError(RecensionError):
    """Another process has been updating the search index for too long."""


class SearchIndex:
    """One library's index; create with :meth:`open`."""

    def __init__(self, directory: Path, ix: Any, warnings: tuple[str, ...]) -> None:
        self.directory = directory
        self.warnings = warnings
        self._ix = ix
        self._schema = build_schema()  # not ix.schema: that reads the TOC a writer may replace
        self._searcher: Any = None
        self._search_lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        self._hashes: dict[Article, str] = {}  # str hashes are cached, so lookups are cheap
        self._state: dict[str, tuple[str, str]] = {}  # id -> (content hash, family)
        self._state_stamp: tuple[int, ...] = ()
        self._words = WordLists()  # read under the search lock

    @classmethod
    def open(cls, directory: Path) -> SearchIndex:
        """The index in ``directory``: created if missing, rebuilt empty if old or damaged."""
        directory.mkdir(parents=True, exist_ok=True)
        problem = _check(directory)
        if problem is None:
            return cls(directory, _storage(directory).open_index(), ())
        with _file_lock(directory, None):
            problem = _check(directory)  # a writer may have committed while we looked
            if problem is None:
                return cls(directory, _storage(directory).open_index(), ())
            ix = _create(directory)
        return cls(directory, ix, () if problem == "missing" else (problem,))

    def rebuild(
        self,
        articles: Sequence[Article],
        *,
        families: Mapping[str, str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> RefreshReport:
        """Index every article again, beside the index in use, which is swapped out when done.

        Searches answer from the old index meanwhile; a failure (a full disk) leaves it as
        it was, with nothing of the new one behind.
        """
        fresh = self.directory.with_name(self.directory.name + _REBUILDING)
        with self._refresh_lock, _file_lock(self.directory, None):
            shutil.rmtree(fresh, ignore_errors=True)
            try:
                fresh.mkdir(parents=True)
                built = SearchIndex(fresh, _create(fresh), ())
                report = built.refresh(articles, families=families, progress=progress)
                built.close()
                _swap_in(fresh, self.directory)
            finally:
                shutil.rmtree(fresh, ignore_errors=True)
            self._ix = _storage(self.directory).open_index()
            self._state_stamp = ()
        with self._search_lock:
            self._close_searcher()
        return report

    def refresh(
        self,
        articles: Sequence[Article],
        *,
        families: Mapping[str, str] | None = None,
        progress: Callable[[int, int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> RefreshReport:
        """Bring the index up to date with ``articles``; ``families`` maps id → family id.

        Without ``families``, indexed articles keep their family and new ones are their own.
        """
        with self._refresh_lock, _file_lock(self.directory, should_cancel):
            indexed = self._indexed()
            wanted = {article.id: article for article in articles}
            removed = [key for key in indexed if key not in wanted]
            changes: list[tuple[Article, str, str, bool]] = []
            hashes = {article: self._hashes.get(article) for article in wanted.values()}
            self._hashes = {a: known or content_hash(a) for a, known in hashes.items()}
            for article, content in self._hashes.items():
                old = indexed.get(article.id)
                if families is not None:
                    family = families.get(article.id, article.id)
                else:
                    family = old[1] if old else article.id
                if old != (content, family):
                    changes.append((article, content, family, old is not None))
            if not changes and not removed:
                _report(progress, 0, 0)
                return RefreshReport(0, 0, 0, cancelled=False)
            return self._write(changes, removed, progress, should_cancel)

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        page: int = 1,
        sort: SortOrder = SortOrder.RELEVANCE,
    ) -> SearchResults:
        """One page of the articles matching ``query``; every article for a blank query.

        Raises QueryError (with a message for the user) for a query that cannot be read.
        """
        parsed = parse_query(query, self._schema)
        limit, page = max(1, limit), max(1, page)
        if sort is SortOrder.DATE:
            order: Any = sorting.MultiFacet(
                [sorting.FieldFacet("date", reverse=True), sorting.ScoreFacet()]
            )
        else:
            order = sorting.FieldFacet("id") if not query.strip() else None

        def read(searcher: Any) -> SearchResults:
            within = bounded(parsed, searcher.reader(), self._words)
            answer = ranked(within.query, searcher, page * limit) if order is None else None
            if answer is None:
                found = searcher.search(within.query, limit=page * limit, sortedby=order)
                top = [(hit.docnum, float(hit.score) if order is None else 0.0) for hit in found]
                total = _total(found, within.query, searcher)
            else:
                top, total = answer
            words = (
                searched_words(within.query, searcher.reader()) if query.strip() else frozenset()
            )
            hits = tuple(
                _hit(searcher.stored_fields(docnum), score, words)
                for docnum, score in top[(page - 1) * limit : page * limit]
            )
            respelt = suggest(query, self._schema, searcher) if not total else None
            return SearchResults(
                query=query,
                total=total,
                hits=hits,
                page=page,
                suggestion=respelt,
                cut_short=within.cut_short,
            )

        return self._with_searcher(read)

    def highlights(self, query: str, article: Article) -> tuple[tuple[int, int], ...]:
        """Where ``query``'s words occur in ``article.text``; none for a blank or bad query."""
        try:
            parsed = parse_query(query, self._schema) if query.strip() else None
        except QueryError:
            return ()
        if parsed is None:
            return ()
        words = self._with_searcher(
            lambda searcher: searched_words(
                bounded(parsed, searcher.reader(), self._words).query, searcher.reader()
            )
        )
        return word_spans(article.text, words)

    def close(self) -> None:
        """Release the open searcher's files (the index can still be searched afterwards)."""
        with self._search_lock:
            self._close_searcher()

    def _with_searcher(self, read: Callable[[Any], _T]) -> _T:
        """``read(searcher)`` on an up-to-date searcher, one thread at a time.

        A writer that merges segments deletes their files; a searcher opened before may
        then find a file gone, as it opens or as it reads. It is reopened and asked again.
        """
        with self._search_lock:
            for attempt in range(3):
                try:
                    if self._searcher is not None and not self._searcher.up_to_date():
                        # Not Searcher.refresh: it keeps the reader of a segment whose
                        # deletions changed (Whoosh knows a segment by its id alone), so
                        # removed and replaced articles would still be found.
                        self._close_searcher()
                    if self._searcher is None:
                        self._searcher = self._ix.searcher(weighting=WEIGHTING)
                    return read(self._searcher)
                except FileNotFoundError:
                    self._close_searcher()
                    if attempt == 2:
                        raise
                    time.sleep(0.05)
        raise AssertionError("unreachable")

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def _indexed(self) -> dict[str, tuple[str, str]]:
        """Indexed id → (content hash, family), read again only after another's commit."""
        stamp = self._stamp()
        if stamp != self._state_stamp:
            with self._ix.reader() as reader:
                self._state = {}
                if reader.doc_count():  # an empty index has no columns
                    ids, hashes, families = (
                        reader.column_reader(n, translate=True) for n in _STATE
                    )
                    self._state = {ids[n]: (hashes[n], families[n]) for n in reader.all_doc_ids()}
            self._state_stamp = stamp
        return self._state

    def _stamp(self) -> tuple[int, ...]:
        """Which commit the index is at: generation, and its TOC file (a rebuild restarts at 0)."""
        generation = self._ix.latest_generation()
        toc = os.stat(self.directory / f"_{self._ix.indexname}_{generation}.toc")
        return (generation, toc.st_ino, toc.st_mtime_ns)

    def _write(
        self,
        changes: list[tuple[Article, str, str, bool]],
        removed: list[str],
        progress: Callable[[int, int], None] | None,
        should_cancel: Callable[[], bool] | None,
    ) -> RefreshReport:
        added, updated, deleted = 0, 0, len(removed)
        total, step = len(changes), max(1, len(changes) // 200)
        cancelled = False
        for batch in _batches(changes):
            parallel = len(batch) >= _PARALLEL_FROM and multiprocessing.get_start_method() == "fork"
            writer = self._ix.writer(codec=Codec(), **(_PARALLEL if parallel else _SINGLE))
            try:
                for key in removed:
                    writer.delete_by_term("id", key)
                written: dict[str, tuple[str, str]] = {}
                for article, content, family, exists in batch:
                    if should_cancel is not None and should_cancel():
                        cancelled = True
                        break
                    document = _document(article, content, family)
                    written[article.id] = (content, family)
                    if exists:
                        writer.update_document(**document)
                        updated += 1
                    else:
                        writer.add_document(**document)
                        added += 1
                    done = added + updated
                    if done % step == 0 or done == total:
                        _report(progress, done, total)
                merge = parallel or len(self._ix._segments()) >= MAX_SEGMENTS
                writer.commit(merge=merge)
            except BaseException:
                _abandon(writer, self._ix)
                raise
            _write_manifest(self.directory, self._ix)
            gone = set(removed)
            self._state = {k: v for k, v in self._state.items() if k not in gone} | written
            self._state_stamp = self._stamp()
            removed = []  # deleted by the first commit
            if cancelled:
                break
        return RefreshReport(added, updated, deleted, cancelled)


def _batches(
    changes: list[tuple[Article, str, str, bool]],
) -> list[list[tuple[Article, str, str, bool]]]:
    """``changes`` in about equal batches of at most _BATCH_CHARS of text, one commit each."""
    if not changes:
        return [[]]  # still one commit, of the removals
    size = sum(len(article) for article, *_ in changes)
    share = -(-len(changes) // -(-size // _BATCH_CHARS))
    return [changes[start : start + share] for start in range(0, len(changes), share)]


def content_hash(article: Article) -> str:
    """A digest of everything indexed about ``article`` except its family: its text by its
    ``TextKey``, which a stored article knows without reading the text from its file."""
    digest = hashlib.blake2b(digest_size=16)
    text = article.text_key
    for part in (article.title, article.source, str(article.date or ""), f"{text}"):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def _document(article: Article, content: str, family: str) -> dict[str, str]:
    story = story_text(article.text, article.title)
    document = {
        "id": article.id,
        "title": article.title,
        "body": "\n".join((article.title, article.source, article.text)),
        "story": story,
        "folded": fold(story),
        "source": article.source,
        "family": family,
        "hash": content,
    }
    if article.date is not None:
        document["date"] = article.date.isoformat()
    return document


def _total(found: Any, searched: Any, searcher: Any) -> int:
    """How many articles match ``searched``, of which ``found`` holds the top ones.

    Ranked by WEIGHTING, Whoosh skips the blocks of postings that cannot reach the top
    and does not count what it skipped. A word's articles are counted from the index's
    statistics (exact while no article is deleted but not merged away); any other query's
    by walking its matches, without scoring them (an ``AndMaybe`` matches what its first
    part does).
    """
    if found.has_exact_length():
        return len(found)
    while isinstance(searched, AndMaybe):
        searched = searched.a
    reader = searcher.reader()
    if isinstance(searched, Term) and not reader.has_deletions():
        term = (searched.fieldname, searched.text)
        return reader.doc_frequency(*term) if term in reader else 0
    return sum(1 for _ in searcher.docs_for_query(searched))


def _hit(stored: dict[str, Any], score: float, words: frozenset[str]) -> SearchHit:
    """``score`` is 0 for hits sorted by another key than relevance."""
    return SearchHit(
        id=stored["id"],
        title=stored.get("title", ""),
        source=stored.get("source", ""),
        date=stored.get("date"),
        score=score,
        snippet=make_snippet(stored.get("story", ""), words, stored.get("folded")),
        family=stored.get("family", stored["id"]),
    )


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _storage(directory: Path) -> FileStorage:
    """Files read with plain reads: memory-mapped, every page a search touches counts as the
    app's memory (RSS): 64 MB more per 3,000 articles, for searches only 12% faster."""
    return FileStorage(str(directory), supports_mmap=MEMORY_MAP)


@contextmanager
def _file_lock(directory: Path, should_cancel: Callable[[], bool] | None) -> Iterator[None]:
    """Hold the refresh lock of ``directory``, waiting for another process to finish."""
    lock = _storage(directory).lock(REFRESH_LOCK)
    deadline = time.monotonic() + LOCK_TIMEOUT
    while not lock.acquire(blocking=False):
        if should_cancel is not None and should_cancel():
            raise IndexLockedError("cancelled while another process was updating the index")
        if time.monotonic() > deadline:
            raise IndexLockedError("another Recension process is still updating the index")
        time.sleep(0.05)
    try:
        yield
    finally:
        lock.release()


def _create(directory: Path) -> Any:
    """An empty index in ``directory``, replacing whatever was there (lock held)."""
    for entry in directory.iterdir():
        if entry.name == REFRESH_LOCK:
            continue
        if entry.is_dir():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    ix = _storage(directory).create_index(build_schema())
    _write_manifest(directory, ix)
    return ix


def _abandon(writer: Any, ix: Any) -> None:
    """Cancel a failed writer and delete what it wrote: the index stays at its last commit.

    On a full disk, cancelling fails too (closing flushes): the writer's lock and
    temporary files are then let go of directly. The segment it was writing, which no
    commit refers to, is deleted.
    """
    try:
        writer.cancel()
    except OSError:
        with suppress(OSError):
            writer._finish()
    with suppress(OSError):
        clean_files(ix.storage, ix.indexname, ix.latest_generation(), ix._segments())


def _swap_in(fresh: Path, directory: Path) -> None:
    """Make the index built in ``fresh`` the one in ``directory`` (both locked), atomically.

    Its segments are moved in beside the old ones (their names are unique), then one table
    of contents a generation above the old one is renamed into place: a crash before that
    rename leaves the old index whole, after it the new one (``_check`` records it). The
    old index's files are deleted, then the manifest records the new one.
    """
    source, target = _storage(fresh), _storage(directory)
    toc = TOC.read(source, INDEX_NAME)
    segment = TOC._segment_pattern(INDEX_NAME)
    moved = [entry.name for entry in fresh.iterdir() if segment.match(entry.name)]
    try:
        for name in moved:
            os.replace(fresh / name, directory / name)
        toc.generation = TOC._latest_generation(target, INDEX_NAME) + 1
        toc.write(target, INDEX_NAME)
    except OSError:
        for name in moved:
            (directory / name).unlink(missing_ok=True)
        raise
    with suppress(OSError):
        clean_files(target, INDEX_NAME, toc.generation, toc.segments)
    with suppress(OSError):  # a full disk: the index is sound, its manifest written next time
        _write_manifest(directory, target.open_index(INDEX_NAME))


def _check(directory: Path) -> str | None:
    """None for a sound index, "missing" for none, else the warning to show."""
    try:
        manifest = json.loads((directory / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        manifest = None
    if manifest is None and not _storage(directory).index_exists():
        return "missing"
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA_VERSION:
        return "The search index was made by another version of Recension and has been rebuilt."
    try:
        ix = _storage(directory).open_index()
        if ix.latest_generation() == manifest.get("generation"):
            files = manifest.get("files", {})
            if all(_fingerprint(directory / name) == tuple(sig) for name, sig in files.items()):
                return None
            raise ValueError("an index file changed")
        _read_through(ix)  # committed, then a crash before the manifest: read it all
        with suppress(OSError):  # a full disk: sound all the same, recorded next time
            _write_manifest(directory, ix)
        return None
    except Exception:  # any failure to read the index means it must be rebuilt
        return "The search index was damaged and has been rebuilt."


def _read_through(ix: Any) -> None:
    with ix.reader() as reader:
        for _ in reader.iter_docs():
            pass
        for field in ("title", "body"):
            for _ in reader.lexicon(field):
                pass


def _fingerprint(path: Path) -> tuple[int, int]:
    crc = 0
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            crc = zlib.crc32(chunk, crc)
    return path.stat().st_size, crc


def _is_index_file(entry: Path) -> bool:
    """Whoosh's table of contents and segments (lock files have no suffix)."""
    return entry.is_file() and entry.suffix not in ("", ".json", ".tmp")


def _write_manifest(directory: Path, ix: Any) -> None:
    """Record the committed generation and its files' fingerprints (atomically)."""
    path = directory / MANIFEST
    try:
        old = json.loads(path.read_text("utf-8")).get("files", {})
    except (OSError, ValueError, AttributeError):
        old = {}
    files = {}
    for entry in sorted(directory.iterdir()):
        if _is_index_file(entry):
            known = old.get(entry.name)
            size = entry.stat().st_size
            files[entry.name] = known if known and known[0] == size else list(_fingerprint(entry))
    manifest = {"schema": SCHEMA_VERSION, "generation": ix.latest_generation(), "files": files}
    # A temporary file of its own: a second app instance opening the index may record the
    # same commit at the same moment (see _check), and one fixed name would be renamed twice.
    write_json(path, manifest)
