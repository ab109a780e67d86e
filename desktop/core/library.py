"""The library: the articles Recension knows, where they live, and how an id finds one.

A library reads articles from read-only folders (the bundled sample articles, or any folder
given with ``--library``) and, for the default library, from the user's own store in the
platform's data directory. It never writes to a folder it reads from.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import platformdirs

from desktop.core.article import Article
from desktop.core.errors import AmbiguousIdError, ArticleNotFoundError
from desktop.resources import bundled

APP_NAME = "Recension"
ARTICLE_SUFFIXES = frozenset({".txt"})


def data_dir() -> Path:
    """The user data directory; ``RECENSION_DATA_DIR`` overrides it (tests, portable use)."""
    override = os.environ.get("RECENSION_DATA_DIR")
    return Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)


class Library:
    """Articles from read-only ``folders`` plus an optional writable ``store``."""

    def __init__(self, folders: Sequence[Path], *, store: Path | None, state_dir: Path) -> None:
        self.folders = tuple(folders)
        self.store = store
        self.state_dir = state_dir
        self._articles: dict[str, Article] | None = None

    @classmethod
    def open(cls, folder: Path | None = None) -> Library:
        """The default library (sample articles and the user's store), or ``folder`` read-only."""
        home = data_dir()
        if folder is None:
            return cls([bundled("seeds")], store=home / "articles", state_dir=home / "default")
        folder = folder.resolve()
        digest = hashlib.sha256(str(folder).encode()).hexdigest()[:16]
        return cls([folder], store=None, state_dir=home / "libraries" / digest)

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
        self._articles = None

    def _by_id(self) -> dict[str, Article]:
        if self._articles is None:
            found = (_read(path) for path in _article_files(self._roots()))
            self._articles = {article.id: article for article in sorted(found, key=_id)}
        return self._articles

    def _roots(self) -> list[Path]:
        return [*self.folders, *([self.store] if self.store else [])]


def _id(article: Article) -> str:
    return article.id


def _article_files(roots: Iterable[Path]) -> Iterable[Path]:
    for root in roots:
        if root.is_dir():
            yield from (p for p in root.rglob("*") if p.suffix in ARTICLE_SUFFIXES and p.is_file())


def _read(path: Path) -> Article:
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace").replace("\r\n", "\n").strip()
    title = next((line.strip() for line in text.splitlines() if line.strip()), path.stem)
    return Article(
        id=path.stem,
        title=title,
        text=text,
        origin=str(path),
        sha256=hashlib.sha256(raw).hexdigest(),
    )
