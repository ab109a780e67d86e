"""The side-by-side layout: rows tile both texts, toggles hide or fold, stops in order."""

from __future__ import annotations

import pytest

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison, compare
from desktop.core.presentation.layout import ViewOptions, excerpt, gap_words, lay_out
from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace

PAIRS = [("000", "001"), ("002", "004"), ("004", "002"), ("003", "003")]


def comparison(left: str, right: str) -> Comparison:
    """The two seeds compared as the window compares them: the library's recurring lines
    taken for site chrome."""
    workspace = Workspace.for_library(Library.open())
    return workspace.compare(workspace.article(left), workspace.article(right))


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


def test_a_long_one_sided_run_and_a_cut_off_tail_fold_into_one_row_each() -> None:
    """000 ↔ 001: the 'Sluggish talks' section and the tail 001 lacks, each one row."""
    library = Library.open()
    comparison = compare(library.get("000"), library.get("001"))
    whole = lay_out(comparison)
    folded = lay_out(comparison, ViewOptions(collapse_gaps=True))
    cells = [row.a for row in folded.rows if row.a is not None and row.a.folded_paragraphs]
    assert [row.b for row in folded.rows if row.a in cells] == [None, None]
    section, tail = cells
    assert gap_words(section, "000", "001") == "3 paragraphs, 50 words only in 000"
    assert gap_words(tail, "000", "001").startswith("001 stops here — 000 goes on for 15 ")
    assert len(folded.rows) == len(whole.rows) - (3 - 1) - (15 - 1)
    assert {s.change for s in folded.stops} == {s.change for s in whole.stops}  # F7 still goes
    opened = lay_out(comparison, ViewOptions(collapse_gaps=True, opened=frozenset({tail.fold})))
    assert len(opened.rows) == len(folded.rows) + 15 - 1


def test_a_folded_chrome_run_opens_in_place() -> None:
    """002 ↔ 004: the opening lines of chrome fold; opened, they are rows again."""
    library = Library.open()
    comparison = compare(library.get("002"), library.get("004"))
    folded = lay_out(comparison, ViewOptions(fold_boilerplate=True))
    first = next(
        cell for row in folded.rows for cell in (row.a, row.b) if cell and cell.folded_lines
    )
    opened = lay_out(comparison, ViewOptions(fold_boilerplate=True, opened=frozenset({first.fold})))
    assert len(opened.rows) == len(folded.rows) + first.folded_lines - 1
