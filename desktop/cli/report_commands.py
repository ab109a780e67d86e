"""``recension diff A B --html OUT.html --pdf OUT.pdf``: the comparison saved as a report.

``add_report_options(parser)`` adds the options to the ``diff`` command; ``write_reports(args,
comparison)`` writes what was asked for (the PDF through Qt offscreen, no browser). The diff
command's ``--ignore copy-edit,boilerplate`` become the report's filters: copy-edits hidden,
boilerplate folded. Each file is written whole or not at all; a failure is a
``RecensionError`` naming the file.
"""

from __future__ import annotations

import argparse
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # loaded when a report is asked for: --help stays quick
    from desktop.core.comparison.changes import ChangeKind
    from desktop.core.comparison.compare import Comparison


def add_report_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("report")
    group.add_argument("--html", type=Path, metavar="OUT", help="save an HTML report there")
    group.add_argument("--pdf", type=Path, metavar="OUT", help="save a PDF report there")


def write_reports(
    args: argparse.Namespace, comparison: Comparison, *, hidden: Collection[ChangeKind] = ()
) -> None:
    """Write the HTML and/or PDF report that ``args`` asks for, ``hidden`` kinds filtered."""
    if args.html is None and args.pdf is None:
        return
    from desktop.core.comparison.changes import ChangeKind
    from desktop.core.presentation.layout import ViewOptions
    from desktop.core.presentation.report import render_report, report_inputs
    from desktop.core.storage.atomic import write_atomically

    view = ViewOptions(
        hide_copy_edits=ChangeKind.COPY_EDIT in hidden,
        fold_boilerplate=ChangeKind.BOILERPLATE in hidden,
    )
    html = render_report(comparison, view=view)
    if args.html is not None:
        write_atomically(args.html, html.encode("utf-8"), inputs=report_inputs(comparison))
    if args.pdf is not None:
        from desktop.ui.export import save_pdf

        save_pdf(args.pdf, comparison, html)
