"""One order and filters that do what they look like: F7, the list, the legend's chips."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QComboBox

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.navigation import SUBSTANTIVE
from desktop.ui.compare import CompareWindow
from tests.ui.conftest import Opener
from tests.ui.test_compare import pane_text_format


def _visited(window: CompareWindow, qtbot) -> list[ChangeKind]:  # type: ignore[no-untyped-def]
    """The kinds F7 lands on, once round."""
    kinds = []
    for _ in window.steps:
        qtbot.keyClick(window.left, Qt.Key.Key_F7)
        kinds.append(window.comparison.changes[window.current_change()].kind)
    return kinds


def test_f7_starts_on_what_changes_the_story_not_on_site_chrome(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """002 ↔ 004: F7 skips the date lines and copy-edits; "Every change" visits them too."""
    window = open_pair("002", "004")
    visited = _visited(window, qtbot)
    assert visited
    assert set(visited) <= SUBSTANTIVE
    assert window.toolbar.position.text() == f"Change {len(visited)} of {len(visited)}"
    qtbot.mouseClick(window.findChild(QCheckBox, "everyChangeToggle"), Qt.MouseButton.LeftButton)
    assert {ChangeKind.BOILERPLATE, ChangeKind.COPY_EDIT} <= set(_visited(window, qtbot))


def test_clicking_a_legend_chip_hides_that_kind_and_f7_skips_it(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The rewrite chip of 002 ↔ 004: off, rewrites lose their paint and F7 never lands on one."""
    window = open_pair("002", "004")
    assert ChangeKind.REWRITE in _visited(window, qtbot)
    chip = window.summary.legend.chips[ChangeKind.REWRITE]
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert not chip.isChecked()
    assert "hidden" in chip.text()
    assert ChangeKind.REWRITE not in _visited(window, qtbot)
    assert all(
        window.comparison.changes[change].kind is not ChangeKind.REWRITE
        for change in window.right.ranges
    )
    assert "Rewritten" not in window.changes.toolTip()
    chip.setFocus()
    qtbot.keyClick(chip, Qt.Key.Key_Space)  # and back, from the keyboard
    assert chip.isChecked()
    assert ChangeKind.REWRITE in _visited(window, qtbot)


def test_the_copy_edit_chip_and_the_hide_copy_edits_toggle_are_one(
    open_pair: Opener, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Clicking the copy-edit chip ticks "Hide copy-edits"; defence → defense loses its line."""
    window = open_pair("000", "001")
    qtbot.mouseClick(window.summary.legend.chips[ChangeKind.COPY_EDIT], Qt.MouseButton.LeftButton)
    assert window.findChild(QCheckBox, "hideCopyEditsToggle").isChecked()
    assert pane_text_format(window.right, "defense").toolTip() == ""


def test_the_list_numbers_changes_as_f7_counts_them_in_either_order(
    open_pair: Opener, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """By kind, the second rewrite of 002 ↔ 004 reads "n." and the toolbar says "Change n"."""
    window = open_pair("002", "004")
    listing = window.changes
    assert listing.topLevelItem(0).text(0).startswith("1. ")
    assert listing.topLevelItem(1).text(0).startswith("2. ")
    window.findChild(QComboBox, "changeOrder").setCurrentIndex(1)  # By kind
    group = listing.topLevelItem(0)
    assert group.text(0).startswith("Rewritten (")
    second = group.child(1)
    listing.setCurrentItem(second)
    number = second.text(0).split(".", 1)[0]
    assert window.toolbar.position.text() == f"Change {number} of {len(window.steps)}"
    qtbot.keyClick(window.left, Qt.Key.Key_F7)
    assert window.toolbar.position.text() == f"Change {int(number) + 1} of {len(window.steps)}"


def test_toggles_stay_with_their_window_unless_made_the_default(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Hide copy-edits in one window: the next opens as usual, until they are made the default."""
    from desktop.core.storage.library import Library
    from desktop.core.workspace import Workspace

    library = Library.open()
    workspace = Workspace.for_library(library)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

    def opened() -> CompareWindow:
        window = CompareWindow(library.get("000"), library.get("001"), workspace, settings=settings)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.comparison is not None, timeout=10_000)
        return window

    first = opened()
    first.findChild(QCheckBox, "hideCopyEditsToggle").click()
    qtbot.mouseClick(first.summary.legend.chips[ChangeKind.MOVED], Qt.MouseButton.LeftButton)
    second = opened()
    assert not second.findChild(QCheckBox, "hideCopyEditsToggle").isChecked()
    assert second.summary.legend.chips[ChangeKind.MOVED].isChecked()
    first.findChild(QAction, "makeDefaultAction").trigger()
    third = opened()
    assert third.findChild(QCheckBox, "hideCopyEditsToggle").isChecked()
    assert not third.summary.legend.chips[ChangeKind.MOVED].isChecked()
    assert ChangeKind.MOVED not in {
        third.comparison.changes[stop.change].kind for stop in third.layout_.stops
    }
    for window in (first, second, third):
        window.close()
