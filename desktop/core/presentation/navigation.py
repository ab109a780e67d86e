"""Which changes next/previous (F7) visit, and how the change list orders them.

``walk(layout, changes, every=False)`` is what F7 steps through: the shown changes in the
order a reader meets them, only the substantive ones (``SUBSTANTIVE``: what changes what
the reader is told or where) unless ``every`` is asked for, when copy-edits, site chrome
and repeats are visited too. The change list shows the same walk, numbered as F7 counts
it, either in that order (``ListOrder.TEXT``) or grouped by kind (``ListOrder.KIND``,
``by_kind``), so "Change 10 of 13" on the toolbar is item 10 of the list either way.

Pure: no Qt; the window renders and routes what these return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.layout import Layout, Stop

SUBSTANTIVE = frozenset(
    {
        ChangeKind.REWRITE,
        ChangeKind.ADDED,
        ChangeKind.REMOVED,
        ChangeKind.MOVED,
        ChangeKind.TRUNCATED,
    }
)
"""What F7 visits by default: the changes a fact-checker must see."""


class ListOrder(StrEnum):
    """How the change list is ordered."""

    TEXT = "text"  # as F7 walks: the order of the text
    KIND = "kind"  # grouped by kind, the kinds in the legend's order


@dataclass(frozen=True, slots=True)
class Numbered:
    """A stop of the walk and its place in it, counted from 1."""

    number: int
    stop: Stop


def walk(layout: Layout, changes: Sequence[Change], *, every: bool = False) -> tuple[Stop, ...]:
    """The stops F7 visits, in reading order: the substantive ones, or ``every`` shown one."""
    return tuple(stop for stop in layout.stops if every or changes[stop.change].kind in SUBSTANTIVE)


def by_kind(
    stops: Sequence[Stop], changes: Sequence[Change]
) -> tuple[tuple[ChangeKind, tuple[Numbered, ...]], ...]:
    """``stops`` grouped by kind (legend order), each numbered by its place in ``stops``."""
    numbered = [Numbered(number, stop) for number, stop in enumerate(stops, 1)]
    groups = (
        (kind, tuple(n for n in numbered if changes[n.stop.change].kind is kind))
        for kind in KIND_STYLES
    )
    return tuple((kind, members) for kind, members in groups if members)
