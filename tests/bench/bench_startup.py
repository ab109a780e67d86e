"""Cold start: the packaged app (or the source tree) from launch to a usable window.

``--smoke`` opens the window, waits for the library to be listed and indexed, searches,
reads and compares, then exits; its wall time bounds the time to a usable window from
above. The baseline is a bare Python process that only imports Qt's widgets module and
creates an application, measured in the same run.

``--version`` and ``--help`` (the installed ``recension`` script of the source tree)
answer before any article is read: their baseline is a bare interpreter (``python -c
pass``), measured in the same run.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "Recension" / "Recension"
RUNS = 5


def _median_seconds(command: list[str], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECENSION_DATA_DIR": home}
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure() -> dict[str, object]:
    app = [str(FROZEN)] if FROZEN.exists() else [sys.executable, "-m", "desktop"]
    bare = [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"]
    smoke = _median_seconds([*app, "--smoke"])
    baseline = _median_seconds(bare)
    interpreter = _median_seconds([sys.executable, "-c", "pass"], runs=3 * RUNS)
    script = Path(sys.executable).with_name("recension")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]
    version = _median_seconds([*cli, "--version"], runs=3 * RUNS)
    usage = _median_seconds([*cli, "--help"], runs=3 * RUNS)
    return {
        "app": "packaged" if FROZEN.exists() else "source tree",
        "smoke_first_run_median_s": round(smoke, 2),
        "baseline_bare_qt_start_median_s": round(baseline, 2),
        "ratio": round(smoke / baseline, 1),
        "version_median_s": round(version, 3),
        "help_median_s": round(usage, 3),
        "baseline_bare_python_median_s": round(interpreter, 3),
        "version_ratio": round(version / interpreter, 1),
        "help_ratio": round(usage / interpreter, 1),
    }
