"""``--version`` and ``--help`` answer at once: they load no library, index or extractor,
nor what only running a command needs (``dataclasses`` for its values, which loads ``inspect``
and ``ast``; ``tempfile`` for its writes)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = (
    "trafilatura",
    "numpy",
    "whoosh",
    "PySide6",
    "desktop.core.storage.library",
    "dataclasses",
    "tempfile",
    "json",
)
PROBE = """
import sys
from desktop.cli import main
try:
    main([{flag!r}])
except SystemExit:
    pass
print(",".join(name for name in {heavy!r} if name in sys.modules))
"""


@pytest.mark.parametrize("flag", ["--version", "--help"])
def test_version_and_help_load_nothing_heavy(flag: str) -> None:
    code = PROBE.format(flag=flag, heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *printed, loaded = done.stdout.splitlines()
    assert "recension" in "\n".join(printed)
    assert loaded == ""
