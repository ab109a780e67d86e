"""Benchmark of compare(): word diff plus classification on ~6 KB, ~100 KB and ~1 MB pairs.

Baseline, measured in the same run on the same token lists: difflib's SequenceMatcher
(without autojunk; on the 1 MB pair with autojunk, since without it takes minutes). Each
time is a median, with its ratio to the baseline; "equal words" counts the words each
aligns (alignment quality).

Heavily edited pairs (``heavy_pair``: 5% of the words swapped, a paragraph moved, two
dropped, site chrome added) are timed beside the bare word diff compare() is built on:
both texts cut into tokens, each token one character, one fast-diff-match-patch diff with
semantic cleanup (``bare_word_diff``). Times there are CPU seconds of this process
(``time.process_time``), runs of the two interleaved: on a shared machine they vary far
less than wall time. Precision and recall per kind come from the hand-labelled seed
changes in tests/data/labels. Budget (DESIGN.md): compare() on a heavily edited pair at most
1.5 times the bare word diff at 6 KB and 100 KB, 2 times at 1 MB (``compare_budget_ratio``).
"""

from __future__ import annotations

import difflib
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import fast_diff_match_patch

from desktop.core.comparison.compare import Comparison, compare
from desktop.core.comparison.diff import Op, align
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.text.tokens import is_word, token_key, token_texts, tokenise
from tests.seed_labels import load_labels, precision_recall

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
_EDITS = (("defence", "defense"), ("Nato", "NATO"), ("Mr Lavrov", "Sergei Lavrov"),
          ("said", "says"), ("talks", "negotiations"), ("colour", "color"))  # fmt: skip
_CHROME_HEAD = ["Home Breaking News", "Story Code : 88635", "Tuesday 11 March 2014 - 14:31"]
_CHROME_FOOT = ["By BBC", "https://example.com/story/1.html", "Your Name", "Your Email Address"]


def _original(rng: random.Random, size: int) -> tuple[list[str], list[str]]:
    """Paragraphs of about ``size`` characters from the seeds' words, and those words.

    Half the words replaced: each copy of a seed paragraph is a paragraph of its own.
    """
    paragraphs = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 8
    ]
    vocabulary = sorted({word for paragraph in paragraphs for word in paragraph.split()})
    original: list[str] = []
    while sum(len(p) + 2 for p in original) < size:
        words = [
            rng.choice(vocabulary) if rng.random() < 0.5 else word
            for word in rng.choice(paragraphs).split()
        ]
        original.append(" ".join(words))
    return original, vocabulary


def build_pair(size: int, seed: int = 6) -> tuple[str, str]:
    """A text of about ``size`` characters and a derived version of it, deterministically.

    The derived text has word edits, a dropped and a moved paragraph per ~40, a repeated
    lead and site chrome at both ends.
    """
    rng = random.Random(seed)
    original, _ = _original(rng, size)
    derived = []
    for n, paragraph in enumerate(original):
        if n % 40 == 17:
            continue  # dropped
        for old, new in _EDITS:
            if rng.random() < 0.3:
                paragraph = paragraph.replace(old, new, 1)
        derived.append(paragraph)
    for n in range(5, len(derived) - 30, 40):
        derived.insert(n + 25, derived.pop(n))  # moved
    derived = [*_CHROME_HEAD, *derived[:2], *derived, *_CHROME_FOOT]
    return "\n\n".join(original), "\n\n".join(derived)


def heavy_pair(size: int, seed: int = 17) -> tuple[str, str]:
    """A text of about ``size`` characters and a heavily edited version of it.

    One word in twenty swapped for another, a paragraph moved from a third of the way to
    two thirds, two paragraphs dropped, site chrome added at both ends.
    """
    rng = random.Random(seed)
    original, vocabulary = _original(rng, size)
    derived = [
        " ".join(rng.choice(vocabulary) if rng.random() < 0.05 else word for word in p.split())
        for p in original
    ]
    count = len(derived)
    derived.insert(2 * count // 3, derived.pop(count // 3))  # moved
    del derived[count // 2], derived[count // 4]  # dropped
    return "\n\n".join(original), "\n\n".join([*_CHROME_HEAD, *derived, *_CHROME_FOOT])


def bare_word_diff(a: str, b: str) -> int:
    """The word diff compare() is built on, alone: tokens as characters, one diff; its runs."""
    codebook: dict[str, str] = {}

    def encoded(text: str) -> str:
        chars = []
        for token in token_texts(text):
            char = codebook.get(token)
            if char is None:
                code = len(codebook) + 32
                char = codebook[token] = chr(code + 2048 if code >= 0xD800 else code)
            chars.append(char)
        return "".join(chars)

    runs = fast_diff_match_patch.diff(
        encoded(a), encoded(b), timelimit=0, checklines=False, cleanup="Semantic"
    )
    return len(runs)


def _cpu_ms(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """The median CPU time of each action over ``runs`` interleaved runs, in milliseconds."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            start = time.process_time()
            action()
            times[name].append(time.process_time() - start)
    return {name: round(1000 * statistics.median(spent), 2) for name, spent in times.items()}


def _measure_heavy(size: int, runs: int, budget: float) -> dict[str, object]:
    a_text, b_text = heavy_pair(size)
    a, b = Article("a", "a", a_text), Article("b", "b", b_text)
    spent = _cpu_ms(
        {
            "compare": lambda: compare(a, b),
            "align": lambda: align(a_text, b_text),
            "bare": lambda: bare_word_diff(a_text, b_text),
        },
        runs,
    )
    return {
        "size_kb": round(len(a_text.encode()) / 1024, 1),
        "compare_cpu_ms": spent["compare"],
        "align_cpu_ms": spent["align"],
        "bare_word_diff_cpu_ms": spent["bare"],
        "compare_ratio": round(spent["compare"] / spent["bare"], 2),
        "compare_budget_ratio": budget,
        "align_ratio": round(spent["align"] / spent["bare"], 2),
    }


def _median_ms(action: Callable[[], object], runs: int) -> tuple[float, object]:
    """The median time of ``runs`` runs in milliseconds, and what the action returned."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return round(1000 * statistics.median(times), 2), result


def _keys(text: str) -> list[str]:
    """The keys of the text's words and punctuation (spaces left out: difflib is quadratic in
    an element as frequent as the space)."""
    keys = (
        token_key(text[s:e], ignore_case=False, ignore_whitespace=False) for s, e in tokenise(text)
    )
    return [key for key in keys if not key.isspace()]


def _difflib_equal_words(a: list[str], b: list[str], *, autojunk: bool) -> int:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=autojunk)
    return sum(
        sum(1 for key in a[block.a : block.a + block.size] if is_word(key))
        for block in matcher.get_matching_blocks()
    )


def _measure_pair(name: str, a_text: str, b_text: str, runs: int) -> dict[str, object]:
    a, b = Article("a", "a", a_text), Article("b", "b", b_text)
    ours, comparison = _median_ms(lambda: compare(a, b), runs)
    assert isinstance(comparison, Comparison)
    a_keys, b_keys = _keys(a_text), _keys(b_text)
    autojunk = len(a_text) > 500_000
    baseline, difflib_equal_words = _median_ms(
        lambda: _difflib_equal_words(a_keys, b_keys, autojunk=autojunk), max(1, runs // 4)
    )
    equal_words = sum(
        sum(1 for s, e in tokenise(seg.a.text) if is_word(seg.a.text[s:e]))
        for seg in comparison.segments
        if seg.op is Op.EQUAL
    )
    return {
        "size_kb": round(len(a_text.encode()) / 1024, 1),
        "compare_ms": ours,
        f"difflib{'_autojunk' if autojunk else ''}_ms": baseline,
        "ratio_to_difflib": round(ours / baseline, 3) if baseline else None,
        "equal_words": equal_words,
        "difflib_equal_words": difflib_equal_words,
        "counts": {str(kind): n for kind, n in comparison.counts.items() if n},
        "name": name,
    }


def measure() -> dict[str, object]:
    library = Library([SEEDS], store=None, state_dir=Path("/nonexistent"))
    seeds = (library.get("002").text, library.get("004").text)
    figures: dict[str, object] = {
        "6kb": _measure_pair("seeds 002 vs 004", *seeds, runs=21),
        "100kb": _measure_pair("built", *build_pair(100_000), runs=7),
        "1mb": _measure_pair("built", *build_pair(1_000_000), runs=3),
        "heavy_6kb": _measure_heavy(6_000, runs=21, budget=1.5),
        "heavy_100kb": _measure_heavy(100_000, runs=7, budget=1.5),
        "heavy_1mb": _measure_heavy(1_000_000, runs=3, budget=2.0),
    }
    for pair, labels in load_labels().items():
        changes = compare(library.get(pair[0]), library.get(pair[1])).changes
        figures[f"labels_{pair[0]}_{pair[1]}"] = precision_recall(labels, changes)
    return figures
