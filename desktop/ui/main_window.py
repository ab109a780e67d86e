"""The main window: sidebar search beside the reading pane, menus, status and progress.

The window is a presenter: it routes what the user does to the controller and renders
what comes back. Nothing here reads files or searches.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QElapsedTimer, QPoint, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.search.results import RefreshReport, SearchResults
from desktop.core.storage.library import ImportOutcome, ImportReport
from desktop.core.text.printable import printable
from desktop.core.workspace import Candidate, Reading
from desktop.ui.controller import PAGE, WorkspaceController
from desktop.ui.problems import ProblemsPanel
from desktop.ui.reader import ReaderPanel
from desktop.ui.sidebar import Sidebar
from desktop.ui.styles import plain_tooltip

if TYPE_CHECKING:  # the other windows load when first opened, not before the first paint
    from desktop.ui.article_picker import ArticlePicker
    from desktop.ui.compare import CompareWindow
    from desktop.ui.story import StoryWindow

RESEARCH_WHILE_BUSY_MS = 2000
NO_VERSIONS = "No other version of this story in the library"


class MainWindow(QMainWindow):
    def __init__(
        self,
        controller: WorkspaceController,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        query: str | None = None,
    ) -> None:
        """``query``: the sidebar's first query (None: the one this library's last session
        left)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Recension")
        self.setAcceptDrops(True)
        self.controller = controller
        self.settings = settings
        self.sidebar = Sidebar(self)
        self.reader = ReaderPanel(self)
        self.reading_pane = self.reader.pane
        self.reader.find_bar.suggest = self._searched  # F3: the next hit of the search
        self.problems = ProblemsPanel(self)
        self._query = ""
        self._reading: Reading | None = None
        self._closest_wanted = False  # Compare with Closest asked while the article was read
        self._read_again = False  # the library changed: the article's versions may have too
        self._limit = PAGE
        self._comparisons: list[CompareWindow] = []
        self._stories: list[StoryWindow] = []
        self._since_research = QElapsedTimer()
        self._since_research.start()
        right = QWidget(self)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.problems)
        column.addWidget(self.reader, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_state(query)

    # assembly --------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # it shows file names
        self.status_label.setObjectName("statusMessage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("jobProgress")
        self.progress.setAccessibleName("Progress of the background job")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.cancel_button = QToolButton(self)
        self.cancel_button.setObjectName("cancelJob")
        self.cancel_button.setAccessibleName("Cancel the background job")
        self.cancel_button.setText("Cancel")
        self.cancel_button.clicked.connect(self.controller.cancel)
        bar = self.statusBar()
        bar.addWidget(self.status_label, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        self._set_busy(False)

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu("&File")
        file_menu.addAction("&Add Files…", QKeySequence.StandardKey.Open, self.choose_files)
        file_menu.addAction("Add &Folder…", QKeySequence("Ctrl+Shift+O"), self.choose_folder)
        file_menu.addAction("&Paste as New Article…", QKeySequence("Ctrl+Shift+V"), self.paste)
        file_menu.addSeparator()
        self.remove_action = file_menu.addAction(
            "&Remove from Library", QKeySequence("Ctrl+Backspace"), self.remove_current
        )
        self.remove_action.setEnabled(False)
        file_menu.addSeparator()
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)
        edit_menu = menus.addMenu("&Edit")
        find = edit_menu.addAction("&Find", self.find_text)
        find.setShortcuts([QKeySequence(QKeySequence.StandardKey.Find), QKeySequence("Ctrl+K")])
        article_menu = menus.addMenu("&Article")
        article_menu.addAction(
            "Compare with &Closest Version", QKeySequence("Ctrl+D"), self.compare_with_closest
        )
        article_menu.addAction(
            "Compare &with…", QKeySequence("Ctrl+Shift+D"), self.reader.compare_button.showMenu
        )
        article_menu.addAction(
            "Every &Version of the Story", QKeySequence("Ctrl+Shift+E"), self.story_of_current
        )
        help_menu = menus.addMenu("&Help")
        help_menu.addAction("&About Recension", self._about)
        for action in self.findChildren(type(find)):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def find_text(self) -> None:
        """Ctrl+F: find in the article when reading it, else search the library."""
        reader = self.reader
        if reader.pane.hasFocus() or reader.find_bar.isAncestorOf(self.focusWidget()):
            reader.find_bar.open_bar(self._searched())
        else:
            self.sidebar.focus_search()

    def _searched(self) -> str:
        """The words searched for, as the reader's find bar looks for them."""
        return self.sidebar.search_box.text().strip().strip('"')

    def _connect(self) -> None:
        self.sidebar.query_changed.connect(self._search)
        self.sidebar.article_selected.connect(self.show_article)
        self.sidebar.article_activated.connect(self._focus_reader)
        self.sidebar.menu_requested.connect(self._article_menu)
        self.sidebar.more_requested.connect(self.show_more)
        self.sidebar.story_requested.connect(self.story)
        self.reader.hint.linkActivated.connect(self._hint_link)
        self.controller.search_finished.connect(self._show_results)
        self.controller.search_failed.connect(self.sidebar.show_query_problem)
        self.controller.reading_ready.connect(self._show_reading)
        self.controller.reading_failed.connect(self._reading_failed)
        self.controller.candidates_ready.connect(self._show_candidates)
        self.controller.candidates_failed.connect(self._candidates_failed)
        self.controller.job_started.connect(self._job_started)
        self.controller.job_progress.connect(self._job_progress)
        self.controller.job_finished.connect(self._job_finished)
        self.controller.job_failed.connect(self._job_failed)
        self.controller.library_changed.connect(self._library_changed)

    # routing ---------------------------------------------------------------------------------
    def _search(self, query: str) -> None:
        """A new query (or sort order): its first page."""
        self._query = query
        self._limit = PAGE
        self.controller.search(query, self.sidebar.sort_order, self._limit)

    def show_more(self) -> None:
        """The user scrolled to the end of a list that has more: the next page as well."""
        self._limit += PAGE
        self.research()

    def _library_changed(self) -> None:
        """List again, then read the article on show again: indexing or an import may have
        found it other versions (at start the article is read before its story is known)."""
        self._read_again = True
        self.research()

    def _show_results(self, results: SearchResults, groups: tuple[object, ...]) -> None:
        self.sidebar.show_results(results, groups)  # type: ignore[arg-type]
        current = self.sidebar.current_id()
        if not results.hits:  # the article read before would pass for a match
            self._show_nothing(results.query.strip())
        elif current is None:
            last = str(self.settings.value(self._session("article"), ""))
            if not (last and self.sidebar.select_id(last)):
                self.sidebar.select_row(0)
        elif self._read_again and (self._reading is None or self._reading.article.id == current):
            self.show_article(current)  # None: its reading, asked before the change, is on its way
        self._read_again = False

    def _show_nothing(self, query: str) -> None:
        self._reading = None
        self.remove_action.setEnabled(False)
        self.reader.show_nothing(
            f"No article matches \u201c{query}\u201d. Press Esc to list every article again."
            if query
            else "The library has no articles yet: add some with File \u25b8 Add Files\u2026"
        )

    def show_article(self, article_id: str) -> None:
        """Ask for what the reading pane shows of the article (off the GUI thread)."""
        self.controller.read(article_id, self._query)

    def _show_reading(self, reading: Reading) -> None:
        article, shown = reading.article, self._reading
        self._reading = reading
        if shown is None or (shown.article, shown.highlights) != (article, reading.highlights):
            self.reading_pane.show_article(article, reading.highlights)  # else kept as it was
        self.settings.setValue(self._session("article"), article.id)
        self._offer_comparisons(reading)
        # Only the user's own imports can go: bundled and --library articles are read-only.
        self.remove_action.setEnabled(article.added is not None)
        if self._closest_wanted:
            self.compare_with_closest()

    def _reading_failed(self, message: str) -> None:
        """The article is gone since it was listed: say so, and list again."""
        self.status_label.setText(message)
        self.research()

    # comparing -------------------------------------------------------------------------------
    def _offer_comparisons(self, reading: Reading) -> None:
        """Fill "Compare with…": the other versions of the story, then any article."""
        article_id, versions = reading.article.id, reading.versions
        menu = self.reader.compare_menu
        menu.clear()
        for relation in versions[:8]:
            source = reading.sources.get(relation.id, "")
            label = " · ".join(part for part in (relation.title, source) if part)
            label += f"  ({relation.containment:.0%} shared)"
            action = menu.addAction(label, partial(self.compare, article_id, relation.id))
            action.setToolTip(plain_tooltip(relation.reason))
        if versions:
            menu.addSeparator()
        menu.addAction("Compare with Any &Article…", partial(self.compare_with_any, article_id))
        self.reader.compare_button.setEnabled(reading.others)
        if versions:
            self.reader.show_versions(len(versions), reading.original, article_id)
        else:
            self.reader.hint.setToolTip("")
            self.reader.hint.setText(f'{NO_VERSIONS} · <a href="any">Compare with any article…</a>')

    def _article_menu(self, article_id: str, position: QPoint) -> None:
        """The sidebar's context menu: compare the article, or remove it."""
        menu = QMenu(self)
        menu.setObjectName("articleMenu")
        menu.addAction("Compare with Closest Version", self.compare_with_closest)
        menu.addMenu(self.reader.compare_menu)
        menu.addAction("Every Version of the Story", partial(self.story, article_id))
        menu.addSeparator()
        remove = menu.addAction("Remove from Library", self.remove_current)
        remove.setEnabled(self.remove_action.isEnabled())
        menu.popup(position)

    def compare(self, left_id: str, right_id: str) -> CompareWindow:
        """Open the side-by-side comparison of two articles of the library."""
        from desktop.ui.compare import open_comparison

        workspace = self.controller.workspace
        window = open_comparison(
            workspace.article(left_id),
            workspace.article(right_id),
            workspace,
            settings=self.settings,
        )
        self._comparisons.append(window)
        window.destroyed.connect(self._forget_comparisons)
        return window

    def compare_with_closest(self) -> CompareWindow | None:
        """Compare the article picked with its closest other version, in one step (as soon
        as it has been read, if it is still being read: None then); with none, say so (the
        reader's hint offers any article instead)."""
        reading, picked = self._reading, self.sidebar.current_id()
        if reading is None or (picked is not None and reading.article.id != picked):
            self._closest_wanted = picked is not None
            return None
        self._closest_wanted = False
        if not reading.versions:
            self.status_label.setText(
                f"{NO_VERSIONS}: choose Compare with Any Article… (Ctrl+Shift+D) instead."
            )
            return None
        return self.compare(reading.article.id, reading.versions[0].id)

    def compare_with_any(self, article_id: str) -> ArticlePicker:
        """Open the picker of every other article at once; the list, the most similar
        first, follows from the thread pool."""
        from desktop.ui.article_picker import ArticlePicker

        title = self.controller.workspace.article(article_id).title
        picker = ArticlePicker(article_id, title, self)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.article_chosen.connect(partial(self.compare, article_id))
        picker.open()
        self.controller.list_candidates(article_id)
        return picker

    def _pickers(self, article_id: str) -> list[ArticlePicker]:
        from desktop.ui.article_picker import ArticlePicker

        pickers = self.findChildren(ArticlePicker)
        return [p for p in pickers if shiboken6.isValid(p) and p.article_id == article_id]

    def _show_candidates(self, article_id: str, candidates: tuple[Candidate, ...]) -> None:
        for picker in self._pickers(article_id):
            picker.show_candidates(candidates)

    def _candidates_failed(self, article_id: str, message: str) -> None:
        for picker in self._pickers(article_id):
            picker.show_problem(message)

    def _hint_link(self, target: str) -> None:
        article = self.reading_pane.article
        if target == "any" and article is not None:
            self.compare_with_any(article.id)
        elif target == "story" and article is not None:
            self.story(article.id)
        else:
            self.compare_with_closest()

    def story(self, article_id: str) -> StoryWindow:
        """Open the window of every version of the article's story."""
        from desktop.ui.story import open_story

        workspace = self.controller.workspace
        window = open_story(workspace.article(article_id), workspace, settings=self.settings)
        self._stories.append(window)
        window.destroyed.connect(self._forget_comparisons)
        return window

    def story_of_current(self) -> StoryWindow | None:
        article_id = self.sidebar.current_id()
        return None if article_id is None else self.story(article_id)

    def _forget_comparisons(self) -> None:
        self._comparisons = [w for w in self._comparisons if shiboken6.isValid(w)]
        self._stories = [w for w in self._stories if shiboken6.isValid(w)]

    def _focus_reader(self, article_id: str) -> None:
        self.show_article(article_id)
        self.reading_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, "Add articles", "", "Articles (*.txt *.md *.html *.htm);;All files (*)"
        )
        if paths:
            self.controller.add_paths([Path(path) for path in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add a folder of articles")
        if folder:
            self.controller.add_paths([Path(folder)])

    def paste(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():
            self.status_label.setText("The clipboard holds no text to add.")
            return
        first_line = text.strip().splitlines()[0][:120]
        title, accepted = QInputDialog.getText(
            self, "Paste as new article", "Title of the pasted article:", text=first_line
        )
        if accepted and title.strip():
            self.controller.add_text(title.strip(), text)

    def remove_current(self) -> None:
        article_id = self.sidebar.current_id()
        if article_id is None:
            return
        title = self.controller.workspace.article(article_id).title
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        question = f"Remove “{printable(title)}” from the library?\n\nYour file is not touched."
        box = QMessageBox(QMessageBox.Icon.Question, "Remove article", question, buttons, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a title is the article's, never markup
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.controller.remove(article_id)

    # drag and drop -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.controller.add_paths(paths)

    # background jobs -------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)

    def _job_started(self, label: str) -> None:
        self.status_label.setText(f"{label}…")
        self.progress.setRange(0, 0)
        self._set_busy(True)

    def _job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done:,} of {total:,}")
        if self._since_research.hasExpired(RESEARCH_WHILE_BUSY_MS):
            self.research()  # what is indexed so far is searchable: show it

    def research(self) -> None:
        """Run the current query again (the library changed, or more of it is indexed)."""
        self._since_research.restart()
        self._query = self.sidebar.search_box.text()
        self.controller.search(self._query, self.sidebar.sort_order, self._limit)

    def _job_finished(self, result: object) -> None:
        self._set_busy(self.controller.busy)
        if isinstance(result, ImportReport):
            self.status_label.setText(_import_summary(result))
            self.problems.report(result.skipped)
        elif isinstance(result, ImportOutcome):
            shown = printable(f"{result.path}: {result.status.value} {result.reason}")
            self.status_label.setText(shown)
            self.problems.report([result] if result.status == "skipped" else [])
        elif isinstance(result, RefreshReport):
            count = len(self.controller.workspace.articles())
            self.status_label.setText(f"{count:,} articles in the library")
            self.problems.report_library(self.controller.workspace.problems)
        for warning in self.controller.workspace.take_warnings():  # each said once only
            self.status_label.setText(warning)

    def _job_failed(self, message: str) -> None:
        self._set_busy(self.controller.busy)
        self.status_label.setText(message)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About Recension",
            "<h3>Recension</h3><p>Compare versions of news articles: what a republished copy "
            "changed, and whether it changes what the reader is told.</p>",
        )

    # state -----------------------------------------------------------------------------------
    def _restore_state(self, query: str | None) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            available = self.screen().availableGeometry()
            self.resize(
                min(1600, int(available.width() * 0.94)), min(1000, int(available.height() * 0.94))
            )
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([360, 920])
        if query is None:
            query = str(self.settings.value(self._session("query"), ""))
        self.sidebar.search_box.setText(query)

    def _session(self, key: str) -> str:
        """The settings key of ``key`` for this library: each library has its own last query."""
        return f"session-{self.controller.workspace.library.state_dir.name}/{key}"

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in self._comparisons:
            if shiboken6.isValid(window):
                window.close()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue(self._session("query"), self.sidebar.search_box.text())
        self.settings.sync()  # now: the process may end before Qt tears the object down
        super().closeEvent(event)


def _import_summary(report: ImportReport) -> str:
    parts = [f"{len(report.added)} added"]
    if report.duplicates:
        parts.append(f"{len(report.duplicates)} already in the library")
    if report.skipped:
        parts.append(f"{len(report.skipped)} could not be imported")
    return "Import finished: " + ", ".join(parts) + "."
