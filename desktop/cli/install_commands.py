"""``recension install-desktop``: Recension in the desktop's application menu (Linux).

Writes ``recension.desktop`` (from ``resources/recension.desktop``) into
``$XDG_DATA_HOME/applications`` and the icon into the hicolor theme beside it, so the menu
entry needs nothing on ``PATH``: its ``Exec`` is the launcher this command was started
from, by its full path (the packaged app itself, the installation's ``recension-gui``, or
this Python running ``-m desktop``). ``--remove`` takes both away again.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from desktop.core.errors import RecensionError
from desktop.resources import resource

_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "install-desktop", help="add Recension to the desktop's application menu (Linux)"
    )
    parser.add_argument("--remove", action="store_true", help="take the menu entry away again")
    parser.set_defaults(run=run_install_desktop)


def run_install_desktop(args: argparse.Namespace, library: object) -> int:
    if sys.platform in ("win32", "darwin"):
        raise RecensionError("install-desktop is for Linux desktops (freedesktop menus)")
    import shutil

    from desktop.core.storage.atomic import write_atomically

    entry, icon = _entry_path(), _icon_path()
    if args.remove:
        for path in (entry, icon):
            path.unlink(missing_ok=True)
        print(f"removed {entry} and its icon")
        return 0
    command = launcher()
    icon.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(resource("icons/recension.svg"), icon)
    entry.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(entry, desktop_entry(command, icon).encode("utf-8"))
    print(f"installed {entry}: the menu entry runs {' '.join(command)}")
    return 0


def launcher() -> list[str]:
    """The command that opens the window, by full paths: what the menu entry runs."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    gui = Path(sys.executable).parent / "recension-gui"
    if gui.is_file() and os.access(gui, os.X_OK):
        return [str(gui.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "desktop"]


def desktop_entry(command: list[str], icon: Path) -> str:
    """The bundled entry with ``Exec``, ``TryExec`` and ``Icon`` set to these paths."""
    values = {"Exec": " ".join(map(_quoted, command)), "TryExec": command[0], "Icon": str(icon)}
    lines = []
    for line in resource("recension.desktop").read_text(encoding="utf-8").splitlines():
        key = line.partition("=")[0]
        if key not in values:
            lines.append(line)
        if key == "Exec":
            lines += [f"{name}={value}" for name, value in values.items()]
    return "\n".join(lines) + "\n"


def _quoted(argument: str) -> str:
    """One argument of ``Exec``, quoted as the Desktop Entry Specification asks."""
    argument = argument.replace("%", "%%")  # % starts a field code
    if not _RESERVED & set(argument):
        return argument
    escaped = "".join(f"\\{c}" if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the value itself is a string: \ doubles


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def _entry_path() -> Path:
    return _data_home() / "applications" / "recension.desktop"


def _icon_path() -> Path:
    return _data_home() / "icons" / "hicolor" / "scalable" / "apps" / "recension.svg"
