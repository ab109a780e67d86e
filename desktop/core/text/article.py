"""The article: one version of a story, as the library holds it, and how a reader names it.

``short_names(a, b)`` names two articles the way a reader says them in a sentence: "004"
for "004_d8933c6599e0f15b", the whole id otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
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


_NUMBERED_ID = re.compile(r"(\d+)_[0-9a-f]+")


def meta_line(article: Article, *before: str) -> str:
    """The line under a title: ``before`` (a role, say), source, date and id, joined by " · "
    ("BBC News · 5 March 2014 · 000_81f5a5d090ec48c8"); what is unknown is left out."""
    date = article.date.strftime("%-d %B %Y") if article.date else ""
    return " · ".join(part for part in (*before, article.source, date, article.id) if part)


def short_names(a: Article, b: Article) -> dict[str, str]:
    """Each id as a reader says it: "004" for "004_d8933c6599e0f15b", if the two still differ.

    Only ids of the library's ``NNN_hash`` form are shortened; any other is kept whole, and
    so are both when their short forms would be the same.
    """
    short = {
        article.id: match[1] if (match := _NUMBERED_ID.fullmatch(article.id)) else article.id
        for article in (a, b)
    }
    return short if len(set(short.values())) == len({a.id, b.id}) else {a.id: a.id, b.id: b.id}


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One line of a library listing: an article without its text, and how long it is."""

    id: str
    title: str
    source: str
    date: dt.date | None
    characters: int

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        return cls(article.id, article.title, article.source, article.date, len(article.text))
