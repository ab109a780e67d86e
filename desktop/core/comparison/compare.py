"""Compare two articles: the word diff explained as changes, the story's similarity, derivation.

``compare(a, b)`` aligns the two texts (``diff.align``), then explains every difference
as one ``Change`` of a kind from ``changes.ChangeKind``: lines only one side has are
boilerplate (site chrome, ``boilerplate.chrome``, which ``recurring`` and ``site`` tell
of lines that recur in a library; or the page around the story, by form and place:
``page.page_chrome``), duplicated (a repeat of a line of the
same side), moved (found elsewhere on the other side), truncated (the tail of one side when
the other stops early) or added/removed; edits inside paired lines are copy-edits or
rewrites (``edits.classify_edit``). Similarity is measured on the story text: chrome and
repeated lines are left out. ``compare(b, a)`` mirrors ``compare(a, b)``: the same
changes, added and removed swapped. A paragraph past LONGEST_PARAGRAPH characters (a
whole book on one line) is refused with ``TooLongToCompareError``, never minutes of CPU.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.comparison.boilerplate import Chrome, Credits, SiteLines, chrome, credits_in
from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.derivation import Derivation, Evidence, SideEvidence, derivation
from desktop.core.comparison.diff import (
    DEFAULT_OPTIONS,
    Alignment,
    Cancel,
    CompareOptions,
    Segment,
    Span,
    align,
)
from desktop.core.comparison.edits import classify_edit
from desktop.core.comparison.page import page_chrome
from desktop.core.errors import TooLongToCompareError
from desktop.core.language.names import Names
from desktop.core.language.stopwords import stop_words
from desktop.core.text.article import Article, short_names
from desktop.core.text.shorten import shorten
from desktop.core.text.tokens import words

LONGEST_PARAGRAPH = 500_000  # characters: a longer one is refused (see _check_length)
_TAIL_MIN_WORDS = 30  # a shorter missing tail is an ordinary removal, not a truncation


@dataclass(frozen=True, slots=True)
class AlignedBlock:
    """One row of the side-by-side view: a paragraph of each side, None for a gap."""

    a: Span | None
    b: Span | None


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two articles compared: the story's similarity, every change explained, the word diff.

    ``derived`` is the verdict of ``derivation`` on ``evidence`` (None: neither side);
    ``credits`` whom each side's credit lines name, shared lines included.
    """

    a: Article
    b: Article
    options: CompareOptions
    similarity: float
    counts: dict[ChangeKind, int]
    derived: Derivation | None
    evidence: Evidence
    changes: tuple[Change, ...]
    segments: tuple[Segment, ...]
    blocks: tuple[AlignedBlock, ...]
    credits: Credits


def compare(
    a: Article,
    b: Article,
    *,
    options: CompareOptions = DEFAULT_OPTIONS,
    recurring: frozenset[str] = frozenset(),
    site: Mapping[str, SiteLines] | None = None,
    should_cancel: Cancel = None,
) -> Comparison:
    """Compare two versions of a story; see the module docstring.

    ``recurring``: the keys of the lines that recur across a library; ``site``: for each
    article id, its lines that recur in other stories of its source (none without one).
    """
    for article in (a, b):
        _check_length(article)
    alignment = align(a.text, b.text, options=options, should_cancel=should_cancel)
    names = short_names(a, b)
    site = site or {}
    a_side = _Side(
        "a", a, names[a.id], alignment.a_lines, dict(alignment.a_repeats), recurring, site.get(a.id)
    )
    b_side = _Side(
        "b", b, names[b.id], alignment.b_lines, dict(alignment.b_repeats), recurring, site.get(b.id)
    )
    _mark_page(alignment, a_side, b_side)
    changes = _line_changes(alignment, a_side, b_side) + _edit_changes(
        alignment, a_side, b_side, options
    )
    changes.sort(key=_Order(alignment).key)
    shared = _shared_words(alignment, a_side, b_side)
    story = a_side.story_words() + b_side.story_words()
    similarity = 2 * shared / story if story else 1.0
    counts = Counter(change.kind for change in changes)
    evidence = _evidence(a_side, b_side, shared, round(similarity, 4), changes)
    return Comparison(
        a=a,
        b=b,
        options=options,
        similarity=round(similarity, 4),
        counts={kind: counts[kind] for kind in ChangeKind},
        derived=derivation(evidence),
        evidence=evidence,
        changes=tuple(changes),
        segments=alignment.segments,
        blocks=_blocks(alignment, a_side, b_side),
        credits=Credits(
            credits_in(a_side.texts, a_side.chrome), credits_in(b_side.texts, b_side.chrome)
        ),
    )


class _Side:
    """One article's lines, with the chrome rule each matches and the lines that repeat.

    ``label`` is the article as reasons name it ("004", see ``article.short_names``).
    """

    def __init__(
        self,
        name: str,
        article: Article,
        label: str,
        lines: Sequence[tuple[int, int]],
        repeats: dict[int, int],
        recurring: frozenset[str],
        site: SiteLines | None,
    ) -> None:
        self.name = name
        self.article = article
        self.label = label
        self.lines = lines
        self.repeats = repeats
        self.texts = [article.text[s:e] for s, e in lines]
        self.words = [len(words(text)) for text in self.texts]
        self.chrome: list[Chrome | None] = [
            chrome(text, self.texts[n - 1] if n else "", recurring, count=self.words[n], site=site)
            for n, text in enumerate(self.texts)
        ]

    def title_line(self) -> int | None:
        """The line that holds the article's title, or else its first story line."""
        title = self.article.title.strip()
        first = None
        for n, text in enumerate(self.texts):
            if text.strip() == title:
                return n
            if first is None and self.is_story(n):
                first = n
        return first

    def is_story(self, line: int) -> bool:
        return self.chrome[line] is None and line not in self.repeats

    def story_words(self) -> int:
        return sum(count for n, count in enumerate(self.words) if self.is_story(n))

    def span(self, first: int, last: int | None = None) -> Span:
        start, end = self.lines[first][0], self.lines[first if last is None else last][1]
        return Span(start, end, self.article.text[start:end])

    def change(self, kind: ChangeKind, subkind: str, reason: str, first: int, last: int) -> Change:
        """A change of lines ``first..last`` of this side only."""
        span = self.span(first, last)
        if self.name == "a":
            return Change(kind, subkind, reason, span, None)
        return Change(kind, subkind, reason, None, span)

    def quote(self, line: int, limit: int = 50) -> str:
        return shorten(self.texts[line], limit)


def _check_length(article: Article) -> None:
    """TooLongToCompareError if a paragraph of ``article`` is past LONGEST_PARAGRAPH.

    The word diff of one paragraph grows faster than its length (a one-line text of many
    megabytes takes minutes), while the same text in paragraphs of normal length compares
    in time about proportional to its length.
    """
    if len(article.text) <= LONGEST_PARAGRAPH:
        return
    longest = max(map(len, article.text.split("\n")))
    if longest > LONGEST_PARAGRAPH:
        raise TooLongToCompareError(
            f"{article.id} has a paragraph of {longest:,} characters, too long to compare"
            f" word by word (the limit is {LONGEST_PARAGRAPH:,}): break it into paragraphs"
        )


def _mark_page(alignment: Alignment, a: _Side, b: _Side) -> None:
    """Chrome by place and form: the lines one side alone has that are the page around the
    story, not the story (``page.page_chrome``)."""
    anchors = [*alignment.pairs, *alignment.moves]
    story = [(i, j) for i, j in anchors if a.chrome[i] is None and b.chrome[j] is None]
    if not story:
        return
    # The story's lines of one side, the same side whichever way round the pair is compared.
    sample, lines = (
        (a, [i for i, _ in story])
        if a.article.text <= b.article.text
        else (b, [j for _, j in story])
    )
    stop = stop_words(word for n in lines for word in words(sample.texts[n]))
    for side, shared, anchored in (
        (a, {i for i, _ in story}, {i for i, _ in anchors}),
        (b, {j for _, j in story}, {j for _, j in anchors}),
    ):
        judged = [n not in anchored and side.is_story(n) for n in range(len(side.lines))]
        found = page_chrome(side.texts, [n in shared for n in range(len(side.lines))], judged, stop)
        for n, rule in enumerate(found):
            if rule is not None:
                side.chrome[n] = rule


def _line_changes(alignment: Alignment, a: _Side, b: _Side) -> list[Change]:
    """Changes of whole lines: moves, chrome, repeats, a truncated tail, additions, removals."""
    changes: list[Change] = []
    moves = [(i, j) for i, j in alignment.moves if a.chrome[i] is None and b.chrome[j] is None]
    for i, j in moves:
        reworded = "" if a.texts[i] == b.texts[j] else ", with some words changed"
        reason = f"moved from paragraph {i + 1} to paragraph {j + 1}{reworded}"
        changes.append(Change(ChangeKind.MOVED, "paragraph", reason, a.span(i), b.span(j)))
    anchored_a = {i for i, _ in alignment.pairs} | {i for i, _ in moves}
    anchored_b = {j for _, j in alignment.pairs} | {j for _, j in moves}
    for side, other, anchored, other_anchored, kind in (
        (a, b, anchored_a, anchored_b, ChangeKind.REMOVED),
        (b, a, anchored_b, anchored_a, ChangeKind.ADDED),
    ):
        tail = _truncated_tail(side, other, anchored, other_anchored)
        if tail:
            changes.append(_truncation(side, other, tail))
        run: list[int] = []
        for n in range(len(side.lines)):
            rule = side.chrome[n]
            if n in anchored or n in tail:
                pass
            elif rule is not None:
                changes.append(side.change(ChangeKind.BOILERPLATE, rule.rule, rule.reason, n, n))
            elif n in side.repeats:
                reason = f"repeats the paragraph '{side.quote(side.repeats[n])}'"
                changes.append(side.change(ChangeKind.DUPLICATED, "paragraph", reason, n, n))
            else:
                run.append(n)
                continue
            changes.extend(_removal(side, other, run, kind))
            run = []
        changes.extend(_removal(side, other, run, kind))
    return changes


def _truncated_tail(
    side: _Side, other: _Side, anchored: set[int], other_anchored: set[int]
) -> list[int]:
    """The story lines ``side`` has after the other side's story ends, if that is a truncation."""
    if not anchored:
        return []
    tail = [n for n in range(max(anchored) + 1, len(side.lines)) if side.is_story(n)]
    other_tail = range(max(other_anchored) + 1, len(other.lines))
    if any(other.is_story(n) for n in other_tail):
        return []
    return tail if sum(side.words[n] for n in tail) >= _TAIL_MIN_WORDS else []


def _truncation(side: _Side, other: _Side, tail: list[int]) -> Change:
    words_left = sum(side.words[n] for n in tail)
    reason = (
        f"{other.label} stops early: {side.label} goes on for "
        f"{len(tail)} more paragraph{'s' * (len(tail) > 1)} ({words_left} words)"
    )
    return side.change(ChangeKind.TRUNCATED, "ending", reason, tail[0], tail[-1])


def _removal(side: _Side, other: _Side, run: list[int], kind: ChangeKind) -> list[Change]:
    """One change for a run of consecutive lines that only ``side`` has."""
    if not run:
        return []
    more = f" and {len(run) - 1} more paragraph{'s' * (len(run) > 2)}" if len(run) > 1 else ""
    reason = f"not in {other.label}: '{side.quote(run[0])}'{more}"
    subkind = "paragraphs" if len(run) > 1 else "paragraph"
    return [side.change(kind, subkind, reason, run[0], run[-1])]


def _edit_changes(
    alignment: Alignment, a: _Side, b: _Side, options: CompareOptions
) -> list[Change]:
    """Changes inside paired lines: copy-edits, rewrites, sentences added or removed."""
    hidden = {
        subkind
        for subkind, hide in (
            ("case", options.ignore_case),
            ("punctuation", options.ignore_punctuation),
            ("whitespace", options.ignore_whitespace),
        )
        if hide
    }
    changes = []
    names = Names(a.article.text, b.article.text)
    a_title, b_title = a.title_line(), b.title_line()
    for edit in alignment.edits:
        i, j = alignment.pairs[edit.pair]
        (a0, _), (b0, _) = a.lines[i], b.lines[j]
        a_span = Span(edit.a[0], edit.a[1], a.article.text[edit.a[0] : edit.a[1]])
        b_span = Span(edit.b[0], edit.b[1], b.article.text[edit.b[0] : edit.b[1]])
        rule = a.chrome[i] or b.chrome[j]
        if a.chrome[i] is not None and b.chrome[j] is not None and rule is not None:
            changes.append(Change(ChangeKind.BOILERPLATE, rule.rule, rule.reason, a_span, b_span))
            continue
        verdict = classify_edit(
            a.texts[i],
            (edit.a[0] - a0, edit.a[1] - a0),
            b.texts[j],
            (edit.b[0] - b0, edit.b[1] - b0),
            names,
            headline=i == a_title or j == b_title,
        )
        if verdict.subkind in hidden:
            continue
        changes.append(
            Change(
                verdict.kind,
                verdict.subkind,
                verdict.reason,
                None if verdict.kind is ChangeKind.ADDED else a_span,
                None if verdict.kind is ChangeKind.REMOVED else b_span,
            )
        )
    return changes


def _shared_words(alignment: Alignment, a: _Side, b: _Side) -> int:
    """Words of the story both sides hold: in paired lines and in moved ones."""
    shared = sum(
        a.words[i] if count is None else count
        for (i, j), count in zip(alignment.pairs, alignment.equal_words, strict=True)
        if a.is_story(i) and b.is_story(j)
    )
    for i, j in alignment.moves:
        if a.is_story(i) and b.is_story(j):
            a_words = Counter(w.casefold() for w in words(a.texts[i]))
            b_words = Counter(w.casefold() for w in words(b.texts[j]))
            shared += (a_words & b_words).total()
    return shared


def _evidence(
    a: _Side, b: _Side, shared: int, similarity: float, changes: Sequence[Change]
) -> Evidence:
    """What each side shows of being the copy, for ``derivation`` to weigh."""

    def alone(kind: ChangeKind, side: _Side) -> int:
        """Changes of ``kind`` on ``side`` only."""
        return sum(1 for c in changes if c.kind is kind and (c.b if side is a else c.a) is None)

    def side_evidence(side: _Side, other: _Side) -> SideEvidence:
        return SideEvidence(
            name=side.label,
            contained=round(shared / max(side.story_words(), 1), 4),
            date=side.article.date,
            chrome_lines=alone(ChangeKind.BOILERPLATE, side),
            repeated=alone(ChangeKind.DUPLICATED, side),
            ends_early=alone(ChangeKind.TRUNCATED, other) > 0,  # the other has the tail
        )

    return Evidence(side_evidence(a, b), side_evidence(b, a), similarity)


def _blocks(alignment: Alignment, a: _Side, b: _Side) -> tuple[AlignedBlock, ...]:
    """Rows of the side-by-side view: paired lines side by side, the others against a gap."""
    blocks: list[AlignedBlock] = []
    next_a = next_b = 0
    for i, j in [*alignment.pairs, (len(a.lines), len(b.lines))]:
        blocks.extend(AlignedBlock(a.span(n), None) for n in range(next_a, i))
        blocks.extend(AlignedBlock(None, b.span(n)) for n in range(next_b, j))
        if i < len(a.lines):
            blocks.append(AlignedBlock(a.span(i), b.span(j)))
        next_a, next_b = i + 1, j + 1
    return tuple(blocks)


class _Order:
    """Changes in reading order of A; a change only B has goes where it would stand in A."""

    def __init__(self, alignment: Alignment) -> None:
        self.b_starts = [alignment.b_lines[j][0] for _, j in alignment.pairs]
        self.a_ends = [alignment.a_lines[i][1] for i, _ in alignment.pairs]

    def key(self, change: Change) -> tuple[int, int]:
        if change.a is not None:
            return change.a.start, change.b.start if change.b is not None else -1
        assert change.b is not None
        before = bisect_right(self.b_starts, change.b.start)
        return (self.a_ends[before - 1] if before else 0), change.b.start
