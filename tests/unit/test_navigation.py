"""F7's walk and the change list's groups, on the seeds."""

from __future__ import annotations

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.presentation.layout import ViewOptions, lay_out
from desktop.core.presentation.navigation import SUBSTANTIVE, by_kind, walk
from desktop.core.storage.library import Library


def _pair(a: str, b: str):  # type: ignore[no-untyped-def]
    library = Library.open()
    return compare(library.get(a), library.get(b))


def test_the_walk_keeps_reading_order_and_only_substantive_changes() -> None:
    """002 ↔ 004 starts with a date line (chrome): the walk starts past it."""
    comparison = _pair("002", "004")
    layout = lay_out(comparison)
    first = comparison.changes[layout.stops[0].change].kind
    assert first is ChangeKind.BOILERPLATE
    steps = walk(layout, comparison.changes)
    assert {comparison.changes[s.change].kind for s in steps} <= SUBSTANTIVE
    assert [s.row for s in steps] == sorted(s.row for s in steps)
    assert walk(layout, comparison.changes, every=True) == layout.stops


def test_a_hidden_kind_leaves_the_layout_and_so_the_walk() -> None:
    """Rewrites hidden in the legend: none painted, none stepped on."""
    comparison = _pair("002", "004")
    layout = lay_out(comparison, ViewOptions(hidden=frozenset({ChangeKind.REWRITE})))
    kinds = {comparison.changes[s.change].kind for s in layout.stops}
    assert ChangeKind.REWRITE not in kinds
    assert ChangeKind.REMOVED in kinds


def test_groups_number_each_change_by_its_place_in_the_walk() -> None:
    """By kind, every number still points at the same stop of the walk."""
    comparison = _pair("000", "001")
    steps = walk(lay_out(comparison), comparison.changes)
    groups = by_kind(steps, comparison.changes)
    numbered = sorted((n.number, n.stop) for _, members in groups for n in members)
    assert numbered == list(enumerate(steps, 1))
    assert groups[0][0] is ChangeKind.REWRITE
