"""``recension --smoke``: start offscreen, drive every main path, print one line.

Run by CI on the packaged app, so that a missing module, plugin or data file fails the
build instead of a user's double-click. The paths: list the library (before any indexing,
and the line says how much CPU time the process had spent when the window listed it), search,
read an article, compare it with its closest version, write the PDF report, extract an
HTML page. The line ends with the CPU time (every thread's) each step took, the listing's
from launch: what ``tests/bench/bench_startup.py`` tabulates.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.storage.library import Library

if TYPE_CHECKING:
    from desktop.core.comparison.compare import Comparison

SMOKE_QUERY = "Kerry"
POLL_MS = 100  # how often a wait wakes to look at the clock when nothing happens
SMOKE_PAGE = (
    b"<html><head><title>Marmalade prices soar</title></head><body><nav>Home | News</nav>"
    b"<article><h1>Marmalade prices soar</h1><p>The price of Seville marmalade doubled "
    b"overnight after frost ruined the orange harvest, traders in London said on Monday.</p>"
    b"<p>Shops expect shortages to last until the spring, when new stock arrives from "
    b"growers in southern Spain and Portugal.</p></article></body></html>"
)


class SmokeFailure(Exception):
    pass


class _Steps:
    """The CPU time the process (every thread) spent on each step, the first from launch."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._last = 0.0

    def done(self, step: str) -> None:
        now = time.process_time()
        self.spent[step] = now - self._last
        self._last = now

    def __str__(self) -> str:
        return ", ".join(f"{step} {cpu:.2f}" for step, cpu in self.spent.items()) + " s"


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise SmokeFailure(reason)


def _wait(
    condition: Callable[[], bool],
    what: str,
    timeout: float = 30.0,
    failed: Callable[[], str] = lambda: "",
) -> None:
    """Handle events until ``condition``, asleep while there are none, as the app's own loop
    is (a poll wakes it to look at the clock); SmokeFailure at the timeout, or at once if
    ``failed()`` says why."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    poll = QTimer()
    poll.start(POLL_MS)
    try:
        while not condition():
            if failure := failed():
                raise SmokeFailure(failure)
            if time.monotonic() > deadline:
                raise SmokeFailure(f"timed out waiting for {what}")
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        poll.stop()


def run_smoke(library: Library) -> int:
    started = time.perf_counter()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(_quiet)
    from desktop.ui.app import build_window

    steps = _Steps()
    try:
        window = build_window(library, query="")  # the whole library, not the last query
        window.show()
        message = window.sidebar.message  # a search that failed (a full disk) says why there
        _wait(  # the list of the whole library, not of the query restored from the last run
            lambda: (
                window.sidebar.view is window.sidebar.article_list
                and window.sidebar.current_id() is not None
            ),
            "the library to be listed",
            failed=lambda: message.text() if message.isVisible() else "",
        )
        steps.done("listed")
        listed_at = time.perf_counter()
        articles = library.articles()
        _check(bool(articles), "the library is empty")
        listed = window.sidebar.count_label.text()
        _check(listed.startswith(f"{len(articles):,} articles"), f"the window lists {listed}")
        _wait(lambda: not window.controller.busy, "the library to be indexed")
        _wait(  # read without the restored query's hits, so that those found next are new
            lambda: (
                window.reading_pane.article is not None
                and window.reading_pane.article.id == window.sidebar.current_id()
                and 'name="hit"' not in window.reading_pane.toHtml()
            ),
            "the article to be read",
        )
        steps.done("indexed")
        window.sidebar.search_box.setText(SMOKE_QUERY)
        _wait(lambda: window.sidebar.view.objectName() == "resultsList", "search results")
        hits = window.sidebar.count_label.text()
        _check("match" in hits and not hits.startswith("No"), f"searching found nothing: {hits}")
        _wait(  # with the words searched marked: read after the search, not before
            lambda: (
                window.reading_pane.article is not None
                and window.reading_pane.article.id == window.sidebar.current_id()
                and 'name="hit"' in window.reading_pane.toHtml()
            ),
            "the article to be read with its hits marked",
        )
        steps.done("searched")
        article = window.reading_pane.article
        _check(
            article is not None and article.title in window.reading_pane.toPlainText(),
            "the reading pane shows no article",
        )
        assert article is not None
        compared = window.compare_with_closest()
        _check(compared is not None, "no other article to compare with")
        assert compared is not None
        _wait(lambda: compared.comparison is not None, "the comparison")
        assert compared.comparison is not None
        changes = len(compared.comparison.changes)
        steps.done("compared")
        _check_report(compared.comparison)
        steps.done("report")
        _check_html()
        steps.done("HTML")
        compared.close()
        window.close()
    except SmokeFailure as failure:
        print(f"smoke FAILED: {failure}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - started
    print(
        f"smoke ok: {len(articles)} articles listed ({steps.spent['listed']:.2f}s CPU from "
        f"launch), {hits} {SMOKE_QUERY!r}, {article.id} compared ({changes} changes), report "
        f"and HTML import checked in {elapsed:.2f}s ({time.perf_counter() - listed_at:.2f}s "
        f"after the listing); CPU by step: {steps}"
    )
    return 0


def _check_report(comparison: Comparison) -> None:
    """A part only some paths load: the PDF writer."""
    from desktop.core.presentation.report import render_report
    from desktop.ui.export import pdf_bytes

    pdf = pdf_bytes(render_report(comparison), title="smoke")
    _check(pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-64:], "the PDF report is not a PDF")


def _check_html() -> None:
    """A part only some paths load: HTML extraction."""
    from desktop.core.text.ingest import ingest_bytes

    page = ingest_bytes(SMOKE_PAGE, suffix=".html", article_id="smoke", origin="smoke.html")
    _check("Seville marmalade" in page.article.text, "HTML main text was not extracted")
    _check(page.article.title == "Marmalade prices soar", "the HTML page's title was lost")


def _quiet(kind: object, _context: object, message: str) -> None:
    """Offscreen Qt chatters (size hints, fonts): show only real warnings and errors."""
    from PySide6.QtCore import QtMsgType

    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        print(message, file=sys.stderr)
