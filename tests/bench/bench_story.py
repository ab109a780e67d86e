"""A story of many versions: how long it takes to lay out, and whether the window stays
responsive while its pairs are compared. Each figure is the median of ``REPEATS`` runs,
each run beside its own baseline.

- 20 versions of 6 KB (``tests/story_maker.planted_many``): the whole story computed
  from no pair compared (a fresh workspace each run: the original with every version,
  the versions with their nearest), wall and CPU time, beside the baseline of one pair
  compared in the same run. The first run also pays what the process loads once (the
  language tables the comparison reads): shown apart. Then laid out again from the pairs
  kept (lineage, collation, timeline and summary: what the window redraws). The share of
  planted parents recovered is the lineage's quality on those copies.
- 100 versions: the story window opened on them while its pairs are compared in a
  process of its own; a 10 ms timer on the GUI thread records how late each tick arrives
  (the longest gap is the worst stall) from the first story shown to the whole story
  (the window opening and the child process starting, until the first story, are
  reported apart), for at most ``BENCH_STORY_SECONDS``; then, as its
  baseline, the same timer for ``IDLE`` seconds with the window open and idle (what the
  shared machine alone costs at that moment).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

SMALL = int(os.environ.get("BENCH_STORY_SMALL", "20"))
LARGE = int(os.environ.get("BENCH_STORY_LARGE", "100"))
SECONDS = float(os.environ.get("BENCH_STORY_SECONDS", "60"))
REPEATS = int(os.environ.get("BENCH_STORY_REPEATS", "3"))
IDLE = 8.0  # seconds of each baseline: the window open, nothing being computed


def _median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def _layout(folder: Path) -> dict[str, object]:
    from desktop.core.storage.library import Library
    from desktop.core.story.summary import summary
    from desktop.core.story.timeline import timeline
    from desktop.core.workspace import Workspace
    from tests.story_maker import planted_many

    planted = {version.name: version.parent for version in planted_many(SMALL)}
    runs: list[dict[str, float]] = []
    for _ in range(REPEATS):
        workspace = Workspace.for_library(Library.open(folder))
        workspace.families()  # the library grouped first: not the story's cost
        a, b = workspace.article("v00"), workspace.article("v01")
        started = time.perf_counter()
        workspace.compare(a, b)
        one_pair = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        story = workspace.story("v00")
        cold, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
        started = time.perf_counter()
        again = workspace.story("v00")
        timeline(again), summary(again)
        laid_out = time.perf_counter() - started
        runs.append({"pair": one_pair, "cold": cold, "cpu": cold_cpu, "again": laid_out})
    recovered = sum(1 for v in story.versions if v.derived_from == planted[v.id])
    later = runs[1:] or runs
    one_pair = _median([run["pair"] for run in later])
    cold = _median([run["cold"] for run in later], 2)
    laid_out = _median([run["again"] for run in later])
    return {
        "versions": len(story.versions),
        "pairs": story.total,
        "baseline_one_pair_compared_s": one_pair,
        "story_from_no_pair_s": cold,
        "story_from_no_pair_cpu_s": _median([run["cpu"] for run in later], 2),
        "story_from_no_pair_in_pairs": round(cold / one_pair, 1),
        "first_in_process_s": round(runs[0]["cold"], 2),
        "first_in_process_cpu_s": round(runs[0]["cpu"], 2),
        "story_laid_out_from_kept_pairs_s": laid_out,
        "story_laid_out_in_pairs": round(laid_out / one_pair, 1),
        "planted_parents_recovered": f"{recovered} of {len(story.versions)}",
        "runs": REPEATS,
    }


def _stall_run(folder: Path) -> dict[str, float]:
    """One window over the story while its pairs are compared, then idle."""
    from gui_ticks import TickGaps
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer

    from desktop.core.storage.library import Library
    from desktop.core.workspace import Workspace
    from desktop.ui.app import application
    from desktop.ui.story import StoryWindow

    app = application()
    workspace = Workspace.for_library(Library.open(folder))
    workspace.families()
    ticks = TickGaps()
    window = StoryWindow(workspace.article("v00"), workspace)
    window.show()
    shown = [0]
    first = [0]  # the ticks before the first story: the window opening, the child starting

    def counted() -> None:
        shown[0] += 1
        first[0] = first[0] or len(ticks.gaps)

    window.story_shown.connect(counted)
    loop = QEventLoop()
    window.story_shown.connect(lambda: None if window.is_busy() else loop.quit())
    QTimer.singleShot(int(SECONDS * 1000), loop.quit)
    started = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - started
    opening = max(ticks.gaps[: first[0]], default=0.0)
    busy = sorted(ticks.gaps[first[0] :])  # the first story's redraw on, the longest of all
    ticks.gaps.clear()  # the baseline: the same window and timer, nothing computed beside them
    idle = QEventLoop()
    QTimer.singleShot(int(IDLE * 1000), idle.quit)
    idle.exec()
    ticks.stop()
    story = window.story
    window.close()
    QThreadPool.globalInstance().waitForDone(60_000)
    app.processEvents()
    baseline = sorted(ticks.gaps)
    return {
        "done": 0 if story is None else story.done,
        "total": 0 if story is None else story.total,
        "seconds": elapsed,
        "redrawn": shown[0],
        "p99": busy[int(len(busy) * 0.99)],
        "max": busy[-1],
        "opening_max": opening,
        "idle_p99": baseline[int(len(baseline) * 0.99)],
        "idle_max": baseline[-1],
    }


def _stall(folder: Path) -> dict[str, object]:
    runs = [_stall_run(folder) for _ in range(REPEATS)]

    def median(key: str) -> float:
        return _median([run[key] for run in runs], 1)

    last = runs[-1]
    return {
        "versions": LARGE,
        "pairs_compared": f"{last['done']:.0f} of {last['total']:.0f}",
        "seconds_computing": median("seconds"),
        "window_redrawn": median("redrawn"),
        "gui_tick_gap_p99_ms": median("p99"),
        "gui_tick_gap_max_ms": median("max"),
        "gui_tick_gap_max_ms_each_run": [run["max"] for run in runs],
        "opening_tick_gap_max_ms": median("opening_max"),
        "opening_tick_gap_max_ms_each_run": [run["opening_max"] for run in runs],
        "baseline_idle_window_tick_gap_p99_ms": median("idle_p99"),
        "baseline_idle_window_tick_gap_max_ms": median("idle_max"),
        "baseline_idle_max_ms_each_run": [run["idle_max"] for run in runs],
        "runs": REPEATS,
    }


def measure() -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from tests.story_maker import planted_many, write

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        os.environ["RECENSION_DATA_DIR"] = str(root / "data")
        small = write(root / "small", planted_many(SMALL))
        large = write(root / "large", planted_many(LARGE))
        figures = {f"{SMALL}_versions_{k}": v for k, v in _layout(small).items()}
        figures |= {f"{LARGE}_versions_{k}": v for k, v in _stall(large).items()}
        figures["load_average_1_min"] = round(os.getloadavg()[0], 1)
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print(measure())
