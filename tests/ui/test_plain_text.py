"""Article text and titles reach tooltips and dialogs as plain text, never as markup."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QTreeWidget, QWidget

from desktop.core.text.article import Article
from tests.ui.conftest import settle
from tests.ui.test_main_window import _answer_modal, _drop, _type_query


def test_the_remove_dialog_shows_a_title_with_markup_as_typed(window, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    story = tmp_path / "figs.txt"
    story.write_text("Fig glut\n\nToo many figs reached the market this week.")
    title = '<img src="x"><b>Fig</b> glut\u202e'
    (tmp_path / "figs.meta.json").write_text(json.dumps({"title": title}))
    _drop(window, [story])
    settle(qtbot, window)
    _type_query(qtbot, window, "figs")
    window.sidebar.select_row(0)
    seen: list[str] = []

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert dialog.textFormat() == Qt.TextFormat.PlainText
        seen.append(dialog.text())
        dialog.button(QMessageBox.StandardButton.Yes).click()

    _answer_modal(confirm)
    window.remove_current()
    settle(qtbot, window)
    assert '<img src="x"><b>Fig</b> glut\\u202e' in seen[0]


def test_a_change_tooltip_shows_article_markup_escaped(open_pair) -> None:  # type: ignore[no-untyped-def]
    a = Article("a", "A", "The mayor said <b>nothing</b> at all.\n\nA second paragraph stays.")
    b = Article("b", "B", 'The mayor said <img src="x"> loudly.\n\nA second paragraph stays.')
    window = open_pair(a, b)
    listing = window.findChild(QTreeWidget, "changeList")
    item = listing.topLevelItem(0)  # the list is in text order: the first change
    tip = item.toolTip(0)
    assert tip.startswith("<p>")
    assert "&lt;b&gt;nothing&lt;/b&gt;" in tip or "&lt;img src=&quot;x&quot;&gt;" in tip
    assert "<b>nothing" not in tip
    assert "<img" not in tip


def test_the_problems_panel_names_files_safely(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    odd = tmp_path / "evil\u202etxt.exe\x1b.txt"
    odd.write_bytes(b"")
    _drop(window, [odd])
    settle(qtbot, window)
    panel = window.problems
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=10_000)
    text = panel.list.item(0).text()
    assert "evil\\u202etxt.exe\\x1b.txt" in text
    assert "\u202e" not in text


def test_a_damaged_file_in_the_library_is_named_in_the_problems_panel(
    open_window, qtbot, data_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    store = data_dir / "articles"
    store.mkdir(parents=True)
    (store / "broken.json").write_text('{"title": ')
    window = open_window()
    qtbot.waitUntil(lambda: window.problems.list.count() == 1, timeout=10_000)
    assert "broken.json is damaged" in window.problems.list.item(0).text()
    assert window.problems.isVisible()
    window.research()
    settle(qtbot, window)
    assert window.problems.list.count() == 1  # said once, not at every refresh
