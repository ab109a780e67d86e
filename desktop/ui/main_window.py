"""The main window: the sidebar beside the reading pane."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

from desktop.core.article import Article
from desktop.core.library import Library
from desktop.ui.reader import ReadingPane
from desktop.ui.sidebar import Sidebar


class MainWindow(QMainWindow):
    def __init__(self, library: Library, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle("Recension")
        self.library = library
        self.settings = settings
        self.sidebar = Sidebar(self)
        self.reading_pane = ReadingPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.reading_pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 900])
        self.setCentralWidget(self.splitter)
        self.sidebar.article_selected.connect(self.show_article)
        self._build_menus()
        self._restore_state()
        self.sidebar.set_articles(library.articles())
        self.statusBar().showMessage(f"{len(library.articles())} articles in the library")

    def show_article(self, article: Article) -> None:
        self.reading_pane.show_article(article)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, self.close)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)
