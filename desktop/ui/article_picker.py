""" "Compare with any article…": a searchable list of the library, the most similar first.

``ArticlePicker`` opens at once and lists the workspace's ``Candidate``s (title, source,
date, the share of the story in common) in the order given when ``show_candidates`` brings
them (they are gathered off the GUI thread); typing in its filter box keeps the rows whose
title or source hold every typed word. Enter or a double-click picks the current row and
``article_chosen`` carries its id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text.printable import printable
from desktop.core.workspace import Candidate
from desktop.ui.styles import legible_selection, plain_tooltip

IdRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Title", "Source", "Date", "Shared")


class ArticlePicker(QDialog):
    """Pick one article of the library to compare ``title`` with."""

    article_chosen = Signal(str)

    def __init__(self, article_id: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.article_id = article_id
        self.setObjectName("articlePicker")
        self.setWindowTitle("Compare with any article")
        self.setAccessibleName("Compare with any article")
        self.resize(760, 460)
        heading = QLabel(f"Compare “{printable(title)}” with:", self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.status = QLabel("Finding the most similar articles…", self)
        self.status.setObjectName("pickerStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("pickerFilter")
        self.filter.setAccessibleName("Filter articles by title or source")
        self.filter.setPlaceholderText("Type to filter by title or source")
        self.filter.setClearButtonEnabled(True)
        self.list = QTreeWidget(self)
        self.list.setObjectName("pickerList")
        self.list.setAccessibleName("Articles, the most similar first")
        self.list.setHeaderLabels(list(COLUMNS))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        legible_selection(self.list)
        self._items: list[QTreeWidgetItem] = []
        self.list.setColumnWidth(0, 380)
        self.list.setColumnWidth(1, 140)
        self.list.setColumnWidth(2, 100)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.compare_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.compare_button.setText("Compare")
        self.compare_button.setEnabled(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.filter)
        column.addWidget(self.list, 1)
        column.addWidget(self.status)
        column.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(self.accept)
        self.filter.returnPressed.connect(self.accept)

    def show_candidates(self, candidates: Sequence[Candidate]) -> None:
        """List ``candidates`` in the order given and make the first row the filter keeps
        current (a second answer replaces the first)."""
        self.list.clear()
        self._items = []
        for candidate in candidates:
            date = candidate.date.strftime("%-d %b %Y") if candidate.date else ""
            shared = "" if candidate.shared is None else f"{candidate.shared:.0%}"
            if candidate.version:
                shared += " · version"
            title, source = printable(candidate.title), printable(candidate.source)
            item = QTreeWidgetItem(self.list, [title, source, date, shared])
            item.setData(0, IdRole, candidate.id)
            item.setToolTip(0, plain_tooltip(f"{title}\n{printable(candidate.id)}"))
            self._items.append(item)
        self.status.setText("" if candidates else "No other article in the library.")
        self.status.setVisible(not candidates)
        self.compare_button.setEnabled(bool(candidates))
        self._filter(self.filter.text())

    def show_problem(self, message: str) -> None:
        """Say why the list could not be made."""
        self.status.setText(message)

    def shown_ids(self) -> list[str]:
        """The ids of the rows the filter keeps, top to bottom."""
        return [str(item.data(0, IdRole)) for item in self._items if not item.isHidden()]

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        super().accept()
        self.article_chosen.emit(str(item.data(0, IdRole)))

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self._items:
            haystack = f"{item.text(0)} {item.text(1)}".casefold()
            item.setHidden(not all(word in haystack for word in words))
        self._first_shown()

    def _first_shown(self) -> None:
        """Make the first row the filter keeps current, so that Enter picks it."""
        shown = next((item for item in self._items if not item.isHidden()), None)
        if shown is None:
            self.list.setCurrentIndex(QModelIndex())
        else:
            self.list.setCurrentItem(shown)
