"""The sidebar: the search box and the list of articles."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from desktop.core.article import Article

_Index = QModelIndex | QPersistentModelIndex


class ArticleListModel(QAbstractListModel):
    """A read-only list model over a tuple of articles."""

    ArticleRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, articles: Sequence[Article] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._articles = tuple(articles)

    def set_articles(self, articles: Sequence[Article]) -> None:
        self.beginResetModel()
        self._articles = tuple(articles)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._articles)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        article = self._articles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return article.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{article.title}\n{article.id}"
        if role == self.ArticleRole:
            return article
        return None


class Sidebar(QWidget):
    article_selected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search articles")
        self.search_box.setPlaceholderText("Search articles")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setEnabled(False)
        self.model = ArticleListModel(parent=self)
        self.article_list = QListView(self)
        self.article_list.setObjectName("articleList")
        self.article_list.setAccessibleName("Articles")
        self.article_list.setModel(self.model)
        self.article_list.setUniformItemSizes(True)
        self.article_list.setWordWrap(True)
        self.article_list.selectionModel().currentChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        layout.addWidget(self.search_box)
        layout.addWidget(self.article_list)

    def set_articles(self, articles: Sequence[Article]) -> None:
        self.model.set_articles(articles)

    def select_row(self, row: int) -> None:
        self.article_list.setCurrentIndex(self.model.index(row))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        article = current.data(ArticleListModel.ArticleRole)
        if article is not None:
            self.article_selected.emit(article)
