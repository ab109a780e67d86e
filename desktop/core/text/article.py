"""The article: one version of a story, as the library holds it, and how a reader names it.

``short_names(a, b)`` names two articles the way a reader says them in a sentence: "004"
for "004_d8933c6599e0f15b", the whole id otherwise.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace


@dataclass(frozen=True, slots=True)
class TextKey:
    """What tells a text from another without reading it: its length and a 64-bit BLAKE2b
    digest of its UTF-8 bytes (the one the version fingerprints know a text by)."""

    characters: int
    digest: int

    @classmethod
    def of(cls, text: str) -> TextKey:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return cls(len(text), int.from_bytes(digest, "little"))


@dataclass(frozen=True, slots=True)
class Article:
    """An article's clean text and metadata.

    ``text`` is the displayed text: paragraphs separated by blank lines. Every offset that
    the core reports (search snippets, diff spans) is a character offset into it.
    ``origin`` is the file it was read or imported from (``"clipboard"`` for pasted text),
    ``sha256`` the digest of that file's bytes, ``added`` when it was imported (None for
    articles read from a folder), ``url`` the page's address when known.

    An article built with ``_read`` does not hold its text: the text given is only keyed
    (``TextKey``), and ``_read()`` gives it again each time it is asked for (the library's
    store reads it from the article's file), so that a large library keeps in memory only
    what it lists. Articles are equal when their metadata and their texts' keys are, which
    is known without reading the texts.
    """

    id: str
    title: str
    text: str = field(compare=False)  # compared by ``_key``
    source: str = ""
    date: dt.date | None = None
    origin: str = ""
    sha256: str = ""
    added: dt.datetime | None = None
    url: str = ""
    _key: TextKey = field(init=False, repr=False)  # of ``text``, however it was given
    _read: Callable[[], str] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_key", TextKey.of(self.text))
        if self._read is not None:
            object.__delattr__(self, "text")  # asked for, it is read: ``__getattr__``

    def __getattr__(self, name: str) -> str:
        """The text of an article that does not hold it (only an unset slot comes here)."""
        if name != "text" or self._read is None:
            raise AttributeError(name)
        return self._read()

    def __getstate__(self) -> list[object]:
        """Pickled with its text: another process cannot read it as this one would."""
        return [None if f.name == "_read" else getattr(self, f.name) for f in fields(self)]

    def __len__(self) -> int:
        return self.text_key.characters

    @property
    def text_key(self) -> TextKey:
        return self._key

    def held(self) -> Article:
        """This article with its text in memory (read once, if it was read when asked)."""
        return self if self._read is None else replace(self, _read=None)


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
        return cls(article.id, article.title, article.source, article.date, len(article))
