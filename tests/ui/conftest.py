"""UI fixtures: real windows over real libraries; a test that leaves work behind fails.

``open_pair`` opens comparison windows; ``answer_dialog`` answers the next file dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.workspace import Workspace
from desktop.ui.app import build_window
from desktop.ui.compare import CompareWindow
from desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def no_leftovers(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves thread-pool work running or top-level windows open."""
    yield
    pool = QThreadPool.globalInstance()
    assert pool.waitForDone(10_000), "background work still running after the test"
    QApplication.processEvents()
    open_windows = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not open_windows, f"windows left open: {open_windows}"


def settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Wait until background jobs are done and the latest search has been shown."""
    qtbot.waitUntil(lambda: not window.sidebar.typing, timeout=5_000)
    qtbot.waitUntil(lambda: not window.controller.busy, timeout=20_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    QThreadPool.globalInstance().waitForDone(10_000)
    QApplication.processEvents()


@pytest.fixture
def open_window(qtbot) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    """Open main windows over a library (default: the sample articles), settled."""
    windows: list[MainWindow] = []

    def opener(library: Library | None = None, *, query: str | None = None) -> MainWindow:
        main = build_window(library or Library.open(), query=query)
        qtbot.addWidget(main)
        main.show()
        qtbot.waitExposed(main)
        settle(qtbot, main)
        windows.append(main)
        return main

    yield opener
    for main in windows:
        main.close()


@pytest.fixture
def window(open_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return open_window()


Opener = Callable[..., CompareWindow]


@pytest.fixture
def open_pair(qtbot) -> Iterator[Opener]:  # type: ignore[no-untyped-def]
    """Open a comparison of two library ids (or two articles) and wait until it is shown."""
    library = Library.open()
    workspace = Workspace.for_library(library)
    windows: list[CompareWindow] = []

    def opener(a: str | Article, b: str | Article) -> CompareWindow:
        left = library.get(a) if isinstance(a, str) else a
        right = library.get(b) if isinstance(b, str) else b
        window = CompareWindow(left, right, workspace)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: window.comparison is not None, timeout=10_000)
        windows.append(window)
        return window

    yield opener
    for window in windows:
        window.close()


def answer_dialog(name: str, name_filter: str | None = None) -> list[str]:
    """Soon, type ``name`` into the open file dialog and press Save; then note any message."""
    messages: list[str] = []

    def type_and_save() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        if name_filter:
            dialog.selectNameFilter(name_filter)
            dialog.filterSelected.emit(name_filter)
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        name_box.setText(name)
        QTest.keyClick(name_box, Qt.Key.Key_Return)
        QTimer.singleShot(50, close_message)

    def close_message() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            messages.append(box.text())
            box.close()

    QTimer.singleShot(50, type_and_save)
    return messages
