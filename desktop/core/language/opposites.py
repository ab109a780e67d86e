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
def _antonyms() -> frozenset[tuple[str, str]]:
    text = resource("lexicon/antonyms.tsv").read_text(encoding="utf-8")
    pairs = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return frozenset((a, b) for a, b in pairs)


def opposite(a: str, b: str) -> bool:
    """Whether some lemma of ``a`` is a WordNet antonym of some lemma of ``b``."""
    table = _antonyms()
    return any((x, y) in table or (y, x) in table for x in lemmas(a) for y in lemmas(b) if x != y)
