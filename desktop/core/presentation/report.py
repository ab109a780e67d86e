"""The report of a comparison: one self-contained HTML page that tells its story on its own.

``render_report(comparison, view=..., made_at=...)`` returns the page as a string: both
articles' metadata and SHA-256 digests, the verdict (``verdict``), the summary and legend,
the rows the window lays out (``layout.lay_out`` under the same ``ViewOptions``: the same
words marked inside rewrites, the same folds) in the window's styles (``kind_styles``),
the numbered list of changes with their reasons, the filters that were on and when it
was made. Inline CSS only, no scripts
and no external resources; every piece of article text is escaped. The same input gives
the same bytes (pass ``made_at``). Tables and the CSS subset used are read alike by
browsers and by Qt's rich text, which prints the PDF. ``summary_text`` is the plain-text
summary a user copies to the clipboard.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from desktop import __version__
from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.diff import Op, Span
from desktop.core.presentation.kind_styles import KIND_STYLES, css_declarations, css_swapped
from desktop.core.presentation.layout import (
    DEFAULT_VIEW,
    Cell,
    Row,
    ViewOptions,
    folded_words,
    gap_words,
    is_shown,
    lay_out,
)
from desktop.core.presentation.verdict import named, verdict
from desktop.core.presentation.vocabulary import KIND_WORDS, label, word
from desktop.core.text.article import Article, short_names
from desktop.core.text.shorten import shorten

EXCERPT = 240


def render_report(
    comparison: Comparison,
    *,
    view: ViewOptions = DEFAULT_VIEW,
    made_at: dt.datetime | None = None,
) -> str:
    """The comparison as a self-contained HTML page, as the window shows it under ``view``."""
    made_at = made_at or dt.datetime.now(dt.UTC).replace(microsecond=0)
    shown = [index for index, change in enumerate(comparison.changes) if is_shown(change, view)]
    a, b = comparison.a, comparison.b
    title = f"Comparison: {a.title} / {b.title}"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f'<meta name="generator" content="Recension {escape(__version__)}">',
            f"<title>{escape(title)}</title>",
            f"<style>{stylesheet()}</style>",
            "</head><body>",
            "<h1>Comparison of two versions of an article</h1>",
            _verdict(comparison),
            "<h2>The two versions</h2>",
            _metadata_table(a, b),
            "<h2>Summary</h2>",
            _legend_table(comparison, view),
            _filters(comparison, view, made_at),
            "<h2>Side by side</h2>",
            _side_by_side(comparison, view, shown),
            "<h2>Changes and their reasons</h2>",
            _changes_table([comparison.changes[index] for index in shown]),
            f'<p class="colophon">Made by Recension {escape(__version__)} on '
            f"{escape(_when(made_at))}.</p>",
            "</body></html>",
            "",
        ]
    )


def summary_text(comparison: Comparison, view: ViewOptions = DEFAULT_VIEW) -> str:
    """The summary in plain text: the two versions, similarity, counts, derivation, filters."""
    said = verdict(comparison)
    lines = [
        f"A: {_one_line(comparison.a)}",
        f"B: {_one_line(comparison.b)}",
        f"Similarity: {comparison.similarity:.0%}",
        f"Verdict: {said.headline}. {said.evidence}".rstrip(),
        f"Credits: {said.credits}",
        "Changes: " + (", ".join(f"{n} {word(k)}" for k, n in _counts(comparison)) or "none"),
        f"Filters: {_filter_words(comparison, view)}",
    ]
    return "\n".join(lines) + "\n"


def report_inputs(comparison: Comparison) -> tuple[Path, ...]:
    """The files the two compared articles were read from: a report is never written there."""
    return tuple(Path(article.origin) for article in (comparison.a, comparison.b) if article.origin)


def report_name(comparison: Comparison, suffix: str) -> str:
    """A file name for the report of this comparison, e.g. ``002-vs-004.html``."""
    return f"{_safe(comparison.a.id)}-vs-{_safe(comparison.b.id)}{suffix}"


def stylesheet() -> str:
    """The report's CSS: the page, its tables, and a class for each kind (``k-KIND``)."""
    kinds = "\n".join(f".k-{kind} {{ {css_declarations(s)} }}" for kind, s in KIND_STYLES.items())
    marks = "\n".join(
        f".w-{kind} {{ {css} }}"
        for kind, style in KIND_STYLES.items()
        if (css := css_swapped(style))
    )
    return f"""
body {{ font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 10pt;
  color: #000000; background-color: #ffffff; margin: 1.5em auto; max-width: 64em; }}
h1 {{ font-size: 16pt; margin: 0 0 0.3em 0; }}
h2 {{ font-size: 12.5pt; margin: 1.2em 0 0.4em 0; border-bottom: 1px solid #999999;
  page-break-after: avoid; break-after: avoid; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ border: 1px solid #bbbbbb; padding: 4px; vertical-align: top; text-align: left; }}
th {{ background-color: #eeeeee; }}
thead {{ display: table-header-group; }}
tr {{ page-break-inside: avoid; break-inside: avoid; }}
.meta th {{ width: 16%; }}
.digest {{ font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; }}
.verdict {{ font-size: 11pt; }}
.gap {{ color: #595959; font-style: italic; background-color: #f6f6f6; }}
.fold {{ color: #595959; font-style: italic; }}
.num {{ color: #333333; }}
.note {{ color: #333333; }}
.colophon {{ color: #595959; font-size: 8pt; margin-top: 2em; }}
{kinds}
{marks}
@page {{ size: A4; margin: 14mm; }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 9pt; }} a {{ color: #000000; }} }}
"""


def _verdict(comparison: Comparison) -> str:
    said = verdict(comparison)
    return (
        f'<p class="verdict"><b>{escape(said.headline)}.</b> {escape(said.evidence)}</p>'
        f'<p class="credits">{escape(said.credits)}</p>'
    )


def _metadata_table(a: Article, b: Article) -> str:
    rows = [
        ("Title", a.title, b.title),
        ("Source", a.source or "unknown", b.source or "unknown"),
        (
            "Date",
            a.date.isoformat() if a.date else "unknown",
            b.date.isoformat() if b.date else "unknown",
        ),
        ("Id", a.id, b.id),
        ("Length", _length(a), _length(b)),
    ]
    cells = [
        f"<tr><th>{name}</th><td>{escape(x)}</td><td>{escape(y)}</td></tr>" for name, x, y in rows
    ]
    cells.append(f"<tr><th>Web address</th><td>{_address(a)}</td><td>{_address(b)}</td></tr>")
    cells.append(f"<tr><th>Origin</th><td>{_origin(a)}</td><td>{_origin(b)}</td></tr>")
    for name, digest in (
        ("SHA-256 of the text", _text_digest),
        ("SHA-256 of the file", _file_digest),
    ):
        cells.append(f"<tr><th>{name}</th><td>{digest(a)}</td><td>{digest(b)}</td></tr>")
    head = '<thead><tr><th></th><th width="42%">A</th><th width="42%">B</th></tr></thead>'
    return f'<table class="meta" width="100%" cellspacing="0">{head}{"".join(cells)}</table>'


def _length(article: Article) -> str:
    return f"{len(article.text.split()):,} words, {len(article.text):,} characters"


def _address(article: Article) -> str:
    """The article's web address as a link (web addresses only), or "unknown"."""
    if re.match(r"https?://", article.url):
        return f'<a href="{escape(article.url)}">{escape(article.url)}</a>'
    return "unknown"


def _origin(article: Article) -> str:
    origin = article.origin or "unknown"
    if re.match(r"https?://", origin):
        return f'<a href="{escape(origin)}">{escape(origin)}</a>'
    return escape(origin)


def _text_digest(article: Article) -> str:
    return _digest_cell(hashlib.sha256(article.text.encode("utf-8")).hexdigest())


def _file_digest(article: Article) -> str:
    return _digest_cell(article.sha256) if article.sha256 else "not recorded"


def _digest_cell(digest: str) -> str:
    """A digest on two lines of 32 hex digits, so that it fits a printed column."""
    return f'<span class="digest">{escape(digest[:32])}<br>{escape(digest[32:])}</span>'


def _legend_table(comparison: Comparison, view: ViewOptions) -> str:
    counts = dict(_counts(comparison, keep_zero=True))
    rows = []
    hidden = view.hidden_kinds()
    for kind, style in KIND_STYLES.items():
        note = " (hidden)" if kind in hidden else ""
        rows.append(
            f'<tr><td><span class="k-{kind}">{escape(label(kind))}</span></td>'
            f'<td align="right">{counts[kind]}{note}</td>'
            f"<td>{escape(KIND_WORDS[kind].meaning)}: {escape(style.cue)}</td></tr>"
        )
    head = (
        '<thead><tr><th width="16%">Kind</th><th width="10%">Count</th>'
        "<th>Shown as</th></tr></thead>"
    )
    return f'<table class="legend" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _counts(comparison: Comparison, *, keep_zero: bool = False) -> list[tuple[ChangeKind, int]]:
    counts = [(kind, int(comparison.counts.get(kind, 0))) for kind in ChangeKind]
    return [(kind, n) for kind, n in counts if n or keep_zero]


def _filters(comparison: Comparison, view: ViewOptions, made_at: dt.datetime) -> str:
    return (
        f'<p class="note"><b>Filters:</b> {escape(_filter_words(comparison, view))}. '
        f"<b>Made:</b> {escape(_when(made_at))}. Numbers in the text refer to the list of "
        "changes at the end.</p>"
    )


def _hidden_in_order(view: ViewOptions) -> list[ChangeKind]:
    hidden = view.hidden_kinds()
    return [kind for kind in KIND_STYLES if kind in hidden]


def _filter_words(comparison: Comparison, view: ViewOptions) -> str:
    words = [
        *(f"{KIND_WORDS[kind].group} hidden" for kind in _hidden_in_order(view)),
        *([f"{KIND_WORDS[ChangeKind.BOILERPLATE].group} folded"] if view.fold_boilerplate else []),
        *(["case ignored"] if comparison.options.ignore_case else []),
        *(["punctuation ignored"] if comparison.options.ignore_punctuation else []),
        *(["whitespace ignored"] if comparison.options.ignore_whitespace else []),
    ]
    return ", ".join(words) or "none (every change shown)"


def _when(made_at: dt.datetime) -> str:
    return made_at.isoformat(sep=" ", timespec="minutes")


def _side_by_side(comparison: Comparison, view: ViewOptions, shown: Sequence[int]) -> str:
    """The rows the window lays out (``lay_out``), each change numbered where it ends."""
    numbers = {index: number for number, index in enumerate(shown, start=1)}
    rows = [
        "<tr>" + "".join(_cell(comparison, row, side, numbers) for side in ("a", "b")) + "</tr>"
        for row in lay_out(comparison, view).rows
    ]
    a, b = comparison.a, comparison.b
    head = (
        f'<thead><tr><th width="50%">A · {escape(a.id)} · {escape(a.source or a.title)}</th>'
        f'<th width="50%">B · {escape(b.id)} · {escape(b.source or b.title)}</th></tr></thead>'
    )
    return f'<table class="sbs" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _cell(comparison: Comparison, row: Row, side: str, numbers: dict[int, int]) -> str:
    cell = row.a if side == "a" else row.b
    if cell is None:
        return _gap_cell(comparison, row.b if side == "a" else row.a, side)
    if cell.folded_lines:
        return f'<td class="fold" width="50%">{escape(folded_words(cell.folded_lines))}</td>'
    if cell.folded_paragraphs:
        short = short_names(comparison.a, comparison.b)
        a, b = named(comparison.a, short), named(comparison.b, short)
        names = (a, b) if side == "a" else (b, a)
        return f'<td class="fold" width="50%">⋯ {escape(gap_words(cell, *names))}</td>'
    text = comparison.a.text if side == "a" else comparison.b.text
    ends = sorted(
        (span.end, numbers[index])
        for index in numbers
        if (span := _span(comparison.changes[index], side)) is not None
        and cell.runs[0].start < span.end <= cell.runs[-1].end
    )
    parts = []
    for run in cell.runs:
        piece = _text(text[run.start : run.end])
        if run.change is not None:
            change = comparison.changes[run.change]
            style = KIND_STYLES[change.kind]
            if run.op is not Op.EQUAL and css_swapped(style):  # words the change swapped
                piece = f'<span class="w-{change.kind}">{piece}</span>'
            tip = escape(f"{label(change.kind)}: {change.reason}")
            piece = f'<span class="k-{change.kind}" title="{tip}">{piece}</span>'
        parts.append(piece)
        while ends and ends[0][0] <= run.end:
            parts.append(f'<sup class="num">{ends.pop(0)[1]}</sup>')
    return f'<td width="50%">{"".join(parts)}</td>'


def _span(change: Change, side: str) -> Span | None:
    return change.a if side == "a" else change.b


_GAP_WORDS = {
    ChangeKind.TRUNCATED: "{missing} has ended before this",
    ChangeKind.DUPLICATED: "a repeat: {other} has this paragraph twice",
    ChangeKind.MOVED: "moved: {missing} has this elsewhere",
}


def _gap_cell(comparison: Comparison, present: Cell | None, side: str) -> str:
    """The empty side of a row, saying why it is empty when a change on the other tells."""
    runs = present.runs if present is not None else ()
    kinds = {comparison.changes[run.change].kind for run in runs if run.change is not None}
    template = next((_GAP_WORDS[k] for k in _GAP_WORDS if k in kinds), "not in {missing}")
    words = template.format(missing=side.upper(), other="B" if side == "a" else "A")
    return f'<td class="gap" width="50%">— {escape(words)} —</td>'


def _changes_table(shown: Sequence[Change]) -> str:
    if not shown:
        return "<p>No differences to list.</p>"
    rows = [
        f'<tr><td align="right">{number}</td>'
        f'<td><span class="k-{change.kind}">{escape(label(change.kind))}</span>'
        f"{_subkind(change)}</td>"
        f"<td>{_excerpt(change.a)}</td><td>{_excerpt(change.b)}</td>"
        f"<td>{escape(change.reason)}</td></tr>"
        for number, change in enumerate(shown, start=1)
    ]
    head = (
        '<thead><tr><th width="4%">#</th><th width="12%">Kind</th><th width="26%">In A</th>'
        '<th width="26%">In B</th><th>Why</th></tr></thead>'
    )
    return f'<table class="changes" width="100%" cellspacing="0">{head}{"".join(rows)}</table>'


def _subkind(change: Change) -> str:
    return f"<br><small>{escape(change.subkind)}</small>" if change.subkind else ""


def _excerpt(span: Span | None) -> str:
    if span is None:
        return '<span class="gap">—</span>'
    return escape(shorten(span.text, EXCERPT))


def _text(raw: str) -> str:
    return escape(raw).replace("\n", "<br>")


def _one_line(article: Article) -> str:
    details = ", ".join(x for x in (article.source, article.date and article.date.isoformat()) if x)
    return f"{article.id} — {article.title}" + (f" ({details})" if details else "")


def _safe(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name)[:60] or "article"
