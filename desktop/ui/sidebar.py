"""The sidebar: the search box, the result count and sort order, and the article lists.

With an empty query the sidebar lists the whole library grouped by story (``articleList``);
with a query, the ranked hits (``resultsList``). Typing is debounced; the controller runs
the search off the GUI thread and hands back results, which the sidebar only renders.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search.results import SearchResults, SortOrder
from desktop.core.workspace import HitGroup
from desktop.ui.results import HitRole, ResultDelegate, ResultListModel, StoryRole

DEBOUNCE_MS = 120
_NAVIGATION_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def _result_view(name: str, accessible: str, parent: QWidget) -> QListView:
    view = QListView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(ResultListModel(view))
    view.setItemDelegate(ResultDelegate(view))
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setWordWrap(True)
    view.setSpacing(1)
    return view


class Sidebar(QWidget):
    query_changed = Signal(str)  # a new query or sort order: the sidebar's ``sort_order``
    article_selected = Signal(str)
    article_activated = Signal(str)
    menu_requested = Signal(str, QPoint)  # article id, global position
    more_requested = Signal()  # scrolled to the end of a list that has more hits
    story_requested = Signal(str)  # a family header clicked: the id of one of its versions

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search articles")
        self.search_box.setPlaceholderText('Search: words, "a phrase", title:Kerry…')
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultCount")
        self.count_label.setAccessibleName("Number of results")
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("sortOrder")
        self.sort_box.setAccessibleName("Sort results by")
        self.sort_box.addItem("Relevance", SortOrder.RELEVANCE)
        self.sort_box.addItem("Newest first", SortOrder.DATE)
        self.message = QLabel(self)
        self.message.setObjectName("queryMessage")
        self.message.setAccessibleName("Search problem")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        self.suggestion_button = QPushButton(self)
        self.suggestion_button.setObjectName("suggestion")
        self.suggestion_button.setFlat(True)
        self.suggestion_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.suggestion_button.setStyleSheet(
            "QPushButton { text-align: left; padding: 2px; color: palette(link); }"
        )
        self.suggestion_button.clicked.connect(self._search_suggestion)
        self.suggestion_button.hide()
        self._suggestion = ""
        self.article_list = _result_view("articleList", "Library, grouped by story", self)
        self.results_list = _result_view("resultsList", "Search results", self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.article_list)
        self.stack.addWidget(self.results_list)
        self._more = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._emit_query)
        self.search_box.textChanged.connect(self._debounce.start)
        self.sort_box.currentIndexChanged.connect(self._emit_query)
        for view in (self.article_list, self.results_list):
            view.selectionModel().currentChanged.connect(self._current_changed)
            view.activated.connect(self._activated)
            view.clicked.connect(self._clicked)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(self._menu_requested)
            view.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._layout()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(2, 0, 0, 0)
        row.addWidget(self.count_label, 1)
        row.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search_box)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.suggestion_button)
        layout.addWidget(self.stack, 1)

    # what the controller hands back -------------------------------------------------------
    def show_results(self, results: SearchResults, groups: Sequence[HitGroup]) -> None:
        self.message.hide()
        listing = not results.query.strip()
        view = self.article_list if listing else self.results_list
        current = self.current_id()
        model = view.model()
        assert isinstance(model, ResultListModel)
        model.set_groups(groups)
        self.stack.setCurrentWidget(view)
        shown, total = len(results.hits), results.total
        self._more = shown < total
        if listing:
            tail = f"{len(groups):,} stories" if shown == total else f"the first {shown:,} shown"
            self.count_label.setText(f"{total:,} articles · {tail}")
        elif total:
            noun = "article matches" if total == 1 else "articles match"
            tail = f" · the best {shown:,} shown" if shown < total else ""
            cut = (
                " · cut short: a prefix* or fuzzy~ word matched too many words" * results.cut_short
            )
            self.count_label.setText(f"{total:,} {noun}{tail}{cut}")
        else:
            self.count_label.setText("No article matches")
        self._show_suggestion(results.suggestion if not listing and not total else None)
        if current:
            self.select_id(current)

    def _show_suggestion(self, suggestion: str | None) -> None:
        """ "Did you mean …?" under the count, a click away from searching it."""
        self._suggestion = suggestion or ""
        shown = suggestion.replace("&", "&&") if suggestion else ""  # & marks a shortcut key
        self.suggestion_button.setText(f"Did you mean \u201c{shown}\u201d?")
        self.suggestion_button.setAccessibleName(f"Search for {suggestion} instead")
        self.suggestion_button.setVisible(bool(suggestion))

    def show_query_problem(self, message: str) -> None:
        self._show_suggestion(None)
        self.message.setText(message)
        self.message.show()

    # reading the state -----------------------------------------------------------------------
    @property
    def view(self) -> QListView:
        widget = self.stack.currentWidget()
        assert isinstance(widget, QListView)
        return widget

    @property
    def typing(self) -> bool:
        """True while a typed query waits out the debounce before it is searched."""
        return self._debounce.isActive()

    @property
    def sort_order(self) -> SortOrder:
        return SortOrder(self.sort_box.currentData())

    def current_id(self) -> str | None:
        hit = self.view.currentIndex().data(HitRole)
        return hit.id if hit is not None else None

    def select_row(self, row: int) -> None:
        """Select the ``row``-th article (headers skipped) of the list on show."""
        rows = self._hit_rows()
        if 0 <= row < len(rows):
            self.view.setCurrentIndex(self.view.model().index(rows[row], 0))

    def select_id(self, article_id: str) -> bool:
        """Select the article ``article_id`` if the list on show holds it."""
        model = self.view.model()
        assert isinstance(model, ResultListModel)
        row = model.row_of(article_id)
        if row >= 0:
            self.view.setCurrentIndex(model.index(row))
        return row >= 0

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # routing what the user does -----------------------------------------------------------
    def _emit_query(self) -> None:
        self._debounce.stop()
        self.query_changed.emit(self.search_box.text())

    def _search_suggestion(self) -> None:
        self.search_box.setText(self._suggestion)
        self._emit_query()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = current.data(HitRole)
        if hit is not None:
            self.article_selected.emit(hit.id)

    def _scrolled(self, value: int) -> None:
        bar = self.view.verticalScrollBar()
        if self._more and value == bar.maximum() > 0:
            self._more = False  # one request until the next answer
            self.more_requested.emit()

    def _menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        hit = index.data(HitRole)
        if hit is not None:
            self.view.setCurrentIndex(index)
            self.menu_requested.emit(hit.id, self.view.viewport().mapToGlobal(position))

    def _clicked(self, index: QModelIndex) -> None:
        story = index.data(StoryRole)
        if story is not None:
            self.story_requested.emit(story)

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self.article_activated.emit(hit.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the search box, arrows move through the results, Enter opens, Esc clears."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in _NAVIGATION_KEYS:
                self._step(-1 if key in (Qt.Key.Key_Up, Qt.Key.Key_PageUp) else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():
                    self._emit_query()
                elif (article_id := self.current_id()) is not None:
                    self.article_activated.emit(article_id)
                return True
            if key == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def _hit_rows(self) -> list[int]:
        model = self.view.model()
        return [row for row in range(model.rowCount()) if model.index(row, 0).data(HitRole)]

    def _step(self, direction: int) -> None:
        rows = self._hit_rows()
        current = self.view.currentIndex().row()
        ahead = [row for row in rows if (row - current) * direction > 0]
        if current < 0 and rows:
            self.view.setCurrentIndex(self.view.model().index(rows[0], 0))
        elif ahead:
            target = ahead[0] if direction > 0 else ahead[-1]
            self.view.setCurrentIndex(self.view.model().index(target, 0))
