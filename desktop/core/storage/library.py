"""The library: the articles Recension knows, where they live, and how an id finds one.

A library reads articles from read-only folders (the bundled sample articles, or any folder
given with ``--library``, read recursively) and, for the default library, from the user's
own store in the platform's data directory (``store.py``: clean text and metadata as
JSON, so reopening never re-extracts). It never writes to a folder it reads from, and
never modifies or moves a file it imports.

Reading never fails because of one bad file: it is left out of ``articles()`` and named
with its reason in ``problems``. Importing (``add``, ``add_text``) reports every file as
added, duplicate (its clean text has the same comparison key as an article already in
the library: ``duplicates.py``, the keys kept in ``state_dir``) or skipped with the
reason. Ids are file stems, made unique with ``-2``…
Each import and removal holds the store's lock (``lock.py``), and reads again what another
process stored since, so two processes importing the same texts at once store each once.
A full disk stops an import with the OSError, after deleting what that import stored:
the library is left as it was.

What was read from folders is cached in ``state_dir`` (keyed by path, size and mtime of
the file and of its sidecar), so that reopening a big ``--library`` folder only reads
the files that changed. Reading again after ``reload`` keeps every article whose file
(folder or store) has the same size and modification time, so a refresh of a big library
reads only what changed and keeps one copy of each text in memory, not two. The store's
articles keep none: each text is read from its file when asked for (``texts.py``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

import platformdirs

from desktop.core.errors import (
    AmbiguousIdError,
    ArticleNotFoundError,
    IngestError,
    ReadOnlyLibraryError,
)
from desktop.core.storage import store
from desktop.core.storage.caches import APP_NAME, folder_cache
from desktop.core.storage.duplicates import SameText
from desktop.core.storage.lock import exclusive
from desktop.core.storage.texts import TextShelf
from desktop.core.text import DEFAULT_MAX_BYTES
from desktop.core.text.article import Article
from desktop.core.text.ingest import (
    ARTICLE_SUFFIXES,
    SIDECAR_SUFFIX,
    ingest_file,
    ingest_text,
    sidecar_path,
    sidecar_status,
)
from desktop.core.text.printable import decodable
from desktop.resources import bundled

_DISK_FULL = frozenset({errno.ENOSPC, errno.EDQUOT})
_CACHE_NAME = "folder-articles.json"
_KEYS_NAME = "comparison-keys.json"


def data_dir() -> Path:
    """The user data directory; ``RECENSION_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("RECENSION_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


class ImportStatus(StrEnum):
    """What became of one file given to ``Library.add``."""

    ADDED = "added"
    DUPLICATE = "duplicate"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """One file's fate: ``reason`` says why it was skipped, or what it duplicates."""

    path: str
    status: ImportStatus
    reason: str = ""
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Every file given to one ``Library.add``, in order; ``cancelled`` if it stopped early."""

    outcomes: tuple[ImportOutcome, ...]
    cancelled: bool = False

    @property
    def added(self) -> tuple[ImportOutcome, ...]:
        return self._with(ImportStatus.ADDED)

    @property
    def duplicates(self) -> tuple[ImportOutcome, ...]:
        return self._with(ImportStatus.DUPLICATE)

    @property
    def skipped(self) -> tuple[ImportOutcome, ...]:
        return self._with(ImportStatus.SKIPPED)

    def _with(self, status: ImportStatus) -> tuple[ImportOutcome, ...]:
        return tuple(outcome for outcome in self.outcomes if outcome.status is status)


class Library:
    """Articles from read-only ``folders`` plus an optional writable ``store``."""

    def __init__(
        self,
        folders: Sequence[Path],
        *,
        store: Path | None,
        state_dir: Path,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.folders = tuple(folders)
        self.store = store
        self.state_dir = state_dir
        self.max_bytes = max_bytes
        self._articles: dict[str, Article] | None = None
        self._problems: tuple[ImportOutcome, ...] = ()
        self._keys: dict[str, str] | None = None
        self._seen: dict[str, tuple[list[int], Article]] = {}  # path -> (stamp, as read)
        self._lock = threading.RLock()  # the window reads while a refresh reads again
        self._cached: dict[str, list[int]] | None = None  # path -> stamp, in the folder cache
        self._same = SameText(state_dir / _KEYS_NAME)  # what tells a duplicate import
        self._generation: int | None = None  # the store's change count when last read
        self._texts = TextShelf()  # the stored articles' texts read last

    @classmethod
    def open(cls, folder: Path | None = None) -> Library:
        """The default library (sample articles and the user's store), or ``folder`` read-only."""
        home = data_dir()
        if folder is None:
            return cls([bundled("seeds")], store=home / "articles", state_dir=home / "default")
        folder = folder.resolve()
        return cls([folder], store=None, state_dir=folder_cache(folder, home))

    @property
    def read_only(self) -> bool:
        """True for a folder opened with ``--library``: nothing can be added or removed."""
        return self.store is None

    @property
    def loaded(self) -> bool:
        """Whether the articles have been read (``problems`` is then known without reading)."""
        return self._articles is not None

    @property
    def problems(self) -> tuple[ImportOutcome, ...]:
        """Files left out of ``articles()`` because they could not be read, with the reason."""
        self._by_id()
        return self._problems

    def articles(self) -> tuple[Article, ...]:
        """Every article, ordered by id."""
        return tuple(self._by_id().values())

    def get(self, ref: str) -> Article:
        """The article whose id is ``ref`` or starts with it."""
        by_id = self._by_id()
        if ref in by_id:
            return by_id[ref]
        matches = [key for key in by_id if key.startswith(ref)] if ref else []
        if not matches:
            raise ArticleNotFoundError(f"no article with id {ref!r} in the library")
        if len(matches) > 1:
            shown = ", ".join(matches[:5])
            raise AmbiguousIdError(f"{ref!r} matches {len(matches)} articles ({shown}…)")
        return by_id[matches[0]]

    def reload(self) -> None:
        """Forget what was read, so that the next call reads the folders again."""
        with self._lock:
            self._articles = None
            self._keys = None

    def add(
        self,
        paths: Iterable[Path],
        *,
        progress: Callable[[int, int], None] | None = None,
        should_cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import copies of files and of the article files in folders (recursively)."""
        target = self._writable_store()
        store.sweep(target)
        outcomes: list[ImportOutcome] = []
        files = [path for given in paths for path in _expand(given, outcomes)]
        try:
            for done, path in enumerate(files):
                if should_cancel is not None and should_cancel():
                    return ImportReport(tuple(outcomes), cancelled=True)
                outcomes.append(self._import_file(path, target))
                if progress is not None:
                    progress(done + 1, len(files))
        except OSError:  # the disk is full: the library is left as it was before this import
            self._undo(target, [o.article_id for o in outcomes if o.status is ImportStatus.ADDED])
            raise
        return ImportReport(tuple(outcomes))

    def add_text(self, title: str, text: str, *, source: str = "") -> ImportOutcome:
        """Import text pasted by the user under ``title``."""
        target = self._writable_store()
        article_id = store.safe_id("-".join(title.lower().split()[:8]) or "pasted")
        try:
            article = ingest_text(title, text, article_id=article_id, source=source)
        except IngestError as error:
            return ImportOutcome("clipboard", ImportStatus.SKIPPED, str(error))
        return self._keep(article, "clipboard", target)

    def remove(self, ref: str) -> Article:
        """Delete an imported article from the store; the user's original file is untouched."""
        target = self._writable_store()
        article = self.get(ref)
        stored = target / f"{article.id}{store.SUFFIX}"
        if not stored.is_file():
            raise ReadOnlyLibraryError(
                f"{article.id} is a bundled sample article; only imported articles can be removed"
            )
        try:
            with exclusive(target) as generation:
                generation.bump()
                stored.unlink()
        except OSError as error:
            raise IngestError(f"could not remove {article.id} ({error.strerror})") from error
        self.reload()
        return article

    def _undo(self, target: Path, article_ids: Iterable[str | None]) -> None:
        """Delete the articles an interrupted import stored (as far as the disk allows)."""
        with contextlib.suppress(OSError), exclusive(target) as generation:
            generation.bump()
            for article_id in article_ids:
                (target / f"{article_id}{store.SUFFIX}").unlink(missing_ok=True)
        self.reload()

    def _writable_store(self) -> Path:
        if self.store is None:
            raise ReadOnlyLibraryError(
                "this library is a folder opened with --library, which is read-only:"
                " nothing can be added to it or removed from it"
            )
        return self.store

    def _import_file(self, path: Path, target: Path) -> ImportOutcome:
        try:
            article = ingest_file(
                path, article_id=store.safe_id(path.stem), max_bytes=self.max_bytes
            )
        except IngestError as error:
            return ImportOutcome(str(path), ImportStatus.SKIPPED, str(error))
        return self._keep(article.article, str(path), target, article.notes)

    def _keep(
        self, article: Article, shown: str, target: Path, notes: tuple[str, ...] = ()
    ) -> ImportOutcome:
        # One import at a time, in this process and across processes: under the store's
        # lock, what another process stored since we last looked is read before deciding.
        with self._lock, exclusive(target) as generation:
            if generation.value != self._generation:
                self.reload()
            keys = self._key_index()
            key = self._same.key(article)
            if key in keys:
                return ImportOutcome(
                    shown, ImportStatus.DUPLICATE, f"same text as {keys[key]}", keys[key]
                )
            added = replace(article, added=datetime.now(UTC).replace(microsecond=0))
            try:
                self._generation = generation.bump()
                kept = store.save(target, added, taken=frozenset(self._by_id()))
            except OSError as error:
                if error.errno in _DISK_FULL:
                    raise
                reason = error.strerror or str(error)
                return ImportOutcome(shown, ImportStatus.SKIPPED, f"could not be stored ({reason})")
            except IngestError as error:
                return ImportOutcome(shown, ImportStatus.SKIPPED, f"could not be stored ({error})")
            by_id = self._by_id()
            by_id[kept.id] = kept
            self._articles = dict(sorted(by_id.items()))
            keys[key] = kept.id
            return ImportOutcome(shown, ImportStatus.ADDED, "; ".join(notes), kept.id)

    def _key_index(self) -> dict[str, str]:
        """Comparison-key digest -> id, computed only for texts not seen (``duplicates``)."""
        if self._keys is None:
            articles = self.articles()
            self._keys = {self._same.key(article): article.id for article in articles}
            self._same.save(articles)
        return self._keys

    def _by_id(self) -> dict[str, Article]:
        with self._lock:
            if self._articles is None:
                seen, self._seen = self._seen, {}
                found, problems = self._read_folders(seen)
                for path in store.stored_files(self.store) if self.store else []:
                    try:
                        found.append(self._unchanged(path, seen) or self._remember(path))
                    except (IngestError, OSError) as error:
                        problems.append(ImportOutcome(str(path), ImportStatus.SKIPPED, str(error)))
                self._articles = {article.id: article for article in sorted(found, key=_id)}
                self._problems = tuple(problems)
            return self._articles

    def _unchanged(self, path: Path, seen: dict[str, tuple[list[int], Article]]) -> Article | None:
        """The article read from ``path`` last time, if the file has not changed since.

        Reusing it, rather than an equal copy, keeps one copy of each text in memory
        however often the library is read again.
        """
        known = seen.get(str(path))
        if known is None or known[0] != store.stamp(path):
            return None
        self._seen[str(path)] = known
        return known[1]

    def _remember(self, path: Path) -> Article:
        """The article stored at ``path``, its text left in the file until asked for."""
        stamp = store.stamp(path)
        article = store.load(path, read=partial(self._texts.read, str(path), stamp))
        self._seen[str(path)] = (stamp, article)
        return article

    def _read_folders(
        self, seen: dict[str, tuple[list[int], Article]]
    ) -> tuple[list[Article], list[ImportOutcome]]:
        """Articles of the folders, from the cache in ``state_dir`` when a file is unchanged."""
        cache_path = self.state_dir / _CACHE_NAME
        cache: dict[str, Any] | None = None  # read only for files not seen before
        stamps: dict[str, list[int]] = {}
        found: list[Article] = []
        problems: list[ImportOutcome] = []
        files = [path for folder in self.folders for path in _article_files(folder, problems)]
        for path in files:
            key = str(path)
            try:
                stamp = _stamp(path)
                known = seen.get(key)
                if known is not None and known[0] == stamp:
                    article = known[1]
                else:
                    if cache is None:
                        cache = _load_cache(cache_path)
                        self._cached = _stamps(cache)
                    entry = cache.get(key)
                    if entry and entry["stamp"] == stamp:
                        article = store.from_json(decodable(path.stem), entry["article"])
                    else:
                        article = ingest_file(path).article
            except (IngestError, OSError, KeyError, ValueError, TypeError) as error:
                problems.append(ImportOutcome(key, ImportStatus.SKIPPED, str(error)))
                continue
            self._seen[key] = (stamp, article)
            stamps[key] = stamp
            found.append(article)
        if stamps != self._cached:
            fresh = {
                key: {"stamp": stamp, "article": store.to_json(self._seen[key][1])}
                for key, stamp in stamps.items()
            }
            with contextlib.suppress(OSError):
                store.write_json(cache_path, fresh)
            self._cached = stamps
        return found, problems


def _load_cache(path: Path) -> dict[str, Any]:
    try:
        cache = store.parse(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    return cache if isinstance(cache, dict) else {}


def _stamps(cache: dict[str, Any]) -> dict[str, list[int]] | None:
    """Path -> stamp of a folder cache; None if it is malformed (it is then written anew)."""
    try:
        return {key: entry["stamp"] for key, entry in cache.items()}
    except (KeyError, TypeError):
        return None


def _stamp(path: Path) -> list[int]:
    """What changes when a file or its sidecar changes: sizes and modification times."""
    stat = path.stat()
    extra = sidecar_status(sidecar_path(path))
    return [
        stat.st_size,
        stat.st_mtime_ns,
        extra.st_size if extra else -1,
        extra.st_mtime_ns if extra else -1,
    ]


def _id(article: Article) -> str:
    return article.id


def _article_files(folder: Path, problems: list[ImportOutcome]) -> Iterator[Path]:
    """Article files below ``folder``, symlinked folders not followed (no loops).

    A subfolder that cannot be listed is added to ``problems`` with the reason.
    """

    def unreadable(error: OSError) -> None:
        reason = f"this folder cannot be read ({error.strerror or error})"
        problems.append(ImportOutcome(str(error.filename), ImportStatus.SKIPPED, reason))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(names):
            path = Path(root, name)
            if _is_article_name(path):
                yield path


def _is_article_name(path: Path) -> bool:
    return (
        path.suffix.lower() in ARTICLE_SUFFIXES
        and not path.name.startswith(".")
        and not path.name.endswith(SIDECAR_SUFFIX)
    )


def _expand(given: Path, problems: list[ImportOutcome]) -> list[Path]:
    """A file as given (whatever its name), or the article files of a folder (if any)."""
    return (list(_article_files(given, problems)) or [given]) if os.path.isdir(given) else [given]
