"""Ctrl+F in the comparison (both panes) and in the reader; the article's address opens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QLineEdit

from tests.ui.conftest import Opener, settle


def test_ctrl_f_finds_in_both_panes_and_steps_through_the_hits(open_pair: Opener, qtbot) -> None:  # type: ignore[no-untyped-def]
    """ "Lavrov" in 000 ↔ 001: hits in both panes, counted; Enter and Shift+Enter walk them."""
    window = open_pair("000", "001")
    qtbot.keyClick(window.left, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.findChild(QLineEdit, "findField")
    assert field.isVisible()
    assert field.hasFocus()
    qtbot.keyClicks(field, "Lavrov")
    expected = sum(pane.toPlainText().count("Lavrov") for pane in (window.left, window.right))
    count = window.findChild(QLabel, "findCount")
    assert count.text() == f"{expected} found"
    assert {hit.pane for hit in window.find_bar.hits} == {0, 1}
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert count.text() == f"1 of {expected}"
    first = window.find_bar.hits[0]
    pane = window.left if first.pane == 0 else window.right
    assert pane.textCursor().selectedText() == "Lavrov"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == f"1 of {expected}"
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert count.text() == f"{expected} of {expected}"
    assert len(window.left.extraSelections()) >= 1
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not field.isVisible()
    qtbot.keyClicks(field, "zzzz")
    assert count.text() == "Not found"


def test_ctrl_f_in_the_reader_finds_in_the_article(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With the article focused, Ctrl+F opens its own find bar; F3 goes to the next hit."""
    window.sidebar.select_id("002_c84410c1d48da44e")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("002"), timeout=10_000)
    window.reading_pane.setFocus()
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.reader.find_bar
    assert bar.isVisible()
    bar.field.setText("Kerry")
    hits = window.reading_pane.toPlainText().count("Kerry")
    assert bar.count.text() == f"{hits} found"
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    qtbot.keyClick(bar.field, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {hits}"
    assert window.reading_pane.textCursor().selectedText() == "Kerry"
    settle(qtbot, window)  # no reading left on its way to a closed window


def test_the_articles_web_address_is_shown_and_opens_in_the_browser(
    window, open_pair: Opener, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """004's address: a link in the reader and over its side of a comparison; a click opens it."""
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    url = "https://theiranproject.com/vdcbs0bw.rhbwfpe4ur.html"
    window.sidebar.select_id("004_d8933c6599e0f15b")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("004"), timeout=10_000)
    pane = window.reading_pane
    qtbot.waitUntil(lambda: pane.article.id.startswith("004"), timeout=10_000)
    found = pane.document().find(url)
    assert not found.isNull()  # shown
    found.setPosition(found.selectionStart() + 3)
    pane.verticalScrollBar().setValue(0)
    qtbot.mouseClick(
        pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.cursorRect(found).center()
    )
    compared = open_pair("002", "004")
    address = compared.right_header.address
    assert address.isVisible()
    assert url in address.text()
    assert not compared.left_header.address.isVisible()
    address.linkActivated.emit(url)
    address.linkActivated.emit("file:///etc/passwd")  # never anything but a web address
    assert opened == [url, url]
    settle(qtbot, window)


def test_f3_in_the_reader_goes_to_the_next_hit_of_the_search(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Searched for Lavrov: F3 in the article jumps from hit to hit of that word."""
    window.sidebar.search_box.setText("Lavrov")
    qtbot.waitUntil(lambda: window.sidebar.current_id() is not None, timeout=10_000)
    window.sidebar.select_id("002_c84410c1d48da44e")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("002"), timeout=10_000)
    hits = window.reading_pane.toPlainText().count("Lavrov")
    assert hits >= 2
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_F3)
    bar = window.reader.find_bar
    assert bar.field.text() == "Lavrov"
    assert bar.count.text() == f"1 of {hits}"
    qtbot.keyClick(window.reading_pane, Qt.Key.Key_F3)
    assert bar.count.text() == f"2 of {hits}"
    settle(qtbot, window)
