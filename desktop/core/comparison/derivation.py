"""Which of two versions of a story looks derived from the other, and why: the one judge.

``compare`` gathers the ``Evidence`` of a pair from its alignment (how much of each side's
story the other holds, the dates, the site chrome and repeated paragraphs each side has on
its own, which side ends early) and every view takes its verdict from here: ``diff`` and
its JSON, ``related``, the window's summary and "Compare with…" tooltips, the report.
``derived_side(evidence)`` weighs the signs, ``reason(evidence)`` says the verdict in one
sentence and ``grounds(evidence)`` the evidence behind it, both from the same fields.
The signs and their votes:

- contained (2): a larger share of its story is in the other than the other way round, by
  at least ``CONTAINED_MARGIN`` (a republished copy is usually a subset, often truncated);
- later date (1): both dates are known and it is the later;
- more site chrome (1): more lines of chrome that only it has;
- more repeated paragraphs (1);
- ends early (1): its story stops where the other's goes on.

The side with more votes looks derived; even votes, or a pair too unlike to be versions
(similarity under ``MIN_SIMILARITY``), and neither does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

CONTAINED_MARGIN = 0.05
MIN_SIMILARITY = 0.2


@dataclass(frozen=True, slots=True)
class SideEvidence:
    """What one side shows of being the copy; ``name`` is the article as reasons say it."""

    name: str
    contained: float  # share of this side's story found in the other
    date: dt.date | None
    chrome_lines: int  # lines of site chrome only this side has
    repeated: int  # paragraphs this side repeats
    ends_early: bool  # this side's story stops where the other's goes on


@dataclass(frozen=True, slots=True)
class Evidence:
    """Both sides' evidence and the story's similarity (see ``compare``)."""

    a: SideEvidence
    b: SideEvidence
    similarity: float


@dataclass(frozen=True, slots=True)
class Derivation:
    """Which side ("a" or "b") looks copied from the other, and the evidence in words."""

    side: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Sign:
    side: str  # "a" or "b": the side it points at as the copy
    votes: int
    words: str


def derived_side(evidence: Evidence) -> str | None:
    """ "a" or "b", the side that looks derived, or None when undecided."""
    if evidence.similarity < MIN_SIMILARITY:
        return None
    votes = {"a": 0, "b": 0}
    for sign in _signs(evidence):
        votes[sign.side] += sign.votes
    if votes["a"] == votes["b"]:
        return None
    return "a" if votes["a"] > votes["b"] else "b"


def derivation(evidence: Evidence) -> Derivation | None:
    """The verdict as ``Comparison.derived`` holds it: None when neither looks derived."""
    side = derived_side(evidence)
    return None if side is None else Derivation(side, reason(evidence))


def reason(evidence: Evidence) -> str:
    """ "004 looks derived from 002: 85% of 004 is in 002 (…), …", or "neither looks …"."""
    side = derived_side(evidence)
    if side is None:
        return f"neither looks derived: {grounds(evidence)}"
    copy, original = _sides(evidence, side)
    return f"{copy.name} looks derived from {original.name}: {grounds(evidence)}"


def grounds(evidence: Evidence) -> str:
    """The evidence behind the verdict: the signs for the derived side, then those against
    ("85% of 004 is in 002 (73% the other way), …; but 002 is dated later (…)"), or, when
    neither looks derived, every sign found."""
    side = derived_side(evidence)
    signs = list(_signs(evidence))
    if side is None:
        if evidence.similarity < MIN_SIMILARITY:
            return f"only {evidence.similarity:.0%} similar"
        return "; ".join(sign.words for sign in signs) or "no sign either way"
    against = [sign.words for sign in signs if sign.side != side]
    but = f"; but {', '.join(against)}" if against else ""
    return ", ".join(sign.words for sign in signs if sign.side == side) + but


def _sides(evidence: Evidence, side: str) -> tuple[SideEvidence, SideEvidence]:
    return (evidence.a, evidence.b) if side == "a" else (evidence.b, evidence.a)


def _signs(evidence: Evidence) -> Iterator[_Sign]:
    a, b = evidence.a, evidence.b
    if abs(a.contained - b.contained) >= CONTAINED_MARGIN:
        side = "a" if a.contained > b.contained else "b"
        inner, outer = _sides(evidence, side)
        yield _Sign(
            side,
            2,
            f"{inner.contained:.0%} of {inner.name} is in {outer.name} "
            f"({outer.contained:.0%} the other way)",
        )
    if a.date is not None and b.date is not None and a.date != b.date:
        side = "a" if a.date > b.date else "b"
        later, earlier = _sides(evidence, side)
        yield _Sign(side, 1, f"{later.name} is dated later ({later.date} against {earlier.date})")
    for counts, what in (
        ((a.chrome_lines, b.chrome_lines), "has more site chrome ({} against {} lines)"),
        ((a.repeated, b.repeated), "repeats more paragraphs ({} against {})"),
    ):
        if counts[0] != counts[1]:
            side = "a" if counts[0] > counts[1] else "b"
            name = a.name if side == "a" else b.name
            yield _Sign(side, 1, f"{name} {what.format(max(counts), min(counts))}")
    if a.ends_early != b.ends_early:
        side = "a" if a.ends_early else "b"
        early, other = _sides(evidence, side)
        yield _Sign(side, 1, f"{early.name} ends early, where {other.name} goes on")
