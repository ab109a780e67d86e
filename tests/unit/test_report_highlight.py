"""Cutting one side's text into highlighted runs: innermost change wins, ends are marked."""

from __future__ import annotations

from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.diff import Span
from desktop.core.presentation.highlight import Highlights, Run

TEXT = "The quick brown fox jumps over the lazy dog."


def change(kind: ChangeKind, start: int, end: int, side: str = "a") -> Change:
    span = Span(start, end, TEXT[start:end])
    return Change(kind, "", "why", span if side == "a" else None, span if side == "b" else None)


def test_runs_cover_the_range_and_name_each_change_where_it_ends() -> None:
    """A moved stretch holding a copy-edit: the copy-edit colours its word, the move the rest."""
    changes = [change(ChangeKind.MOVED, 4, 19), change(ChangeKind.COPY_EDIT, 10, 15)]
    runs = Highlights(changes, "a").runs(0, len(TEXT))
    assert runs == [
        Run(0, 4, None),
        Run(4, 10, 0),
        Run(10, 15, 1, (1,)),
        Run(15, 19, 0, (0,)),
        Run(19, len(TEXT), None),
    ]


def test_only_the_asked_side_is_highlighted() -> None:
    """A change with a span on B only leaves A's text plain."""
    runs = Highlights([change(ChangeKind.ADDED, 0, 3, side="b")], "a").runs(0, len(TEXT))
    assert runs == [Run(0, len(TEXT), None)]


def test_a_block_sees_only_its_part_of_a_longer_change() -> None:
    """A change spanning two blocks is clipped to each, and named only where it ends."""
    highlights = Highlights([change(ChangeKind.REWRITE, 10, 30)], "a")
    assert highlights.runs(0, 20) == [Run(0, 10, None), Run(10, 20, 0)]
    assert highlights.runs(20, 40) == [Run(20, 30, 0, (0,)), Run(30, 40, None)]
