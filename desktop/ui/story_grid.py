"""The collation grid: a row for each paragraph of the original, a column for each version.

The first column is the original's paragraph with each sentence shaded by how many
versions changed it (the heat map); every other cell is what that version did with the
paragraph, named as the comparison names the change and drawn in that kind's colours and
cue (``ui/styles.Theme.char_format``: the same wavy, dotted or dashed line, italics, bar
in the margin). The model only holds the core's ``Story``; the delegates paint.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QPainter,
    QPalette,
    QPixmap,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.story.model import Cell, Row, Story, Treatment, Version
from desktop.core.story.report import cell_words, heat_shade
from desktop.core.story.summary import name
from desktop.ui.styles import BAR_WIDTH, Theme, tooltip

_Index = QModelIndex | QPersistentModelIndex
CellRole = Qt.ItemDataRole.UserRole + 1
ROW_LINES = 3  # lines of the original's paragraph a row shows
CELL_WIDTH = 124
WIDEST_CELL = 190  # a column widens up to this for its source's name
TEXT_WIDTH = 420
PIXMAPS_KEPT = 4000  # drawn cells kept before the cache starts again


class CollationModel(QAbstractTableModel):
    """The story's rows by its columns: the original's text, then a version a column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.story: Story | None = None
        self.copies: tuple[Version, ...] = ()  # the story's, kept: every cell's paint asks

    def set_story(self, story: Story) -> None:
        copies = story.copies
        same_shape = (
            self.story is not None
            and len(self.story.rows) == len(story.rows)
            and [v.id for v in self.copies] == [v.id for v in copies]
        )
        # A collation with no column pending is whole for its original: a story still
        # being computed (its lineage settling) is shown again without a cell to redraw.
        settled = same_shape and self.story is not None and not _pending(self.story)
        self.story, self.copies = story, copies
        if settled:
            return
        if same_shape:  # only what the cells say changed: no reset, the view keeps its place
            last = self.index(self.rowCount() - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.story is None else len(self.story.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.story is None else 1 + len(self.copies)

    def row(self, number: int) -> Row:
        assert self.story is not None
        return self.story.rows[number]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.story is None:
            return None
        row = self.story.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return row.text
            if role == Qt.ItemDataRole.ToolTipRole:
                changed = max((s.changed_by for s in row.sentences), default=0)
                count = f"Changed by {changed} of {len(self.copies)} versions"
                return f"<p>{html.escape(row.text)}</p><p><i>{count}</i></p>"
            return None
        cell = row.cells[index.column() - 1]
        if role == CellRole:
            return cell
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell_words(cell)
        if role == Qt.ItemDataRole.ToolTipRole:
            version = self.story.version(cell.version)
            if cell.kind is None:
                return f"{name(version)}: {cell_words(cell).lower()}"
            return f"<p><b>{html.escape(name(version))}</b></p>" + tooltip(cell.kind, cell.reason)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.story is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            return f"¶{section + 1}" if role == Qt.ItemDataRole.DisplayRole else None
        if section == 0:
            text = f"The original: {name(self.story.version(self.story.original))}"
        else:
            version = self.copies[section - 1]
            day = f"{version.date.day} {version.date:%b}" if version.date else "undated"
            text = f"{version.source or version.id}\n{day} · {version.id}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{version.id}: {version.title}\n{version.reason}"
        return text if role == Qt.ItemDataRole.DisplayRole else None


def _pending(story: Story) -> bool:
    """Whether a version's column is still to come (a pending column is pending in
    every row)."""
    return bool(story.rows) and any(
        cell.treatment is Treatment.PENDING for cell in story.rows[0].cells
    )


def fit_columns(grid: QTableView) -> None:
    """Each version's column as wide as its heading's longest line (CELL_WIDTH to
    WIDEST_CELL): a source's name whole, not cut."""
    model, header = grid.model(), grid.horizontalHeader()
    metrics = header.fontMetrics()
    for column in range(1, model.columnCount()):
        heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = max(metrics.horizontalAdvance(line) for line in heading.split("\n"))
        grid.setColumnWidth(column, min(WIDEST_CELL, max(CELL_WIDTH, widest + 16)))


class HeatDelegate(QStyledItemDelegate):
    """The original's paragraph, each sentence shaded by how many versions changed it;
    drawn once for each row's shading and size, then copied."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[object, ...], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        assert isinstance(model, CollationModel)
        assert model.story is not None
        row = model.row(index.row())
        versions = len(model.copies)
        rect = option.rect
        shades = tuple(heat_shade(s.changed_by, versions) for s in row.sentences)
        key = (row.start, row.text, shades, rect.width(), rect.height())
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > PIXMAPS_KEPT:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = _heat_pixmap(row, shades, option)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        painter.drawPixmap(rect.topLeft(), pixmap)


def _heat_pixmap(row: Row, shades: tuple[str, ...], option: QStyleOptionViewItem) -> QPixmap:
    size = option.rect.size()
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    document = QTextDocument()
    document.setDocumentMargin(0)  # ROW_LINES whole lines in the row, none cut through
    document.setDefaultFont(option.font)
    document.setTextWidth(size.width() - 8)
    cursor = QTextCursor(document)
    for sentence, shade in zip(row.sentences, shades, strict=True):
        fmt = cursor.charFormat()
        fmt.setBackground(QColor(shade))
        fmt.setForeground(QColor("#000000"))
        cursor.insertText(row.text[sentence.start - row.start : sentence.end - row.start], fmt)
        cursor.insertText(" ", cursor.blockCharFormat())
    painter = QPainter(pixmap)
    painter.translate(4, 3)
    clip = QRect(0, 0, size.width() - 8, size.height() - 6)
    painter.setClipRect(clip)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = clip.toRectF()
    document.documentLayout().draw(painter, context)
    painter.end()
    return pixmap


class CellDelegate(QStyledItemDelegate):
    """A version's cell: the kind's words in the kind's colours and cue, drawn once for
    each look and size and then copied (a repaint of a hundred columns stays one call a
    cell, which keeps the window quick while the story is computed beside it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[bool, ChangeKind | None, str, int, int], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        cell = index.data(CellRole)
        if not isinstance(cell, Cell):
            return
        rect = option.rect
        theme = Theme.for_palette(option.palette)
        key = (theme.dark, cell.kind, cell_words(cell), rect.width(), rect.height())
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) > PIXMAPS_KEPT:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = cell_pixmap(theme, cell, option)
        painter.drawPixmap(rect.topLeft(), pixmap)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            painter.setPen(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(CELL_WIDTH, option.fontMetrics.height() * ROW_LINES)


def cell_pixmap(theme: Theme, cell: Cell, option: QStyleOptionViewItem) -> QPixmap:
    """The cell drawn: the kind's tint, its bar, its words in its format."""
    size = option.rect.size()
    pixmap = QPixmap(size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    rect = QRect(1, 1, size.width() - 2, size.height() - 2)
    document = QTextDocument()
    document.setDefaultFont(option.font)
    cursor = QTextCursor(document)
    if cell.kind is None:
        fmt = cursor.charFormat()
        fmt.setForeground(theme.dim)  # kept: quiet, so that the changes stand out
        fmt.setFontItalic(cell.treatment is Treatment.PENDING)
    else:
        tones = theme.tones(cell.kind)
        if tones.background:
            painter.fillRect(rect, QColor(tones.background))
        if KIND_STYLES[cell.kind].bar:
            bar = QRect(rect.left(), rect.top(), BAR_WIDTH, rect.height())
            painter.fillRect(bar, QColor(tones.colour))
        fmt = theme.char_format(cell.kind)
    cursor.insertText(cell_words(cell), fmt)
    painter.translate(rect.left() + BAR_WIDTH + 4, rect.top() + 3)
    document.drawContents(painter)
    painter.end()
    return pixmap
