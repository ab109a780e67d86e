"""Word shingles: the fingerprint two versions of a story are compared by.

``shingle(text)`` takes an article's displayed text and returns its ``Shingles``: the
64-bit hashes of every run of ``SHINGLE_WORDS`` consecutive words, in reading order, plus
the number of lines that look like site chrome.

The text is compared as ``normalize.comparison_key`` compares it (characters and case
folded; its space collapsing is moot here), split into words with punctuation dropped.
Shingles never cross a line break, so a header or footer inserted between two paragraphs
adds no shingle to either. Site chrome is
left out as far as it is cheap to tell: lines shorter than ``SHINGLE_WORDS`` words (menus,
captions, bylines, "Your Email Address") produce no shingle, and lines holding a URL,
an e-mail address or a bracketed embed (``[youtube …]``) are skipped and counted as chrome.

Hashes are stable across runs and machines (BLAKE2b of each word, combined per shingle
with fixed odd multipliers and a SplitMix64 finaliser), so the sampling and MinHash built
on them are deterministic. Pure Python plus numpy; no Qt.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from desktop.core.text.normalize import fold_characters

SHINGLE_WORDS = 5
"""Words per shingle: long enough that two unrelated articles on one topic rarely share one,
short enough that a copy-edit every dozen words leaves most shingles intact."""

Hashes = npt.NDArray[np.uint64]

_WORD = re.compile(r"\w+")
_CHROME = re.compile(r"https?://|www\.|\S@\S+\.\w|^\[[^\]]*\]$")
_MULTIPLIERS = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
    ],
    dtype=np.uint64,
)


@dataclass(frozen=True, slots=True, eq=False)
class Shingles:
    """One article's shingles: ``ordered`` in reading order (repeats kept), ``unique`` sorted."""

    ordered: Hashes
    unique: Hashes
    chrome_lines: int
    words: int

    def __len__(self) -> int:
        return int(self.unique.size)


def shingle(text: str) -> Shingles:
    """The shingles of ``text`` (see the module docstring for what is left out)."""
    tokens: list[str] = []
    line_of: list[int] = []
    chrome = 0
    for number, line in enumerate(fold_characters(text).casefold().splitlines()):
        if _CHROME.search(line):
            chrome += 1
            continue
        words = _WORD.findall(line)
        if len(words) >= SHINGLE_WORDS:
            tokens += words
            line_of += [number] * len(words)
    count = len(tokens) - SHINGLE_WORDS + 1
    if count <= 0:
        empty = np.empty(0, dtype=np.uint64)
        return Shingles(ordered=empty, unique=empty, chrome_lines=chrome, words=len(tokens))
    hashes = np.fromiter(map(_known_word_hash, tokens), np.uint64, len(tokens))
    combined = combine(hashes, SHINGLE_WORDS)
    lines = np.asarray(line_of)
    within_line = lines[:count] == lines[SHINGLE_WORDS - 1 :]
    ordered = combined[within_line]
    return Shingles(
        ordered=ordered, unique=np.unique(ordered), chrome_lines=chrome, words=len(tokens)
    )


def combine(hashes: Hashes, width: int) -> Hashes:
    """The hash of every run of ``width`` consecutive word hashes (``width`` at most 5)."""
    count = hashes.size - width + 1
    combined = np.zeros(max(count, 0), dtype=np.uint64)
    for offset, multiplier in enumerate(_MULTIPLIERS[:width]):
        combined += hashes[offset : offset + count] * multiplier
    return mix(combined)


def mix(values: Hashes) -> Hashes:
    """SplitMix64's finaliser: every input bit moves every output bit (wrapping arithmetic)."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def word_hash(word: str) -> int:
    """A stable 64-bit hash of ``word`` (BLAKE2b)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


_known_word_hash = lru_cache(maxsize=1 << 17)(word_hash)  # a text's words recur in the next
