"""Sharing a comparison: the core's HTML report saved as HTML or PDF, printed, or summarised.

The window wires these to File ▸ Export Comparison…, Print… and Copy Summary. The PDF and
the printout are the same HTML laid out by Qt's rich text (``QTextDocument``) on A4 pages,
so no browser is needed; ``pdf_bytes`` also runs headless for ``recension diff --pdf``.
Every file is written atomically (``core.storage.atomic``); a failure is shown, nothing half-written
is left.

Export is two steps: ``ask_export_path`` (the save dialog, GUI thread), then
``write_report``, which touches no widget and runs in a ``Task`` on the thread pool: Qt 6
lays out a ``QTextDocument`` and paints it on a ``QPdfWriter`` in any thread (checked
offscreen: same pages, pixel-identical; only the wavy-underline pixmaps, uncached off the
GUI thread, make the file a little larger). PySide keeps Python's lock through each Qt call,
so off the GUI thread the layout is left to Qt's own step-by-step layout inside an event loop
(``_LayoutLoop``), which releases it; otherwise ``pageCount()`` on a long report would stall
the window's Python. Printing stays on the GUI thread: the print dialog is modal and
``QPrinter`` belongs there.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSizeF,
    QStandardPaths,
    Qt,
    QThread,
    QTimer,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop.core.comparison.compare import Comparison
from desktop.core.presentation.layout import DEFAULT_VIEW, ViewOptions
from desktop.core.presentation.report import (
    render_report,
    report_inputs,
    report_name,
    summary_text,
)
from desktop.core.storage.atomic import write_atomically

LAYOUT_QUIET_MS = 50  # the background layout is done when it has been quiet twice this long
MARGIN_MM = 14
FOOTER_HEIGHT = 16  # pixels of the laid-out page kept free for the page number
HTML_FILTER = "HTML report (*.html)"
PDF_FILTER = "PDF document (*.pdf)"

Progress = Callable[[int, int], None]
"""Told ``(pages painted, pages in all)`` as a PDF is painted."""


@dataclass(frozen=True, slots=True)
class SavedReport:
    """A report written to ``path``; ``pages`` is None for HTML."""

    path: Path
    pages: int | None


def page_layout() -> QPageLayout:
    """A4 portrait with the report's margins: the PDF's page, and the printer's default."""
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, margins
    )


def report_document(html: str) -> QTextDocument:
    """The report laid out in pages as it will be printed, a footer's height left free."""
    ensure_gui()
    document = QTextDocument()
    document.setHtml(html)
    document.setDocumentMargin(0)
    page = QSizeF(page_layout().paintRectPixels(_dpi(document)).size())
    document.setPageSize(QSizeF(page.width(), page.height() - FOOTER_HEIGHT))
    return document


def pdf_bytes(
    html: str,
    *,
    title: str = "",
    footer: str = "Recension report",
    progress: Progress | None = None,
) -> bytes:
    """The report as a PDF file's bytes: A4 pages, each with ``footer`` and its number."""
    return _pdf(html, title=title, footer=footer, progress=progress)[0]


def save_pdf(
    path: Path, comparison: Comparison, html: str, *, progress: Progress | None = None
) -> int:
    """Write the rendered report ``html`` of ``comparison`` to ``path`` as a PDF; its pages."""
    data, pages = _pdf(
        html, title=_title(comparison), footer=_footer(comparison), progress=progress
    )
    write_atomically(path, data, inputs=report_inputs(comparison))
    return pages


def write_report(
    path: Path,
    comparison: Comparison,
    view: ViewOptions,
    *,
    progress: Progress,
    should_cancel: Callable[[], bool],
) -> SavedReport | None:
    """Render the report and write it to ``path``: PDF if it ends in ``.pdf``, else HTML.

    Safe off the GUI thread (a ``Task``'s work). None when cancelled: nothing is written.
    """

    def painted(page: int, pages: int) -> None:
        if should_cancel():
            raise _Cancelled
        progress(page, pages)

    html = render_report(comparison, view=view)
    try:
        if path.suffix.lower() == ".pdf":
            return SavedReport(path, save_pdf(path, comparison, html, progress=painted))
    except _Cancelled:
        return None
    write_atomically(path, html.encode("utf-8"), inputs=report_inputs(comparison))
    return SavedReport(path, None)


def ask_export_path(parent: QWidget | None, comparison: Comparison) -> Path | None:
    """Ask where to save the report; the path ends in the chosen kind's suffix."""
    dialog = QFileDialog(parent, "Export Comparison")
    dialog.setObjectName("exportDialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([HTML_FILTER, PDF_FILTER])
    dialog.setDefaultSuffix("html")
    dialog.filterSelected.connect(
        lambda chosen: dialog.setDefaultSuffix("pdf" if chosen == PDF_FILTER else "html")
    )
    dialog.setDirectory(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    dialog.selectFile(report_name(comparison, ".html"))
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    path = Path(dialog.selectedFiles()[0])
    if path.suffix.lower() not in {".html", ".htm", ".pdf"}:
        path = path.with_name(
            path.name + (".pdf" if dialog.selectedNameFilter() == PDF_FILTER else ".html")
        )
    return path


def print_comparison(parent: QWidget | None, comparison: Comparison, view: ViewOptions) -> bool:
    """Show the print dialog and print the report; True when it was sent to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    printer.setDocName(_title(comparison))
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    if not dialog.exec():
        return False
    with _busy():
        print_report(printer, comparison, view)
    return True


def print_report(printer: QPrinter, comparison: Comparison, view: ViewOptions) -> None:
    """Print the report on an already chosen printer (or PDF file)."""
    html = render_report(comparison, view=view)
    _print(report_document(html), printer, _footer(comparison))


def copy_summary(comparison: Comparison, view: ViewOptions = DEFAULT_VIEW) -> str:
    """Put the plain-text summary on the clipboard, and return it."""
    text = summary_text(comparison, view)
    QGuiApplication.clipboard().setText(text)
    return text


def ensure_gui() -> None:
    """Qt's text layout needs an application: start one offscreen when there is none.

    A full ``QApplication``, so that windows and dialogs can follow in the same process.
    """
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_gui.application = QApplication(sys.argv[:1])  # type: ignore[attr-defined]


@contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while a printout is laid out on the GUI thread."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class _LayoutLoop(QObject):
    """Qt lays ``document`` out on its own timer while this thread's event loop runs.

    The loop ends when the page count is final, or when the layout has been quiet for two
    polls (a short document is laid out at once and says nothing). Lives on a worker thread.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__()
        self._loop = QEventLoop(self)
        self._stepped = True
        layout = document.documentLayout()
        layout.update.connect(self._step)
        layout.documentSizeChanged.connect(self._step)
        layout.pageCountChanged.connect(self._loop.quit)
        self._poll = QTimer(self)
        self._poll.timeout.connect(self._check)

    def run(self) -> None:
        self._poll.start(LAYOUT_QUIET_MS)
        self._loop.exec()
        self._poll.stop()

    def _step(self, _changed: object = None) -> None:
        self._stepped = True

    def _check(self) -> None:
        if not self._stepped:
            self._loop.quit()
        self._stepped = False


def _on_gui_thread() -> bool:
    application = QCoreApplication.instance()
    return application is None or QThread.currentThread() is application.thread()


class _Cancelled(Exception):
    """Raised between pages to stop painting a PDF nobody waits for any more."""


def _pdf(html: str, *, title: str, footer: str, progress: Progress | None) -> tuple[bytes, int]:
    """The PDF file's bytes and its number of pages."""
    document = report_document(html)
    if not _on_gui_thread():
        _LayoutLoop(document).run()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Recension")
    writer.setResolution(300)
    pages = _print(document, writer, footer, progress)
    del writer  # the PDF trailer is written when the writer goes
    return bytes(buffer.data().data()), pages


def _print(
    document: QTextDocument,
    device: QPagedPaintDevice,
    footer: str,
    progress: Progress | None = None,
) -> int:
    """Each page of the laid-out document, with ``footer · page n of N`` below it; N."""
    device.setPageLayout(page_layout())
    page = document.pageSize()
    pages = document.pageCount()
    scale = device.logicalDpiX() / _dpi(document)
    footer_font = QFont(document.defaultFont())
    footer_font.setPixelSize(FOOTER_HEIGHT * 5 // 8)
    painter = QPainter(device)
    try:
        painter.scale(scale, scale)
        for number in range(pages):
            if number:
                device.newPage()
            painter.save()
            top = number * page.height()
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, top, page.width(), page.height())
            painter.setClipRect(QRectF(0, 0, page.width(), page.height()))
            painter.translate(0, -top)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setPen(QColor("#595959"))
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(0, page.height(), page.width(), FOOTER_HEIGHT),
                Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                f"{footer} · page {number + 1} of {pages}",
            )
            if progress is not None:
                progress(number + 1, pages)
    finally:
        painter.end()
    return pages


def _dpi(document: QTextDocument) -> int:
    """The resolution Qt lays text out at on screen: pixels per inch of the document."""
    device = document.documentLayout().paintDevice()
    return (
        device.logicalDpiX()
        if device
        else round(QGuiApplication.primaryScreen().logicalDotsPerInch())
    )


def _title(comparison: Comparison) -> str:
    return f"Comparison: {comparison.a.title} / {comparison.b.title}"


def _footer(comparison: Comparison) -> str:
    return f"Recension report: {comparison.a.id} (A) vs {comparison.b.id} (B)"
