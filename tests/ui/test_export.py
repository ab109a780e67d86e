"""Export, print and copy a comparison as a user does, and the PDF that comes out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.core.comparison.compare import Comparison, compare
from desktop.core.presentation.layout import ViewOptions
from desktop.core.presentation.report import render_report, summary_text
from desktop.core.storage.atomic import WriteError
from desktop.core.storage.library import Library
from desktop.ui.export import (
    PDF_FILTER,
    SavedReport,
    ask_export_path,
    copy_summary,
    pdf_bytes,
    print_report,
    report_document,
    write_report,
)
from tests.ui.conftest import answer_dialog


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    library = Library.open()
    return compare(library.get("002"), library.get("004"))


def pages(pdf: bytes) -> int:
    """The number of page objects in a PDF file."""
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def unheard(page: int, pages: int) -> None:
    """Progress nobody listens to."""


def test_the_pdf_is_a_pdf_with_one_page_per_laid_out_page(comparison: Comparison) -> None:
    """002 vs 004 fills several A4 pages, and the PDF holds each of them."""
    html = render_report(comparison)
    expected = report_document(html).pageCount()
    assert expected >= 3
    assert pages(pdf_bytes(html)) == expected


def test_printing_to_a_pdf_printer_prints_every_page(
    comparison: Comparison, tmp_path: Path
) -> None:
    """The printout is the same document: same pages as the laid-out report."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_report(printer, comparison, ViewOptions())
    expected = report_document(render_report(comparison)).pageCount()
    assert pages((tmp_path / "printed.pdf").read_bytes()) == expected


@pytest.mark.parametrize(
    ("typed", "name_filter", "saved"),
    [
        ("report.html", None, "report.html"),
        ("report", PDF_FILTER, "report.pdf"),
        ("report", None, "report.html"),
    ],
)
def test_the_export_dialog_gives_the_chosen_kinds_suffix(
    comparison: Comparison, tmp_path: Path, typed: str, name_filter: str | None, saved: str
) -> None:
    """File ▸ Export Comparison…: the name typed takes the chosen kind's suffix."""
    answer_dialog(str(tmp_path / typed), name_filter)
    assert ask_export_path(None, comparison) == tmp_path / saved


@pytest.mark.parametrize(("name", "starts"), [("r.html", b"<!DOCTYPE html>"), ("r.pdf", b"%PDF-")])
def test_write_report_writes_html_or_pdf_by_the_suffix(
    comparison: Comparison, tmp_path: Path, name: str, starts: bytes
) -> None:
    """The report is written whole, and a PDF's pages are counted."""
    told: list[tuple[int, int]] = []
    saved = write_report(
        tmp_path / name,
        comparison,
        ViewOptions(),
        progress=lambda page, of: told.append((page, of)),
        should_cancel=bool,
    )
    data = (tmp_path / name).read_bytes()
    assert data.startswith(starts)
    pdf = name.endswith(".pdf")
    assert saved == SavedReport(tmp_path / name, pages(data) if pdf else None)
    assert told[-1:] == ([(pages(data), pages(data))] if pdf else [])


def test_a_cancelled_pdf_leaves_no_file(comparison: Comparison, tmp_path: Path) -> None:
    """Cancelled between pages: nothing is written, not even a temporary file."""
    saved = write_report(
        tmp_path / "r.pdf",
        comparison,
        ViewOptions(),
        progress=unheard,
        should_cancel=lambda: True,
    )
    assert saved is None
    assert list(tmp_path.iterdir()) == []


def test_writing_to_an_unwritable_place_says_why(comparison: Comparison, tmp_path: Path) -> None:
    """A path under a regular file: the error names the file, nothing is written."""
    (tmp_path / "a_file.txt").write_text("not a folder")
    target = tmp_path / "a_file.txt" / "out.pdf"
    with pytest.raises(WriteError, match="part of the path is not a folder") as raised:
        write_report(target, comparison, ViewOptions(), progress=unheard, should_cancel=bool)
    assert str(raised.value) == f"cannot write {target}: part of the path is not a folder"
    assert [path.name for path in tmp_path.iterdir()] == ["a_file.txt"]


def test_copy_summary_puts_the_summary_on_the_clipboard(comparison: Comparison) -> None:
    """Copy Summary: the clipboard holds the plain-text summary."""
    copied = copy_summary(comparison)
    assert QApplication.clipboard().text() == copied == summary_text(comparison)
    assert f"Similarity: {comparison.similarity:.0%}" in copied
