"""Assembly: the QApplication, its settings and icon, the core services and the window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import __version__
from desktop.core.storage.library import Library, data_dir
from desktop.core.workspace import Workspace
from desktop.resources import resource
from desktop.ui.allocator import one_arena
from desktop.ui.controller import WorkspaceController
from desktop.ui.main_window import MainWindow

SWITCH_INTERVAL = 0.001  # seconds


def application() -> QApplication:
    """The QApplication (created once, or the one running), named and with its icon."""
    one_arena()
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


def build_window(library: Library, *, query: str | None = None) -> MainWindow:
    """The main window over ``library``: it lists the library at once (or what ``query``
    finds; None: the query its last session left), and indexing catches up in the
    background after that."""
    application()
    controller = WorkspaceController(Workspace.for_library(library))
    window = MainWindow(controller, settings(), query=query)
    controller.setParent(window)
    window.research()  # the library listed first, from its articles: no index work
    controller.refresh_once_listed()
    return window


def run_app(library: Library) -> int:
    app = application()
    window = build_window(library)
    window.show()
    return app.exec()
