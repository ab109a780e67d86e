"""Which change colours each stretch of one side's text.

``Highlights(changes, side)`` takes the changes of a comparison (in the order they are
listed) and one side, ``"a"`` or ``"b"``. Where changes overlap (a copy-edit inside a moved
paragraph) the innermost, shortest one wins the stretch, as in the window. ``runs(start,
end)`` cuts a range of the text into runs, each with the index of the change that colours
it (or ``None``) and the indexes of the changes whose span ends right after it, so that a
report can put a reference mark there. Offsets are character offsets into the article's
text; building is O(n log n) in the number of changes, and each ``runs`` call only looks
at the changes it touches.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.comparison.changes import Change
from desktop.core.comparison.diff import Span


@dataclass(frozen=True, slots=True)
class Run:
    """``[start, end)`` of the text, coloured by ``changes[change]`` unless it is ``None``."""

    start: int
    end: int
    change: int | None
    ends_here: tuple[int, ...] = ()


class Highlights:
    """The coloured stretches of one side of a comparison, ready to be cut by block."""

    def __init__(self, changes: Sequence[Change], side: str) -> None:
        spans = [(_span(change, side), index) for index, change in enumerate(changes)]
        marks = sorted((s.start, s.end, i) for s, i in spans if s is not None and s.end > s.start)
        self._pieces = _innermost(marks)
        self._piece_ends = [end for _, end, _ in self._pieces]
        ends: dict[int, list[int]] = {}
        for _, end, index in marks:
            ends.setdefault(end, []).append(index)
        self._end_positions = sorted(ends)
        self._ends = {position: tuple(sorted(found)) for position, found in ends.items()}

    def runs(self, start: int, end: int) -> list[Run]:
        """``[start, end)`` cut into runs; a change ending inside it is named at its end."""
        runs: list[Run] = []
        position = start
        for p_start, p_end, index in self._pieces[bisect_right(self._piece_ends, start) :]:
            if p_start >= end:
                break
            p_start, p_end = max(p_start, start), min(p_end, end)
            runs += self._split(position, p_start, None)
            runs += self._split(p_start, p_end, index)
            position = p_end
        return runs + self._split(position, end, None)

    def _split(self, start: int, end: int, change: int | None) -> list[Run]:
        """``[start, end)`` in one colour, cut after each position where a change ends."""
        if start >= end:
            return []
        low = bisect_left(self._end_positions, start + 1)
        high = bisect_left(self._end_positions, end)
        cuts = [start, *self._end_positions[low:high], end]
        return [
            Run(left, right, change, self._ends.get(right, ()))
            for left, right in itertools.pairwise(cuts)
        ]


def _span(change: Change, side: str) -> Span | None:
    return change.a if side == "a" else change.b


def _innermost(marks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Non-overlapping pieces, each coloured by the shortest mark covering it."""
    bounds = sorted({p for start, end, _ in marks for p in (start, end)})
    pieces: list[tuple[int, int, int]] = []
    active: list[tuple[int, int, int]] = []
    next_mark = 0
    for left, right in itertools.pairwise(bounds):
        while next_mark < len(marks) and marks[next_mark][0] <= left:
            start, end, index = marks[next_mark]
            heapq.heappush(active, (end - start, index, end))
            next_mark += 1
        while active and active[0][2] <= left:
            heapq.heappop(active)  # ended; longer ended marks below the top never win
        if not active:
            continue
        index = active[0][1]
        if pieces and pieces[-1][1] == left and pieces[-1][2] == index:
            pieces[-1] = (pieces[-1][0], right, index)
        else:
            pieces.append((left, right, index))
    return pieces
