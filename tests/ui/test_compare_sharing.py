"""Sharing from the comparison window: the report and the summary say what the window shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu, QMessageBox, QPushButton

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.report import render_report
from desktop.core.presentation.vocabulary import word
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.ui.compare import CompareWindow
from desktop.ui.export import PDF_FILTER, report_document
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


def wait_exported(qtbot, window: CompareWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait until the report being written in the background is on disk (or has failed)."""
    qtbot.waitUntil(lambda: not window.is_exporting(), timeout=30_000)


def grown(article_id: str, copies: int) -> Article:
    """A library article repeated ``copies`` times, each copy's paragraphs numbered."""
    article = Library.open().get(article_id)
    text = "\n\n".join(
        re.sub(r"(?m)^(?=\S)", f"{copy}. ", article.text) for copy in range(1, copies + 1)
    )
    return Article(id=article.id, title=article.title, text=text)


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("Hide Copy-Edits", "Filters: copy-edits hidden."),
        ("Fold Site Chrome", "Filters: site chrome folded."),
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
    wait_exported(qtbot, window)
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
    wait_exported(qtbot, window)
    report = (tmp_path / "folded.html").read_text(encoding="utf-8")
    assert "Story Code : 88635" not in window.right.toPlainText()
    assert "Story Code : 88635" not in report.split("<h2>Changes and their reasons</h2>")[0]
    assert "lines of site chrome folded away" in report
    folds = [line for line in window.right.toPlainText().splitlines() if "folded away" in line]
    assert folds
    words = [fold.removesuffix(" · Show") for fold in folds]  # paper has no "Show"
    assert all(fold in report for fold in words)  # the window's words, in the report


def test_a_long_pdf_is_written_while_the_window_keeps_responding(
    open_pair: Opener, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A large pair's PDF: pages counted in the status bar, sharing off, the window live."""
    window = open_pair(grown("002", 6), grown("004", 6))
    assert window.comparison is not None
    expected = report_document(render_report(window.comparison, view=window.view())).pageCount()
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    ticks_while_writing: list[bool] = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks_while_writing.append(window.is_exporting()))
    timer.start(10)
    answer_dialog(str(tmp_path / "long"), PDF_FILTER)
    menu_action(window, "File", "Export Comparison…").trigger()
    assert window.is_exporting()
    assert not any(action.isEnabled() for action in window.actions_.sharing())
    wait_exported(qtbot, window)
    timer.stop()
    pdf = (tmp_path / "long.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == expected > 20
    assert ticks_while_writing.count(True) >= 3
    assert f"Writing the PDF… page 1 of {expected}" in messages
    assert window.statusBar().currentMessage() == f"Saved long.pdf ({expected} pages)"
    assert all(action.isEnabled() for action in window.actions_.sharing())


def test_an_export_that_cannot_be_written_says_why(
    open_pair: Opener, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A path under a regular file: a message names it, nothing is written, sharing is back."""
    window = open_pair("002", "004")
    (tmp_path / "a_file.txt").write_text("not a folder")
    answer_dialog(str(tmp_path / "a_file.txt" / "out.pdf"))
    menu_action(window, "File", "Export Comparison…").trigger()
    wait_exported(qtbot, window)
    box = window.findChild(QMessageBox, "exportFailedMessage")
    assert box.isVisible()
    assert box.text() == (
        f"cannot write {tmp_path / 'a_file.txt' / 'out.pdf'}: part of the path is not a folder"
    )
    box.close()
    assert list(tmp_path.rglob("*out.pdf*")) == []
    assert window.actions_.export.isEnabled()


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
        assert f"{result.counts[kind]} {word(kind)}" in copied
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
