"""UI fixtures: real windows over real libraries; a test that leaves work behind fails."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.ui.app import build_window
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

    def opener(library: Library | None = None) -> MainWindow:
        main = build_window(library or Library.open())
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
