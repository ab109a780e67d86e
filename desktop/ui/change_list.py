"""The list of changes: what changed and why, numbered as next/previous (F7) counts them.

``ChangeList`` shows the walk F7 steps through (``presentation.navigation``), in the order
of the text or grouped by kind with their counts; ``ChangeOrderBox`` switches between the
two. Either way an item's number is its place in the walk, as the toolbar counts it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.layout import Stop, excerpt
from desktop.core.presentation.navigation import ListOrder, Numbered, by_kind
from desktop.core.presentation.vocabulary import label
from desktop.ui.styles import legible_selection, plain_tooltip, quiet_colour

ChangeRole = Qt.ItemDataRole.UserRole + 1
ReasonRole = Qt.ItemDataRole.UserRole + 2
_Index = QModelIndex | QPersistentModelIndex


REASON_LINES = 2


class ChangeDelegate(QStyledItemDelegate):
    """A change as a line of quote, then its reason on up to two lines in a quieter colour."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        if index.data(ChangeRole) is None:  # a group heading
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
        if index.data(ChangeRole) is not None:
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
    """Each change as its number and quote, then its reason; in text order or by kind."""

    change_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeList")
        self.setAccessibleName("List of changes")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(False)
        self.setItemDelegate(ChangeDelegate(self))
        self.setIndentation(12)
        legible_selection(self)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._quiet = False
        self.currentItemChanged.connect(self._on_current)

    def show_changes(
        self, comparison: Comparison, stops: Sequence[Stop], order: ListOrder = ListOrder.TEXT
    ) -> None:
        """The walk ``stops``, numbered, in text order or in a group per kind."""
        self._quiet = True
        self.clear()
        self._items = {}
        self.setRootIsDecorated(order is ListOrder.KIND)
        if order is ListOrder.TEXT:
            for number, stop in enumerate(stops, 1):
                self._add(self.invisibleRootItem(), comparison, Numbered(number, stop))
        for kind, members in by_kind(stops, comparison.changes) if order is ListOrder.KIND else ():
            group = QTreeWidgetItem(self, [f"{label(kind)} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for numbered in members:
                self._add(group, comparison, numbered)
            group.setExpanded(True)
        self._quiet = False

    def _add(self, parent: QTreeWidgetItem, comparison: Comparison, numbered: Numbered) -> None:
        index = numbered.stop.change
        change = comparison.changes[index]
        name = label(change.kind)
        item = QTreeWidgetItem(parent, [f"{numbered.number}. {excerpt(change)}"])
        item.setData(0, ChangeRole, index)
        item.setData(0, ReasonRole, f"{name}: {change.reason}")
        item.setToolTip(0, plain_tooltip(f"{excerpt(change, 400)}\n\n{name}: {change.reason}"))
        self._items[index] = item

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
        change = None if item is None else item.data(0, ChangeRole)
        return None if change is None else int(change)


class ChangeOrderBox(QComboBox):
    """In text order (as F7 walks) or by kind; ``order_chosen`` says which."""

    order_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeOrder")
        self.setAccessibleName("Order of the list of changes")
        self.addItem("In text order", ListOrder.TEXT)
        self.addItem("By kind", ListOrder.KIND)
        self.currentIndexChanged.connect(lambda _: self.order_chosen.emit(self.order()))

    def order(self) -> ListOrder:
        return ListOrder(self.currentData())

    def set_order(self, order: ListOrder) -> None:
        self.setCurrentIndex(self.findData(order))
