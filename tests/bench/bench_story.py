"""A story of many versions: how long it takes to lay out, and whether the window stays
responsive while its pairs are compared.

- 20 versions of 6 KB (``tests/story_maker.planted_many``): the whole story computed
  cold (the original with every version, each version with its nearest), then laid out
  again from the pairs kept (lineage, collation, timeline and summary: what the window
  redraws), beside the baseline of one
  pair compared, in the same run. The share of planted parents recovered is the
  lineage's quality on those copies.
- 100 versions: the story window opened on them while its pairs are compared in
  a process of its own; a 10 ms timer on the GUI thread records how late each tick arrives
  (the longest gap is the worst stall), for at most ``BENCH_STORY_SECONDS``; the
  baseline is the same timer for ``IDLE`` seconds after, the window open and idle (what
  a shared machine alone costs).
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
IDLE = 10.0  # seconds of the baseline: the window open, nothing being computed


def _layout(folder: Path) -> dict[str, object]:
    from desktop.core.storage.library import Library
    from desktop.core.story.summary import summary
    from desktop.core.story.timeline import timeline
    from desktop.core.workspace import Workspace
    from tests.story_maker import planted_many

    planted = {version.name: version.parent for version in planted_many(SMALL)}
    workspace = Workspace.for_library(Library.open(folder))
    workspace.families()  # the library grouped first: not the story's cost
    a, b = workspace.article("v00"), workspace.article("v01")
    started = time.perf_counter()
    workspace.compare(a, b)
    one_pair = time.perf_counter() - started
    started = time.perf_counter()
    story = workspace.story("v00")
    cold = time.perf_counter() - started
    started = time.perf_counter()
    again = workspace.story("v00")
    timeline(again), summary(again)
    laid_out = time.perf_counter() - started
    recovered = sum(1 for v in story.versions if v.derived_from == planted[v.id])
    return {
        "versions": len(story.versions),
        "pairs": story.total,
        "baseline_one_pair_compared_s": round(one_pair, 3),
        "story_cold_every_pair_s": round(cold, 2),
        "story_cold_in_pairs": round(cold / one_pair, 1),
        "story_laid_out_from_kept_pairs_s": round(laid_out, 3),
        "story_laid_out_in_pairs": round(laid_out / one_pair, 1),
        "planted_parents_recovered": f"{recovered} of {len(story.versions)}",
    }


def _stall(folder: Path) -> dict[str, object]:
    from gui_ticks import TickGaps
    from PySide6.QtCore import QEventLoop, QTimer

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
    window.story_shown.connect(lambda: shown.__setitem__(0, shown[0] + 1))
    loop = QEventLoop()
    window.story_shown.connect(lambda: None if window.is_busy() else loop.quit())
    QTimer.singleShot(int(SECONDS * 1000), loop.quit)
    started = time.perf_counter()
    loop.exec()
    elapsed = time.perf_counter() - started
    busy = sorted(ticks.gaps)
    ticks.gaps.clear()  # the baseline: the same window and timer, nothing computed beside them
    idle = QEventLoop()
    QTimer.singleShot(int(IDLE * 1000), idle.quit)
    idle.exec()
    ticks.stop()
    story = window.story
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(60_000)
    app.processEvents()
    ordered, baseline = busy, sorted(ticks.gaps)
    done = 0 if story is None else story.done
    total = 0 if story is None else story.total
    return {
        "versions": LARGE,
        "pairs_compared": f"{done} of {total} in {elapsed:.1f} s",
        "window_redrawn": shown[0],
        "gui_tick_gap_median_ms": round(statistics.median(ordered), 1),
        "gui_tick_gap_p99_ms": round(ordered[int(len(ordered) * 0.99)], 1),
        "gui_tick_gap_max_ms": round(ordered[-1], 1),
        "baseline_idle_window_tick_gap_p99_ms": round(baseline[int(len(baseline) * 0.99)], 1),
        "baseline_idle_window_tick_gap_max_ms": round(baseline[-1], 1),
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
    return figures


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print(measure())
