"""How a comparison is laid out side by side: rows of aligned paragraphs, cut into runs.

``lay_out(comparison, view)`` takes a ``Comparison`` and what the reader chose to see
(``ViewOptions``: copy-edits or any kind hidden, site chrome folded; the window's toggles, and the
filters a report records) and returns a ``Layout``: one
``Row`` per aligned block, each side a ``Cell`` of ``Run``s (article offsets, the change that
paints them, whether the word diff deleted or inserted them) or ``None`` for a gap where
that side has no counterpart. Consecutive rows of site chrome fold into one row whose cells
stand for that many lines; a credit line ("By BBC") never folds, nor is it hidden
(``hides``: one rule for the window, the report and ``diff --ignore``). ``Layout.stops``
lists the shown changes in reading order, each with the row it starts on: what
next/previous change step through.

Pure: it renders nothing and never imports Qt; the comparison window paints what it
returns, and the report prints the same rows (``report.py``), so both mark the same words
and fold the same lines, saying so in the same words (``folded_words``).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from desktop.core.comparison.boilerplate import CREDIT
from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.diff import Op, Segment, Span
from desktop.core.text.shorten import shorten

EXCERPT_LENGTH = 70


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """What the reader chose not to see: in the window, and in a report made from it."""

    hide_copy_edits: bool = False
    fold_boilerplate: bool = False
    hidden: frozenset[ChangeKind] = frozenset()  # kinds switched off in the legend
    collapse_gaps: bool = False  # a long one-sided run folds into one row
    opened: frozenset[int] = frozenset()  # folds opened in place, by their first block

    def hidden_kinds(self) -> frozenset[ChangeKind]:
        """Every kind not painted: those switched off, and copy-edits when hidden."""
        copy_edits = {ChangeKind.COPY_EDIT} if self.hide_copy_edits else set()
        return self.hidden | copy_edits


_CHROME = frozenset({ChangeKind.BOILERPLATE})
DEFAULT_VIEW = ViewOptions()  # every change shown, nothing folded


@dataclass(frozen=True, slots=True)
class Run:
    """``text[start:end]`` of one side, painted by ``change`` (an index) or plain (``None``)."""

    start: int
    end: int
    change: int | None = None
    op: Op = Op.EQUAL


@dataclass(frozen=True, slots=True)
class Cell:
    """One side of a row: its runs, or a marker standing for ``folded_lines`` of chrome, or
    for ``folded_paragraphs`` (``folded_words`` words) found only on this side (``tail``:
    the other version stops before them). ``fold`` is the block a fold starts at, what
    ``ViewOptions.opened`` names to open it; ``changes`` those a folded cell stands for."""

    runs: tuple[Run, ...] = ()
    folded_lines: int = 0
    folded_paragraphs: int = 0
    folded_words: int = 0
    tail: bool = False
    fold: int = -1
    changes: tuple[int, ...] = ()

    def is_fold(self) -> bool:
        return bool(self.folded_lines or self.folded_paragraphs)


@dataclass(frozen=True, slots=True)
class Row:
    """Aligned paragraphs; ``None`` is a gap on a side that has no counterpart."""

    a: Cell | None
    b: Cell | None


@dataclass(frozen=True, slots=True)
class Stop:
    """A shown change and the row where it first appears."""

    change: int
    row: int


@dataclass(frozen=True, slots=True)
class Layout:
    rows: tuple[Row, ...]
    stops: tuple[Stop, ...]


@dataclass(frozen=True, slots=True)
class _Paint:
    start: int
    end: int
    change: int
    op: Op


def is_shown(change: Change, view: ViewOptions) -> bool:
    """Whether ``change`` is painted under ``view`` (folded chrome is painted, then folded)."""
    return change.kind not in view.hidden_kinds()


def hides(change: Change, kinds: Collection[ChangeKind]) -> bool:
    """Whether hiding or folding ``kinds`` takes ``change`` out of sight: never a credit line
    (boilerplate saying whose work the story is, which a journalist checks first)."""
    return change.kind in kinds and change.subkind != CREDIT


def lay_out(comparison: Comparison, view: ViewOptions = DEFAULT_VIEW) -> Layout:
    """The rows and stops of ``comparison`` as the reader chose to see it."""
    a_side = _paint(comparison.changes, comparison.segments, "a", view)
    b_side = _paint(comparison.changes, comparison.segments, "b", view)
    a_ends, b_ends = [p.end for p in a_side], [p.end for p in b_side]
    built = [
        Row(_cell(block.a, a_side, a_ends), _cell(block.b, b_side, b_ends))
        for block in comparison.blocks
    ]
    gaps = _gap_runs(built, comparison, view) if view.collapse_gaps else {}
    rows: list[Row] = []
    number, chrome_from = 0, -1  # the first block of the run of chrome rows we are in
    while number < len(built):
        row = built[number]
        if number in gaps:
            rows.append(_collapse(built, number, gaps[number], comparison))
            number, chrome_from = gaps[number], -1
            continue
        chrome = view.fold_boilerplate and _is_chrome(row, comparison.changes)
        chrome_from = (chrome_from if chrome_from >= 0 else number) if chrome else -1
        if chrome and chrome_from not in view.opened:
            rows.append(_fold(row, chrome_from))
            if len(rows) > 1 and _fold_of(rows[-2]) == chrome_from:
                rows[-2:] = [_merge(rows[-2], rows[-1])]
        else:
            rows.append(row)
        number += 1
    return Layout(tuple(rows), _stops(rows))


GAP_PARAGRAPHS = 3  # a one-sided run this long (or any cut-off tail) folds into one row


def gap_words(cell: Cell, name: str, other: str) -> str:
    """What a folded one-sided run says: "001 stops here — 000 goes on for 15 paragraphs,
    354 words", or "3 paragraphs, 120 words only in 004"."""
    count = cell.folded_paragraphs
    amount = f"{count} paragraph{'s' * (count != 1)}, {cell.folded_words:,} words"
    if cell.tail:
        return f"{other} stops here — {name} goes on for {amount}"
    return f"{amount} only in {name}"


def _gap_runs(rows: Sequence[Row], comparison: Comparison, view: ViewOptions) -> dict[int, int]:
    """Runs of rows with text on one side only that fold: start → end (exclusive). A run of
    site chrome is left to the chrome toggle."""
    runs: dict[int, int] = {}
    start = 0
    while start < len(rows):
        side = _one_side(rows[start])
        end = start + 1
        while side and end < len(rows) and _one_side(rows[end]) == side:
            end += 1
        tail = end == len(rows) or _cut_off(rows[start:end], comparison)
        long_enough = end - start >= GAP_PARAGRAPHS or (tail and end - start > 1)
        chrome = all(_all_boilerplate(row, comparison.changes) for row in rows[start:end])
        if side and long_enough and not chrome and start not in view.opened:
            runs[start] = end
        start = end
    return runs


def _all_boilerplate(row: Row, changes: Sequence[Change]) -> bool:
    """Whether all of ``row``'s text is site chrome, credit lines included."""
    return all(
        run.change is not None and changes[run.change].kind is ChangeKind.BOILERPLATE
        for cell in (row.a, row.b)
        for run in (cell.runs if cell else ())
        if run.end > run.start
    )


def _one_side(row: Row) -> str:
    """ "a" or "b" when only that side has text in ``row``, else ""."""
    if (row.a is None) == (row.b is None):
        return ""
    return "a" if row.b is None else "b"


def _cut_off(rows: Sequence[Row], comparison: Comparison) -> bool:
    return any(
        comparison.changes[run.change].kind is ChangeKind.TRUNCATED
        for row in rows
        for cell in (row.a, row.b)
        for run in (cell.runs if cell else ())
        if run.change is not None
    )


def _collapse(rows: Sequence[Row], start: int, end: int, comparison: Comparison) -> Row:
    """``rows[start:end]``, all text on one side, as one row standing for them."""
    side = _one_side(rows[start])
    text = comparison.a.text if side == "a" else comparison.b.text
    cells = [cell for row in rows[start:end] if (cell := row.a if side == "a" else row.b)]
    words = sum(len(text[r.start : r.end].split()) for cell in cells for r in cell.runs)
    changes = {run.change: None for cell in cells for run in cell.runs if run.change is not None}
    tail = end == len(rows) or _cut_off(rows[start:end], comparison)
    folded = Cell(
        folded_paragraphs=end - start,
        folded_words=words,
        tail=tail,
        fold=start,
        changes=tuple(changes),
    )
    return Row(folded, None) if side == "a" else Row(None, folded)


def folded_words(lines: int) -> str:
    """What a folded cell says: "⋯ 3 lines of site chrome folded away"."""
    return f"⋯ {lines} line{'s' * (lines != 1)} of site chrome folded away"


def excerpt(change: Change, limit: int = EXCERPT_LENGTH) -> str:
    """A one-line quote of what changed: old → new, or the one side's text."""
    quotes = [_quote(span.text, limit) for span in (change.a, change.b) if span and span.text]
    return " → ".join(quotes)


def _quote(text: str, limit: int) -> str:
    return f"“{shorten(text, limit)}”"


def _paint(
    changes: Sequence[Change], segments: Sequence[Segment], side: str, view: ViewOptions
) -> list[_Paint]:
    """Non-overlapping painted stretches of one side; the narrowest change wins an overlap."""
    marks = [
        (span.start, span.end, index)
        for index, change in enumerate(changes)
        if is_shown(change, view) and (span := _side(change, side)) and span.end > span.start
    ]
    changed_op = Op.DELETE if side == "a" else Op.INSERT
    spans = [seg.a if side == "a" else seg.b for seg in segments if seg.op is changed_op]
    edits = sorted((span.start, span.end) for span in spans if span.end > span.start)
    edit_starts = [start for start, _ in edits]
    points = sorted({p for mark in marks for p in mark[:2]} | {p for edit in edits for p in edit})
    starts = sorted(marks)
    active: list[tuple[int, int, int]] = []
    out: list[_Paint] = []
    next_mark = 0
    for left, right in itertools.pairwise(points):
        while next_mark < len(starts) and starts[next_mark][0] <= left:
            active.append(starts[next_mark])
            next_mark += 1
        active = [mark for mark in active if mark[1] > left]
        if not active:
            continue
        change = min(active, key=lambda mark: (mark[1] - mark[0], mark[2]))[2]
        at = bisect.bisect_right(edit_starts, left) - 1
        op = changed_op if at >= 0 and edits[at][1] >= right else Op.EQUAL
        if out and out[-1].end == left and (out[-1].change, out[-1].op) == (change, op):
            out[-1] = _Paint(out[-1].start, right, change, op)
        else:
            out.append(_Paint(left, right, change, op))
    return out


def _side(change: Change, side: str) -> Span | None:
    return change.a if side == "a" else change.b


def _cell(span: Span | None, painted: list[_Paint], ends: list[int]) -> Cell | None:
    if span is None:
        return None
    runs: list[Run] = []
    at = span.start
    first = bisect.bisect_right(ends, span.start)
    for paint in painted[first:]:
        if paint.start >= span.end:
            break
        start, end = max(paint.start, span.start), min(paint.end, span.end)
        if start > at:
            runs.append(Run(at, start))
        runs.append(Run(start, end, paint.change, paint.op))
        at = end
    if at < span.end or not runs:
        runs.append(Run(at, span.end))
    return Cell(tuple(runs))


def _is_chrome(row: Row, changes: Sequence[Change]) -> bool:
    """A row all of whose text is boilerplate that folds (a gap on one side allowed)."""
    cells = [cell for cell in (row.a, row.b) if cell is not None]
    return all(
        run.change is not None and hides(changes[run.change], _CHROME)
        for cell in cells
        for run in cell.runs
        if run.end > run.start
    )


def _fold(row: Row, start: int) -> Row:
    """A row of chrome as one folded line a side, in the fold that starts at block ``start``."""
    return Row(
        None if row.a is None else Cell(folded_lines=1, fold=start),
        None if row.b is None else Cell(folded_lines=1, fold=start),
    )


def _fold_of(row: Row) -> int:
    """The first block of the chrome fold ``row`` is, or -1."""
    folds = [cell.fold for cell in (row.a, row.b) if cell is not None and cell.folded_lines]
    return folds[0] if folds else -1


def _merge(first: Row, second: Row) -> Row:
    """Two rows of folded chrome of one fold as one."""

    fold = _fold_of(first)

    def lines(one: Cell | None, two: Cell | None) -> Cell | None:
        count = (one.folded_lines if one else 0) + (two.folded_lines if two else 0)
        return Cell(folded_lines=count, fold=fold) if count else None

    return Row(lines(first.a, second.a), lines(first.b, second.b))


def _stops(rows: Sequence[Row]) -> tuple[Stop, ...]:
    """The changes in the order a reader meets them, each with its first row."""
    seen: dict[int, int] = {}
    for number, row in enumerate(rows):
        for cell in (row.a, row.b):
            for run in cell.runs if cell else ():
                if run.change is not None:
                    seen.setdefault(run.change, number)
            for change in cell.changes if cell else ():  # what a folded run stands for
                seen.setdefault(change, number)
    return tuple(Stop(change, row) for change, row in seen.items())
