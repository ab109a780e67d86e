"""The sidebar's result list: a model over grouped search hits and a delegate that draws them.

Rows are either a family header ("3 versions", which opens the story window) or a hit;
hits of one family follow their header, indented, the one that looks like the original
first and marked so. The delegate draws title, source and date, and the snippet with the
search hits highlighted, from escaped rich text."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.core.presentation.legibility import quiet
from desktop.core.search.results import SearchHit
from desktop.core.workspace import HitGroup
from desktop.ui.rich_text import highlighted_html
from desktop.ui.styles import SELECTED, hit_tones, quiet_colour, selection_page

_Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 1
HtmlRole = Qt.ItemDataRole.UserRole + 3
StoryRole = Qt.ItemDataRole.UserRole + 4  # a family header: the id of its first version
INDENT = 14
ORIGINAL_LABEL = "LOOKS LIKE THE ORIGINAL"


def _hit_html(hit: SearchHit, *, indented: bool, original: bool = False) -> str:
    meta = " · ".join(part for part in (hit.source, hit.date or "") if part)
    snippet = highlighted_html(hit.snippet.text, hit.snippet.highlights)
    margin = f"margin-left:{INDENT}px;" if indented else ""
    return (
        f'<div style="{margin}">'
        + (f'<span class="group">{ORIGINAL_LABEL}</span><br>' if original else "")
        + f"<b>{html.escape(hit.title)}</b>"
        + (f'<br><span class="meta">{html.escape(meta)}</span>' if meta else "")
        + (f'<br><span class="snippet">{snippet}</span>' if hit.snippet.text else "")
        + "</div>"
    )


def _group_html(group: HitGroup) -> str:
    return (
        f'<span class="group">{len(group.hits)} VERSIONS OF ONE STORY</span>'
        ' · <a href="story">See them all at once</a>'
    )


class ResultListModel(QAbstractListModel):
    """Grouped hits, flattened into rows: a header row before each family of two or more."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[HitGroup | SearchHit, ...] = ()
        self._html: tuple[str, ...] = ()
        self._originals: dict[str, str] = {}  # id → why it looks like the original

    def set_groups(self, groups: Sequence[HitGroup]) -> None:
        rows: list[HitGroup | SearchHit] = []
        markup: list[str] = []
        originals: dict[str, str] = {}
        for group in groups:
            grouped = len(group.hits) > 1
            if grouped:
                rows.append(group)
                markup.append(_group_html(group))
            if group.original is not None:
                originals[group.original.id] = group.original.reason
            for hit in group.hits:
                rows.append(hit)
                markup.append(_hit_html(hit, indented=grouped, original=hit.id in originals))
        self.beginResetModel()
        self._rows, self._html, self._originals = tuple(rows), tuple(markup), originals
        self.endResetModel()

    def row_of(self, article_id: str) -> int:
        for row, item in enumerate(self._rows):
            if isinstance(item, SearchHit) and item.id == article_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if isinstance(self._rows[index.row()], SearchHit):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._rows[index.row()]
        if role == HtmlRole:
            return self._html[index.row()]
        if isinstance(item, HitGroup):
            if role == StoryRole:
                return item.hits[0].id
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Click to see every version of this story at once: who copies whom"
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{len(item.hits)} versions of one story"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.title
        why = self._originals.get(item.id)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            origin = f"Looks like the original: {why}. " if why else ""
            return f"{origin}{item.title}. {item.source} {item.date or ''}. {item.snippet.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            origin = f"\nLooks like the original: {why}" if why else ""
            return f"{item.title}\n{item.id}{origin}"
        return item if role == HitRole else None


class ResultDelegate(QStyledItemDelegate):
    """Draws a row's rich text, wrapped to the view's width."""

    STYLE = (
        ".hit { background-color: %(hit)s; color: %(hit_text)s; font-weight: 600; }"
        ".meta { color: %(dim)s; }"
        ".snippet { color: %(text)s; }"
        ".group { color: %(dim)s; font-size: small; font-weight: 600; letter-spacing: 1px; }"
    )

    @staticmethod
    def colours(option: QStyleOptionViewItem) -> dict[str, str]:
        """The row's colours: on a selected row, the selection's background deepened until
        its text, and the quieter source and date line, read at WCAG AA on it."""
        palette = option.palette
        hit, hit_text = hit_tones(palette)
        if option.state & QStyle.StateFlag.State_Selected:
            text = palette.color(QPalette.ColorRole.HighlightedText).name()
            page = selection_page(palette)
            dim = quiet(text, page, SELECTED)
        else:
            text = palette.color(QPalette.ColorRole.Text).name()
            page = palette.color(QPalette.ColorRole.Base).name()
            dim = quiet_colour(palette).name()
        return {"hit": hit, "hit_text": hit_text, "dim": dim, "text": text, "page": page}

    def _document(
        self, option: QStyleOptionViewItem, index: _Index, width: int | None = None
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(self.STYLE % self.colours(option))
        document.setDocumentMargin(6)
        document.setHtml(index.data(HtmlRole) or "")
        document.setTextWidth(max(width if width is not None else option.rect.width(), 120))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        colours = self.colours(option)
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        text_option.palette.setColor(QPalette.ColorRole.Highlight, QColor(colours["page"]))
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_option, painter)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # The width the row will be painted at: the viewport's (less a scroll bar once one
        # shows), not the option's, which may predate the scroll bar and clip wrapped lines.
        view = option.widget
        width = None
        if isinstance(view, QAbstractItemView):
            width = view.viewport().width() - 2 * getattr(view, "spacing", lambda: 0)()
        document = self._document(option, index, width)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 2)
