"""Two app instances on one data folder at once (DESIGN, "Bad input and faults")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("existing_index", [False, True])
def test_two_smoke_runs_at_once_both_succeed_and_leave_a_readable_index(
    existing_index: bool,
) -> None:
    """Both windows start, search and compare; the index then still answers."""
    if existing_index:
        Workspace.for_library(Library.open()).refresh()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop", "--smoke"]
    runs = [
        subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert out.startswith("smoke ok: 5 articles"), out
        assert "Traceback" not in err
    workspace = Workspace.for_library(Library.open())
    assert workspace.take_warnings() == ()
    assert workspace.search("Kerry")[0].total == 5
    assert Path(os.environ["RECENSION_DATA_DIR"], "default", "index").is_dir()
