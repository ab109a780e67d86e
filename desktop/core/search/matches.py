"""The articles a query matches, as two arrays, and how the parts of a query combine them.

``Matches`` holds document numbers (ascending, each once) and their scores; ``every``
(AND) keeps the articles all parts match, ``either`` (OR) those any part matches, adding
the parts' scores as Whoosh does; ``top`` ranks them as Whoosh ranks hits: highest score
first, ties to the article indexed first. No Whoosh here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

_NONE = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Matches:
    """Document numbers (int64, ascending, unique) and their scores (float64)."""

    docnums: np.ndarray
    scores: np.ndarray

    @classmethod
    def none(cls) -> Matches:
        return cls(_NONE, np.zeros(0))

    def __len__(self) -> int:
        return len(self.docnums)

    def boosted(self, boost: float) -> Matches:
        return self if boost == 1.0 else Matches(self.docnums, self.scores * boost)

    def without(self, unwanted: Matches) -> Matches:
        """These matches less the articles ``unwanted`` holds."""
        kept = ~_positions_in(self.docnums, unwanted.docnums)[1]
        return Matches(self.docnums[kept], self.scores[kept])

    def plus(self, maybe: Matches) -> Matches:
        """These matches, each with ``maybe``'s score added where it has one (AND-maybe)."""
        where, found = _positions_in(self.docnums, maybe.docnums)
        scores = self.scores.copy()
        scores[found] += maybe.scores[where[found]]
        return Matches(self.docnums, scores)

    def best_between(self, first: int, last: int) -> float:
        """The highest score of an article numbered ``first`` to ``last``; 0 for none."""
        start = int(np.searchsorted(self.docnums, first, side="left"))
        end = int(np.searchsorted(self.docnums, last, side="right"))
        return float(self.scores[start:end].max()) if end > start else 0.0

    def top(self, limit: int) -> list[tuple[int, float]]:
        """(document number, score) of the best ``limit``, best first."""
        chosen = best_first(self.docnums, self.scores, limit)
        return list(zip(self.docnums[chosen].tolist(), self.scores[chosen].tolist(), strict=True))


def every(parts: Sequence[Matches], bonus: float = 0.0) -> Matches:
    """The articles all ``parts`` match, their scores added (and ``bonus``)."""
    smallest, *others = sorted(parts, key=len)
    docnums, scores = smallest.docnums, smallest.scores
    for other in others:
        where, found = _positions_in(docnums, other.docnums)
        docnums, scores = docnums[found], scores[found] + other.scores[where[found]]
    return Matches(docnums, scores + bonus if bonus else scores)


def either(parts: Sequence[Matches]) -> Matches:
    """The articles any of ``parts`` match, their scores in each added."""
    parts = [part for part in parts if len(part)]
    if len(parts) <= 1:
        return parts[0] if parts else Matches.none()
    docnums = np.concatenate([part.docnums for part in parts])
    scores = np.concatenate([part.scores for part in parts])
    order = np.argsort(docnums, kind="stable")  # each article's scores in the parts' order
    docnums, scores = docnums[order], scores[order]
    starts = np.flatnonzero(np.diff(docnums, prepend=-1))
    return Matches(docnums[starts], np.add.reduceat(scores, starts))


def _positions_in(docnums: np.ndarray, others: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``docnums`` stands in ``others`` (ascending), and which are there."""
    where = np.searchsorted(others, docnums)
    if not len(others):
        return where, np.zeros(len(docnums), dtype=bool)
    clipped = np.minimum(where, len(others) - 1)
    return clipped, others[clipped] == docnums


def best_first(docnums: np.ndarray, scores: np.ndarray, limit: int) -> np.ndarray:
    """Indices of the best ``limit`` scores, best first; ties to the lower document number."""
    if len(scores) > limit:
        least = np.partition(scores, len(scores) - limit)[len(scores) - limit]
        chosen = np.flatnonzero(scores >= least)
    else:
        chosen = np.arange(len(scores))
    order = np.lexsort((docnums[chosen], -scores[chosen]))
    return chosen[order[:limit]]
