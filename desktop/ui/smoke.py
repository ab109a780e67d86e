"""``recension --smoke``: start offscreen, drive every main path, print one line.

Run by CI on the packaged app, so that a missing module, plugin or data file fails the
build instead of a user's double-click.
"""

from __future__ import annotations

import os
import sys
import time

from desktop.core.library import Library


class SmokeFailure(Exception):
    pass


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SmokeFailure(reason)


def run_smoke(library: Library) -> int:
    started = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from desktop.ui.app import build_window

    try:
        window = build_window(library)
        window.show()
        articles = library.articles()
        _check(bool(articles), "the library is empty")
        _check(window.sidebar.model.rowCount() == len(articles), "the sidebar misses articles")
        window.sidebar.select_row(0)
        shown = window.reading_pane.toPlainText()
        _check(articles[0].text.splitlines()[-1][:40] in shown, "the reading pane is empty")
        window.close()
    except SmokeFailure as failure:
        print(f"smoke FAILED: {failure}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(f"smoke ok: {len(articles)} articles listed and read in {elapsed:.2f}s")
    return 0
