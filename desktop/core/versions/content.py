"""Content words: what a reworded copy of a story keeps, and how much of it two versions share.

A republisher who rewords ("the minister said" → "the ministers stated", clauses swapped)
breaks every 5-word shingle the sentence had, but keeps most of its content words, in
order, in their stems. ``content_shingles(text)`` fingerprints a text by runs of
``CONTENT_WORDS`` consecutive content words:

- the text is folded as ``shingles`` folds it (characters and case) and cut into lines;
  links and e-mail addresses are dropped from a line, a line that is only an embed
  (``[youtube …]``) is skipped, and a line left with fewer than ``SHINGLE_WORDS`` words
  (menus, captions, bylines) gives nothing, as in ``shingles``;
- function words are dropped (``words.STOP_WORDS``: the Snowball project's English stop
  list, articles, pronouns, prepositions, conjunctions, auxiliaries: words a copy-editor
  changes freely), and every other word is reduced to its stem by the Snowball English
  stemmer (``words.stemmed_words``), so "said", "says" and "saying" are one word;
- each run of ``CONTENT_WORDS`` stems within a line is hashed (``shingles.combine``) to
  its low 32 bits, made odd so that 0 is never a hash.

The result, ``Content``, is in reading order, and every line of n content words takes n
slots: its n - 2 runs then two zeros (a line of fewer than three: zeros only). So slot i
stands for content word i, and ``aligned(this, other)`` counts the content words of
``this`` that stand in a run also found in ``other``: the words that survived
copy-editing, aligned in threes, not merely present. Two unrelated articles on one topic
share words, seldom three in a row.

``content_shingles_each(texts)`` fingerprints many texts at once, as a bulk build does:
the same runs, for a third of the time (the words of all of them are found in one pass
of numpy, not one of Python per text).

numpy only; no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from desktop.core.text.normalize import fold_characters
from desktop.core.versions.shingles import combine
from desktop.core.versions.words import stemmed_words

CONTENT_WORDS = 3
"""Content words per run: two unrelated articles on one topic share names and pairs of words
("prime minister"), seldom three content words in a row; a reworded sentence keeps some."""

Content = npt.NDArray[np.uint32]

_LINK = re.compile(r"https?://\S*|www\.\S*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")  # slow to scan for (it backtracks): only where "@" is
_EMBED = re.compile(r"^[^\S\n]*\[[^\]\n]*\][^\S\n]*$", re.MULTILINE)
_GAP = CONTENT_WORDS - 1


def content_shingles(text: str) -> Content:
    """The content-word runs of ``text``, a slot per content word (see the module docstring)."""
    return content_shingles_each([text])[0]


def content_shingles_each(texts: Sequence[str]) -> list[Content]:
    """The content-word runs of each of ``texts``: many at once cost less than one by one."""
    if not texts:
        return []
    words = stemmed_words([_cleaned(text) for text in texts])
    content = words.stems != 0
    hashes, lines, owners = words.stems[content], words.lines[content], words.texts[content]
    slots = np.zeros(hashes.size, dtype=np.uint32)
    if hashes.size >= CONTENT_WORDS:
        within_line = lines[: 1 - CONTENT_WORDS] == lines[_GAP:]
        combined = combine(hashes, CONTENT_WORDS).astype(np.uint32) | np.uint32(1)
        slots[: 1 - CONTENT_WORDS] = np.where(within_line, combined, np.uint32(0))
    ends = np.cumsum(np.bincount(owners, minlength=len(texts)))
    return np.split(slots, ends[:-1])


def _cleaned(text: str) -> str:
    """``text`` folded, without links, e-mail addresses and lines that are only an embed."""
    folded = fold_characters(text).casefold()
    if "[" in folded:
        folded = _EMBED.sub("", folded)
    if "http" in folded or "www." in folded:
        folded = _LINK.sub(" ", folded)
    if "@" in folded:
        folded = _EMAIL.sub(" ", folded)
    return folded


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
