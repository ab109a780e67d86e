"""Started where there is no display: one line saying what is missing and what to do, exit 2.

Qt itself would abort (exit 134) with several lines of log; the commands that need no window
still work.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

_DISPLAY_VARIABLES = (
    "DISPLAY",
    "WAYLAND_DISPLAY",
    "QT_QPA_PLATFORM",
    "QT_QPA_PLATFORM_PLUGIN_PATH",
)


def _recension(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """``recension ARGS`` as a shell over SSH would run it: no display variable unless given."""
    clean = {name: value for name, value in os.environ.items() if name not in _DISPLAY_VARIABLES}
    command = [sys.executable, "-m", "desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env={**clean, **env})


def _one_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("args", [(), ("compare", "000", "001")])
def test_the_window_without_a_display_says_so_in_one_line(args: tuple[str, ...]) -> None:
    line = _one_line(_recension(*args))
    assert line.startswith("recension: no display to open the window on")
    assert "ssh -X" in line
    assert "list, search, diff" in line


def test_a_display_that_does_not_answer_is_named() -> None:
    """A stale DISPLAY (an SSH session long gone): the display is named, no Qt abort."""
    line = _one_line(_recension(DISPLAY=":97"))
    assert "the X display ':97' (DISPLAY) does not answer" in line


def test_an_unknown_platform_lists_the_ones_qt_has() -> None:
    line = _one_line(_recension("compare", "000", "001", QT_QPA_PLATFORM="nosuch"))
    assert "Qt has no platform 'nosuch' (QT_QPA_PLATFORM)" in line
    assert "offscreen" in line
    assert "xcb" in line


def test_the_other_commands_need_no_display() -> None:
    for args in (("list",), ("search", "Kerry"), ("diff", "000", "001"), ("related", "000")):
        result = _recension(*args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stdout


def test_the_smoke_runs_offscreen_without_a_display() -> None:
    result = _recension("--smoke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke ok:")
