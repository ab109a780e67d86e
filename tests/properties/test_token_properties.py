"""Invariants of the token helpers the comparison reads names and words with."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.text.tokens import (
    maybe_capitalised_word_spans,
    token_texts,
    tokenise,
    word_spans,
    words,
)

# Words that open with a capital or not, after apostrophes, digits and marks.
_PIECES = st.one_of(
    st.sampled_from(["Kerry", "kerry", "NATO", "l'Europe", "O\u2019Brien", "macDonald", "2014"]),
    st.sampled_from([" ", "\u00a0", "'", "\u2019", "_", "e\u0301", "\u0301E", "\u00c9", "\u00e9"]),
    st.text(max_size=4),
)
TEXTS = st.lists(_PIECES, max_size=30).map("".join)
_ASCII_PIECES = st.one_of(
    st.sampled_from(["Kerry", "don't", "rock'n'roll", "'", "it's'", "_x", "2014", "\n", "\x1c"]),
    st.text(st.characters(max_codepoint=127), max_size=4),
)
ASCII_TEXTS = st.lists(_ASCII_PIECES, max_size=30).map("".join)
EXAMPLES = settings(max_examples=300, deadline=None)


@EXAMPLES
@given(ASCII_TEXTS | TEXTS)
def test_maybe_capitalised_words_are_the_words_that_may_open_with_a_capital(text: str) -> None:
    """The same spans as word_spans, less those that open with a decimal digit, a lowercase
    ASCII letter or no alphanumeric at all ("_", a combining mark)."""
    expected = [
        (s, e)
        for s, e in word_spans(text)
        if text[s].isalnum() and not text[s].isdecimal() and not "a" <= text[s] <= "z"
    ]
    assert maybe_capitalised_word_spans(text) == expected


@EXAMPLES
@given(TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_words_of_a_stretch_are_the_words_of_its_slice(text: str, start: int, end: int) -> None:
    assert words(text, start, end) == words(text[start:end])


@EXAMPLES
@given(ASCII_TEXTS | TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_tokens_and_words_are_the_spans_sliced(text: str, start: int, end: int) -> None:
    """token_texts and words (which read ASCII text with patterns of its own) give what
    tokenise and word_spans find."""
    stretch = text[start:end]
    assert token_texts(text, start, end) == [text[s:e] for s, e in tokenise(text, start, end)]
    assert words(text, start, end) == [stretch[s:e] for s, e in word_spans(stretch)]
