"""Stored articles' texts, read from their files when asked, the last few kept.

A library of 10,000 articles lists them from their metadata; their texts (40 MB) stay on
disk until one is shown, compared, indexed or fingerprinted (an ``Article`` built with ``_read``).
``TextShelf.read(path, stamp)`` reads the text stored at ``path``, if the file is the one
the library read (``store.stamp``: its size and modification time); the last texts read
are kept, at least
``KEPT_AT_LEAST`` whatever their size, so that a comparison, which asks for its two
texts again and again, reads each once.

A text that is gone or changed since the library was read is an ``ArticleNotFoundError``
or ``IngestError`` with a message for the user, never another text than the one listed.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from desktop.core.errors import ArticleNotFoundError, IngestError
from desktop.core.storage import store

KEPT_CHARACTERS = 4_000_000  # of the texts read last: a story's versions, a few comparisons
KEPT_AT_LEAST = 4  # texts, however long: the two of a comparison and the two before


class TextShelf:
    """The texts read last from a store, by path and stamp (an id removed and imported again
    is another file); safe to use from any thread."""

    def __init__(self) -> None:
        self._kept: OrderedDict[tuple[str, tuple[int, ...]], str] = OrderedDict()
        self._characters = 0
        self._lock = threading.Lock()

    def read(self, path: str, stamp: list[int]) -> str:
        """The text of the article stored at ``path``, when the library read it at ``stamp``."""
        kept = (path, tuple(stamp))
        with self._lock:
            text = self._kept.get(kept)
            if text is not None:
                self._kept.move_to_end(kept)
                return text
        text = _read(Path(path), stamp)
        with self._lock:
            if kept not in self._kept:
                self._kept[kept] = text
                self._characters += len(text)
            while len(self._kept) > KEPT_AT_LEAST and self._characters > KEPT_CHARACTERS:
                self._characters -= len(self._kept.popitem(last=False)[1])
        return text


def _read(path: Path, stamp: list[int]) -> str:
    try:
        now = store.stamp(path)
    except FileNotFoundError:
        raise ArticleNotFoundError(
            f"{path.stem} is no longer in the library (it was removed)"
        ) from None
    if now != stamp:
        raise IngestError(f"the stored article {path.name} changed since the library was read")
    return store.load(path).text
