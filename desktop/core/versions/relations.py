"""What the version index answers: another version of an article, families of them, and
which version of a family looks like the original.

Plain values, kept apart from ``related`` (the index itself) so that the command line
and the window name them without reaching for the index.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Relation:
    """Another version of an article, seen from that article ("this").

    ``contains``: share of this article's content words aligned with the other (standing in
    a run of three the other holds, ``content.aligned``); ``contained``: share of the
    other's aligned with this; ``containment`` is the larger; ``jaccard`` and ``shared``
    count distinct runs. ``derived`` is the id of the side that looks derived, or None;
    ``reason`` says why in words.
    """

    id: str
    title: str
    containment: float
    jaccard: float
    derived: str | None
    reason: str
    contains: float
    contained: float
    shared: int


@dataclass(frozen=True, slots=True)
class Family:
    """Articles that are versions of one story; ``id`` is the lowest member id."""

    id: str
    members: tuple[str, ...]


class Basis(StrEnum):
    """What made a version look like the original."""

    EARLIEST = "earliest"
    MOST_COMPLETE = "most complete"


@dataclass(frozen=True, slots=True)
class Original:
    """The version of a family that looks like the original, on what basis, why in words."""

    id: str
    title: str
    basis: Basis
    reason: str
