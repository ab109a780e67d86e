"""The side-by-side layout: rows tile both texts, toggles hide or fold, stops in order."""

from __future__ import annotations

import pytest

from desktop.core.comparison.boilerplate import recurring_lines
from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison, compare
from desktop.core.presentation.layout import ViewOptions, excerpt, lay_out
from desktop.core.storage.library import Library

PAIRS = [("000", "001"), ("002", "004"), ("004", "002"), ("003", "003")]


def comparison(left: str, right: str) -> Comparison:
    library = Library.open()
    recurring = recurring_lines(library.articles())
    return compare(library.get(left), library.get(right), recurring=recurring)


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_each_cell_shows_exactly_its_paragraph(left: str, right: str) -> None:
    """The runs of a cell rebuild its paragraph, so no text is lost or doubled."""
    result = comparison(left, right)
    layout = lay_out(result)
    assert len(layout.rows) == len(result.blocks)
    for row, block in zip(layout.rows, result.blocks, strict=True):
        for cell, span, article in ((row.a, block.a, result.a), (row.b, block.b, result.b)):
            assert (cell is None) == (span is None)
            if cell is not None and span is not None:
                assert "".join(article.text[r.start : r.end] for r in cell.runs) == span.text


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_stops_are_every_shown_change_once_in_reading_order(left: str, right: str) -> None:
    """Next-change steps down the rows, visiting each painted change once."""
    layout = lay_out(comparison(left, right))
    rows = [stop.row for stop in layout.stops]
    assert rows == sorted(rows)
    assert len({stop.change for stop in layout.stops}) == len(layout.stops)


def test_hiding_copy_edits_leaves_them_unpainted() -> None:
    """With copy-edits hidden no run is painted by one, and they leave the stops."""
    result = comparison("000", "001")
    assert result.counts[ChangeKind.COPY_EDIT]
    layout = lay_out(result, ViewOptions(hide_copy_edits=True))
    painted = {r.change for row in layout.rows for c in (row.a, row.b) if c for r in c.runs}
    kinds = {result.changes[index].kind for index in painted if index is not None}
    assert ChangeKind.COPY_EDIT not in kinds
    assert ChangeKind.REWRITE in kinds


def test_folding_chrome_merges_it_into_markers_counting_its_lines() -> None:
    """004's header lines become one marker; the story lines and its credit all stay."""
    result = comparison("002", "004")
    folded = lay_out(result, ViewOptions(fold_boilerplate=True))
    markers = [row.b.folded_lines for row in folded.rows if row.b and row.b.folded_lines]
    chrome = [c for c in result.changes if c.kind is ChangeKind.BOILERPLATE and c.b]
    credits = [c for c in chrome if c.subkind == "credit"]
    assert len(markers) == 2  # the header and the footer
    assert sum(markers) == len(chrome) - len(credits)
    assert len(folded.rows) < len(result.blocks)
    shown = [result.b.text[r.start : r.end] for row in folded.rows if row.b for r in row.b.runs]
    assert not any("Story Code" in text for text in shown)
    assert "By BBC" in shown


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("defence", "defense", "“defence” → “defense”"),
        ("", "a new line", "“a new line”"),
        ("word " * 40, "", "“" + ("word " * 40)[:69].rstrip() + "…”"),
    ],
)
def test_excerpt_quotes_both_sides_briefly(old: str, new: str, expected: str) -> None:
    """The change list quotes old → new, cut at a readable length."""
    from desktop.core.comparison.changes import Change
    from desktop.core.comparison.diff import Span

    change = Change(
        ChangeKind.REWRITE, "", "", Span(0, len(old), old) if old else None, Span(0, len(new), new)
    )
    assert excerpt(change) == expected
