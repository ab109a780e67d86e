"""Find in the text on show (Ctrl+F): a bar over one pane or both, with next, previous and a count.

``FindBar`` searches the documents of the text panes it is given (the reader, or the two
sides of a comparison) for what is typed, case-insensitively, and marks every hit in each
pane (``MarkedTextBrowser.show_hits``); Enter or F3 goes to the next hit, Shift+Enter or
Shift+F3 to the previous one, in reading order (down the rows; the left pane before the
right one within a row), and the bar says "3 of 12". Esc closes it and clears the marks.
F3 with the bar closed opens it on ``suggest()`` (the reader's: the search query) and goes
to the first hit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from desktop.ui.styles import hit_tones


class MarkedTextBrowser(QTextBrowser):
    """A read-only text pane whose extra selections come in named sets: the current change,
    the find bar's hits, each set without clearing the other."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marks: dict[str, list[QTextEdit.ExtraSelection]] = {}

    def set_marks(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        self._marks[name] = selections
        self.setExtraSelections([mark for marks in self._marks.values() for mark in marks])

    def show_hits(self, hits: list[QTextCursor]) -> None:
        """Mark every find hit on the find colours (AA either way)."""
        back, text = hit_tones(self.palette())
        selections = []
        for hit in hits:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = hit
            selection.format.setBackground(QColor(back))
            selection.format.setForeground(QColor(text))
            selections.append(selection)
        self.set_marks("find", selections)


@dataclass(frozen=True, slots=True)
class Hit:
    row: int  # the block the hit is in
    pane: int  # which of the targets
    cursor: QTextCursor


class FindBar(QWidget):
    """Type to find; Enter/F3 next, Shift+Enter/Shift+F3 previous, Esc closes."""

    def __init__(self, targets: Sequence[MarkedTextBrowser], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find in the text")
        self.targets = list(targets)
        self.suggest: Callable[[], str] = str  # what F3 looks for when the bar is closed
        self.hits: list[Hit] = []
        self.current: int | None = None
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName("Find")
        self.field.setPlaceholderText("Find in the text")
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setAccessibleName("Hits found")
        self.previous_button = _tool(self, "findPrevious", "▲", "Previous hit (Shift+F3)")
        self.next_button = _tool(self, "findNext", "▼", "Next hit (F3)")
        close = _tool(self, "findClose", "✕", "Close the find bar (Esc)")
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 2, 12, 2)
        row.addWidget(QLabel("Find:", self))
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        for button in (self.previous_button, self.next_button, close):
            row.addWidget(button)
        self.field.textChanged.connect(self._search)
        self.field.returnPressed.connect(self.next_hit)
        self.next_button.clicked.connect(self.next_hit)
        self.previous_button.clicked.connect(self.previous_hit)
        close.clicked.connect(self.close_bar)
        for keys, slot in (("F3", self.next_hit), ("Shift+F3", self.previous_hit)):
            shortcut = QShortcut(QKeySequence(keys), parent or self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        for keys in ("Shift+Return", "Shift+Enter"):
            back = QShortcut(QKeySequence(keys), self.field)
            back.setContext(Qt.ShortcutContext.WidgetShortcut)
            back.activated.connect(self.previous_hit)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        """Show the bar with the field focused (and ``text`` in it, if given)."""
        self.show()
        if text:
            self.field.setText(text)
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        for target in self.targets:
            target.show_hits([])

    def refresh(self) -> None:
        """Search again: the panes show other text now."""
        if self.isVisible():
            self._search(self.field.text())

    def next_hit(self) -> None:
        self._step(+1)

    def previous_hit(self) -> None:
        self._step(-1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _search(self, text: str) -> None:
        self.hits = []
        self.current = None
        for number, target in enumerate(self.targets):
            cursor = QTextCursor(target.document())
            while text:
                cursor = target.document().find(text, cursor)
                if cursor.isNull():
                    break
                self.hits.append(Hit(cursor.block().blockNumber(), number, QTextCursor(cursor)))
        self.hits.sort(key=lambda hit: (hit.row, hit.pane, hit.cursor.position()))
        self._show()

    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar(self.suggest())
            if not self.field.text():
                return
        if not self.hits:
            return
        if self.current is None:
            self.current = 0 if direction > 0 else len(self.hits) - 1
        else:
            self.current = (self.current + direction) % len(self.hits)
        self._show()

    def _show(self) -> None:
        text = self.field.text()
        if not text:
            self.count.clear()
        elif not self.hits:
            self.count.setText("Not found")
        elif self.current is None:
            self.count.setText(f"{len(self.hits)} found")
        else:
            self.count.setText(f"{self.current + 1} of {len(self.hits)}")
        for number, target in enumerate(self.targets):
            target.show_hits([hit.cursor for hit in self.hits if hit.pane == number])
        if self.current is not None:  # selected: drawn in the palette's selection colours
            current = self.hits[self.current]
            self.targets[current.pane].setTextCursor(current.cursor)
            self.targets[current.pane].ensureCursorVisible()


def _tool(parent: QWidget, name: str, text: str, tip: str) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button
