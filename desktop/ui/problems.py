"""The import problems panel: files that could not be imported, each with its reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.storage.library import ImportOutcome
from desktop.core.text.printable import printable
from desktop.ui.styles import legible_selection, plain_tooltip

MAX_ROWS_SHOWN = 6


class ProblemsPanel(QFrame):
    """A dismissible list of skipped files; hidden while there is nothing to report."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsPanel")
        self.setAccessibleName("Files that could not be imported")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("problemsTitle")
        self.list = QListWidget(self)
        self.list.setObjectName("problemsList")
        self.list.setAccessibleName("Skipped files and reasons")
        self.list.setWordWrap(True)
        legible_selection(self.list)
        dismiss = QPushButton("Dismiss", self)
        dismiss.setObjectName("dismissProblems")
        dismiss.setAccessibleName("Dismiss the list of skipped files")
        dismiss.clicked.connect(self.dismiss)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self.hide()
        self._reported: set[ImportOutcome] = set()

    def report_library(self, problems: Sequence[ImportOutcome]) -> None:
        """Add the library's unreadable files not reported before (each refresh finds them)."""
        fresh = [problem for problem in problems if problem not in self._reported]
        self._reported.update(fresh)
        self.report(fresh)

    def report(self, skipped: Sequence[ImportOutcome]) -> None:
        """Add ``skipped`` files to the panel and show it (nothing to add: nothing changes)."""
        for outcome in skipped:
            name = printable(outcome.path)  # escapes and undecodable bytes shown, not obeyed
            item = QListWidgetItem(f"{name} — {outcome.reason}")
            item.setData(Qt.ItemDataRole.ToolTipRole, plain_tooltip(name))
            self.list.addItem(item)
        if self.list.count():
            count = self.list.count()
            rows = self.list.sizeHintForRow(0) * min(count, MAX_ROWS_SHOWN)
            self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 4)
            self.title.setText(
                f"<b>{count} file{'s' if count != 1 else ''} could not be read or imported</b>"
            )
            self.show()

    def dismiss(self) -> None:
        self.list.clear()
        self.hide()
