"""The comparison window: time from asking for a comparison to the window painted.

A ~100 KB pair (the 002/004 seeds repeated with numbered paragraphs) is compared in a
real ``CompareWindow`` offscreen; the figure is set beside the bare ``compare()`` of the
same pair in the same run, so the ratio is the cost of laying out and painting.

Then the same pair's PDF report is exported twice while a 5 ms timer ticks on the GUI
thread: once the old way (laid out and painted on the GUI thread) and once through the
window (``export_to``, on the thread pool). The longest gap between ticks is how long the
window froze.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.comparison.compare import compare
from desktop.core.storage.library import Library
from desktop.core.text.article import Article

if TYPE_CHECKING:
    from desktop.ui.compare import CompareWindow

TARGET_CHARS = 100_000


def _grown(article: Article) -> Article:
    """``article`` repeated, each copy's paragraphs numbered, to about 100 KB."""
    copies = []
    part = 0
    while sum(map(len, copies)) < TARGET_CHARS:
        part += 1
        lines = [f"{part}. {line}" if line.strip() else line for line in article.text.split("\n")]
        copies.append("\n".join(lines))
    return Article(id=article.id, title=article.title, text="\n\n".join(copies))


def _longest_stall(start: Callable[[], None], done: Callable[[], bool]) -> tuple[float, float]:
    """Seconds of the GUI thread's longest stall while ``start()``'s work runs, and in all."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    ticks = [time.perf_counter()]
    longest = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        longest[0] = max(longest[0], now - ticks[-1])
        ticks.append(now)
        if done():
            loop.quit()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    QTimer.singleShot(0, start)
    began = time.perf_counter()
    loop.exec()
    timer.stop()
    return longest[0], time.perf_counter() - began


def _pdf_export_stalls(window: CompareWindow, folder: Path) -> dict[str, object]:
    """The longest GUI stall exporting the window's PDF the old way and the threaded way."""
    from desktop.core.presentation.report import render_report
    from desktop.ui.export import save_pdf

    comparison = window.comparison
    assert comparison is not None
    written: list[int] = []

    def on_gui_thread() -> None:
        html = render_report(comparison, view=window.view())
        written.append(save_pdf(folder / "before.pdf", comparison, html))

    before, before_total = _longest_stall(on_gui_thread, lambda: bool(written))
    after, after_total = _longest_stall(
        lambda: window.export_to(folder / "after.pdf"), lambda: not window.is_exporting()
    )
    return {
        "pdf_pages": written[0],
        "pdf_export_s": [round(before_total, 2), round(after_total, 2)],
        "gui_longest_stall_pdf_export_before_after_ms": [round(before * 1000), round(after * 1000)],
        "stall_ratio_after_to_before": round(after / before, 3),
    }


def measure() -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.core.workspace import Workspace
    from desktop.ui.app import application
    from desktop.ui.compare import CompareWindow

    library = Library.open()
    a, b = _grown(library.get("002")), _grown(library.get("004"))
    app = application()
    started = time.perf_counter()
    compare(a, b)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    window = CompareWindow(a, b, Workspace.for_library(library))
    window.resize(1440, 900)
    window.show()
    loop = QEventLoop()
    window.comparison_shown.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    app.processEvents()
    shown = time.perf_counter() - started
    rows = len(window.layout_.rows)
    with tempfile.TemporaryDirectory() as folder:
        stalls = _pdf_export_stalls(window, Path(folder))
    window.close()
    return {
        "pair_chars": [len(a.text), len(b.text)],
        "rows": rows,
        "compare_s": round(bare, 3),
        "request_to_rendered_s": round(shown, 3),
        "ratio_to_compare": round(shown / bare, 2),
        "budget_s": 0.5,
        **stalls,
    }
