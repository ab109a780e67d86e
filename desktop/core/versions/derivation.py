"""Which of two versions of a story looks derived from the other, and why.

``judge(a, b)``, for two ``Version``s (article plus shingles), weighs four signs that one is the
copy rather than the original, and returns a ``Verdict``: the derived side's id (or None
when the signs are even or absent) and a reason a reader can check. The signs, and their
weight in votes:

- contained (2): a larger share of it is found in the other than the other way round, by at
  least ``CONTAINMENT_MARGIN`` (a republished copy is usually a subset, often truncated);
- later date (2): both dates are known and it is the later;
- more site chrome (1): more lines holding links, e-mail addresses or embeds;
- ends early (1): it is the shorter, and the other goes on for at least ``EARLY_END`` of
  its length after the last passage the two share.

The side with more votes looks derived. Pure Python plus numpy; no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from desktop.core.text.article import Article, short_names
from desktop.core.versions.shingles import Shingles

CONTAINMENT_MARGIN = 0.05
EARLY_END = 0.2


@dataclass(frozen=True, slots=True)
class Verdict:
    """The side that looks derived (None: undecided) and the readable reason."""

    derived: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Version:
    """One side of a comparison: the article, its shingles, and the name reasons use."""

    article: Article
    shingles: Shingles
    name: str = ""

    @property
    def id(self) -> str:
        return self.article.id


def _named(a: Version, b: Version) -> tuple[Version, Version]:
    """Both sides named as a reader says them (``article.short_names``)."""
    names = short_names(a.article, b.article)
    return replace(a, name=names[a.id]), replace(b, name=names[b.id])


@dataclass(frozen=True, slots=True)
class _Sign:
    side: Version
    weight: int
    reason: str


def judge(a: Version, b: Version) -> Verdict:
    """Weigh the signs that ``a`` or ``b`` is the copy (see the module docstring)."""
    a, b = _named(a, b)
    signs = [
        sign
        for sign in (_contained(a, b), _later(a, b), _more_chrome(a, b), _ends_early(a, b))
        if sign is not None
    ]
    votes = {side.id: sum(s.weight for s in signs if s.side is side) for side in (a, b)}
    if votes[a.id] == votes[b.id]:
        found = "; ".join(sign.reason for sign in signs) or "no sign either way"
        return Verdict(None, f"neither looks derived: {found}")
    derived, original = (a, b) if votes[a.id] > votes[b.id] else (b, a)
    why = ", ".join(sign.reason for sign in signs if sign.side is derived)
    against = [sign.reason for sign in signs if sign.side is original]
    but = f"; but {', '.join(against)}" if against else ""
    return Verdict(derived.id, f"{derived.name} looks derived from {original.name}: {why}{but}")


def _contained(a: Version, b: Version) -> _Sign | None:
    shared = np.intersect1d(a.shingles.unique, b.shingles.unique, assume_unique=True).size
    a_in_b, b_in_a = shared / max(len(a.shingles), 1), shared / max(len(b.shingles), 1)
    if abs(a_in_b - b_in_a) < CONTAINMENT_MARGIN:
        return None
    inner, outer, share, other = (
        (a, b, a_in_b, b_in_a) if a_in_b > b_in_a else (b, a, b_in_a, a_in_b)
    )
    return _Sign(
        inner, 2, f"{share:.0%} of {inner.name} is in {outer.name} ({other:.0%} the other way)"
    )


def _later(a: Version, b: Version) -> _Sign | None:
    date_a, date_b = a.article.date, b.article.date
    if date_a is None or date_b is None or date_a == date_b:
        return None
    later, earlier = (a, b) if date_a > date_b else (b, a)
    return _Sign(
        later,
        2,
        f"{later.name} is dated later ({later.article.date} against {earlier.article.date})",
    )


def _more_chrome(a: Version, b: Version) -> _Sign | None:
    lines_a, lines_b = a.shingles.chrome_lines, b.shingles.chrome_lines
    if lines_a == lines_b:
        return None
    more, count, fewer = (a, lines_a, lines_b) if lines_a > lines_b else (b, lines_b, lines_a)
    return _Sign(
        more,
        1,
        f"{more.name} has more site chrome ({count} against {fewer} lines of links or embeds)",
    )


def _ends_early(a: Version, b: Version) -> _Sign | None:
    shorter, longer = (a, b) if a.shingles.ordered.size < b.shingles.ordered.size else (b, a)
    found = np.flatnonzero(np.isin(longer.shingles.ordered, shorter.shingles.unique))
    if not found.size:
        return None
    reached = (found[-1] + 1) / longer.shingles.ordered.size
    if reached > 1 - EARLY_END:
        return None
    return _Sign(
        shorter, 1, f"{shorter.name} is shorter and ends early (at {reached:.0%} of {longer.name})"
    )
