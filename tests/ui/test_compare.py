"""The comparison window as a reader meets it: counts, stepping, toggles, escaping."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette, QTextCursor
from PySide6.QtWidgets import QCheckBox, QPushButton, QTextBrowser, QTreeWidget, QWidget

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.legibility import AA, contrast
from desktop.core.text.article import Article
from desktop.ui.compare import CompareWindow
from desktop.ui.styles import tooltip
from tests.ui.conftest import Opener


def pane_text_format(pane: QTextBrowser, needle: str):  # type: ignore[no-untyped-def]
    """The character format the pane shows ``needle`` in."""
    found = pane.document().find(needle)
    assert not found.isNull(), f"{needle!r} is not shown"
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found.selectionStart() + 1)
    return cursor.charFormat()


def test_summary_bar_shows_similarity_counts_and_the_derived_side(open_pair: Opener) -> None:
    """002 vs 004: similarity, which side is the copy, and a count per kind."""
    window = open_pair("002", "004")
    shown = window.summary.text()
    result = window.comparison
    assert result is not None
    assert f"{result.similarity:.0%} similar" in shown
    assert "004 (The Iran Project) looks derived from 002 (BBC News)" in shown
    assert "94% of 004 is in 002" in shown
    assert f"site chrome {result.counts[ChangeKind.BOILERPLATE]}" in shown
    assert f"duplicated {result.counts[ChangeKind.DUPLICATED]}" in shown
    assert window.findChild(QTextBrowser, "rightPane").parent() is not None
    assert "looks derived" in window.right_header.meta.text()


@pytest.mark.parametrize("how", ["keys", "buttons"])
def test_stepping_through_changes_moves_the_change_list(open_pair: Opener, qtbot, how) -> None:  # type: ignore[no-untyped-def]
    """F7 / Next goes to the next change, Shift+F7 / Previous back; the list follows."""
    window = open_pair("002", "004")
    listing = window.findChild(QTreeWidget, "changeList")
    stops = window.steps

    def step(forward: bool) -> None:
        if how == "keys":
            modifier = (
                Qt.KeyboardModifier.NoModifier if forward else Qt.KeyboardModifier.ShiftModifier
            )
            qtbot.keyClick(window.left, Qt.Key.Key_F7, modifier)
        else:
            name = "nextChangeButton" if forward else "prevChangeButton"
            qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)

    step(True)
    step(True)
    assert window.changes.current_change() == stops[1].change
    assert window.toolbar.position.text() == f"Change 2 of {len(stops)}"
    step(False)
    assert listing.currentItem().text(0).startswith("1. “")
    assert window.changes.current_change() == stops[0].change


def test_choosing_a_change_in_the_list_scrolls_both_panes_to_it(open_pair: Opener) -> None:
    """Picking the last change brings its row into view on both sides."""
    window = open_pair("000", "001")
    last = window.steps[-1]
    window.changes.setCurrentItem(window.changes._items[last.change])
    assert window.left.verticalScrollBar().value() > 0
    for pane in (window.left, window.right):
        on_screen = pane.row_top(last.row) - pane.verticalScrollBar().value()
        assert 0 <= on_screen < pane.viewport().height(), pane.objectName()
    assert window.current_change() == last.change


def test_rows_line_up_and_a_missing_paragraph_leaves_a_gap(open_pair: Opener) -> None:
    """Every aligned paragraph starts at the same height on both sides."""
    window = open_pair("000", "001")
    rows = window.layout_.rows
    assert any(row.a is None for row in rows)
    assert any(row.b is None for row in rows)
    for number in range(len(rows)):
        assert window.left.row_top(number) == pytest.approx(window.right.row_top(number), abs=1)


def test_scrolling_one_pane_scrolls_the_other_by_paragraph(open_pair: Opener) -> None:
    """Scrolling the right pane brings the left to the same paragraph."""
    window = open_pair("002", "004")
    window.right.verticalScrollBar().setValue(400)
    row, _ = window.right.row_at(400.0)
    left_row, _ = window.left.row_at(float(window.left.verticalScrollBar().value()))
    assert left_row == row


def test_folding_site_chrome_hides_it_behind_a_marker(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The story code of 004 goes; a line says how much chrome was folded."""
    window = open_pair("002", "004")
    assert "Story Code : 88635" in window.right.toPlainText()
    qtbot.mouseClick(
        window.findChild(QCheckBox, "foldBoilerplateToggle"), Qt.MouseButton.LeftButton
    )
    assert "Story Code : 88635" not in window.right.toPlainText()
    assert "3 lines of site chrome folded away" in window.right.toPlainText()
    assert "By BBC" in window.right.toPlainText()  # a credit is never folded
    assert "004 credits BBC" in window.summary.credits.text()


def test_hiding_copy_edits_removes_their_highlight(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """defence → defense is highlighted as a copy-edit until copy-edits are hidden."""
    window = open_pair("000", "001")
    assert "Copy-edit" in pane_text_format(window.right, "defense").toolTip()
    assert "US spelling" in pane_text_format(window.left, "defence unit").toolTip()
    qtbot.mouseClick(window.findChild(QCheckBox, "hideCopyEditsToggle"), Qt.MouseButton.LeftButton)
    assert pane_text_format(window.right, "defense").toolTip() == ""
    kinds = {window.comparison.changes[s.change].kind for s in window.layout_.stops}
    assert ChangeKind.COPY_EDIT not in kinds


def test_every_highlight_explains_its_kind_and_reason(open_pair: Opener) -> None:
    """Each painted change carries a tooltip naming its kind and giving its reason."""
    window = open_pair("000", "001")
    for pane in (window.left, window.right):
        for change, (start, _) in pane.ranges.items():
            cursor = QTextCursor(pane.document())
            cursor.setPosition(start + 1)
            detail = window.comparison.changes[change]
            # its own tooltip, or (inside a folded run) one line of the fold's
            assert tooltip(detail.kind, detail.reason) in cursor.charFormat().toolTip()


def test_clicking_a_moved_paragraph_jumps_to_its_other_place(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """001 moves the Kerry/Lavrov meeting paragraph; a click on it shows where it went."""
    window = open_pair("000", "001")
    moved = next(i for i, c in enumerate(window.comparison.changes) if c.kind is ChangeKind.MOVED)
    window.go_to_change(moved)
    cursor = QTextCursor(window.left.document())
    cursor.setPosition(window.left.ranges[moved][0] + 2)
    point = window.left.cursorRect(cursor).center()
    qtbot.mouseClick(window.left.viewport(), Qt.MouseButton.LeftButton, pos=point)
    other = window.right.document().findBlock(window.right.ranges[moved][0])
    top = window.right.row_top(other.blockNumber()) - window.right.verticalScrollBar().value()
    assert 0 <= top < window.right.viewport().height()
    assert window.current_change() == moved


def test_ignoring_case_compares_again_in_the_background(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Nato/NATO stops being a difference once case is ignored."""
    window = open_pair("000", "001")
    window.findChild(QAction, "everyChangeAction").trigger()  # copy-edits listed too
    assert "“Nato” → “NATO”" in _list_text(window)
    window.findChild(QAction, "ignoreCaseToggle").trigger()
    qtbot.waitUntil(lambda: window.comparison.options.ignore_case, timeout=10_000)
    assert "“Nato” → “NATO”" not in _list_text(window)


def test_swapping_sides_puts_the_right_article_on_the_left(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After a swap, 004 is on the left and the counts are mirrored."""
    window = open_pair("002", "004")
    removed = window.comparison.counts[ChangeKind.REMOVED]
    qtbot.mouseClick(window.findChild(QPushButton, "swapButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.comparison.a.id.startswith("004"), timeout=10_000)
    assert window.comparison.counts[ChangeKind.ADDED] == removed
    assert window.left_header.title.text() == window.comparison.a.title


def test_markup_in_articles_is_shown_as_characters(open_pair: Opener) -> None:
    """<script> and <b> in a title or text show as typed, never as markup."""
    a = Article(
        id="x",
        title="<b>Bold</b> claim",
        text="<b>Bold</b> claim\n\n<script>alert(1)</script> said",
    )
    b = Article(id="y", title="Copy", text="Copy\n\n<script>alert(2)</script> said")
    window = open_pair(a, b)
    assert "<script>alert(1)</script> said" in window.left.toPlainText()
    assert "<script>alert(2)</script> said" in window.right.toPlainText()
    assert window.left_header.title.text() == "<b>Bold</b> claim"
    assert "&lt;b&gt;" in tooltip(ChangeKind.REWRITE, "'<b>' → ''")


def test_every_control_has_a_name_a_screen_reader_can_read(open_pair: Opener) -> None:
    """The named widgets exist and each has an accessible name."""
    window = open_pair("000", "001")
    names = [
        "leftPane",
        "rightPane",
        "legend",
        "nextChangeButton",
        "prevChangeButton",
        "changeList",
        "summaryBar",
        "swapButton",
        "hideCopyEditsToggle",
        "foldBoilerplateToggle",
        "overviewRuler",
        "everyChangeToggle",
        "changeOrder",
        "findBar",
        "findField",
        "compareToolbar",
        *(f"legend-{kind.value}" for kind in ChangeKind),
    ]
    for name in names:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name
    for kind in ChangeKind:  # the legend's filters are reached with Tab
        chip = window.findChild(QWidget, f"legend-{kind.value}")
        assert chip.focusPolicy() & Qt.FocusPolicy.TabFocus, kind


def _list_text(window: CompareWindow) -> str:
    """Every line of the change list, groups and items, top to bottom."""
    listing = window.changes
    texts = []
    for group in range(listing.topLevelItemCount()):
        item = listing.topLevelItem(group)
        texts += [item.text(0)] + [item.child(i).text(0) for i in range(item.childCount())]
    return "\n".join(texts)


def test_the_selected_change_reads_at_aa(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The change F7 selects reads at 4.5:1 on its row (Fusion's own blue gives 3.7:1)."""
    window = open_pair("002", "004")
    qtbot.keyClick(window.left, Qt.Key.Key_F7)
    listing = window.findChild(QTreeWidget, "changeList")
    item = listing.currentItem()
    assert item is not None
    assert item.isSelected()
    rect = listing.visualItemRect(item)
    painted = listing.viewport().grab().toImage().pixelColor(rect.right() - 2, rect.center().y())
    text = listing.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert contrast(text, painted.name()) >= AA
