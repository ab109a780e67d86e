"""Site chrome in real copied pages: how much of a page's chrome ``compare()`` calls chrome.

On trafilatura's evaluation pages (``/work/shared/corpora/trafilatura_eval_en``, read where
they are), each page gives two versions of one story: A, the article body (trafilatura's
extraction, kept only when it holds every ``with`` snippet of the page), and B, all the
visible text of the page, one block element a line (what a reader gets copying the whole
page). ``compare(A, B)`` then labels every word. Reported, per word and over all pages:

- ``page_only_boilerplate_share``: of B's words the word diff finds only in B (menus, share
  bars, related headlines, comments, footers), the share labelled boilerplate; the words
  labelled duplicated (the page repeating its own lines) are left out, and the kinds the
  others got are listed;
- ``article_boilerplate_share``: of A's words, the share labelled boilerplate on either side
  (the article's own words taken for chrome);
- the same two shares for the one-line rule "a line under 8 words that the other side
  lacks is chrome", on the same alignment, in the same run;
- where the page-only words not called boilerplate stand: before, inside or after the
  stretch of story both versions share.

Budget: page-only ≥ 0.85, article ≤ 0.02.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import trafilatura

from desktop.core.comparison.compare import Comparison, compare
from desktop.core.comparison.diff import Op, align
from desktop.core.text.article import Article
from desktop.core.text.tokens import lines, word_spans

CORPUS = Path(os.environ.get("RECENSION_EVAL_CORPUS", "/work/shared/corpora/trafilatura_eval_en"))
SHORT_LINE = 8  # the one-line rule: a one-sided line under this many words is chrome
_BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
     "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
     "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "option", "p",
     "pre", "section", "summary", "table", "td", "th", "tr", "ul"}
)  # fmt: skip
_INVISIBLE = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas"}
)
_SPACE = re.compile(r"\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


@dataclass(frozen=True, slots=True)
class Pair:
    name: str
    article: Article  # A: the article body
    page: Article  # B: all visible text


def visible_text(raw: bytes) -> str:
    """The page's visible text, one block element a line, blank lines between."""
    root = lxml.html.fromstring(raw)
    out: list[str] = []
    _walk(root, out)
    found = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n\n".join(line for line in found if line)


def _walk(element: lxml.html.HtmlElement, out: list[str], pre: bool = False) -> None:
    """Append the element's visible text: HTML's white space folded (kept in ``<pre>``), a
    line break around each block element."""
    tag = element.tag if isinstance(element.tag, str) else ""
    hidden = (
        not tag
        or tag in _INVISIBLE
        or element.get("hidden") is not None
        or _HIDDEN_STYLE.search(element.get("style") or "")
    )
    if not hidden:
        block = tag in _BLOCKS
        pre = pre or tag == "pre"
        out.append("\n" if block else "")
        out.append(_folded(element.text, pre))
        for child in element:
            _walk(child, out, pre)
        out.append("\n" if block else "")
    out.append(_folded(element.tail, pre))


def _folded(text: str | None, pre: bool) -> str:
    return (text or "") if pre else _SPACE.sub(" ", text or "")


def pairs() -> Iterator[Pair]:
    """A and B of every page whose extraction holds all its ``with`` snippets."""
    cases = json.loads((CORPUS / "evaldata_en_subset.json").read_text(encoding="utf-8"))
    for entry in cases.values():
        path = CORPUS / "html" / f"{entry['file']}.gz"
        if not path.is_file():
            continue
        raw = gzip.decompress(path.read_bytes())
        body = trafilatura.extract(raw, include_comments=False) or ""
        flat = " ".join(body.split())
        if not body or not all(" ".join(s.split()) in flat for s in entry["with"]):
            continue
        text = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
        yield Pair(
            entry["file"],
            Article(id="A", title="", text=text),
            Article(id="B", title="", text=visible_text(raw)),
        )


def _labels(length: int, spans: Sequence[tuple[int, int, str]]) -> list[str]:
    """One label per character: the label of the narrowest span covering it, or ""."""
    out = [""] * length
    for start, end, label in sorted(spans, key=lambda s: s[0] - s[1]):
        out[start:end] = [label] * (end - start)
    return out


@dataclass(frozen=True, slots=True)
class Words:
    """Where the words are: B's words only B has, A's words, and A's word → its B twin."""

    page_only: list[int]
    article: list[int]
    twin: dict[int, int]

    @classmethod
    def of(cls, comparison: Comparison) -> Words:
        page_only: list[int] = []
        twin: dict[int, int] = {}
        for segment in comparison.segments:
            if segment.op is Op.INSERT:
                page_only += [segment.b.start + x for x, _ in word_spans(segment.b.text)]
            elif segment.op is Op.EQUAL:
                a_spans, b_spans = word_spans(segment.a.text), word_spans(segment.b.text)
                for (x, _), (y, _) in zip(a_spans, b_spans, strict=False):
                    twin[segment.a.start + x] = segment.b.start + y
        article = [start for start, _ in word_spans(comparison.a.text)]
        return cls(page_only, article, twin)

    def count(
        self, labels: tuple[list[str], list[str]], page_only: Counter[str], article: Counter[str]
    ) -> None:
        """Add each word's label: a page-only word's own, an article word's on either side."""
        a_labels, b_labels = labels
        page_only.update(b_labels[at] for at in self.page_only)
        for at in self.article:
            label = a_labels[at]
            if label != "boilerplate" and at in self.twin:
                label = b_labels[self.twin[at]] or label
            article[label] += 1


def _change_labels(comparison: Comparison) -> tuple[list[str], list[str]]:
    a_spans, b_spans = [], []
    for change in comparison.changes:
        label = str(change.kind)
        if change.a is not None:
            a_spans.append((change.a.start, change.a.end, label))
        if change.b is not None:
            b_spans.append((change.b.start, change.b.end, label))
    return (
        _labels(len(comparison.a.text), a_spans),
        _labels(len(comparison.b.text), b_spans),
    )


def _rule_labels(pair: Pair) -> tuple[list[str], list[str]]:
    """The one-line rule's labels: a line the other side lacks, under 8 words, is chrome."""
    alignment = align(pair.article.text, pair.page.text)
    anchored = [
        {i for i, _ in (*alignment.pairs, *alignment.moves)},
        {j for _, j in (*alignment.pairs, *alignment.moves)},
    ]
    out = []
    for text, side in ((pair.article.text, 0), (pair.page.text, 1)):
        spans = [
            (start, end, "boilerplate")
            for n, (start, end) in enumerate(lines(text))
            if n not in anchored[side] and len(word_spans(text[start:end])) < SHORT_LINE
        ]
        out.append(_labels(len(text), spans))
    return out[0], out[1]


def measure() -> dict[str, object]:
    if not (CORPUS / "evaldata_en_subset.json").is_file():
        return {"skipped": f"no corpus at {CORPUS}"}
    found = list(pairs())
    ours: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    rule: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    missed: Counter[str] = Counter()
    repeats = 0
    seconds = 0.0
    for pair in found:
        started = time.perf_counter()
        comparison = compare(pair.article, pair.page)
        seconds += time.perf_counter() - started
        located = Words.of(comparison)
        labels = _change_labels(comparison)
        # The page repeating its own lines is neither chrome nor story: left out of both.
        kept = [at for at in located.page_only if labels[1][at] != "duplicated"]
        repeats += len(located.page_only) - len(kept)
        located = Words(kept, located.article, located.twin)
        located.count(labels, *ours)
        located.count(_rule_labels(pair), *rule)
        missed.update(_missed(comparison, kept, labels[1]))
    page_words, article_words = sum(ours[0].values()), sum(ours[1].values())
    return {
        "pages": len(found),
        "page_only_words": page_words,
        "page_only_duplicated_words_left_out": repeats,
        "article_words": article_words,
        "page_only_boilerplate_share": _share(ours[0]),
        "article_boilerplate_share": _share(ours[1]),
        "short_line_rule_page_only_share": _share(rule[0]),
        "short_line_rule_article_share": _share(rule[1]),
        "page_only_by_kind": _by_kind(ours[0]),
        "article_by_kind": _by_kind(ours[1]),
        "page_only_missed_by_place": _by_kind(missed),
        "compare_ms_per_page": round(1000 * seconds / max(len(found), 1), 1),
        "budget": "page-only >= 0.85, article <= 0.02",
    }


def _missed(comparison: Comparison, page_only: list[int], labels: list[str]) -> Iterator[str]:
    """Where each page-only word not labelled boilerplate stands: before the story both
    versions share, inside it or after it."""
    shared = [seg.b.start for seg in comparison.segments if seg.op is Op.EQUAL and seg.b.text]
    first, last = (shared[0], shared[-1]) if shared else (0, 0)
    for at in page_only:
        if labels[at] != "boilerplate":
            yield "before" if at < first else "after" if at > last else "inside"


def _share(counts: Counter[str]) -> float:
    total = sum(counts.values())
    return round(counts["boilerplate"] / total, 4) if total else 0.0


def _by_kind(counts: Counter[str]) -> dict[str, float]:
    total = max(sum(counts.values()), 1)
    return {kind or "unlabelled": round(n / total, 4) for kind, n in counts.most_common()}
