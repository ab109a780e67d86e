"""Cold start: the packaged app (or the source tree) from launch to a usable window.

``--smoke`` opens the window, waits for the library to be listed, then indexed, searches,
reads and compares, writes a PDF report and extracts an HTML page, then exits; its wall time
bounds the time to a usable window from above. The smoke's line also says how much CPU
time the process had spent when the window listed the library, and how long the rest took:
the listing's wall time is the whole run's less that rest (an upper bound: the exit counts
in). It ends with the CPU time of each step, tabulated here (medians), the exit being the
whole run's CPU less the steps'. The baseline is a bare Python process that only imports
Qt's widgets module and creates an application, measured in the same run.

A restart (the smoke run again on the library a first smoke left) lists what the last
run saved: its listing is measured the same way.

``--version`` and ``--help`` (the installed ``recension`` script of the source tree, and
the packaged app's ``--version`` when it is built) answer before any article is read:
their baseline is a bare interpreter (``python -c pass``), measured in the same run. Each
figure is given as wall time and as CPU time. The packaged folder's size and file count
are given too.
The source tree is run with its bytecode cached, as an installed or packaged app is
(``PYTHONDONTWRITEBYTECODE`` would compile every module at every start).
"""

from __future__ import annotations

import os
import re
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
LISTED = re.compile(r"listed \((?P<cpu>[\d.]+)s CPU from launch\).*\((?P<rest>[\d.]+)s after")
STEPS = re.compile(r"CPU by step: (?P<steps>.*) s$")


def _runs(
    command: list[str], runs: int = RUNS, *, restart: bool = False
) -> list[tuple[float, float, str]]:
    """Wall time, CPU time (user + system) and output of each of ``runs`` runs of ``command``,
    each with a data folder of its own (``restart``: left by one unmeasured run before it).

    On a shared machine the wall time waits for a core; the CPU time is the work itself.
    """
    measured = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "RECENSION_DATA_DIR": home}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            if restart:
                subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(
                command, check=True, capture_output=True, text=True, env=env, cwd=ROOT
            )
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            measured.append((wall, cpu, done.stdout))
    return measured


def _medians(command: list[str], runs: int = RUNS) -> tuple[float, float]:
    """Median wall time and median CPU time of ``command``, in seconds."""
    measured = _runs(command, runs)
    return (
        statistics.median(wall for wall, _, _ in measured),
        statistics.median(cpu for _, cpu, _ in measured),
    )


def _smoke(
    app: list[str], *, restart: bool = False
) -> tuple[tuple[float, float], tuple[float, float], dict[str, float]]:
    """Median wall and CPU times of the whole smoke and of its start until the listing, and
    the median CPU time of each step."""
    measured = _runs([*app, "--smoke"], restart=restart)
    listed = []
    steps: dict[str, list[float]] = {}
    for wall, cpu, output in measured:
        found, spent = LISTED.search(output), STEPS.search(output.strip())
        assert found, f"the smoke's line says nothing of its listing: {output!r}"
        assert spent, f"the smoke's line says nothing of its steps: {output!r}"
        listed.append((wall - float(found["rest"]), float(found["cpu"])))
        pairs = (step.rsplit(" ", 1) for step in spent["steps"].split(", "))
        run = {name: float(seconds) for name, seconds in pairs}
        for name, seconds in {**run, "exit": cpu - sum(run.values())}.items():
            steps.setdefault(name, []).append(seconds)
    return (
        (statistics.median(m[0] for m in measured), statistics.median(m[1] for m in measured)),
        (statistics.median(w for w, _ in listed), statistics.median(c for _, c in listed)),
        {name: round(statistics.median(spent), 3) for name, spent in steps.items()},
    )


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
    smoke, listed, steps = _smoke(app)
    _, listed_again, steps_again = _smoke(app, restart=True)
    packaged = {}
    if FROZEN.exists():
        files = [p for p in FROZEN.parent.rglob("*") if p.is_file() and not p.is_symlink()]
        packaged = {
            "package_mb": round(sum(path.stat().st_size for path in files) / 1e6, 1),
            "package_files": len(files),
            **_pair("packaged_version", _medians([str(FROZEN), "--version"]), interpreter),
        }
    return {
        "app": "packaged" if FROZEN.exists() else "source tree",
        "baseline_bare_qt_start_median_s": round(qt[0], 3),
        "baseline_bare_qt_start_cpu_median_s": round(qt[1], 3),
        **_pair("smoke_listed_first_run", listed, qt),
        **_pair("smoke_first_run", smoke, qt),
        "smoke_first_run_cpu_by_step_median_s": steps,
        **_pair("smoke_listed_restart", listed_again, qt),
        "smoke_restart_cpu_by_step_median_s": steps_again,
        "baseline_bare_python_median_s": round(interpreter[0], 3),
        "baseline_bare_python_cpu_median_s": round(interpreter[1], 3),
        **_pair("version", _medians([*cli, "--version"], runs=3 * RUNS), interpreter),
        **_pair("help", _medians([*cli, "--help"], runs=3 * RUNS), interpreter),
        **packaged,
    }
