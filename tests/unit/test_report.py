"""The HTML report as a colleague reads it: highlights, reasons, metadata, filters, safety."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison, compare
from desktop.core.comparison.diff import CompareOptions, Op
from desktop.core.presentation.layout import ViewOptions, lay_out
from desktop.core.presentation.report import render_report, report_name, summary_text
from desktop.core.presentation.verdict import verdict
from desktop.core.storage.library import Library
from desktop.core.text.article import Article

MADE_AT = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.UTC)


class Page(HTMLParser):
    """What a browser would see: tags, plain text, and each highlight's kind, text and title."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.highlights: list[tuple[str, str, str]] = []
        self._open: list[tuple[str, str] | None] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        found = dict(attrs)
        if tag == "span":
            kind = (found.get("class") or "").removeprefix("k-")
            title = found.get("title")
            self._open.append((kind, title) if title else None)
            if title:
                self.highlights.append((kind, "", title))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._open and self._open[-1] is not None:
            kind, title = self._open[-1]
            last = self.highlights[-1]
            self.highlights[-1] = (kind, last[1] + data, title)

    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    library = Library.open()
    return compare(library.get("002"), library.get("004"))


def test_the_report_parses_and_highlights_each_change_with_its_kind_and_reason(
    comparison: Comparison,
) -> None:
    """Every change of 002 vs 004 is highlighted in the text, titled with its kind and reason."""
    page = Page(render_report(comparison, made_at=MADE_AT))
    titles = {title for _, _, title in page.highlights}
    for change in comparison.changes:
        assert any(change.reason in title for title in titles), change.reason
    kinds = {kind for kind, _, _ in page.highlights}
    assert {change.kind.value for change in comparison.changes} <= kinds


def test_a_copy_edit_of_the_seeds_is_shown_as_one(comparison: Comparison) -> None:
    """DESIGN's example: 002's "little to discuss" is 004's "little to talk about"."""
    page = Page(render_report(comparison, made_at=MADE_AT))
    copy_edits = {text for kind, text, _ in page.highlights if kind == "copy-edit"}
    assert {"discuss", "talk about"} <= copy_edits


def test_the_report_tells_what_was_compared_and_the_summary(comparison: Comparison) -> None:
    """Titles, origins, text digests, similarity, derivation, counts and legend are all there."""
    text = Page(render_report(comparison, made_at=MADE_AT)).plain()
    for article in (comparison.a, comparison.b):
        digest = hashlib.sha256(article.text.encode()).hexdigest()
        assert digest[:32] in text
        assert digest[32:] in text
        assert article.title in text
        assert article.origin in text
    assert f"{comparison.similarity:.0%} similar" in text
    said = verdict(comparison)
    assert comparison.derived is not None
    assert said.headline in text
    assert said.evidence in text
    assert "002 names no source; 004 credits BBC." in text
    assert "wavy underline" in text
    assert "Made: 2025-03-01 09:30+00:00" in text


def test_the_report_needs_nothing_outside_itself(comparison: Comparison) -> None:
    """No scripts, no linked stylesheets, no images, no web fonts."""
    html = render_report(comparison, made_at=MADE_AT)
    page = Page(html)
    assert not {"script", "link", "img", "iframe", "object"} & set(page.tags)
    assert not [name for name, _ in page.attributes if name in {"src", "onload", "onclick"}]
    assert "url(" not in html


def test_article_text_stays_text() -> None:
    """Markup inside an article is shown as characters, never run or rendered."""
    hostile = '<script>alert("x")</script> <img src=x onerror=alert(1)> & "quotes"'
    a = Article(id="a", title="<b>Bold</b> title", text=f"First line.\n\n{hostile}")
    b = Article(id="b", title="B", text="First line.\n\nSomething else entirely.")
    page = Page(render_report(compare(a, b), made_at=MADE_AT))
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "<b>Bold</b> title" in page.plain()
    assert hostile in page.plain()


def test_the_same_comparison_gives_the_same_report(comparison: Comparison) -> None:
    """Deterministic: made twice at the same moment, byte for byte equal."""
    library = Library.open()
    again = compare(library.get("002"), library.get("004"))
    assert render_report(comparison, made_at=MADE_AT) == render_report(again, made_at=MADE_AT)


@pytest.mark.parametrize(
    ("options", "compare_options", "said"),
    [
        (ViewOptions(), CompareOptions(), "none (every change shown)"),
        (ViewOptions(hide_copy_edits=True), CompareOptions(), "copy-edits hidden"),
        (ViewOptions(fold_boilerplate=True), CompareOptions(), "site chrome folded"),
        (ViewOptions(), CompareOptions(ignore_case=True), "case ignored"),
        (ViewOptions(), CompareOptions(ignore_punctuation=True), "punctuation ignored"),
    ],
)
def test_the_filters_that_were_on_are_written_down(
    options: ViewOptions, compare_options: CompareOptions, said: str
) -> None:
    """The report says which view filters and comparison options shaped it."""
    library = Library.open()
    comparison = compare(library.get("002"), library.get("004"), options=compare_options)
    text = Page(render_report(comparison, view=options, made_at=MADE_AT)).plain()
    assert f"Filters: {said}" in text


def test_hidden_copy_edits_are_neither_highlighted_nor_listed(comparison: Comparison) -> None:
    """With copy-edits hidden, no copy-edit highlight remains, the other kinds do."""
    page = Page(render_report(comparison, view=ViewOptions(hide_copy_edits=True)))
    kinds = {kind for kind, _, _ in page.highlights}
    assert "copy-edit" not in kinds
    assert "boilerplate" in kinds
    assert "(hidden)" in page.plain()


def test_folded_boilerplate_leaves_the_text_but_keeps_the_list(comparison: Comparison) -> None:
    """Folding site chrome removes it from the side-by-side text; the list still names it."""
    chrome = [c for c in comparison.changes if c.kind is ChangeKind.BOILERPLATE and c.a is None]
    line = next(c.b.text for c in chrome if c.b is not None and "Story Code" in c.b.text)
    folded = render_report(comparison, view=ViewOptions(fold_boilerplate=True))
    side_by_side, listed = folded.split("Changes and their reasons")
    assert "lines of site chrome folded away" in side_by_side
    assert line not in side_by_side
    assert line in listed
    assert "By BBC" in side_by_side  # a credit line is never folded


def test_summary_text_and_file_name(comparison: Comparison) -> None:
    """The clipboard summary names both versions, the similarity and the counts."""
    text = summary_text(comparison)
    assert text.startswith(f"A: {comparison.a.id} — ")
    assert f"Similarity: {comparison.similarity:.0%}" in text
    assert "Credits: 002 names no source; 004 credits BBC." in text
    assert f"{comparison.counts[ChangeKind.COPY_EDIT]} copy-edit" in text
    assert report_name(comparison, ".pdf") == f"{comparison.a.id}-vs-{comparison.b.id}.pdf"


def test_the_report_marks_the_words_a_rewrite_swapped_as_the_window_does(
    comparison: Comparison,
) -> None:
    """Inside a rewrite, the words the diff swapped are on the deeper tint: the very runs the
    window paints so (``lay_out``), word for word."""
    html = render_report(comparison, made_at=MADE_AT)
    texts = {"a": comparison.a.text, "b": comparison.b.text}
    painted = [
        texts[side][run.start : run.end]
        for row in lay_out(comparison).rows
        for side, cell in (("a", row.a), ("b", row.b))
        if cell is not None
        for run in cell.runs
        if run.op is not Op.EQUAL
        and run.change is not None
        and comparison.changes[run.change].kind is ChangeKind.REWRITE
    ]
    marked = re.findall(r'<span class="w-rewrite">(.*?)</span>', html, re.S)
    assert painted
    assert [unescape(text.replace("<br>", "\n")) for text in marked] == painted
    assert ".w-rewrite { background-color: " in html


def test_every_listed_change_is_numbered_in_the_text(comparison: Comparison) -> None:
    """Each change of the list has its number in the side-by-side text, where it ends."""
    html = render_report(comparison, made_at=MADE_AT)
    side_by_side = html.split("<h2>Changes and their reasons</h2>")[0]
    numbers = {int(n) for n in re.findall(r'<sup class="num">(\d+)</sup>', side_by_side)}
    assert numbers == set(range(1, len(comparison.changes) + 1))


def test_the_report_links_each_articles_web_address() -> None:
    """004's page address is a link in the metadata table; 002 has none recorded."""
    library = Library.open()
    report = render_report(compare(library.get("002"), library.get("004")))
    url = "https://theiranproject.com/vdcbs0bw.rhbwfpe4ur.html"
    assert f'<tr><th>Web address</th><td>unknown</td><td><a href="{url}">{url}</a>' in report
