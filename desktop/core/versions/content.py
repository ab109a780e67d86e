"""Content words: what a reworded copy of a story keeps, and how much of it two versions share.

A republisher who rewords ("the minister said" → "the ministers stated", clauses swapped)
breaks every 5-word shingle the sentence had, but keeps most of its content words, in
order, in their stems. ``content_shingles(text)`` fingerprints a text by runs of
``CONTENT_WORDS`` consecutive content words:

- the text is folded as ``shingles`` folds it (characters and case) and cut into lines;
  links and e-mail addresses are dropped from a line, a line that is only an embed
  (``[youtube …]``) is skipped, and a line left with fewer than ``SHINGLE_WORDS`` words
  (menus, captions, bylines) gives nothing, as in ``shingles``;
- function words are dropped (``STOP_WORDS``: the Snowball project's English stop list,
  articles, pronouns, prepositions, conjunctions, auxiliaries: words a copy-editor changes
  freely), and every other word is reduced to its stem by the Snowball English stemmer
  (PyStemmer, imported here only), so "said", "says" and "saying"
  are one word;
- each run of ``CONTENT_WORDS`` stems within a line is hashed (``shingles.combine``) to
  its low 32 bits, made odd so that 0 is never a hash.

The result, ``Content``, is in reading order, and every line of n content words takes n
slots: its n - 2 runs then two zeros (a line of fewer than three: zeros only). So slot i
stands for content word i, and ``aligned(this, other)`` counts the content words of
``this`` that stand in a run also found in ``other``: the words that survived
copy-editing, aligned in threes, not merely present. Two unrelated articles on one topic
share words, seldom three in a row.

numpy plus PyStemmer; no Qt.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt
import Stemmer

from desktop.core.text.normalize import fold_characters
from desktop.core.versions.shingles import SHINGLE_WORDS, combine, word_hash

CONTENT_WORDS = 3
"""Content words per run: two unrelated articles on one topic share names and pairs of words
("prime minister"), seldom three content words in a row; a reworded sentence keeps some."""

Content = npt.NDArray[np.uint32]

STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma
    mightn mustn needn shan shouldn wasn weren won wouldn""".split()  # noqa: SIM905
)
"""The Snowball English stop list (as NLTK ships it), contractions split as ``\\w+`` splits them."""

_WORD = re.compile(r"\w+")
_LINK = re.compile(r"https?://\S*|www\.\S*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")  # slow to scan for (it backtracks): only where "@" is
_EMBED = re.compile(r"^[^\S\n]*\[[^\]\n]*\][^\S\n]*$", re.MULTILINE)
_STEMMER = Stemmer.Stemmer("english")
_GAP = CONTENT_WORDS - 1
_STEM_HASHES: dict[str, int] = {}
_STEMS_KEPT = 1 << 17


def content_shingles(text: str) -> Content:
    """The content-word runs of ``text``, a slot per content word (see the module docstring)."""
    words: list[str] = []
    line_of: list[int] = []
    folded = _LINK.sub(" ", _EMBED.sub("", fold_characters(text).casefold()))
    if "@" in folded:
        folded = _EMAIL.sub(" ", folded)
    for number, line in enumerate(folded.splitlines()):
        found = _WORD.findall(line)
        if len(found) >= SHINGLE_WORDS:
            words += found
            line_of += [number] * len(found)
    codes = np.array(_stem_hashes(words), dtype=np.uint64)
    content = codes != 0
    hashes, lines = codes[content], np.asarray(line_of, dtype=np.int64)[content]
    slots = np.zeros(hashes.size, dtype=np.uint32)
    if hashes.size >= CONTENT_WORDS:
        within_line = lines[: 1 - CONTENT_WORDS] == lines[_GAP:]
        combined = combine(hashes, CONTENT_WORDS).astype(np.uint32) | np.uint32(1)
        slots[: 1 - CONTENT_WORDS] = np.where(within_line, combined, np.uint32(0))
    return slots


def runs(content: Content) -> Content:
    """The distinct runs of a fingerprint, sorted (its slots without the zeros)."""
    distinct: Content = np.unique(content)
    return distinct[1:] if distinct.size and distinct[0] == 0 else distinct


def aligned(this: Content, other: Content) -> int:
    """How many content words of ``this`` stand in a run that ``other`` also holds."""
    if not this.size or not other.size:
        return 0
    found = _holds(np.sort(other), this)
    covered = found.copy()
    for shift in range(1, CONTENT_WORDS):
        covered[shift:] |= found[:-shift]
    return int(np.count_nonzero(covered))


def _holds(sorted_runs: Content, content: Content) -> npt.NDArray[np.bool_]:
    """Which slots of ``content`` hold a run found in ``sorted_runs`` (zeros never do)."""
    at = np.searchsorted(sorted_runs, content).clip(max=sorted_runs.size - 1)
    held: npt.NDArray[np.bool_] = (sorted_runs[at] == content) & (content != 0)
    return held


def _stem_hashes(words: list[str]) -> list[int]:
    """The hash of each word's stem, 0 for a stop word, remembered for ``_STEMS_KEPT`` words."""
    known = list(map(_STEM_HASHES.get, words))
    if None not in known:
        return known  # type: ignore[return-value]  # no None left
    if len(_STEM_HASHES) > _STEMS_KEPT:
        _STEM_HASHES.clear()
    for word in set(words).difference(_STEM_HASHES):
        stem = "" if word in STOP_WORDS else _STEMMER.stemWord(word)
        _STEM_HASHES[word] = word_hash(stem) | 1 if stem else 0
    return list(map(_STEM_HASHES.__getitem__, words))
