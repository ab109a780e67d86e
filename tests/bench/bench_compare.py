"""The comparison window: time from asking for a comparison to the window painted.

A ~100 KB pair (the 002/004 seeds repeated with numbered paragraphs) is compared in a
real ``CompareWindow`` offscreen; the figure is set beside the bare ``compare()`` of the
same pair in the same run, so the ratio is the cost of laying out and painting.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.core.article import Article
from desktop.core.comparison import compare
from desktop.core.library import Library

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


def measure() -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from desktop.ui.app import application
    from desktop.ui.compare import CompareWindow

    library = Library.open()
    a, b = _grown(library.get("002")), _grown(library.get("004"))
    app = application()
    started = time.perf_counter()
    compare(a, b)
    bare = time.perf_counter() - started

    started = time.perf_counter()
    window = CompareWindow(a, b)
    window.resize(1440, 900)
    window.show()
    loop = QEventLoop()
    window.comparison_shown.connect(loop.quit)
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    app.processEvents()
    shown = time.perf_counter() - started
    rows = len(window.layout_.rows)
    window.close()
    return {
        "pair_chars": [len(a.text), len(b.text)],
        "rows": rows,
        "compare_s": round(bare, 3),
        "request_to_rendered_s": round(shown, 3),
        "ratio_to_compare": round(shown / bare, 2),
        "budget_s": 0.5,
    }
