"""The list of changes, grouped by kind with their counts; each says what changed and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.layout import Stop, excerpt
from desktop.ui.styles import plain_tooltip, quiet_colour

ChangeRole = Qt.ItemDataRole.UserRole + 1
ReasonRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


REASON_LINES = 2


class ChangeDelegate(QStyledItemDelegate):
    """A change as a line of quote, then its reason on up to two lines in a quieter colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if not index.parent().isValid():  # a group heading
            super().paint(painter, option, index)
            return
        reason = str(index.data(ReasonRole))
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        quote, item.text = item.text, ""
        widget = self.parent()
        if isinstance(widget, QWidget):
            style = widget.style()
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        line = option.fontMetrics.lineSpacing()
        rect = option.rect.adjusted(4, 2, -4, -2)
        painter.save()
        painter.setPen(option.palette.color(role))
        elided = option.fontMetrics.elidedText(quote, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.x(), rect.y(), rect.width(), line), 0, elided)
        if not selected:
            painter.setPen(quiet_colour(option.palette))
        for number, words in enumerate(wrapped(option.fontMetrics, reason, rect.width()), 1):
            painter.drawText(
                QRect(rect.x(), rect.y() + number * line, rect.width(), line), 0, words
            )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        size = super().sizeHint(option, index)
        if index.parent().isValid():
            size.setHeight(option.fontMetrics.lineSpacing() * (1 + REASON_LINES) + 8)
        return size


def wrapped(metrics: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` cut at spaces into at most ``REASON_LINES`` lines, the last one elided."""
    lines: list[str] = []
    rest = text.split()
    while rest and len(lines) < REASON_LINES - 1:
        taken = 1
        while taken < len(rest) and metrics.horizontalAdvance(" ".join(rest[: taken + 1])) <= width:
            taken += 1
        lines.append(metrics.elidedText(" ".join(rest[:taken]), Qt.TextElideMode.ElideRight, width))
        rest = rest[taken:]
    if rest:
        lines.append(metrics.elidedText(" ".join(rest), Qt.TextElideMode.ElideRight, width))
    return lines


class ChangeList(QTreeWidget):
    """Kinds as groups ("Rewritten (4)"), changes inside: the quote, then the reason."""

    change_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeList")
        self.setAccessibleName("List of changes")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(ChangeDelegate(self))
        self.setIndentation(12)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._quiet = False
        self.currentItemChanged.connect(self._on_current)

    def show_changes(self, comparison: Comparison, stops: Sequence[Stop]) -> None:
        """One group per kind that has shown changes, in reading order within each."""
        self._quiet = True
        self.clear()
        self._items = {}
        for kind, style in KIND_STYLES.items():
            members = [s.change for s in stops if comparison.changes[s.change].kind is kind]
            if not members:
                continue
            group = QTreeWidgetItem(self, [f"{style.label} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for index in members:
                change = comparison.changes[index]
                item = QTreeWidgetItem(group, [excerpt(change)])
                item.setData(0, ChangeRole, index)
                item.setData(0, ReasonRole, change.reason)
                item.setToolTip(0, plain_tooltip(f"{excerpt(change, 400)}\n\n{change.reason}"))
                self._items[index] = item
            group.setExpanded(True)
        self._quiet = False

    def select_change(self, index: int | None) -> None:
        """Make change ``index`` current without announcing it back."""
        self._quiet = True
        item = self._items.get(index) if index is not None else None
        if item is None:
            self.setCurrentIndex(QModelIndex())
        else:
            self.setCurrentItem(item)
            self.scrollToItem(item)
        self._quiet = False

    def current_change(self) -> int | None:
        return self._change_of(self.currentItem())

    def _on_current(self, item: QTreeWidgetItem | None) -> None:
        change = None if self._quiet else self._change_of(item)
        if change is not None:
            self.change_selected.emit(change)

    def _change_of(self, item: QTreeWidgetItem | None) -> int | None:
        """The change an item stands for; None for a group heading or no item."""
        if item is None or item.parent() is None:
            return None
        return int(item.data(0, ChangeRole))
