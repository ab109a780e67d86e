"""What a search answers: pages of hits, each with a snippet to show. No Whoosh here.

Kept apart from ``index`` so that code which only names these values (the window's sort
box) does not load Whoosh; the orders themselves are in ``order`` (the command line's options).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.search.order import SortOrder as SortOrder  # where the window names it


@dataclass(frozen=True, slots=True)
class Snippet:
    """A stretch of an article's text to show; ``highlights`` are offsets into ``text``."""

    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    source: str
    date: str | None
    score: float
    snippet: Snippet
    family: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    """One page of hits; ``suggestion`` is the query respelt with the index's words
    ("Did you mean …?") when nothing matched and a word could be corrected."""

    query: str
    total: int
    hits: tuple[SearchHit, ...]
    page: int
    suggestion: str | None = None
    cut_short: bool = False  # prefixes or fuzzy words matched more words than were tried


@dataclass(frozen=True, slots=True)
class RefreshReport:
    """What a refresh of the index did: articles added, updated and removed."""

    added: int
    updated: int
    removed: int
    cancelled: bool
