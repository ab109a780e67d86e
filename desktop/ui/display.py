"""Whether Qt can open a window here, found out before a QApplication exists.

Qt aborts the process (exit 134, several lines of log) when its platform plugin cannot
start: no display, a display that does not answer, a system library the plugin needs that
is not installed. ``require_display(platform)`` checks those in this process without
starting Qt, in a few milliseconds, and raises a ``RecensionError`` whose one line says
what is missing and how to fix it:

- Qt itself cannot load (``import PySide6.QtCore`` fails: ``libglib-2.0.so.0`` missing);
- the platforms Qt would try (``QT_QPA_PLATFORM``, else Wayland and/or X11 from
  ``WAYLAND_DISPLAY`` and ``DISPLAY``) are none, or none of them can start: the plugin
  is not there, or loading it (``dlopen``, as Qt would) names a missing library, or, for
  X11, the X server of ``DISPLAY`` does not accept a connection.

Only Linux and the other X11/Wayland systems are checked; Windows and macOS always have
their platform. ``SYSTEM_PACKAGES`` is the Debian/Ubuntu packages Qt needs, as the README
and ``.ci/run`` install them.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from desktop.core.errors import RecensionError

SYSTEM_PACKAGES = (
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xinerama0",
)
_INSTALL = f"sudo apt install {' '.join(SYSTEM_PACKAGES)} (Debian, Ubuntu)"
_NO_DISPLAY = (
    "no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset): run it in a "
    "desktop session or over `ssh -X`; the other commands (list, search, diff…) need none"
)


def require_display(platform: str | None = None) -> None:
    """Raise ``RecensionError`` unless Qt can start ``platform`` (default: what Qt picks)."""
    problem = display_problem(platform)
    if problem:
        raise RecensionError(problem)


def display_problem(platform: str | None = None) -> str | None:
    """Why Qt could not open a window here, in one line, or None when it can."""
    try:
        from PySide6.QtCore import QCoreApplication, QLibraryInfo
    except ImportError as error:
        return f"the window cannot start: Qt does not load ({error}); install {_INSTALL}"
    if QCoreApplication.instance() is not None or not _uses_x11_or_wayland():
        return None
    candidates = _platforms(platform)
    if not candidates:
        return _NO_DISPLAY
    folders = [
        *(Path(folder) for folder in os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(":")),
        *(Path(folder) / "platforms" for folder in QCoreApplication.libraryPaths()),
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms",
    ]
    folders = list(dict.fromkeys(folder for folder in folders if str(folder) != "."))
    problems = [_platform_problem(name, folders) for name in candidates]
    return None if None in problems else problems[0]


def _uses_x11_or_wayland() -> bool:
    return not (sys.platform.startswith("win") or sys.platform == "darwin")


def _platforms(platform: str | None) -> list[str]:
    """The platform plugins Qt will try, in its order (``QT_QPA_PLATFORM`` may list several)."""
    wanted = platform or os.environ.get("QT_QPA_PLATFORM", "")
    if wanted.strip():
        return [entry.split(":")[0].strip() for entry in wanted.split(";") if entry.strip()]
    names = []
    if os.environ.get("WAYLAND_DISPLAY"):
        names.append("wayland")
    if os.environ.get("DISPLAY"):
        names.append("xcb")
    return names


def _platform_problem(name: str, folders: list[Path]) -> str | None:
    if (name == "xcb" and not os.environ.get("DISPLAY")) or (
        name.startswith("wayland") and not os.environ.get("WAYLAND_DISPLAY")
    ):
        return _NO_DISPLAY
    plugins = [folder / f"libq{name}.so" for folder in folders]
    found = [plugin for plugin in plugins if plugin.is_file()]
    if not found:
        if not any(folder.is_dir() for folder in folders):
            return None  # Qt's plugins are somewhere this check does not know: let Qt try
        known = sorted(
            {
                plugin.stem.removeprefix("libq")
                for folder in folders
                if folder.is_dir()
                for plugin in folder.glob("libq*.so")
            }
        )
        return f"Qt has no platform '{name}' (QT_QPA_PLATFORM); it has {', '.join(known)}"
    try:
        ctypes.CDLL(str(found[0]))
    except OSError as error:
        missing = str(error).split(":")[0] if "cannot open shared object" in str(error) else error
        return f"the window cannot start: Qt's {name} plugin needs {missing}; install {_INSTALL}"
    return _x11_problem() if name == "xcb" else None


def _x11_problem() -> str | None:
    """None when the X server of ``DISPLAY`` accepts a connection, else what to do."""
    display = os.environ.get("DISPLAY", "")
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return None  # the plugin loaded, so libxcb is there under a name we do not know
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        failed = xcb.xcb_connection_has_error(connection)
    finally:
        xcb.xcb_disconnect(connection)
    if not failed:
        return None
    return (
        f"cannot open the window: the X display {display!r} (DISPLAY) does not answer or "
        "refuses the connection; run it in a desktop session or over `ssh -X`"
    )
