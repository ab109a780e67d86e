"""``recension diff A B --html/--pdf``: the report saved from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main


def test_diff_saves_the_html_and_pdf_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Both files are written, and the usual listing still prints."""
    html, pdf = tmp_path / "report.html", tmp_path / "report.pdf"
    assert main(["diff", "002", "004", "--html", str(html), "--pdf", str(pdf)]) == 0
    assert "similar" in capsys.readouterr().out
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Filters:</b> none (every change shown)" in page
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("kinds", ["copy-edit,boilerplate", "copy-edits,boilerplate"])
def test_ignored_kinds_become_the_report_filters(tmp_path: Path, kinds: str) -> None:
    """``--ignore copy-edit,boilerplate`` (the kinds as printed, or the old plural) hides
    copy-edits and folds chrome in the report."""
    html = tmp_path / "report.html"
    assert main(["diff", "002", "004", "--ignore", kinds, "--html", str(html)]) == 0
    assert "copy-edits hidden, site chrome folded" in html.read_text(encoding="utf-8")


def test_an_unwritable_report_path_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path under a regular file: one line naming it, exit 2, nothing written."""
    (tmp_path / "a_file.txt").write_text("not a folder")
    target = tmp_path / "a_file.txt" / "out.pdf"
    assert main(["diff", "002", "004", "--pdf", str(target)]) == 2
    error = capsys.readouterr().err
    assert error == f"recension: cannot write {target}: part of the path is not a folder\n"
    assert not list(tmp_path.rglob("*out.pdf*"))
    assert (tmp_path / "a_file.txt").read_text() == "not a folder"
