"""Comparison keys make invisible differences vanish and keep visible ones."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.text.normalize import _TRANSLATION, comparison_key, fold_characters


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ukraine\u2019s", "Ukraine's"),
        ("\u201cact of aggression\u201d", '"act of aggression"'),
        ("crisis \u2013 a claim", "crisis - a claim"),
        ("no\u00a0break", "no break"),
        ("zero\u200bwidth", "zerowidth"),
        ("NATO", "nato"),
        ("  spaced\t out ", "spaced out"),
        ("\ufb01nal", "final"),
    ],
)
def test_invisible_differences_give_equal_keys(a: str, b: str) -> None:
    assert comparison_key(a) == comparison_key(b)


@pytest.mark.parametrize(("a", "b"), [("defence", "defense"), ("talks", "talk"), ("1994", "1995")])
def test_visible_differences_give_different_keys(a: str, b: str) -> None:
    assert comparison_key(a) != comparison_key(b)


@given(st.text())
def test_folding_is_nfkc_then_the_table_for_any_text(text: str) -> None:
    """The fast path folds exactly as NFKC followed by the translation table would."""
    reference = unicodedata.normalize("NFKC", text).translate(_TRANSLATION)
    assert fold_characters(text) == reference
