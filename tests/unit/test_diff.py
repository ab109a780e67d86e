"""The word diff: segments, paragraph pairing, moves, repeats, both engines, cancelling."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from desktop.core.comparison.diff import DiffCancelledError, Op, align, diff_keys
from desktop.core.text.tokens import lines, tokenise
from tests.conftest import SEEDS

SEED_TEXTS = {path.stem[:3]: path.read_text(encoding="utf-8") for path in SEEDS.glob("*.txt")}


def _changed(a: str, b: str) -> list[tuple[str, str]]:
    """(deleted, inserted) text of each changed run, in order."""
    runs: list[tuple[str, str]] = [("", "")]
    for segment in align(a, b).segments:
        if segment.op is Op.EQUAL:
            runs.append(("", ""))
        else:
            runs[-1] = (runs[-1][0] + segment.a.text, runs[-1][1] + segment.b.text)
    return [run for run in runs if run != ("", "")]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The missile defence unit.", "The missile defense unit.", [("defence", "defense")]),
        ("Nato and Russia", "NATO and Russia", [("Nato", "NATO")]),
        ("Mr Lavrov said", "Sergei Lavrov said", [("Mr", "Sergei")]),
        ("a b c", "a b c d", [("", " d")]),
    ],
)
def test_word_diff_finds_the_changed_words(a: str, b: str, expected: list) -> None:
    """Only the words that differ are marked, whole."""
    assert _changed(a, b) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("curly \u201cquotes\u201d and NBSP\u00a0here", 'curly "quotes" and NBSP here'),
        ("one\r\n\r\ntwo", "one\n\ntwo"),
        ("spaces  between", "spaces between"),
    ],
)
def test_invisible_differences_are_no_change(a: str, b: str) -> None:
    """NBSP, curly quotes, CRLF and doubled spaces are equal words."""
    assert all(s.op is Op.EQUAL for s in align(a, b).segments)


def test_ignore_case_makes_case_changes_equal() -> None:
    """With ignore_case, 'Nato' and 'NATO' are the same word."""
    from desktop.core.comparison.diff import CompareOptions

    segments = align("Nato chief", "NATO chief", options=CompareOptions(ignore_case=True)).segments
    assert [s.op for s in segments] == [Op.EQUAL]


def test_paragraphs_pair_by_shared_words_and_moves_are_found() -> None:
    """A reworded paragraph stands beside its original; a swapped one is a move."""
    a = "Kerry met Lavrov in Paris on Monday.\n\nThe talks were tense.\n\nNato watched."
    b = "Nato watched.\n\nKerry met Sergei Lavrov in Paris on Monday.\n\nThe talks were tense."
    alignment = align(a, b)
    assert alignment.pairs == ((0, 1), (1, 2))
    assert alignment.moves == ((2, 0),)


def test_a_repeated_paragraph_points_at_the_one_it_repeats() -> None:
    """A paragraph B has twice is a repeat of its first copy."""
    a = "Lead paragraph here.\n\nSecond paragraph."
    b = "Lead paragraph here.\n\nLead paragraph here.\n\nSecond paragraph."
    alignment = align(a, b)
    assert alignment.b_repeats == ((1, 0),)
    assert alignment.a_repeats == ()


def test_lines_skip_blank_lines_and_surrounding_spaces() -> None:
    """Lines are the non-blank ones, without their indentation."""
    text = "Title\n\n  \u2022 bullet \n\u00a0\nEnd"
    assert [text[s:e] for s, e in lines(text)] == ["Title", "\u2022 bullet", "End"]


def test_tokens_tile_the_text_and_keep_words_whole() -> None:
    """Tokens rebuild the text; a word with an accent or apostrophe is one token."""
    text = "Caf\u0065\u0301 Ukraine\u2019s  \U0001f600!"
    tokens = [text[s:e] for s, e in tokenise(text)]
    assert "".join(tokens) == text
    assert "Caf\u0065\u0301" in tokens
    assert "Ukraine\u2019s" in tokens


@pytest.mark.parametrize(("a", "b"), [("000", "001"), ("002", "004"), ("001", "003")])
def test_fast_and_pure_python_engines_agree(a: str, b: str) -> None:
    """The C++ and the pure-Python diff-match-patch give the same runs on the seeds."""
    words_a, words_b = SEED_TEXTS[a].split(), SEED_TEXTS[b].split()
    assert diff_keys(words_a, words_b, engine="fast") == diff_keys(
        words_a, words_b, engine="python"
    )


def test_cancelling_stops_the_comparison() -> None:
    """A comparison whose caller cancels raises instead of finishing."""
    with pytest.raises(DiffCancelledError, match="cancelled"):
        align(SEED_TEXTS["000"], SEED_TEXTS["001"], should_cancel=lambda: True)


INSERTED_LIST = """
from desktop.core.comparison.diff import align
a = "Models help with tasks like translation, summarisation and more."
b = a.replace("translation, ", "translation, text classification, paraphrasing, ")
print([(s.op.value, s.a.text, s.b.text) for s in align(a, b).segments])
"""


def test_the_word_diff_is_the_same_in_every_run() -> None:
    """Where an insertion could stand one space earlier or later, every run (whatever
    Python's string hashing) puts it in the same place."""
    found = {
        subprocess.run(
            [sys.executable, "-c", INSERTED_LIST],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("0", "1", "2")
    }
    assert len(found) == 1, found
    assert "text classification, paraphrasing, " in found.pop()
