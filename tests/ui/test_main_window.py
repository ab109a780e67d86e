"""The main window as a user meets it: search as you type, read, add articles."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QStyle,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from desktop.core.presentation.legibility import AA, contrast
from desktop.core.search.index import MANIFEST, SearchIndex
from desktop.core.storage.library import Library
from desktop.ui.app import build_window
from desktop.ui.results import ORIGINAL_LABEL, HitRole, HtmlRole
from tests.ui.conftest import settle


def _shown_ids(view: QListView) -> list[str]:
    model = view.model()
    hits = (model.index(row, 0).data(HitRole) for row in range(model.rowCount()))
    return [hit.id[:3] for hit in hits if hit is not None]


def _type_query(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    box = window.findChild(QLineEdit, "searchBox")
    box.clear()
    qtbot.keyClicks(box, text)
    settle(qtbot, window)


def test_window_is_titled_and_lists_the_library_grouped_by_story(window) -> None:
    listing = window.findChild(QListView, "articleList")
    model = listing.model()
    headers = [
        model.index(row, 0).data()
        for row in range(model.rowCount())
        if model.index(row, 0).data(HitRole) is None
    ]
    assert window.windowTitle() == "Recension"
    assert not window.windowIcon().isNull()
    assert sorted(_shown_ids(listing)) == ["000", "001", "002", "003", "004"]
    assert headers == ["2 versions of one story", "2 versions of one story"]
    assert "5 articles · 3 stories" in window.findChild(QLabel, "resultCount").text()


def test_typing_psaki_lists_exactly_002_and_004_with_the_hits_highlighted(window, qtbot) -> None:
    _type_query(qtbot, window, "Psaki")
    results = window.findChild(QListView, "resultsList")
    assert results.isVisible()
    assert sorted(_shown_ids(results)) == ["002", "004"]
    markup = [results.model().index(r, 0).data(HtmlRole) for r in range(results.model().rowCount())]
    assert any('<span class="hit">Psaki</span>' in text for text in markup)
    assert window.findChild(QLabel, "resultCount").text() == "2 articles match"


def test_selecting_a_result_shows_its_text_with_the_hits_highlighted(window, qtbot) -> None:
    _type_query(qtbot, window, "Awacs")
    results = window.findChild(QListView, "resultsList")
    rect = results.visualRect(results.model().index(0, 0))
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = window.findChild(QTextBrowser, "readingPane")
    assert "Awacs reconnaissance planes" in pane.toPlainText()
    assert '<span class="hit">Awacs</span>' in _html_source(window)


def test_a_search_that_finds_nothing_empties_the_reader_until_esc(window, qtbot) -> None:
    _type_query(qtbot, window, "Awacs")
    window.sidebar.select_row(0)
    settle(qtbot, window)
    pane = window.findChild(QTextBrowser, "readingPane")
    assert "Awacs" in pane.toPlainText()

    _type_query(qtbot, window, "xqzzyv")
    assert pane.toPlainText() == ""
    assert pane.placeholderText().startswith("No article matches \u201cxqzzyv\u201d")
    assert not window.findChild(QToolButton, "compareButton").isEnabled()

    qtbot.keyClick(window.findChild(QLineEdit, "searchBox"), Qt.Key.Key_Escape)
    settle(qtbot, window)
    assert "Awacs" in pane.toPlainText()
    assert window.findChild(QToolButton, "compareButton").isEnabled()


def _html_source(window) -> str:  # type: ignore[no-untyped-def]
    from desktop.ui.reader import article_html

    pane = window.reading_pane
    query = window.sidebar.search_box.text()
    return article_html(
        pane.article, window.controller.workspace.index.highlights(query, pane.article)
    )


def test_a_bad_query_shows_its_message_in_place(window, qtbot) -> None:
    _type_query(qtbot, window, '"Kerry Lavrov')
    message = window.findChild(QLabel, "queryMessage")
    assert message.isVisible()
    assert "quote" in message.text().lower()


def test_keyboard_search_navigation(window, qtbot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    box = window.findChild(QLineEdit, "searchBox")
    assert box.hasFocus()
    _type_query(qtbot, window, "Psaki")
    first = window.sidebar.current_id()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert window.sidebar.current_id() not in (None, first)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.reading_pane.hasFocus()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    settle(qtbot, window)
    assert box.text() == ""
    assert window.findChild(QListView, "articleList").isVisible()


def _drop(window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    position = QPointF(window.width() / 2, window.height() / 2)
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(position.toPoint(), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(position, Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(window, drop)


def test_dropping_a_file_adds_it_and_search_finds_it(window, qtbot, tmp_path: Path) -> None:
    story = tmp_path / "marmalade.txt"
    story.write_text("Marmalade prices soar\n\nThe price of Seville marmalade doubled overnight.")
    _drop(window, [story])
    settle(qtbot, window)
    _type_query(qtbot, window, "marmalade")
    results = window.findChild(QListView, "resultsList")
    assert results.model().rowCount() == 1
    assert "Marmalade prices soar" in results.model().index(0, 0).data()
    assert story.read_text().startswith("Marmalade prices soar")


def test_the_warning_of_a_start_that_rebuilt_the_index_gives_way_to_the_next_job(
    open_window, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A start that rebuilt a damaged index says so; the next import says how it went."""
    library = Library.open()
    SearchIndex.open(library.state_dir / "index")
    (library.state_dir / "index" / MANIFEST).write_text("not json")
    window = open_window(library)
    status = window.findChild(QLabel, "statusMessage")
    assert "has been rebuilt" in status.text()
    story = tmp_path / "marmalade.txt"
    story.write_text("Marmalade prices soar\n\nThe price of Seville marmalade doubled overnight.")
    _drop(window, [story])
    settle(qtbot, window)
    assert status.text() == "Import finished: 1 added."


def test_a_binary_file_is_listed_with_its_reason_and_the_app_goes_on(
    window, qtbot, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    good = tmp_path / "good.txt"
    good.write_text("A fine headline\n\nA paragraph about quinces and figs.")
    _drop(window, [binary, good])
    settle(qtbot, window)
    panel = window.findChild(QFrame, "problemsPanel")
    assert panel.isVisible()
    assert "photo.txt" in window.problems.list.item(0).text()
    assert window.problems.list.count() == 1
    _type_query(qtbot, window, "quinces")
    assert _shown_ids(window.findChild(QListView, "resultsList"))


def test_markup_in_an_article_is_shown_as_text(open_window, tmp_path: Path) -> None:
    (tmp_path / "evil.txt").write_text("Title <b>bold</b>\n\n<script>alert(1)</script>")
    main = open_window(Library.open(tmp_path))
    main.sidebar.select_row(0)
    assert "<script>alert(1)</script>" in main.reading_pane.toPlainText()
    assert "<b>bold</b>" in main.reading_pane.toPlainText()


def test_window_state_and_last_query_are_remembered(open_window, qtbot) -> None:
    first = open_window()
    first.resize(700, 500)
    first.splitter.setSizes([200, 500])
    sizes = first.splitter.sizes()
    _type_query(qtbot, first, "Awacs")
    first.close()
    second = open_window()
    assert (second.width(), second.height()) == (700, 500)
    assert second.splitter.sizes() == sizes
    assert second.sidebar.search_box.text() == "Awacs"
    assert _shown_ids(second.findChild(QListView, "resultsList")) == ["002"]


def test_the_last_query_is_on_disk_once_the_window_closes(open_window, qtbot, data_dir) -> None:
    window = open_window()
    _type_query(qtbot, window, "Awacs")
    window.close()
    assert "query=Awacs" in (data_dir / "settings.ini").read_text(encoding="utf-8")


def test_a_window_opened_on_a_query_lists_that_not_the_last_one(open_window, qtbot) -> None:
    first = open_window()
    _type_query(qtbot, first, "Awacs")
    first.close()
    second = open_window(query="")
    assert second.sidebar.search_box.text() == ""
    listed = _shown_ids(second.findChild(QListView, "articleList"))
    assert sorted(listed) == ["000", "001", "002", "003", "004"]


def test_compare_with_offers_the_other_version_first_and_opens_it(window, qtbot) -> None:
    window.sidebar.select_id("000_81f5a5d090ec48c8")
    first = window.reader.compare_menu.actions()[0]
    assert first.text().startswith("Russia and US to hold crucial talks over Ukraine crisis")
    assert "1 other version" in window.reader.hint.text()
    first.trigger()
    compared = window._comparisons[-1]
    qtbot.waitUntil(lambda: compared.comparison is not None, timeout=10_000)
    assert compared.comparison.b.id.startswith("001")
    compared.close()


def test_ctrl_d_compares_with_the_closest_version(window, qtbot) -> None:
    window.sidebar.select_id("004_d8933c6599e0f15b")
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(window._comparisons), timeout=10_000)
    compared = window._comparisons[-1]
    qtbot.waitUntil(lambda: compared.comparison is not None, timeout=10_000)
    assert {compared.comparison.a.id[:3], compared.comparison.b.id[:3]} == {"002", "004"}
    compared.close()


def test_the_other_versions_link_opens_the_comparison(window, qtbot) -> None:
    window.sidebar.select_id("001_6fcc8634ba5ac4d5")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("001"), timeout=10_000)
    hint = window.findChild(QLabel, "readerHint")
    assert hint.text().startswith("1 other version of this story")
    hint.linkActivated.emit("closest")
    compared = window._comparisons[-1]
    qtbot.waitUntil(lambda: compared.comparison is not None, timeout=10_000)
    assert {compared.comparison.a.id[:3], compared.comparison.b.id[:3]} == {"000", "001"}
    compared.close()


def _answer_modal(accept: Callable[[QWidget], None]) -> None:
    """Soon, hand the modal dialog that will be open to ``accept`` (as a user would act)."""
    QTimer.singleShot(50, lambda: accept(QApplication.activeModalWidget()))


def test_pasting_text_asks_for_a_title_and_adds_the_article(window, qtbot) -> None:
    QApplication.clipboard().setText(
        "Quince harvest fails\n\nThe quince harvest failed in Anatolia."
    )

    def title_it(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Quinces: a bad year")
        dialog.accept()

    _answer_modal(title_it)
    window.paste()
    settle(qtbot, window)
    _type_query(qtbot, window, "quince")
    results = window.findChild(QListView, "resultsList")
    assert results.model().index(0, 0).data() == "Quinces: a bad year"


def test_removing_an_added_article_asks_first_and_takes_it_out(window, qtbot, tmp_path) -> None:
    story = tmp_path / "figs.txt"
    story.write_text("Fig glut\n\nToo many figs reached the market this week.")
    _drop(window, [story])
    settle(qtbot, window)
    _type_query(qtbot, window, "figs")
    window.sidebar.select_row(0)

    def confirm(dialog: QWidget) -> None:
        assert isinstance(dialog, QMessageBox)
        assert "Fig glut" in dialog.text()
        dialog.button(QMessageBox.StandardButton.Yes).click()

    _answer_modal(confirm)
    window.remove_current()
    settle(qtbot, window)
    assert window.findChild(QLabel, "resultCount").text() == "No article matches"
    assert story.exists()


def test_every_control_has_a_name_and_an_accessible_name(window) -> None:
    controls = [
        w
        for w in window.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and w.isVisibleTo(window)
        and not isinstance(w.parent(), QAbstractScrollArea)
    ]
    unnamed = [type(w).__name__ for w in controls if not w.objectName() or not w.accessibleName()]
    assert controls
    assert not unnamed


def test_sorting_by_date_puts_the_newest_version_first(window, qtbot) -> None:
    _type_query(qtbot, window, "Lavrov")
    sort = window.findChild(QComboBox, "sortOrder")
    sort.setCurrentIndex(sort.findText("Newest first"))
    settle(qtbot, window)
    shown = _shown_ids(window.findChild(QListView, "resultsList"))
    assert shown[0] == "003"  # The Guardian, 30 March 2014
    assert set(shown) == {"000", "001", "002", "003", "004"}


def test_a_sample_article_cannot_be_removed(window) -> None:
    window.sidebar.select_id("002_c84410c1d48da44e")
    assert not window.remove_action.isEnabled()


def test_a_long_listing_says_how_much_is_shown_and_scrolling_shows_more(
    open_window, qtbot, tmp_path: Path
) -> None:
    for number in range(205):
        (tmp_path / f"note_{number:03}.txt").write_text(
            f"Note {number} on harbour dues\n\nHarbour dues rose by {number} pence."
        )
    main = open_window(Library.open(tmp_path))
    count = main.findChild(QLabel, "resultCount")
    assert count.text() == "205 articles · the first 200 shown"
    listing = main.findChild(QListView, "articleList")
    listing.verticalScrollBar().setValue(listing.verticalScrollBar().maximum())
    settle(qtbot, main)
    assert count.text() == "205 articles · 205 stories"
    assert len(_shown_ids(listing)) == 205


def test_ctrl_d_on_an_article_without_versions_opens_no_comparison(window, qtbot) -> None:
    """003 has no other version: Ctrl+D says so and offers any article instead."""
    window.sidebar.select_id("003_fdc6c1aa6c633632")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("003"), timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window._comparisons == []
    assert "No other version of this story" in window.status_label.text()
    hint = window.findChild(QLabel, "readerHint")
    assert "Compare with any article" in hint.text()
    versions = [a.text() for a in window.reader.compare_menu.actions() if not a.isSeparator()]
    assert versions == ["Compare with Any &Article…"]  # no unrelated article offered


def test_any_article_picker_lists_the_most_similar_first_and_filters_as_you_type(
    window, qtbot
) -> None:
    """The picker: title, source, date and shared %; typing narrows it; Enter compares."""
    window.sidebar.select_id("002_c84410c1d48da44e")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("002"), timeout=10_000)
    picker = window.compare_with_any(window.reading_pane.article.id)
    qtbot.waitUntil(lambda: picker.list.topLevelItemCount() > 0, timeout=10_000)
    first = picker.list.topLevelItem(0)
    assert first.text(0) == "John Kerry rejects Vladimir Putin talks"
    assert first.text(1) == "The Iran Project"
    assert first.text(2) == "11 Mar 2014"
    assert first.text(3).endswith("% · version")
    assert len(picker.shown_ids()) == 4
    qtbot.keyClicks(picker.filter, "crucial talks")
    assert [i[:3] for i in picker.shown_ids()] == ["001"]
    qtbot.keyClick(picker.filter, Qt.Key.Key_Return)
    compared = window._comparisons[-1]
    qtbot.waitUntil(lambda: compared.comparison is not None, timeout=10_000)
    assert (compared.comparison.a.id[:3], compared.comparison.b.id[:3]) == ("002", "001")
    compared.close()


def test_the_picker_opens_at_once_and_gathers_its_list_off_the_gui_thread(
    window, qtbot, monkeypatch
) -> None:
    """The list of candidates is built on the thread pool; the picker waits for it with a
    note and no Compare button to press, then lists the articles."""
    workspace = window.controller.workspace
    threads: list[threading.Thread] = []
    gathered = workspace.candidates

    def candidates(ref: str) -> object:
        threads.append(threading.current_thread())
        return gathered(ref)

    monkeypatch.setattr(workspace, "candidates", candidates)
    window.sidebar.select_id("002_c84410c1d48da44e")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("002"), timeout=10_000)
    picker = window.compare_with_any(window.reading_pane.article.id)
    assert picker.status.text() == "Finding the most similar articles…"
    assert not picker.compare_button.isEnabled()
    qtbot.waitUntil(lambda: len(picker.shown_ids()) == 4, timeout=10_000)
    assert threads
    assert threads[0] is not threading.main_thread()
    assert picker.compare_button.isEnabled()
    assert picker.status.isHidden()
    picker.close()


def test_the_sidebar_lists_each_story_from_its_original_and_says_so(window, qtbot) -> None:
    """Typing Kerry: each story's BBC article heads its group, marked as the original."""
    _type_query(qtbot, window, "Kerry")
    results = window.findChild(QListView, "resultsList")
    model = results.model()
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    firsts = [
        rows[n + 1].data(HitRole).id[:3] for n, row in enumerate(rows) if row.data(HitRole) is None
    ]
    marked = [row.data(HitRole).id[:3] for row in rows if ORIGINAL_LABEL in row.data(HtmlRole)]
    assert sorted(firsts) == sorted(marked) == ["000", "002"]
    spoken = next(row for row in rows if row.data(HitRole) and row.data(HitRole).id[:3] == "002")
    assert spoken.data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Looks like the original: the most complete ("
    )


def test_the_selected_result_reads_at_aa_on_the_selection(window, qtbot) -> None:
    """A selected hit's title and its source and date line read at 4.5:1 on the painted
    selection (Fusion's own blue under white text is 3.7:1, deepened until it reads)."""
    _type_query(qtbot, window, "Kerry")
    results = window.findChild(QListView, "resultsList")
    model = results.model()
    row = next(
        model.index(n, 0) for n in range(model.rowCount()) if model.index(n, 0).data(HitRole)
    )
    rect = results.visualRect(row)
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert results.selectionModel().isSelected(row)
    option = QStyleOptionViewItem()
    option.palette = results.palette()
    option.state = QStyle.StateFlag.State_Selected
    colours = results.itemDelegate().colours(option)
    viewport = results.viewport().grab().toImage()
    painted = viewport.pixelColor(rect.right() - 2, rect.center().y()).name()
    assert contrast(colours["text"], painted) >= AA
    assert contrast(colours["dim"], painted) >= AA


def test_the_reader_names_the_original_of_the_story(window, qtbot) -> None:
    """Reading 001, the hint names 000 as the original; reading 000, it says this is it."""
    hint = window.findChild(QLabel, "readerHint")
    window.sidebar.select_id("001_6fcc8634ba5ac4d5")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("001"), timeout=10_000)
    assert "the original looks like “Ukraine crisis: US and Russia to hold key talks”" in (
        hint.text()
    )
    window.sidebar.select_id("000_81f5a5d090ec48c8")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("000"), timeout=10_000)
    assert "<b>this looks like the original</b> (most complete)" in hint.text()
    assert hint.toolTip().startswith("Looks like the original: the most complete (")


def _listed_when_indexing_starts(qtbot, library: Library) -> str:  # type: ignore[no-untyped-def]
    """What the window's count said when its indexing started; the window is then settled."""
    window = build_window(library)
    qtbot.addWidget(window)
    count = window.findChild(QLabel, "resultCount")
    listed: list[str] = []
    window.controller.job_started.connect(lambda _label: listed.append(count.text()))
    window.show()
    qtbot.waitUntil(lambda: bool(listed), timeout=10_000)
    assert window.sidebar.current_id() is not None  # and the first article is picked
    settle(qtbot, window)
    assert count.text() == "5 articles · 3 stories"
    window.close()
    return listed[0]


def test_the_window_lists_the_library_before_any_indexing(qtbot, seed_folder: Path) -> None:
    """Every article is listed before the indexing starts: at the first start each is a
    story of its own, at the next the stories the last run recorded are listed at once."""
    first, restarted = Library.open(seed_folder), Library.open(seed_folder)
    assert _listed_when_indexing_starts(qtbot, first) == "5 articles · 5 stories"
    assert _listed_when_indexing_starts(qtbot, restarted) == "5 articles · 3 stories"


def test_the_pickers_selected_row_reads_at_aa(window, qtbot) -> None:
    """The selected article in "Compare with any article…" reads at 4.5:1 on its row."""
    window.sidebar.select_id("002_c84410c1d48da44e")
    qtbot.waitUntil(lambda: window.reading_pane.article.id.startswith("002"), timeout=10_000)
    picker = window.compare_with_any(window.reading_pane.article.id)
    qtbot.waitUntil(lambda: picker.list.topLevelItemCount() > 0, timeout=10_000)
    item = picker.list.topLevelItem(0)
    picker.list.setCurrentItem(item)
    rect = picker.list.visualItemRect(item)
    painted = (
        picker.list.viewport().grab().toImage().pixelColor(rect.right() - 2, rect.center().y())
    )
    text = picker.list.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert contrast(text, painted.name()) >= AA
    picker.close()
