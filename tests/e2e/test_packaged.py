"""The packaged app (``pyinstaller build.spec``, where it has been built) answers ``--version``
without loading Qt: a runtime hook that imports QtCore at every start (PyInstaller's own
PySide6 hook) costs a command or a story's own process Qt's libraries and ICU's data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the dynamic loader's log is glibc's"),
]

FROZEN = Path(__file__).resolve().parents[2] / "dist" / "Recension" / "Recension"


@pytest.mark.skipif(not FROZEN.exists(), reason="the app is not built (pyinstaller build.spec)")
def test_the_packaged_version_loads_no_qt_library() -> None:
    env = {**os.environ, "LD_DEBUG": "files"}  # each library the loader opens, on stderr
    done = subprocess.run([str(FROZEN), "--version"], capture_output=True, text=True, env=env)
    assert done.returncode == 0
    assert done.stdout.startswith("recension ")
    loaded = [line for line in done.stderr.splitlines() if "file=" in line]
    assert loaded  # the log is there to read
    assert not [line for line in loaded if "libQt6" in line or "libicu" in line]
