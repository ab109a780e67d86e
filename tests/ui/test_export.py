"""Export, print and copy a comparison as a user does, and the PDF that comes out."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.core.changes import Comparison
from desktop.core.comparison import compare
from desktop.core.library import Library
from desktop.core.report import ReportOptions, render_report, summary_text
from desktop.ui.export import (
    PDF_FILTER,
    copy_summary,
    export_comparison,
    pdf_bytes,
    print_report,
    report_document,
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
    print_report(printer, comparison, ReportOptions())
    expected = report_document(render_report(comparison)).pageCount()
    assert pages((tmp_path / "printed.pdf").read_bytes()) == expected


@pytest.mark.parametrize(
    ("typed", "name_filter", "saved", "starts"),
    [
        ("report.html", None, "report.html", b"<!DOCTYPE html>"),
        ("report", PDF_FILTER, "report.pdf", b"%PDF-"),
        ("report", None, "report.html", b"<!DOCTYPE html>"),
    ],
)
def test_export_saves_html_or_pdf_by_the_chosen_filter(
    comparison: Comparison,
    tmp_path: Path,
    typed: str,
    name_filter: str | None,
    saved: str,
    starts: bytes,
) -> None:
    """File ▸ Export Comparison…: the file takes the chosen kind and its suffix."""
    answer_dialog(str(tmp_path / typed), name_filter)
    path = export_comparison(None, comparison, ReportOptions())
    assert path == tmp_path / saved
    assert path.read_bytes().startswith(starts)


def test_export_to_an_unwritable_place_says_so(comparison: Comparison, tmp_path: Path) -> None:
    """A path under a regular file: a message names the file, nothing is written."""
    (tmp_path / "a_file.txt").write_text("not a folder")
    messages = answer_dialog(str(tmp_path / "a_file.txt" / "out.html"))
    assert export_comparison(None, comparison, ReportOptions()) is None
    assert messages == [
        f"cannot write {tmp_path / 'a_file.txt' / 'out.html'}: part of the path is not a folder"
    ]


def test_copy_summary_puts_the_summary_on_the_clipboard(comparison: Comparison) -> None:
    """Copy Summary: the clipboard holds the plain-text summary."""
    copied = copy_summary(comparison)
    assert QApplication.clipboard().text() == copied == summary_text(comparison)
    assert f"Similarity: {comparison.similarity:.0%}" in copied
