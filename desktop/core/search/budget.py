"""A budget for the words a query expands into: ``prefix*``, wildcards and ``fuzzy~`` words.

Whoosh expands ``a*`` into every indexed word that starts with "a" (2,248 in a library of
2,000 articles with a 60,000-word vocabulary) and finds the words near ``fuzzy~2`` by
walking the whole word list (about a second a word there); a query of 26 prefixes took
20 s and one of 50 fuzzy words a minute, while the window searches as the user types.

``bounded(parsed, reader)`` replaces each such pattern in the body or title by the
WORDS_PER_PATTERN words it matches in the most articles, at most WORDS_IN_ALL for the
whole query, and starts no further pattern once EXPANSION_SECONDS have gone by (the
first is always expanded whole: one fuzzy word is always looked up). It reports whether
it left anything out, so that the results can say they were cut short.
A query without patterns is returned as it is. A ``fuzzy~`` word of one edit is looked up
in ``WordLists`` (``wordlists``), not by Whoosh's walk of every word.
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass
from typing import Any

from whoosh import query

from desktop.core.search.wordlists import WordLists

WORDS_PER_PATTERN = 100
WORDS_IN_ALL = 1_000
EXPANSION_SECONDS = 1.0
_TEXT_FIELDS = frozenset({"body", "title"})


@dataclass(frozen=True, slots=True)
class Bounded:
    """A query with its patterns expanded; ``cut_short`` if words were left out."""

    query: Any
    cut_short: bool


def bounded(parsed: Any, reader: Any, words: WordLists | None = None) -> Bounded:
    """``parsed`` with each pattern on the body or title expanded within the budget;
    ``words``, the index's word lists if kept between searches."""
    words = words if words is not None else WordLists()
    deadline = time.monotonic() + EXPANSION_SECONDS
    left = WORDS_IN_ALL
    cut_short = False
    started = 0  # patterns expanded: the first always is, whatever the time

    def expand(node: Any) -> Any:
        nonlocal left, cut_short, started
        if not isinstance(node, query.MultiTerm) or node.field() not in _TEXT_FIELDS:
            return node
        if left <= 0 or (started and time.monotonic() > deadline):
            cut_short = True
            return query.NullQuery
        started += 1
        field = reader.schema[node.fieldname]
        counted: list[tuple[int, bytes]] = []
        if type(node) is query.FuzzyTerm and node.maxdist == 1:
            matched: Any = words.within_one_edit(
                reader, node.fieldname, node.text, node.prefixlength
            )
        else:
            matched = node._btexts(reader)
        for found in matched:  # bytes, but str from a fuzzy word's expansion
            word = found if isinstance(found, bytes) else field.to_bytes(found)
            counted.append((reader.doc_frequency(node.fieldname, word), word))
        keep = min(WORDS_PER_PATTERN, left)
        if len(counted) > keep:
            cut_short = True
            counted = heapq.nlargest(keep, counted)
        left -= len(counted)
        terms = [query.Term(node.fieldname, field.from_bytes(word)) for _, word in counted]
        return query.Or(terms, boost=node.boost) if terms else query.NullQuery

    if not any(isinstance(leaf, query.MultiTerm) for leaf in parsed.leaves()):
        return Bounded(parsed, cut_short=False)
    return Bounded(parsed.accept(expand).normalize(), cut_short)
