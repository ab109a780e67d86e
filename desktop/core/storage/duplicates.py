"""What tells a duplicate import: each text's comparison key, kept from one session to the next.

An import is a duplicate when its clean text has the comparison key
(``text.normalize.comparison_key``) of an article already in the library. ``SameText``
gives each article's key digest, known by its text's ``TextKey``, and keeps them in the
library's state folder (``save``), so that the first import of a session neither reads the
library's texts from their files nor folds them again (10,000 articles: 1.1 s). A
missing or damaged file is read as empty: it is a cache, never the truth.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from desktop.core.storage import store
from desktop.core.text.article import Article
from desktop.core.text.normalize import comparison_key


class SameText:
    """Comparison-key digests by text, kept at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, str] | None = None  # the file is read at first use
        self._new = False

    def key(self, article: Article) -> str:
        """The digest of the article's comparison key, computed only for a text not seen."""
        if self._known is None:
            self._known = _read(self.path)
        name = _name(article)
        found = self._known.get(name)
        if found is None:
            found = self._known[name] = digest(article.text)
            self._new = True
        return found

    def save(self, articles: Iterable[Article]) -> None:
        """Keep the keys of ``articles`` (those of removed ones go), if any was computed."""
        if self._known is None or not self._new:
            return
        kept = {name: self._known[name] for name in map(_name, articles) if name in self._known}
        with contextlib.suppress(OSError):  # a full disk: computed again next time
            store.write_json(self.path, kept)
            self._new = False


def digest(text: str) -> str:
    """The SHA-256 of ``text``'s comparison key, as hex."""
    return hashlib.sha256(comparison_key(text).encode()).hexdigest()


def _name(article: Article) -> str:
    key = article.text_key
    return f"{key.characters}:{key.digest}"


def _read(path: Path) -> dict[str, str]:
    try:
        known = store.parse(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(known, dict):
        return {}
    return {name: key for name, key in known.items() if isinstance(key, str)}
