"""How certain a clause is: "will" against "may", "confirmed" against "reported".

``certainty(lower)`` says, of casefolded words, which of two grades they tell: "certain"
(a modal of necessity or a verb that vouches for the fact: "will", "must", "confirmed")
or "possible" (a modal of possibility, a hedge, or a verb that only passes the fact on:
"may", "could", "reportedly", "reported", "alleged"), or None when they tell neither.
A change of grade is a change of what the reader is told; a change within one grade
("may" → "might", "can" → "could") is not. Words of tense ("would", "was") are in neither.
"""

from __future__ import annotations

from enum import StrEnum


class Certainty(StrEnum):
    CERTAIN = "certain"
    POSSIBLE = "possible"


_CERTAIN = frozenset(
    {"will", "shall", "must", "certainly", "definitely", "confirmed", "confirms", "confirm",
     "undoubtedly", "surely", "proved", "proven", "established"}
)  # fmt: skip
_POSSIBLE = frozenset(
    {"may", "might", "could", "possibly", "perhaps", "maybe", "probably", "likely",
     "unlikely", "reportedly", "allegedly", "apparently", "reported", "alleged", "suspected",
     "believed", "rumoured", "rumored", "purportedly", "seemingly", "presumably"}
)  # fmt: skip


def certainty(lower: list[str]) -> Certainty | None:
    """The grade the words tell (a hedge outweighs a certain word), or None."""
    if not _POSSIBLE.isdisjoint(lower):
        return Certainty.POSSIBLE
    if not _CERTAIN.isdisjoint(lower):
        return Certainty.CERTAIN
    return None
