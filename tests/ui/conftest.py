"""UI fixtures: real windows over real libraries; a test that leaves work behind fails."""

from __future__ import annotations

from collections.abc import Iterator

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
    open_windows = [w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not open_windows, f"windows left open: {open_windows}"


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = build_window(Library.open())
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
