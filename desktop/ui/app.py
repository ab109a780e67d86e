"""Assembly: the QApplication, its settings and icon, the core services and the window."""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.core.storage.library import Library, data_dir
from desktop.core.workspace import Workspace
from desktop.resources import resource
from desktop.ui.controller import WorkspaceController
from desktop.ui.main_window import MainWindow

_M_ARENA_MAX = -8  # glibc's mallopt parameter for the number of arenas


def _limit_malloc_arenas() -> None:
    """One malloc arena for every thread, not eight per core (glibc only).

    Each worker thread otherwise gets an arena of its own whose freed memory is rarely
    returned, and Python's threads take turns anyway (one holds the interpreter at a
    time), so they gain nothing from arenas of their own. Measured at 10,000 articles
    (bench_scale's app phase, three runs each): the app's RSS 284 MB in every run with
    one arena, 278-298 MB with two, where the refresh's leftovers landed deciding which.
    """
    if sys.platform.startswith("linux") and "MALLOC_ARENA_MAX" not in os.environ:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, 1)


SWITCH_INTERVAL = 0.001  # seconds


def application() -> QApplication:
    """The QApplication (created once, or the one running), named and with its icon."""
    _limit_malloc_arenas()
    # Background work is Python too: hand the interpreter back to the GUI thread every
    # millisecond (not 5), or each call a repaint makes waits its turn behind a worker.
    sys.setswitchinterval(SWITCH_INTERVAL)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Recension")
    app.setOrganizationName("Recension")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("recension")
    app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(resource("icons/recension.svg"))))
    return app


def settings() -> QSettings:
    """Window state, kept beside the library data (an ini file, same on every platform)."""
    path = data_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def build_window(library: Library) -> MainWindow:
    """The main window over ``library``: it lists the library at once, and indexing catches
    up in the background after that."""
    application()
    controller = WorkspaceController(Workspace.for_library(library))
    window = MainWindow(controller, settings())
    controller.setParent(window)
    window.research()  # the library listed first, from its articles: no index work
    controller.refresh_once_listed()
    return window


def run_app(library: Library) -> int:
    app = application()
    window = build_window(library)
    window.show()
    return app.exec()
