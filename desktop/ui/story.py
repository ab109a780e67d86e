"""The story window: every version of a story at once.

At the top the summary in words and how many pairs are compared; then the timeline
(``ui/timeline``: versions by day and source, arrows for who copies whom, the original
marked); then the collation grid (``ui/story_grid``: the original's paragraphs with the
heat map of how many versions changed each sentence, a column for each version coloured
by what it did). The story is computed by ``Workspace.story`` on the thread pool and the
window fills in as its pairs complete. Clicking a cell opens that version's comparison
with the original, scrolled to the change the cell shows; clicking a box of the timeline
opens that version's comparison with the one it copies.
"""

from __future__ import annotations

import functools
import gc

import shiboken6
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.story.model import Cell, Story
from desktop.core.story.summary import summary
from desktop.core.text.article import Article
from desktop.core.workspace import Workspace
from desktop.ui.compare import CompareWindow, open_comparison
from desktop.ui.story_grid import (
    CELL_WIDTH,
    ROW_LINES,
    TEXT_WIDTH,
    CellDelegate,
    CellRole,
    CollationModel,
    HeatDelegate,
    fit_columns,
)
from desktop.ui.story_legend import StoryLegend
from desktop.ui.styles import quieten
from desktop.ui.timeline import TimelineView
from desktop.ui.workers import Task

REDRAW_MS = 250  # the window redraws a story being computed at most this often


class StoryWindow(QMainWindow):
    """Every version of ``article``'s story; emits ``story_shown`` each time it fills in."""

    story_shown = Signal()

    def __init__(
        self,
        article: Article,
        workspace: Workspace,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storyWindow")
        self.setWindowTitle(f"Every version of “{article.title}” — Recension")
        self.article = article
        self.workspace = workspace
        self.settings = settings
        self.story: Story | None = None
        self.comparisons: list[CompareWindow] = []
        self._pending: Story | None = None
        self._frozen = False
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self._show_pending)
        self._build()
        self._task: Task | None = Task(self.workspace.story, article.id)
        self._task.signals.partial.connect(self._partial)
        self._task.signals.finished.connect(self._finished)
        self._task.signals.failed.connect(self._failed)
        self._task.start()

    def _build(self) -> None:
        self.summary = QLabel("Comparing the versions…", self)
        self.summary.setObjectName("storySummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.summary.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("storyStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        quieten(self.status, self.palette())
        caption = QLabel(
            "Who copies whom: each version by the day it was published and its source; an "
            "arrow runs from a version to each copy of it; the original has a heavy border. "
            "Click a version to compare it with the one it copies.",
            self,
        )
        caption.setObjectName("timelineCaption")
        caption.setWordWrap(True)
        quieten(caption, self.palette())
        self.timeline = TimelineView(self)
        self.timeline.version_clicked.connect(self._version_clicked)
        scroll = QScrollArea(self)
        scroll.setObjectName("timelineScroll")
        scroll.setWidget(self.timeline)
        scroll.setWidgetResizable(False)
        self.model = CollationModel(self)
        self.grid = QTableView(self)
        self.grid.setObjectName("collationGrid")
        self.grid.setAccessibleName("What each version did with each paragraph of the original")
        self.grid.setModel(self.model)
        self.grid.setItemDelegate(CellDelegate(self.grid))
        self.grid.setItemDelegateForColumn(0, HeatDelegate(self.grid))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() * ROW_LINES + 8
        )
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.grid.horizontalHeader().setDefaultSectionSize(CELL_WIDTH)
        self.grid.horizontalHeader().setMinimumSectionSize(60)
        self.grid.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
        self.grid.clicked.connect(self._cell_clicked)
        self.grid.activated.connect(self._cell_clicked)
        self.legend = StoryLegend(self)
        hint = QLabel(
            "A row for each paragraph of the original, shaded by how many versions changed "
            "each sentence; a column for each version, saying what it did with the paragraph. "
            "Click a cell to compare that version with the original there.",
            self,
        )
        hint.setObjectName("storyGridHint")
        hint.setWordWrap(True)
        quieten(hint, self.palette())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("storySplitter")
        above = QWidget(self)
        top = QVBoxLayout(above)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(caption)
        top.addWidget(scroll, 1)
        splitter.addWidget(above)
        below = QWidget(self)
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(hint)
        column.addWidget(self.legend)
        column.addWidget(self.grid, 1)
        splitter.addWidget(below)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 500])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        screen = self.screen().availableGeometry()
        self.resize(min(1400, screen.width()), min(880, screen.height()))

    # filling in ----------------------------------------------------------------------------
    def is_busy(self) -> bool:
        return self._task is not None

    def _partial(self, story: Story) -> None:
        """A fuller story: the first shown at once (the versions, their timeline and the
        grid to fill), the others at most every REDRAW_MS, the latest one then."""
        if self._task is None:  # an answer that arrived after the last one
            return
        if self.story is None:
            self._show(story)
            return
        self._pending = story
        if not self._redraw.isActive():
            self._redraw.start()

    def _show_pending(self) -> None:
        if self._pending is not None and self._task is not None:
            self._show(self._pending)
        self._pending = None

    def _show(self, story: Story) -> None:
        if self._task is not None:
            # What is alive at each redraw (the library, the comparisons and verdicts so
            # far) lives on while the other pairs are judged: the collector leaves it be
            # until the window closes (what dies meanwhile is freed by its count), or each
            # full collection would stall the window for 100 ms and more.
            gc.freeze()
            self._frozen = True
        first = self.story is None or len(self.story.copies) != len(story.copies)
        self.story = story
        self.summary.setText(summary(story) + ".")
        pairs = (
            "every pair compared"
            if story.complete
            else (f"comparing the versions pair by pair: {story.done} of {story.total} done")
        )
        self.status.setText(
            f"The original looks like {story.original}: {story.original_reason}. ({pairs})"
        )
        self.timeline.set_story(story)
        self.legend.set_story(story)
        self.model.set_story(story)
        if first:
            self.grid.setColumnWidth(0, TEXT_WIDTH)
            fit_columns(self.grid)
        self.story_shown.emit()

    def _finished(self, story: Story) -> None:
        self._task = None
        self._redraw.stop()
        self._show(story)

    def _failed(self, error: Exception) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task = None
        self.summary.setText(f"Could not lay out this story: {error}")

    # routing -------------------------------------------------------------------------------
    def _cell_clicked(self, index: QModelIndex) -> None:
        cell = index.data(CellRole)
        if isinstance(cell, Cell) and self.story is not None:
            self.compare(self.story.original, cell.version, cell.change)

    def _version_clicked(self, version_id: str) -> None:
        if self.story is None:
            return
        source = self.story.version(version_id).derived_from or self.story.original
        if source != version_id:
            self.compare(source, version_id)

    def compare(self, left: str, right: str, change: int | None = None) -> CompareWindow:
        """Open the comparison of two versions, scrolled to ``change`` once it is shown."""
        window = open_comparison(
            self.workspace.article(left),
            self.workspace.article(right),
            self.workspace,
            settings=self.settings,
        )
        if change is not None:
            window.comparison_shown.connect(
                functools.partial(_go_once, window, change), Qt.ConnectionType.SingleShotConnection
            )
        self.comparisons.append(window)
        window.destroyed.connect(self._forget)
        return window

    def _forget(self) -> None:
        self.comparisons = [w for w in self.comparisons if shiboken6.isValid(w)]

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._frozen:
            gc.unfreeze()
            self._frozen = False
        super().closeEvent(event)


def _go_once(window: CompareWindow, change: int) -> None:
    shown = window.comparison if shiboken6.isValid(window) else None
    if shown is not None and change < len(shown.changes):
        window.go_to_change(change)


def open_story(
    article: Article,
    workspace: Workspace,
    *,
    settings: QSettings | None = None,
    parent: QWidget | None = None,
) -> StoryWindow:
    """Open and show the story window of ``article``'s story."""
    window = StoryWindow(article, workspace, settings=settings, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
