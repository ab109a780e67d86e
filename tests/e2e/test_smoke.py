"""The app as a process: started from the command line, as a user or a script would."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow


def _recension(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


def test_smoke_starts_the_window_and_reports_one_line() -> None:
    result = _recension("--smoke")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("smoke ok: 5 articles")
    assert len(result.stdout.splitlines()) == 1


def test_a_bad_id_is_one_line_and_exit_2_without_traceback(seed_folder) -> None:
    result = _recension("--library", str(seed_folder / "nowhere"), "list")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
