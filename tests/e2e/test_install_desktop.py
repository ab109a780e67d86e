"""``recension install-desktop``: the menu entry runs this installation, by its full path."""

from __future__ import annotations

import configparser
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli.install_commands import desktop_entry

pytestmark = pytest.mark.slow


def _recension(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    command = [sys.executable, "-m", "desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_menu_entry_starts_the_installed_launcher(tmp_path: Path) -> None:
    result = _recension("install-desktop", data_home=tmp_path)
    assert result.returncode == 0, result.stderr
    entry = _entry(tmp_path / "applications" / "recension.desktop")
    command = shlex.split(entry["Exec"])
    assert Path(command[0]).is_absolute()
    assert os.access(command[0], os.X_OK)
    assert entry["TryExec"] == command[0]
    assert Path(entry["Icon"]).read_text(encoding="utf-8").lstrip().startswith("<")
    assert entry["Name"] == "Recension"
    assert entry["Type"] == "Application"
    started = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=60)
    assert started.stdout.startswith("recension 0."), started.stderr

    removed = _recension("install-desktop", "--remove", data_home=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert not (tmp_path / "applications" / "recension.desktop").exists()
    assert not Path(entry["Icon"]).exists()


def test_a_launcher_path_with_spaces_is_quoted_as_the_specification_asks(tmp_path: Path) -> None:
    text = desktop_entry(["/opt/My Apps/recension-gui"], tmp_path / "recension.svg")
    assert 'Exec="/opt/My Apps/recension-gui"\n' in text
    assert "TryExec=/opt/My Apps/recension-gui\n" in text
