"""Sharing from the comparison window: the report and the summary say what the window shows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu, QPushButton

from desktop.core.changes import ChangeKind
from desktop.core.kind_styles import KIND_STYLES
from desktop.ui.compare import CompareWindow
from tests.ui.conftest import Opener, answer_dialog


def menu_action(window: CompareWindow, menu: str, item: str) -> QAction:
    """The item of the window's menu as the user reads them (``&`` marks left out)."""
    for top in window.menuBar().actions():
        if top.text().replace("&", "") == menu:
            submenu = top.menu()
            assert isinstance(submenu, QMenu)
            for action in submenu.actions():
                if action.text().replace("&", "") == item:
                    return action
    raise AssertionError(f"no {menu} ▸ {item}")


def wait_shown(qtbot, window: CompareWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait until any comparison asked for in the background has been painted."""
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("Hide Copy-Edits", "Filters: copy-edits hidden."),
        ("Fold Site Chrome", "Filters: boilerplate folded."),
        ("Ignore Case", "Filters: case ignored."),
    ],
)
def test_export_from_the_file_menu_records_the_windows_filters(
    open_pair: Opener, qtbot, tmp_path: Path, item: str, words: str
) -> None:  # type: ignore[no-untyped-def]
    """View ▸ a filter, then File ▸ Export Comparison…: the report says that filter was on."""
    window = open_pair("002", "004")
    menu_action(window, "View", item).trigger()
    wait_shown(qtbot, window)
    answer_dialog(str(tmp_path / "report.html"))
    menu_action(window, "File", "Export Comparison…").trigger()
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert words in report.replace("<b>", "").replace("</b>", "")
    assert "looks derived" in report


def test_the_export_button_saves_what_the_window_shows(
    open_pair: Opener, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Folded site chrome is folded in the report too; the story code is gone from both."""
    window = open_pair("002", "004")
    qtbot.mouseClick(
        window.findChild(QCheckBox, "foldBoilerplateToggle"), Qt.MouseButton.LeftButton
    )
    answer_dialog(str(tmp_path / "folded.html"))
    qtbot.mouseClick(window.findChild(QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    report = (tmp_path / "folded.html").read_text(encoding="utf-8")
    assert "Story Code : 88635" not in window.right.toPlainText()
    assert "Story Code : 88635" not in report.split("<h2>Changes and their reasons</h2>")[0]
    assert "of boilerplate folded away" in report


def test_copy_summary_puts_similarity_and_counts_on_the_clipboard(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Shift+C: the similarity and a count per kind, as the summary bar shows them."""
    window = open_pair("002", "004")
    qtbot.keyClick(
        window.left,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copied = QApplication.clipboard().text()
    result = window.comparison
    assert result is not None
    assert f"Similarity: {result.similarity:.0%}" in copied
    for kind in (ChangeKind.BOILERPLATE, ChangeKind.COPY_EDIT):
        assert f"{result.counts[kind]} {KIND_STYLES[kind].label.lower()}" in copied
    assert window.statusBar().currentMessage() == "Summary copied to the clipboard"


def test_the_view_menu_and_the_toolbar_toggles_stay_in_step(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ticking Hide Copy-Edits in the menu ticks the box; unticking the box unticks the item."""
    window = open_pair("000", "001")
    item = menu_action(window, "View", "Hide Copy-Edits")
    box = window.findChild(QCheckBox, "hideCopyEditsToggle")
    item.trigger()
    assert box.isChecked()
    assert window.view().hide_copy_edits
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert not item.isChecked()
    assert not window.view().hide_copy_edits


def test_close_from_the_file_menu_closes_the_window(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+W closes the comparison."""
    window = open_pair("000", "001")
    qtbot.keyClick(window.left, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
