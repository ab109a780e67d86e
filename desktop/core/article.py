"""The article: one version of a story, as the library holds it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """An article's clean text and metadata.

    ``text`` is the displayed text: paragraphs separated by blank lines. Every offset that
    the core reports (search snippets, diff spans) is a character offset into it.
    ``origin`` is the file it was read or imported from (``"clipboard"`` for pasted text),
    ``sha256`` the digest of that file's bytes, ``added`` when it was imported (None for
    articles read from a folder), ``url`` the page's address when known.
    """

    id: str
    title: str
    text: str
    source: str = ""
    date: dt.date | None = None
    origin: str = ""
    sha256: str = ""
    added: dt.datetime | None = None
    url: str = ""

    def __len__(self) -> int:
        return len(self.text)
