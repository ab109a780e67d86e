"""The comparison window: two versions side by side, every change styled, explained, reachable.

``open_comparison(a, b, workspace)`` opens a ``CompareWindow``; it diffs the pair on the
thread pool (``Workspace.compare``, with the options the reader ticked) while a busy bar runs, then
lays the result out (``presentation.layout``) and paints it. The window computes nothing itself:
hiding copy-edits or folding site chrome lays the same comparison out again; ignoring
case, punctuation or whitespace asks the core for a new one in the background. File ▸
Export Comparison…, Print… and Copy Summary hand the comparison and the view filters to
``ui.export``, so that a report shows what the window shows; the export is written on the
thread pool (``report_writer``), its pages counted in the status bar, the sharing commands
off until it is done. The commands themselves, menus and toolbar, are built in
``compare_controls``; F7's walk and the list's order come from ``presentation.navigation``,
the defaults a new window opens with from ``compare_defaults``; Ctrl+F is ``find_bar``.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.diff import CompareOptions
from desktop.core.presentation.kind_styles import KIND_STYLES
from desktop.core.presentation.layout import Layout, Stop, ViewOptions, lay_out
from desktop.core.presentation.navigation import ListOrder, walk
from desktop.core.presentation.verdict import named
from desktop.core.text.article import Article, short_names
from desktop.core.workspace import Workspace
from desktop.ui.change_list import ChangeList, ChangeOrderBox
from desktop.ui.compare_controls import CompareActions, CompareToolbar, fill_menu_bar
from desktop.ui.compare_defaults import Filters, load_defaults, save_defaults
from desktop.ui.export import (
    ask_export_path,
    copy_summary,
    print_comparison,
)
from desktop.ui.find_bar import FindBar
from desktop.ui.panes import ArticleHeader, ComparePane, PanePair
from desktop.ui.report_writer import ReportWriter
from desktop.ui.styles import Theme
from desktop.ui.summary import Mark, OverviewRuler, SummaryBar
from desktop.ui.workers import Task


class CompareWindow(QMainWindow):
    """Two articles side by side; emits ``comparison_shown`` each time a result is painted."""

    comparison_shown = Signal()

    def __init__(
        self,
        a: Article,
        b: Article,
        workspace: Workspace,
        *,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("compareWindow")
        self.a, self.b = a, b
        self.workspace = workspace
        self.settings = settings
        self.comparison: Comparison | None = None
        self.layout_: Layout = Layout((), ())
        self.steps: tuple[Stop, ...] = ()  # what F7 visits (``navigation.walk``)
        self.current: int | None = None  # position in steps
        self.filters = Filters()  # the legend's hidden kinds, the list's order
        self.opened: set[int] = set()  # folds opened in place, by their first block
        self._task: Task | None = None
        self._build()
        self._restore()
        self.request_comparison()

    # building ----------------------------------------------------------------------------

    def _build(self) -> None:
        self.summary = SummaryBar(self)
        self.left_header = ArticleHeader("leftHeader", self)
        self.right_header = ArticleHeader("rightHeader", self)
        self.left = ComparePane("leftPane", "Left-hand version", self)
        self.right = ComparePane("rightPane", "Right-hand version", self)
        self.pair = PanePair(self.left, self.right)
        self.find_bar = FindBar([self.left, self.right], self)
        self.ruler = OverviewRuler(self)
        self.changes = ChangeList(self)
        self.order_box = ChangeOrderBox(self)
        self.actions_ = CompareActions(self)
        self.toolbar = CompareToolbar(self.actions_, self)
        fill_menu_bar(self.menuBar(), self.actions_)
        if self.settings is not None:
            self.filters = load_defaults(self.settings, self.actions_.toggles())
        self.order_box.set_order(self.filters.order)
        listing = QWidget(self)
        listing.setMinimumWidth(160)
        listed = QVBoxLayout(listing)
        listed.setContentsMargins(0, 4, 0, 0)
        listed.setSpacing(2)
        listed.addWidget(self.order_box)
        listed.addWidget(self.changes, 1)

        sides = QWidget(self)
        grid = QGridLayout(sides)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.left_header, 0, 0)
        grid.addWidget(self.right_header, 0, 1)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.right, 1, 1)
        grid.addWidget(self.ruler, 1, 2)
        grid.setRowStretch(1, 1)
        grid.setColumnStretch(0, 1)  # the two sides share the width equally,
        grid.setColumnStretch(1, 1)  # however long either title is
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("compareSplitter")
        self.splitter.addWidget(sides)
        self.splitter.addWidget(listing)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([1000, 280])

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.summary)
        column.addWidget(self.toolbar)
        column.addWidget(self.find_bar)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(body)
        self.left.setFocus(Qt.FocusReason.OtherFocusReason)  # keys start in the text

        self.left.change_clicked.connect(self._left_clicked)
        for pane in (self.left, self.right):
            pane.fold_opened.connect(self._fold_opened)
        self.right.change_clicked.connect(self._right_clicked)
        self.changes.change_selected.connect(self.go_to_change)
        self.order_box.order_chosen.connect(self._order_chosen)
        self.summary.legend.kind_toggled.connect(self._kind_toggled)
        self.ruler.jumped.connect(self._ruler_jumped)
        self.left.verticalScrollBar().valueChanged.connect(self._update_ruler_view)
        self.left.verticalScrollBar().rangeChanged.connect(self._update_ruler_view)
        actions = self.actions_
        for signal, slot in (
            (actions.export.triggered, self.export),
            (actions.print.triggered, self.print_report),
            (actions.copy_summary.triggered, self.copy_summary),
            (actions.close.triggered, self.close),
            (actions.hide_copy_edits.toggled, self._view_changed),
            (actions.fold_boilerplate.toggled, self._view_changed),
            (actions.every_change.toggled, self._view_changed),
            (actions.make_default.triggered, self.make_default),
            *((action.toggled, self._options_changed) for action in actions.ignore.values()),
            (actions.next_change.triggered, self.next_change),
            (actions.previous_change.triggered, self.previous_change),
            (actions.swap.triggered, self.swap),
            (actions.find.triggered, self.find_bar.open_bar),
        ):
            signal.connect(slot)
        status = self.statusBar()
        status.hide()  # shown only while it has something to say
        status.messageChanged.connect(lambda message: status.setVisible(bool(message)))
        self.writer = ReportWriter(self)
        self.writer.done.connect(self._update_sharing)

    # computing ---------------------------------------------------------------------------

    def options(self) -> CompareOptions:
        ticked = {field: action.isChecked() for field, action in self.actions_.ignore.items()}
        return CompareOptions(**ticked)

    def view(self) -> ViewOptions:
        return ViewOptions(
            hide_copy_edits=self.actions_.hide_copy_edits.isChecked(),
            fold_boilerplate=self.actions_.fold_boilerplate.isChecked(),
            hidden=self.filters.hidden - {ChangeKind.COPY_EDIT},  # copy-edits: their toggle
            collapse_gaps=True,
            opened=frozenset(self.opened),
        )

    def request_comparison(self) -> None:
        """Diff the pair on the thread pool with the ticked options; show it when done."""
        if self._task is not None:
            self._task.cancel()
        self.opened.clear()  # block numbers of another comparison
        names = short_names(self.a, self.b)
        left, right = named(self.a, names), named(self.b, names)
        self.setWindowTitle(f"{left} ↔ {right} — Recension")
        self.left_header.show_article(self.a, "")
        self.right_header.show_article(self.b, "")
        self.summary.show_busy("Comparing…")
        work = functools.partial(self.workspace.compare, options=self.options())
        self._task = Task(work, self.a, self.b)
        self._update_sharing()
        self._task.signals.finished.connect(self._compared)
        self._task.signals.failed.connect(self._failed)
        self._task.start()

    def is_busy(self) -> bool:
        """Whether a comparison asked for is still being computed."""
        return self._task is not None

    def _compared(self, result: Comparison) -> None:
        if (result.a, result.b, result.options) != (self.a, self.b, self.options()):
            return  # an answer to a question no longer asked
        self._task = None
        self.comparison = result
        self._update_sharing()
        self.show_result()

    def _failed(self, error: Exception) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task = None
        self.summary.show_failure(f"Could not compare these two: {error}")

    # showing -----------------------------------------------------------------------------

    def show_result(self) -> None:
        """Lay the current comparison out as the toggles say and paint every part."""
        comparison = self.comparison
        if comparison is None:
            return
        shown = self.current_change()
        theme = Theme.for_palette(self.palette())
        view = self.view()
        self.layout_ = lay_out(comparison, view)
        self.steps = walk(
            self.layout_, comparison.changes, every=self.actions_.every_change.isChecked()
        )
        names = short_names(self.a, self.b)
        left, right = named(self.a, names), named(self.b, names)
        self.left.names, self.right.names = (left, right), (right, left)
        self.left.show_side(comparison, self.layout_, "a", theme)
        self.right.show_side(comparison, self.layout_, "b", theme)
        self.pair.align()
        derived = comparison.derived.side if comparison.derived else None
        for header, article, side in (
            (self.left_header, self.a, "a"),
            (self.right_header, self.b, "b"),
        ):
            original = "looks derived" if side == derived else "looks like the original"
            header.show_article(article, original if derived else "")
        self.summary.show_comparison(comparison, theme, view.hidden_kinds())
        self.changes.show_changes(comparison, self.steps, self.filters.order)
        self._update_ruler_marks(theme)
        changes = [stop.change for stop in self.steps]
        self.current = changes.index(shown) if shown in changes else None
        self._show_current()
        self.find_bar.refresh()
        self.comparison_shown.emit()

    def _update_ruler_marks(self, theme: Theme) -> None:
        if self.comparison is None:
            return
        height = max(self.left.document().size().height(), 1.0)
        marks = []
        for stop in self.layout_.stops:
            kind = self.comparison.changes[stop.change].kind
            top = self.left.row_top(stop.row)
            bottom = (
                self.left.row_top(stop.row + 1) if stop.row + 1 < len(self.layout_.rows) else height
            )
            shape = KIND_STYLES[kind].ruler
            marks.append(Mark(top / height, bottom / height, theme.colour(kind), shape))
        self.ruler.set_marks(marks)
        self._update_ruler_view()

    def _update_ruler_view(self) -> None:
        height = max(self.left.document().size().height(), 1.0)
        top = self.left.verticalScrollBar().value() / height
        self.ruler.set_view(top, min(self.left.viewport().height() / height, 1.0))

    # navigating --------------------------------------------------------------------------

    def current_change(self) -> int | None:
        """The index in ``comparison.changes`` of the change being looked at, if any."""
        return None if self.current is None else self.steps[self.current].change

    def next_change(self) -> None:
        self._step(+1)

    def previous_change(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        count = len(self.steps)
        if not count:
            return
        if self.current is None:
            self.current = 0 if direction > 0 else count - 1
        else:
            self.current = (self.current + direction) % count
        self._show_current()
        self.pair.scroll_to_row(self.steps[self.current].row)

    def go_to_change(self, change: int) -> None:
        """Make ``change`` current and bring it into view in both panes (a change F7 does
        not visit, such as a clicked copy-edit, is marked and shown all the same)."""
        changes = [stop.change for stop in self.steps]
        self.current = changes.index(change) if change in changes else None
        rows = {stop.change: stop.row for stop in self.layout_.stops}
        self._show_current(change if change in rows else None)
        if change in rows:
            self.pair.scroll_to_row(rows[change])

    def _show_current(self, change: int | None = None) -> None:
        """Say where F7 is, and mark ``change`` (the current one unless given) in the panes."""
        count = len(self.steps)
        change = self.current_change() if change is None else change
        self.toolbar.prev_button.setEnabled(count > 0)
        self.toolbar.next_button.setEnabled(count > 0)
        kind = "" if self.actions_.every_change.isChecked() else " substantive"
        if self.current is not None:
            self.toolbar.position.setText(f"Change {self.current + 1} of {count}")
        else:
            plural = "s" * (count != 1)
            self.toolbar.position.setText(
                f"{count}{kind} change{plural}" if count else f"No{kind} changes shown"
            )
        colour = QColor()
        if change is not None and self.comparison is not None:
            colour = Theme.for_palette(self.palette()).colour(self.comparison.changes[change].kind)
            colour.setAlpha(110)
        for pane in (self.left, self.right):
            pane.highlight(change, colour)
        self.changes.select_change(change)

    def _left_clicked(self, change: int) -> None:
        self._clicked(change, self.right)

    def _right_clicked(self, change: int) -> None:
        self._clicked(change, self.left)

    def _clicked(self, change: int, other: ComparePane) -> None:
        """Select the clicked change; a moved block jumps to its place on the other side."""
        self.go_to_change(change)
        assert self.comparison is not None
        if self.comparison.changes[change].kind is ChangeKind.MOVED and change in other.ranges:
            block = other.document().findBlock(other.ranges[change][0])
            self.pair.scroll_to_row(block.blockNumber())

    def _ruler_jumped(self, fraction: float) -> None:
        height = self.left.document().size().height()
        top = fraction * height - self.left.viewport().height() / 2
        self.left.verticalScrollBar().setValue(max(int(top), 0))

    # toggles and state -------------------------------------------------------------------

    def _view_changed(self) -> None:
        self.show_result()

    def _options_changed(self) -> None:
        self.request_comparison()

    def _kind_toggled(self, kind: ChangeKind, shown: bool) -> None:
        """A legend chip clicked: hide or show that kind (copy-edits: their toggle)."""
        hidden = self.filters.hidden - {kind} if shown else self.filters.hidden | {kind}
        self.filters = dataclasses.replace(self.filters, hidden=hidden)
        if kind is ChangeKind.COPY_EDIT:
            self.actions_.hide_copy_edits.setChecked(not shown)  # shows the result again
        else:
            self.show_result()

    def _fold_opened(self, block: int) -> None:
        """ "Show" on a fold: its rows in place, the rest as they were."""
        self.opened.add(block)
        top = self.left.verticalScrollBar().value()
        self.show_result()
        self.left.verticalScrollBar().setValue(top)

    def _order_chosen(self, order: ListOrder) -> None:
        self.filters = dataclasses.replace(self.filters, order=order)
        self.show_result()

    def make_default(self) -> None:
        """View ▸ Make These the Default: new comparisons open with this window's choices."""
        if self.settings is not None:
            hidden = self.view().hidden_kinds()
            filters = dataclasses.replace(self.filters, hidden=hidden)
            save_defaults(self.settings, self.actions_.toggles(), filters)
            self.statusBar().showMessage("New comparisons will open with these settings", 4000)

    # sharing ---------------------------------------------------------------------------

    def export(self) -> None:
        """File ▸ Export Comparison…: save the report as HTML or PDF where the user says."""
        if self.comparison is not None and not self.writer.is_busy():
            path = ask_export_path(self, self.comparison)
            if path is not None:
                self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the report to ``path`` on the thread pool, its progress in the status bar."""
        assert self.comparison is not None
        self.writer.write(path, self.comparison, self.view())
        self._update_sharing()

    def is_exporting(self) -> bool:
        """Whether a report is still being written."""
        return self.writer.is_busy()

    def _update_sharing(self) -> None:
        """Sharing needs a comparison on screen, and no report still being written."""
        ready = self.comparison is not None and self._task is None and not self.writer.is_busy()
        for action in self.actions_.sharing():
            action.setEnabled(ready)

    def print_report(self) -> None:
        """File ▸ Print…: print the report as the window shows it."""
        if self.comparison is not None:
            print_comparison(self, self.comparison, self.view())

    def copy_summary(self) -> None:
        """File ▸ Copy Summary: similarity, derivation and counts as plain text."""
        if self.comparison is not None:
            copy_summary(self.comparison, self.view())
            self.statusBar().showMessage("Summary copied to the clipboard", 4000)

    def swap(self) -> None:
        """Put the right-hand version on the left and compare again."""
        self.a, self.b = self.b, self.a
        self.current = None
        self.request_comparison()

    def _restore(self) -> None:
        screen = self.screen().availableGeometry()
        width = min(1440, screen.width())
        self.resize(width, min(900, screen.height()))
        listed = max(180, width // 5)  # room for a reason; the panes keep the rest
        self.splitter.setSizes([width - listed, listed])
        if self.settings is None:
            return
        geometry = self.settings.value("compare/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def changeEvent(self, event: QEvent) -> None:
        """Repaint in the light or dark tones when the palette changes (a dark mode turned on)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.show_result()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._task is not None:
            self._task.cancel()
        self.writer.cancel()
        if self.settings is not None:
            self.settings.setValue("compare/geometry", self.saveGeometry())
        super().closeEvent(event)


def open_comparison(
    a: Article,
    b: Article,
    workspace: Workspace,
    *,
    settings: QSettings | None = None,
    parent: QWidget | None = None,
) -> CompareWindow:
    """Open and show a comparison window of ``a`` (left) and ``b`` (right)."""
    window = CompareWindow(a, b, workspace, settings=settings, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
