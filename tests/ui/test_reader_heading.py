"""A hit deep in an article: the reader scrolls to it and keeps the title and source in view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QTextBrowser

from tests.ui.conftest import settle

TITLE = "Russian foreign minister and US secretary of state enter talks again"


def test_a_deep_hit_keeps_the_title_and_source_in_view(window, qtbot) -> None:
    window.resize(1000, 520)
    box = window.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(box, "Chocolate")
    settle(qtbot, window)
    results = window.findChild(QListView, "resultsList")
    rect = results.visualRect(results.model().index(0, 0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = window.findChild(QTextBrowser, "readingPane")
    heading = window.findChild(QLabel, "stickyHeading")

    qtbot.waitUntil(heading.isVisible, timeout=2_000)
    qtbot.wait(50)  # the pane laid out again below the heading
    assert pane.verticalScrollBar().value() > 0  # scrolled down to the hit, which is in view
    hit = pane.cursorRect(pane.document().find("Chocolate"))
    assert 0 <= hit.top() < hit.bottom() <= pane.viewport().height()
    shown = heading.text()
    assert TITLE in shown
    assert "The Guardian · 30 March 2014 · 003_fdc6c1aa6c633632" in shown
    assert heading.geometry().bottom() <= pane.geometry().top()  # above the text, not over it

    pane.verticalScrollBar().setValue(0)  # back at the top, the page's own heading shows
    qtbot.waitUntil(lambda: not heading.isVisible(), timeout=2_000)
