"""Opposites: whether two words are antonyms ("rose" and "fell", "won" and "lost").

The pairs are WordNet 3.0's direct antonyms (resources/lexicon/antonyms.tsv, built by
scripts/build_antonyms.py), matched on every lemma of each word (``lemmas``), so
inflected forms count: "rose" is a form of "rise", "fell" of "fall".
"""

from __future__ import annotations

from functools import cache

from desktop.core.language.lemmas import lemmas
from desktop.resources import resource


@cache
def _antonyms() -> dict[str, frozenset[str]]:
    """Each lemma's antonyms, both ways round."""
    text = resource("lexicon/antonyms.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    found: dict[str, set[str]] = {}
    for a, b in pairs:
        found.setdefault(a, set()).add(b)
        found.setdefault(b, set()).add(a)
    return {lemma: frozenset(others) for lemma, others in found.items()}


def opposite(a: str, b: str) -> bool:
    """Whether some lemma of ``a`` is a WordNet antonym of some lemma of ``b``."""
    table = _antonyms()
    b_lemmas = lemmas(b)
    return any(x in table and not (table[x] & b_lemmas).issubset({x}) for x in lemmas(a))


def has_opposite(word: str) -> bool:
    """Whether some lemma of ``word`` has an antonym at all."""
    table = _antonyms()
    return any(x in table for x in lemmas(word))
