"""Invariants of the word diff and of compare(), over any Unicode text."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.comparison.diff import Op, Segment, align
from desktop.core.text.article import Article

# Words, the awkward characters DESIGN names, and line breaks in every style.
_PIECES = st.one_of(
    st.sampled_from(
        ["Nato", "NATO", "defence", "defense", "Mr", "Lavrov", "said", "not", "2014", "the"]
    ),
    st.sampled_from(
        ["\u00a0", "\r\n", "\n\n", " ", "\u201c", '"', "e\u0301", "\u200d", "\U0001f600"]
    ),
    st.sampled_from(["\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "\u202e"]),
    st.text(max_size=6),
)
TEXTS = st.lists(_PIECES, max_size=40).map("".join)
# Pairs that share most of their text, so alignment (not only insertion) is exercised.
PAIRS = st.tuples(TEXTS, TEXTS, TEXTS, TEXTS).map(
    lambda t: (t[0] + t[1] + t[2], t[0] + t[3] + t[2])
)
# Articles of paragraphs that B reorders, drops, repeats and edits: moves, repeats, truncation.
_WORDS = st.sampled_from(
    ["Kerry", "met", "Lavrov", "in", "Paris", "on", "Monday", "talks", "were", "not", "held",
     "Nato", "NATO", "defence", "defense", "Mr", "Sergei", "said", "claimed", "\u2019s", "."]
)  # fmt: skip
_PARAGRAPHS = st.lists(
    st.lists(_WORDS, min_size=2, max_size=10).map(" ".join), min_size=1, max_size=8
)
_PICKS = st.lists(st.integers(0, 9), max_size=10)
_SEPARATORS = st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\u00a0\n"])
ARTICLES = st.tuples(_PARAGRAPHS, _PICKS, _SEPARATORS, TEXTS).map(
    lambda t: (
        "\n\n".join(t[0]),
        t[2].join([*(t[0][i % len(t[0])] for i in t[1]), t[3]]),
    )
)
PAIRS = st.one_of(PAIRS, ARTICLES)
EXAMPLES = settings(max_examples=150, deadline=None)


def _article(name: str, text: str) -> Article:
    return Article(id=name, title=name, text=text)


@EXAMPLES
@given(PAIRS)
def test_segments_rebuild_both_texts(pair: tuple[str, str]) -> None:
    """Equal + deleted segments give A back exactly; equal + inserted give B back."""
    a, b = pair
    segments = align(a, b).segments
    assert "".join(s.a.text for s in segments if s.op is not Op.INSERT) == a
    assert "".join(s.b.text for s in segments if s.op is not Op.DELETE) == b


@EXAMPLES
@given(PAIRS)
def test_spans_are_sorted_in_bounds_and_match_the_text(pair: tuple[str, str]) -> None:
    """Every span is where it says it is, and the spans of each side follow each other."""
    a, b = pair
    position = {"a": 0, "b": 0}
    for segment in align(a, b).segments:
        for side, span, text in (("a", segment.a, a), ("b", segment.b, b)):
            assert span.start == position[side] <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
            position[side] = span.end
    assert position == {"a": len(a), "b": len(b)}


@EXAMPLES
@given(TEXTS)
def test_a_text_compared_with_itself_has_no_changes(text: str) -> None:
    """Comparing a text with itself finds nothing, and calls it wholly similar."""
    comparison = compare(_article("x", text), _article("y", text))
    assert comparison.changes == ()
    assert comparison.similarity == 1.0
    assert all(segment.op is Op.EQUAL for segment in comparison.segments)


_SWAPPED = {ChangeKind.ADDED: ChangeKind.REMOVED, ChangeKind.REMOVED: ChangeKind.ADDED}


@EXAMPLES
@given(PAIRS)
def test_comparing_the_other_way_mirrors_the_changes(pair: tuple[str, str]) -> None:
    """B against A reports A against B's changes with sides swapped, added ↔ removed."""
    a, b = _article("a", pair[0]), _article("b", pair[1])
    forward, backward = compare(a, b), compare(b, a)
    mirrored = Counter(
        (_SWAPPED.get(c.kind, c.kind), c.subkind, c.b, c.a) for c in backward.changes
    )
    assert Counter((c.kind, c.subkind, c.a, c.b) for c in forward.changes) == mirrored
    assert forward.similarity == backward.similarity


def _stretches(segments: tuple[Segment, ...]) -> list[tuple[bool, int, int, int, int]]:
    """The segments as stretches: equal or changed, A start and end, B start and end."""
    found: list[tuple[bool, int, int, int, int]] = []
    for s in segments:
        equal = s.op is Op.EQUAL
        if found and not equal and not found[-1][0]:
            found[-1] = (False, found[-1][1], s.a.end, found[-1][3], s.b.end)
        else:
            found.append((equal, s.a.start, s.a.end, s.b.start, s.b.end))
    return found


@EXAMPLES
@given(PAIRS)
def test_the_word_diff_the_other_way_is_the_same_diff_turned_round(pair: tuple[str, str]) -> None:
    """B against A: the same stretches, equal and changed, with the sides swapped; each
    changed stretch as its deletion then its insertion."""
    a, b = pair
    forward, backward = align(a, b).segments, align(b, a).segments
    turned = [(equal, b0, b1, a0, a1) for equal, a0, a1, b0, b1 in _stretches(forward)]
    assert _stretches(backward) == turned
    for segments in (forward, backward):
        ops = [s.op for s in segments]
        assert all(x is not y and (x, y) != (Op.INSERT, Op.DELETE) for x, y in pairwise(ops))
