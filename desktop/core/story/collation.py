"""The collation: the original's text cut into paragraphs and sentences, and for each
version what it did with each part, read from the comparison of the original (side a)
with that version (side b).

A paragraph is missing (cut off, removed, or the original's site chrome left out),
moved, rewritten (a rewrite, or a sentence added or dropped inside it), copy-edited,
or kept word for word; the cell names the change that says so, whose kind gives its
colour and cue in every view. A sentence counts as changed by a version when a change
of the story (not site chrome) touches it or its paragraph is missing. What a version
has that the original does not (added paragraphs, repeats, its own site chrome) is an
``Addition``, placed after the paragraph of the original it follows.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.story.model import Addition, Cell, Row, Sentence, Treatment
from desktop.core.text.article import Article
from desktop.core.text.shorten import shorten

QUOTE = 80  # characters of an addition quoted
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")

# The strongest change in a paragraph says what became of it.
_TREATMENTS: tuple[tuple[ChangeKind, Treatment], ...] = (
    (ChangeKind.TRUNCATED, Treatment.MISSING),
    (ChangeKind.REMOVED, Treatment.MISSING),
    (ChangeKind.MOVED, Treatment.MOVED),
    (ChangeKind.REWRITE, Treatment.REWRITTEN),
    (ChangeKind.ADDED, Treatment.REWRITTEN),
    (ChangeKind.COPY_EDIT, Treatment.COPY_EDITED),
    (ChangeKind.BOILERPLATE, Treatment.MISSING),
)


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """The offsets of each line of ``text`` that holds more than blanks, spaces trimmed."""
    spans = []
    for match in _PARAGRAPH.finditer(text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        spans.append((start, match.start() + len(line.rstrip())))
    return tuple(spans)


def sentences(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The sentences of ``text[start:end]``, as offsets into ``text``."""
    cuts = [start]
    for match in _SENTENCE_END.finditer(text[start:end]):
        cuts.append(start + match.end())
    cuts.append(end)
    return tuple(
        (a, a + len(text[a:b].rstrip())) for a, b in itertools.pairwise(cuts) if text[a:b].strip()
    )


@dataclass(frozen=True, slots=True)
class Column:
    """What one version did with the original, read once from their comparison: a cell a
    paragraph, where its changes of the story stand in the original, what it adds."""

    cells: tuple[Cell, ...]
    touched: tuple[tuple[int, int], ...]
    additions: tuple[Addition, ...]


def collate(
    base: Article,
    copies: Sequence[str],
    compared: Mapping[str, Comparison],
    kept: dict[str, Column] | None = None,
) -> tuple[tuple[Row, ...], tuple[Addition, ...]]:
    """The rows over ``base``'s paragraphs, a cell for each of ``copies`` (PENDING while
    its comparison with ``base``, in ``compared`` by id, is not there), and the additions.
    ``kept``: each copy's column from an earlier call on the same ``base``, reused (a story
    collated again as its other pairs complete reads only the new comparisons)."""
    spans = paragraphs(base.text)
    kept = {} if kept is None else kept
    for copy in copies:
        if copy in compared and copy not in kept:
            kept[copy] = _column(copy, spans, compared[copy])
    cells = {
        copy: kept[copy].cells if copy in kept else (Cell(copy, Treatment.PENDING),) * len(spans)
        for copy in copies
    }
    touched = {copy: kept[copy].touched for copy in copies if copy in kept}
    rows = []
    for number, (start, end) in enumerate(spans):
        row_cells = tuple(cells[copy][number] for copy in copies)
        sentence_spans = sentences(base.text, start, end)
        rows.append(
            Row(
                start,
                end,
                base.text[start:end],
                tuple(
                    Sentence(s, e, _changed_by(s, e, row_cells, copies, touched))
                    for s, e in sentence_spans
                ),
                row_cells,
            )
        )
    additions = tuple(
        addition for copy in copies if copy in kept for addition in kept[copy].additions
    )
    return tuple(rows), additions


def _column(copy: str, spans: Sequence[tuple[int, int]], comparison: Comparison) -> Column:
    touched = (
        where
        for change in comparison.changes
        if change.kind is not ChangeKind.BOILERPLATE
        and (where := _in_base(change, comparison)) is not None
    )
    return Column(
        tuple(_cells(copy, spans, comparison)),
        tuple(touched),
        tuple(_additions(copy, spans, comparison)),
    )


def _overlaps(change_span: tuple[int, int], start: int, end: int) -> bool:
    return change_span[0] < end and change_span[1] > start


def _cells(copy: str, spans: Sequence[tuple[int, int]], comparison: Comparison) -> list[Cell]:
    touching: list[list[tuple[int, Change]]] = [[] for _ in spans]
    starts = [start for start, _ in spans]
    for index, change in enumerate(comparison.changes):
        where = _in_base(change, comparison)
        if where is None:
            continue
        first = max(bisect_right(starts, where[0]) - 1, 0)
        for number in range(first, len(spans)):
            start, end = spans[number]
            if start >= where[1]:
                break
            if _overlaps(where, start, end):
                touching[number].append((index, change))
    # One cell for every paragraph kept: a story sent to the window whole pickles it once.
    kept = Cell(copy, Treatment.KEPT)
    return [_cell(copy, found) or kept for found in touching]


def _in_base(change: Change, comparison: Comparison) -> tuple[int, int] | None:
    """Where a change stands in the original: its own span there, or for words added
    inside a paragraph both have, that paragraph of the original."""
    if change.a is not None:
        return change.a.start, change.a.end
    if change.b is None or not _inside(change):
        return None
    for block in comparison.blocks:
        a, b = block.a, block.b
        if a is not None and b is not None and b.start <= change.b.start < max(b.end, b.start + 1):
            return a.start, a.end
    return None


def _inside(change: Change) -> bool:
    """Words added inside a paragraph both sides have, not paragraphs of their own."""
    return change.kind is ChangeKind.ADDED and change.subkind not in ("paragraph", "paragraphs")


def _cell(copy: str, found: Sequence[tuple[int, Change]]) -> Cell | None:
    """The cell of the strongest of the changes ``found`` in a paragraph; None: kept."""
    found = sorted(found, key=lambda pair: pair[1].subkind != "number")  # facts first
    for kind, treatment in _TREATMENTS:
        for index, change in found:
            missing = treatment is Treatment.MISSING
            if change.kind is kind and (not missing or change.b is None):
                return Cell(copy, treatment, kind, index, change.reason, change.subkind)
    return None


def _changed_by(
    start: int,
    end: int,
    cells: Sequence[Cell],
    copies: Sequence[str],
    touched: Mapping[str, Sequence[tuple[int, int]]],
) -> int:
    """How many of ``copies`` change the sentence ``start..end`` (``touched``: where
    each copy's story changes stand in the original)."""
    count = 0
    for cell, copy in zip(cells, copies, strict=True):
        if cell.treatment is Treatment.MISSING and cell.kind is not ChangeKind.BOILERPLATE:
            count += 1
        elif cell.treatment not in (Treatment.KEPT, Treatment.PENDING, Treatment.MISSING):
            count += any(_overlaps(where, start, end) for where in touched[copy])
    return count


def _additions(
    copy: str, spans: Sequence[tuple[int, int]], comparison: Comparison
) -> list[Addition]:
    """What ``copy`` alone has, each placed after the paragraph of the original before it."""
    ends = [end for _, end in spans]
    found = []
    for index, change in enumerate(comparison.changes):
        if change.a is not None or change.b is None:
            continue
        if change.kind not in (ChangeKind.ADDED, ChangeKind.DUPLICATED, ChangeKind.BOILERPLATE):
            continue
        if _inside(change):
            continue  # words added inside a paragraph of the original: its cell says so
        after = _after(comparison, change, ends)
        quote = shorten(" ".join(change.b.text.split()), QUOTE)
        found.append(Addition(copy, change.kind, change.subkind, quote, after, index))
    return found


def _after(comparison: Comparison, change: Change, ends: Sequence[int]) -> int:
    """The paragraph of the original the change follows: the last paired one before it."""
    assert change.b is not None
    before = [
        block.a.end
        for block in comparison.blocks
        if block.a is not None and block.b is not None and block.b.end <= change.b.start
    ]
    if not before:
        return -1
    return bisect_right(ends, max(before)) - 1
