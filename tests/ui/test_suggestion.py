"""A typo in the sidebar: "Did you mean …?" with the index's own words, one click to search it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QPushButton

from desktop.ui.results import HitRole
from tests.ui.conftest import settle


def _type_query(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    box = window.findChild(QLineEdit, "searchBox")
    box.clear()
    qtbot.keyClicks(box, text)
    settle(qtbot, window)


def test_a_typo_offers_the_indexed_spelling_and_one_click_searches_it(window, qtbot) -> None:
    _type_query(qtbot, window, "Kery Lavorv")
    suggestion = window.findChild(QPushButton, "suggestion")
    assert window.findChild(QLabel, "resultCount").text() == "No article matches"
    assert suggestion.isVisible()
    assert suggestion.text() == "Did you mean \u201cKerry Lavrov\u201d?"

    qtbot.mouseClick(suggestion, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert window.findChild(QLineEdit, "searchBox").text() == "Kerry Lavrov"
    results = window.findChild(QListView, "resultsList")
    model = results.model()
    hits = [model.index(row, 0).data(HitRole) for row in range(model.rowCount())]
    assert [hit for hit in hits if hit is not None]
    assert not suggestion.isVisible()


def test_a_query_with_hits_or_nothing_close_offers_no_suggestion(window, qtbot) -> None:
    suggestion = window.findChild(QPushButton, "suggestion")
    _type_query(qtbot, window, "Kerry")
    assert not suggestion.isVisible()
    _type_query(qtbot, window, "xqzzyv")
    assert window.findChild(QLabel, "resultCount").text() == "No article matches"
    assert not suggestion.isVisible()
