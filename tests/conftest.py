"""Shared fixtures: every test runs offscreen with its own empty data directory."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user data directory, so no test sees the user's library or another test's."""
    home = tmp_path / "recension-data"
    monkeypatch.setenv("RECENSION_DATA_DIR", str(home))
    return home


@pytest.fixture
def seed_folder(tmp_path: Path) -> Path:
    """A writable copy of the sample articles, for tests that open ``--library DIR``."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    """What a failed command printed on stderr: exactly one line, never a traceback."""
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    return err
