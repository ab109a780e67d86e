"""The report of a story: one self-contained HTML page of every version at once.

``render_story(story, articles, made_at=...)`` returns the page: the summary in words,
the versions (source, date, the one each copies and why, its changes counted), the
collation (a row for each paragraph of the original, its sentences shaded by how many
versions changed them, and a cell for each version in the comparison's kind styles and
words) and what each version adds. The comparison report's stylesheet, inline; no
scripts, no external resources; every piece of article text escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from html import escape

from desktop import __version__
from desktop.core.comparison.changes import ChangeKind
from desktop.core.presentation.report import stylesheet
from desktop.core.presentation.vocabulary import label, word
from desktop.core.story.model import Cell, Row, Story, Treatment, Version
from desktop.core.story.summary import summary
from desktop.core.text.article import Article

HEAT = ("#ffffff", "#fdf0d5", "#fbdca4", "#f7c46e", "#f0a63d")
"""Sentence shades from none to all versions changing it (dark text reads on each)."""


def render_story(
    story: Story, articles: Mapping[str, Article], *, made_at: dt.datetime | None = None
) -> str:
    """The story as a self-contained HTML page; ``articles`` by id, for their titles."""
    made_at = made_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    base = articles[story.original]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta name="generator" content="Recension {escape(__version__)}">',
            f"<title>{escape(f'Story: {base.title}')}</title>",
            f"<style>{stylesheet()}{_story_styles()}</style>",
            "</head><body>",
            f"<h1>Every version of “{escape(base.title)}”</h1>",
            f'<p class="verdict"><b>{escape(summary(story))}.</b></p>',
            f'<p class="note">The original looks like {escape(story.original)}: '
            f"{escape(story.original_reason)}.</p>",
            "<h2>The versions, who copies whom</h2>",
            _versions_table(story),
            "<h2>What each version did with the original</h2>",
            _legend(story),
            _collation(story),
            "<h2>What each version adds</h2>",
            _additions(story),
            f'<p class="colophon">Made by Recension {escape(__version__)} on '
            f"{escape(made_at.isoformat(sep=' ', timespec='minutes'))}.</p>",
            "</body></html>",
            "",
        ]
    )


def cell_words(cell: Cell) -> str:
    """ "Kept", "Copy-edit", "Cut off", …: a cell as a reader names it."""
    if cell.kind is not None:
        return label(cell.kind)
    return "Kept" if cell.treatment is Treatment.KEPT else "Not compared yet"


def heat_shade(changed_by: int, versions: int) -> str:
    """The shade of a sentence changed by ``changed_by`` of ``versions`` copies."""
    if not changed_by or not versions:
        return HEAT[0]
    return HEAT[min(len(HEAT) - 1, 1 + (len(HEAT) - 2) * changed_by // versions)]


def counts_words(version: Version) -> str:
    """ "12 copy-edit, 2 rewritten, 1 cut off", in the order of the kinds."""
    counts = [(kind, version.counts.get(kind, 0)) for kind in ChangeKind]
    return ", ".join(f"{n} {word(kind)}" for kind, n in counts if n) or "none"


def _story_styles() -> str:
    return """
.heat { padding: 1px 0; }
.kept { color: #333333; }
.pending { color: #595959; font-style: italic; }
.grid td { font-size: 8.5pt; }
.grid td.text { font-size: 9pt; width: 40%; }
"""


def _versions_table(story: Story) -> str:
    rows = []
    for number, version in enumerate(story.versions, start=1):
        mark = " <b>(original)</b>" if version.id == story.original else ""
        rows.append(
            f'<tr><td align="right">{number}</td><td>{escape(version.id)}{mark}</td>'
            f"<td>{escape(version.source or 'unknown')}</td>"
            f"<td>{escape(version.date.isoformat() if version.date else 'undated')}</td>"
            f"<td>{escape(version.derived_from or '—')}</td>"
            f"<td>{escape(version.reason)}</td><td>{escape(counts_words(version))}</td></tr>"
        )
    head = (
        '<thead><tr><th width="3%">#</th><th width="12%">Version</th><th width="12%">Source'
        '</th><th width="9%">Date</th><th width="9%">Copies</th><th>Why</th>'
        '<th width="16%">Changes against it</th></tr></thead>'
    )
    return f'<table class="versions" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _legend(story: Story) -> str:
    kinds = sorted(
        {cell.kind for row in story.rows for cell in row.cells if cell.kind is not None},
        key=list(ChangeKind).index,
    )
    shown = " ".join(f'<span class="k-{kind}">{escape(label(kind))}</span>' for kind in kinds)
    shades = " ".join(
        f'<span class="heat" style="background-color: {shade};">&nbsp;{n}&nbsp;</span>'
        for n, shade in enumerate(HEAT)
    )
    return (
        f'<p class="note">Cells: {shown or "every paragraph kept"}. A sentence of the original '
        f"is shaded by how many versions changed it, none to all: {shades}.</p>"
    )


def _collation(story: Story) -> str:
    copies = story.copies
    head = "".join(
        f"<th>{escape(version.id)}<br><small>{escape(version.source)}</small></th>"
        for version in copies
    )
    rows = [_row(number, row, len(copies)) for number, row in enumerate(story.rows, start=1)]
    return (
        '<table class="grid" width="100%" cellspacing="0"><thead><tr><th width="3%">¶</th>'
        f'<th class="text">{escape(story.original)} (the original)</th>{head}</tr></thead>'
        f"{''.join(rows)}</table>"
    )


def _row(number: int, row: Row, versions: int) -> str:
    text = "".join(
        f'<span class="heat" style="background-color: {heat_shade(s.changed_by, versions)};" '
        f'title="changed by {s.changed_by} of {versions}">'
        f"{escape(row.text[s.start - row.start : s.end - row.start])}</span> "
        for s in row.sentences
    )
    cells = "".join(_cell(cell) for cell in row.cells)
    return f'<tr><td align="right">{number}</td><td class="text">{text}</td>{cells}</tr>'


def _cell(cell: Cell) -> str:
    words = escape(cell_words(cell))
    if cell.kind is None:
        css = "kept" if cell.treatment is Treatment.KEPT else "pending"
        return f'<td class="{css}">{words}</td>'
    return f'<td title="{escape(cell.reason)}"><span class="k-{cell.kind}">{words}</span></td>'


def _additions(story: Story) -> str:
    if not story.additions:
        return "<p>No version adds anything to the original.</p>"
    rows = [
        f"<tr><td>{escape(addition.version)}</td>"
        f'<td><span class="k-{addition.kind}">{escape(label(addition.kind))}</span></td>'
        f"<td>{'before ¶1' if addition.after < 0 else f'after ¶{addition.after + 1}'}</td>"
        f"<td>{escape(addition.quote)}</td></tr>"
        for addition in story.additions
    ]
    head = (
        '<thead><tr><th width="12%">Version</th><th width="12%">Kind</th>'
        '<th width="10%">Where</th><th>What</th></tr></thead>'
    )
    return f'<table class="adds" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'
