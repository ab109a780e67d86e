"""The list of changes, grouped by kind with their counts; each says what changed and why."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from desktop.core.changes import Comparison
from desktop.core.layout import Stop, excerpt
from desktop.ui.styles import KIND_LABELS

ChangeRole = Qt.ItemDataRole.UserRole + 1


class ChangeList(QTreeWidget):
    """Kinds as groups ("rewritten (4)"), changes inside: the quote, then the reason."""

    change_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeList")
        self.setAccessibleName("List of changes")
        self.setHeaderHidden(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setIndentation(12)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._quiet = False
        self.currentItemChanged.connect(self._on_current)

    def show_changes(self, comparison: Comparison, stops: Sequence[Stop]) -> None:
        """One group per kind that has shown changes, in reading order within each."""
        self._quiet = True
        self.clear()
        self._items = {}
        for kind, label in KIND_LABELS.items():
            members = [s.change for s in stops if comparison.changes[s.change].kind is kind]
            if not members:
                continue
            group = QTreeWidgetItem(self, [f"{label.capitalize()} ({len(members)})"])
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            for index in members:
                change = comparison.changes[index]
                item = QTreeWidgetItem(group, [f"{excerpt(change)}\n{change.reason}"])
                item.setData(0, ChangeRole, index)
                item.setToolTip(0, f"{excerpt(change, 400)}\n\n{change.reason}")
                self._items[index] = item
            group.setExpanded(True)
        self._quiet = False

    def select_change(self, index: int | None) -> None:
        """Make change ``index`` current without announcing it back."""
        self._quiet = True
        item = self._items.get(index) if index is not None else None
        self.setCurrentItem(item)
        if item is not None:
            self.scrollToItem(item)
        self._quiet = False

    def current_change(self) -> int | None:
        item = self.currentItem()
        value = item.data(0, ChangeRole) if item is not None else None
        return value if isinstance(value, int) else None

    def _on_current(self, item: QTreeWidgetItem | None) -> None:
        if self._quiet or item is None:
            return
        value = item.data(0, ChangeRole)
        if isinstance(value, int):
            self.change_selected.emit(value)
