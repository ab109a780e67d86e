"""Cold start: the packaged app (or the source tree) from launch to a usable window.

``--smoke`` opens the window, waits for the library to be listed and indexed, searches,
reads and compares, then exits; its wall time bounds the time to a usable window from
above. The baseline is a bare Python process that only imports Qt's widgets module and
creates an application, measured in the same run.

``--version`` and ``--help`` (the installed ``recension`` script of the source tree)
answer before any article is read: their baseline is a bare interpreter (``python -c
pass``), measured in the same run. Each figure is given as wall time and as CPU time.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "Recension" / "Recension"
RUNS = 5


def _medians(command: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command``, in seconds.

    On a shared machine the wall time waits for a core; the CPU time is the work itself.
    """
    walls, cpus = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECENSION_DATA_DIR": home}
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _pair(name: str, measured: tuple[float, float], base: tuple[float, float]) -> dict[str, float]:
    (wall, cpu), (base_wall, base_cpu) = measured, base
    return {
        f"{name}_median_s": round(wall, 3),
        f"{name}_cpu_median_s": round(cpu, 3),
        f"{name}_ratio": round(wall / base_wall, 1),
        f"{name}_cpu_ratio": round(cpu / base_cpu, 1),
    }


def measure() -> dict[str, object]:
    app = [str(FROZEN)] if FROZEN.exists() else [sys.executable, "-m", "desktop"]
    bare = [sys.executable, "-c", "from PySide6.QtWidgets import QApplication; QApplication([])"]
    qt = _medians(bare)
    interpreter = _medians([sys.executable, "-c", "pass"], runs=3 * RUNS)
    script = Path(sys.executable).with_name("recension")
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "desktop"]
    return {
        "app": "packaged" if FROZEN.exists() else "source tree",
        "baseline_bare_qt_start_median_s": round(qt[0], 3),
        "baseline_bare_qt_start_cpu_median_s": round(qt[1], 3),
        **_pair("smoke_first_run", _medians([*app, "--smoke"]), qt),
        "baseline_bare_python_median_s": round(interpreter[0], 3),
        "baseline_bare_python_cpu_median_s": round(interpreter[1], 3),
        **_pair("version", _medians([*cli, "--version"], runs=3 * RUNS), interpreter),
        **_pair("help", _medians([*cli, "--help"], runs=3 * RUNS), interpreter),
    }
