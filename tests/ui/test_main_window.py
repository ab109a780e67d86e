"""The main window as a user meets it: the library listed, an article read."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QTextBrowser

from desktop.core.library import Library
from desktop.ui.app import build_window


def test_window_is_titled_and_lists_every_article_by_title(window) -> None:
    listing = window.findChild(QListView, "articleList")
    titles = [listing.model().index(row).data() for row in range(listing.model().rowCount())]
    assert window.windowTitle() == "Recension"
    assert not window.windowIcon().isNull()
    assert len(titles) == 5
    assert "Ukraine crisis: US and Russia to hold key talks" in titles


def test_clicking_an_article_shows_its_text(window, qtbot) -> None:
    listing = window.findChild(QListView, "articleList")
    rect = listing.visualRect(listing.model().index(2))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = window.findChild(QTextBrowser, "readingPane")
    assert "Awacs reconnaissance planes" in pane.toPlainText()


def test_arrow_keys_move_through_the_list(window, qtbot) -> None:
    listing = window.findChild(QListView, "articleList")
    listing.setFocus()
    window.sidebar.select_row(0)
    qtbot.keyClick(listing, Qt.Key.Key_Down)
    assert "Home Breaking News" in window.reading_pane.toPlainText()


def test_markup_in_an_article_is_shown_as_text(tmp_path, qtbot) -> None:
    (tmp_path / "evil.txt").write_text("Title <b>bold</b>\n\n<script>alert(1)</script>")
    main = build_window(Library.open(tmp_path))
    qtbot.addWidget(main)
    main.sidebar.select_row(0)
    assert "<script>alert(1)</script>" in main.reading_pane.toPlainText()
    assert "<b>bold</b>" in main.reading_pane.toPlainText()


def test_window_geometry_and_splitter_are_remembered(qtbot) -> None:
    first = build_window(Library.open())
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)
    first.splitter.setSizes([200, 500])
    sizes = first.splitter.sizes()
    first.close()
    second = build_window(Library.open())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    second.close()
