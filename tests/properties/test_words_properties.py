"""The stemmed words numpy finds are the words a regular expression finds, line by line."""

from __future__ import annotations

import itertools
import re

import Stemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.versions.content import content_shingles, content_shingles_each
from desktop.core.versions.shingles import SHINGLE_WORDS, word_hash
from desktop.core.versions.words import STOP_WORDS, stemmed_words

# Words, stop words, digits and underscores, letters outside ASCII (and ones that are not
# letters), every line break str.splitlines knows, a lone surrogate, spaces and punctuation.
_PIECES = st.one_of(
    st.sampled_from(["minister", "said", "saying", "the", "of", "2014", "snake_case", "x"]),
    st.sampled_from(["\u00e9t\u00e9", "stra\u00dfe", "\u0663\u0664", "\u05e9\u05dc\u05d5\u05dd"]),
    st.sampled_from(["e\u0301", "\u2122", "\U0001d7d8", "\U0001f600", "\ud800", "\x00"]),
    st.sampled_from(["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029"]),
    st.sampled_from([" ", "  ", "\t", ", ", ". ", "-", "'", "[", "]"]),
    st.text(max_size=4),
)
TEXTS = st.lists(_PIECES, max_size=60).map("".join)
_WORD = re.compile(r"\w+")
_STEMMER = Stemmer.Stemmer("english")


def _expected(texts: list[str]) -> list[tuple[int, int, int]]:
    """(stem hash, line, text) of each word, the plain way: a regex over each line."""
    words, line = [], 0
    for number, text in enumerate(texts):
        for each in text.splitlines():
            found = _WORD.findall(each)
            if len(found) >= SHINGLE_WORDS:
                for word in found:
                    stem = "" if word in STOP_WORDS else _STEMMER.stemWord(word)
                    words.append((word_hash(stem) | 1 if stem else 0, line, number))
            line += 1
    return words


def _lines_alike(found: list[tuple[int, int, int]], expected: list[tuple[int, int, int]]) -> bool:
    """Two words share a line in one list exactly when they do in the other."""
    pairs = zip(itertools.pairwise(found), itertools.pairwise(expected), strict=True)
    return all((a[1] == b[1]) == (c[1] == d[1]) for (a, b), (c, d) in pairs)


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXTS, min_size=1, max_size=5))
def test_the_words_of_each_line_and_text(texts: list[str]) -> None:
    """Same stems in the same order, in the same texts, cut into lines at the same places."""
    words = stemmed_words(texts)
    found = list(zip(words.stems.tolist(), words.lines.tolist(), words.texts.tolist(), strict=True))
    expected = _expected(texts)
    assert [(stem, text) for stem, _, text in found] == [(s, t) for s, _, t in expected]
    assert _lines_alike(found, expected)


@settings(max_examples=200, deadline=None)
@given(st.lists(TEXTS, max_size=5))
def test_texts_fingerprinted_together_or_alone_alike(texts: list[str]) -> None:
    """A text's runs do not depend on the texts fingerprinted beside it."""
    together = content_shingles_each(texts)
    assert [each.tolist() for each in together] == [content_shingles(t).tolist() for t in texts]
