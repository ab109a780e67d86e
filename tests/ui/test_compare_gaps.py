"""Gaps that cost no space: one-sided runs fold into one row, and every fold opens in place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox

from desktop.ui.compare import CompareWindow
from desktop.ui.panes import ComparePane
from tests.ui.conftest import Opener


def _click_show(pane: ComparePane, after: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Click the "Show" link of the fold whose words contain ``after``."""
    found = pane.document().find(after)
    assert not found.isNull(), f"{after!r} is not shown"
    link = pane.document().find("Show", found)
    cursor = QTextCursor(pane.document())
    cursor.setPosition(link.selectionStart() + 1)
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    qtbot.mouseClick(
        pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.cursorRect(cursor).center()
    )


def _tall_gap(window: CompareWindow) -> float:
    """The tallest run of rows the right pane has no text in."""
    heights = window.right.row_heights()
    return max((window.left.row_heights()[n] for n, h in enumerate(heights) if h == 0), default=0)


def test_the_missing_tail_is_one_line_that_opens_in_place(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """000 ↔ 001: "001 stops here — 000 goes on for 15 paragraphs…", not acres of hatching."""
    window = open_pair("000", "001")
    left = window.left.toPlainText()
    assert "stops here — 000 (BBC News) goes on for 15 paragraphs" in left
    assert "Sluggish" not in left  # folded too: three paragraphs only in 000
    rows = len(window.layout_.rows)
    _click_show(window.left, "goes on for 15 paragraphs", qtbot)
    assert len(window.layout_.rows) == rows + 14
    assert "goes on for 15 paragraphs" not in window.left.toPlainText()
    assert "Sluggish" not in window.left.toPlainText()  # the other fold stays
    _click_show(window.left, "only in 000", qtbot)
    assert "Sluggish" in window.left.toPlainText()


def test_f7_still_reaches_a_change_inside_a_fold(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The cut-off tail is a stop: F7 lands on its one row and marks it."""
    window = open_pair("000", "001")
    for _ in window.steps:
        qtbot.keyClick(window.left, Qt.Key.Key_F7)
        change = window.current_change()
        if window.comparison.changes[change].kind.value == "truncated":
            start, end = window.left.ranges[change]
            cursor = QTextCursor(window.left.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            assert "goes on for 15 paragraphs" in cursor.selectedText()
            return
    raise AssertionError("F7 never reached the cut-off tail")


def test_a_folded_chrome_marker_opens_in_place(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """002 ↔ 004 with chrome folded: "Show" on the fold brings the story code back."""
    window = open_pair("002", "004")
    qtbot.mouseClick(
        window.findChild(QCheckBox, "foldBoilerplateToggle"), Qt.MouseButton.LeftButton
    )
    assert "Story Code : 88635" not in window.right.toPlainText()
    _click_show(window.right, "3 lines of site chrome folded away", qtbot)
    assert "Story Code : 88635" in window.right.toPlainText()
    assert window.findChild(QCheckBox, "foldBoilerplateToggle").isChecked()
