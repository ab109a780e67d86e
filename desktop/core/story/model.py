"""What a story holds: its versions, who copies whom, and the collation. Plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.derivation import Evidence


class Treatment(StrEnum):
    """What a version did with one part of the original's text."""

    KEPT = "kept"  # word for word
    COPY_EDITED = "copy-edited"
    REWRITTEN = "rewritten"
    MOVED = "moved"
    MISSING = "missing"
    PENDING = "pending"  # not compared yet


@dataclass(frozen=True, slots=True)
class Version:
    """One version of the story and the one it most likely copies.

    ``derived_from`` is None for the original and for a version that copies none of the
    others clearly; ``reason`` says why in words (dates that are missing or contradict the
    text included); ``evidence`` is that pair's (None without a parent). ``counts`` are
    the changes against the version it copies (the original's: none).
    """

    id: str
    title: str
    source: str
    date: dt.date | None
    derived_from: str | None
    reason: str
    counts: dict[ChangeKind, int]
    evidence: Evidence | None


@dataclass(frozen=True, slots=True)
class Cell:
    """What one version (``version``, its id) did with one paragraph of the original.

    ``kind`` is the change that says it (its colour and cue in the views; None: kept),
    ``change`` its index in the comparison of the original with this version (to open
    the comparison there), ``reason`` that change's reason.
    """

    version: str
    treatment: Treatment
    kind: ChangeKind | None = None
    change: int | None = None
    reason: str = ""
    subkind: str = ""  # the change's subkind ("number", "ending", …)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the original: its offsets and how many versions changed it."""

    start: int
    end: int
    changed_by: int


@dataclass(frozen=True, slots=True)
class Row:
    """A paragraph of the original, its sentences, and a cell for each other version
    (in ``Story.versions`` order, the original left out)."""

    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Addition:
    """Text a version has that the original does not: what kind, a quote, and the
    paragraph of the original it follows (-1: before the first)."""

    version: str
    kind: ChangeKind
    subkind: str
    quote: str
    after: int
    change: int


@dataclass(frozen=True, slots=True)
class Story:
    """A family's versions, original first then by date (the undated last); the collation
    over the original's paragraphs; what each version adds; how many of the pairs are
    compared (``done`` of ``total``)."""

    original: str
    original_reason: str
    versions: tuple[Version, ...]
    rows: tuple[Row, ...]
    additions: tuple[Addition, ...]
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def copies(self) -> tuple[Version, ...]:
        """Every version but the original, in the order of the collation's columns."""
        return tuple(version for version in self.versions if version.id != self.original)

    def version(self, version_id: str) -> Version:
        return next(version for version in self.versions if version.id == version_id)
