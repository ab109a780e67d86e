"""The main window stays responsive while 1,000 files are imported and indexed.

A 10 ms timer on the GUI thread records how late each tick arrives while the window
imports a folder of 1,000 generated articles in the background. The baseline is the same
import run on the GUI thread, which freezes the window for the whole import.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

FILES = int(os.environ.get("BENCH_WINDOW_FILES", "1000"))
WORDS = [
    "minister",
    "talks",
    "crisis",
    "troops",
    "border",
    "sanctions",
    "referendum",
    "parliament",
    "government",
    "officials",
    "proposal",
    "dialogue",
    "ceasefire",
    "election",
    "statement",
    "president",
    "region",
    "forces",
]


def _write_articles(folder: Path, count: int) -> None:
    rng = random.Random(7)
    for number in range(count):
        paragraphs = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60))).capitalize() + "."
            for _ in range(12)
        ]
        title = f"Story {number}: " + " ".join(rng.sample(WORDS, 5))
        (folder / f"story_{number:04}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs))


def measure() -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        os.environ["RECENSION_DATA_DIR"] = str(root / "data")
        folder = root / "incoming"
        folder.mkdir()
        _write_articles(folder, FILES)

        from gui_ticks import TickGaps
        from PySide6.QtCore import QEventLoop

        from desktop.core.storage.library import Library
        from desktop.core.workspace import Workspace
        from desktop.ui.app import application, build_window

        app = application()
        window = build_window(Library.open())
        window.show()
        while window.controller.busy:
            app.processEvents()

        ticks = TickGaps()
        started = time.perf_counter()
        loop = QEventLoop()
        window.controller.job_finished.connect(loop.quit)
        window.controller.add_paths([folder])
        loop.exec()  # as the app does: the GUI thread sleeps until there is an event
        background = time.perf_counter() - started
        ticks.stop()
        articles = len(window.controller.workspace.articles())
        window.close()

        os.environ["RECENSION_DATA_DIR"] = str(root / "data-baseline")
        fresh = Workspace.for_library(Library.open())
        started = time.perf_counter()
        fresh.add([folder])
        blocking = time.perf_counter() - started
    ordered = sorted(ticks.gaps)
    return {
        "files": FILES,
        "articles_after_import": articles,
        "import_and_index_in_background_s": round(background, 2),
        "gui_tick_gap_median_ms": round(statistics.median(ordered), 1),
        "gui_tick_gap_p99_ms": round(ordered[int(len(ordered) * 0.99)], 1),
        "gui_tick_gap_max_ms": round(ordered[-1], 1),
        "baseline_same_import_on_gui_thread_freezes_s": round(blocking, 2),
    }


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print(measure())
