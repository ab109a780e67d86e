"""Writing a comparison's report in the background, its progress in a window's status bar.

``ReportWriter(window)`` puts a progress bar in ``window``'s status bar; ``write(path,
comparison, view)`` writes the report (``export.write_report``) on the thread pool, says
"Writing the PDF… page 3 of 12" as pages are painted and "Saved name.pdf (12 pages)" when
done, or shows what went wrong in a window-modal box. ``done`` is emitted either way, so
that the window can turn its sharing commands back on.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QMessageBox, QProgressBar

from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.layout import ViewOptions
from desktop.ui.export import SavedReport, write_report
from desktop.ui.workers import Task


class ReportWriter(QObject):
    """One report at a time, written off the GUI thread for ``window``."""

    done = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.progress = QProgressBar(window)
        self.progress.setObjectName("exportProgress")
        self.progress.setAccessibleName("Export progress")
        self.progress.setMaximumWidth(200)
        self.progress.setTextVisible(False)
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.progress)

    def is_busy(self) -> bool:
        return self.task is not None

    def write(self, path: Path, comparison: Comparison, view: ViewOptions) -> None:
        kind = "PDF" if path.suffix.lower() == ".pdf" else "HTML report"
        self.task = Task(functools.partial(write_report, view=view), path, comparison)
        self.progress.setRange(0, 0)  # busy until the first page is painted
        self.progress.show()
        self.window.statusBar().showMessage(f"Writing the {kind}…")
        self.task.signals.progress.connect(self._progressed)
        self.task.signals.finished.connect(self._written)
        self.task.signals.failed.connect(self._failed)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _progressed(self, page: int, pages: int) -> None:
        self.progress.setRange(0, pages)
        self.progress.setValue(page)
        self.window.statusBar().showMessage(f"Writing the PDF… page {page} of {pages}")

    def _written(self, saved: SavedReport | None) -> None:
        self._finish()
        if saved is not None:
            pages = "" if saved.pages is None else f" ({saved.pages} pages)"
            self.window.statusBar().showMessage(f"Saved {saved.path.name}{pages}", 8000)

    def _failed(self, error: Exception) -> None:
        self._finish()
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Export Comparison", str(error), parent=self.window
        )
        box.setObjectName("exportFailedMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)  # the message names a file
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()  # window-modal, and the window keeps painting behind it

    def _finish(self) -> None:
        self.task = None
        self.progress.hide()
        self.window.statusBar().clearMessage()
        self.done.emit()
