"""Small windows: usable at 800x600, the two sides in register at 1024x700."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from tests.ui.conftest import Opener


def _top(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


def test_at_800_by_600_the_toolbar_overflows_into_a_menu_and_the_panes_keep_their_share(
    open_pair: Opener, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Nothing clipped: what does not fit is behind », the change list gives way to the text."""
    window = open_pair("002", "004")
    window.resize(800, 600)
    window.splitter.setSizes([620, 180])  # as a window opened at this size lays itself out
    QApplication.processEvents()
    qtbot.waitUntil(lambda: window.width() == 800)
    toolbar = window.toolbar
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert extension is not None
    assert extension.isVisible()
    for widget in (toolbar.next_button, toolbar.prev_button, toolbar.position):
        assert widget.isVisible()
        assert widget.geometry().right() <= toolbar.width()
    assert window.changes.width() <= 200
    for pane in (window.left, window.right):
        assert pane.width() >= 250, pane.objectName()


def test_at_1024_by_700_the_pane_headers_line_up(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Titles of one and two lines: both titles and both panes start at the same height."""
    window = open_pair("000", "001")
    window.resize(1024, 700)
    QApplication.processEvents()
    assert _top(window.left_header.title) == _top(window.right_header.title)
    assert _top(window.left) == _top(window.right)
