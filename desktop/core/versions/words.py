"""Stemmed words of many texts at once, found on their code points with numpy.

``stemmed_words(texts)`` takes folded texts (``content`` folds them) and returns, for
every word of every line holding at least ``SHINGLE_WORDS`` words, in reading order:

- its stem's hash (``shingles.word_hash`` of the Snowball English stem, made odd), or 0
  for a function word (``STOP_WORDS``);
- its line, numbered across all the texts, so that two words are in one line exactly when
  their numbers are equal (a line never runs from one text into the next);
- which text it is in.

A word is what ``\\w+`` matches (an alphanumeric character, ``str.isalnum``, or ``_``) and
a line what ``str.splitlines`` cuts, the same words and lines as a regular expression over
each line would give (``tests/unit/test_words.py`` holds it to that), without making a
Python string of every word: the texts are joined and read as one array of code points,
and each word is known by a 64-bit key of its code points. A word is stemmed (PyStemmer,
imported here only) the first time its key is seen; the stems of the words seen so far
are kept in a sorted array (``_STEMS_KEPT`` of them at most), looked up with
``searchsorted``: a Python dictionary looked up once a word cost more than the rest.

numpy plus PyStemmer; no Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import Stemmer

from desktop.core.versions.shingles import SHINGLE_WORDS, mix, word_hash

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

Values = npt.NDArray[Any]  # one value per word, or per code point

_STEMMER = Stemmer.Stemmer("english")
_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines cuts
_OTHER, _WORD, _BREAK = 0, 1, 2
_BASE = 0x9E3779B97F4A7C15  # odd: a word's key weighs its i-th code point by _BASE ** i
_POWERS_KEPT = 64
_STEMS_KEPT = 1 << 17


def _kind(character: str) -> int:
    """Part of a word (what ``\\w`` matches), a line break, or other."""
    if character.isalnum() or character == "_":
        return _WORD
    return _BREAK if character in _LINE_BREAKS else _OTHER


_ASCII = np.array([_kind(chr(code)) for code in range(128)], dtype=np.uint8)
_WIDE: dict[int, int] = {}  # the kind of each code point above ASCII seen so far


@dataclass(frozen=True, slots=True)
class Words:
    """The words of some texts, in reading order (see the module docstring)."""

    stems: npt.NDArray[np.uint64]
    lines: npt.NDArray[np.int64]
    texts: npt.NDArray[np.int64]


def stemmed_words(texts: Sequence[str]) -> Words:
    """The stem, line and text of every word of ``texts`` in a line long enough to count."""
    joined = "\n".join(texts) + "\n"  # a line break after each text, so no line spans two
    points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    kinds = _kinds(points)
    edges = np.diff((kinds == _WORD).view(np.int8), prepend=np.int8(0))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    line_at = np.cumsum(kinds == _BREAK, dtype=np.int64)
    lines = line_at[starts]
    long_enough = np.bincount(lines)[lines] >= SHINGLE_WORDS
    starts, ends, lines = starts[long_enough], ends[long_enough], lines[long_enough]
    text_starts = np.cumsum([0] + [len(text) + 1 for text in texts[:-1]])
    owners = np.searchsorted(text_starts, starts, side="right") - 1
    keys = _keys(points, starts, ends)
    distinct, inverse = np.unique(keys, return_inverse=True)
    where = np.empty(distinct.size, np.int64)
    where[inverse] = np.arange(keys.size)  # where one of the words of each key stands
    stems = _STEMS.of(distinct, joined, starts[where], ends[where])
    return Words(stems=stems[inverse], lines=lines, texts=owners.astype(np.int64))


def _kinds(points: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint8]:
    """Each code point's kind: part of a word, a line break, or other."""
    kinds: npt.NDArray[np.uint8] = _ASCII[np.minimum(points, 127)]
    wide = points > 127
    if wide.any():
        seen = np.unique(points[wide])
        for point in set(seen.tolist()).difference(_WIDE):
            _WIDE[point] = _kind(chr(point))
        table = np.array([_WIDE[point] for point in seen.tolist()], dtype=np.uint8)
        kinds[wide] = table[np.searchsorted(seen, points[wide])]
    return kinds


def _keys(points: npt.NDArray[np.uint32], starts: Values, ends: Values) -> npt.NDArray[np.uint64]:
    """A 64-bit key per word: its code points weighed by powers of ``_BASE``, and its length.

    The code points of all the words, end to end, each weighed by the power of its place
    in its word, summed word by word.
    """
    if not starts.size:
        return np.empty(0, np.uint64)
    lengths = ends - starts
    before = np.cumsum(lengths) - lengths  # where each word begins among all the words' points
    place = np.arange(int(lengths.sum()), dtype=np.int64) - np.repeat(before, lengths)
    at = place + np.repeat(starts, lengths)
    powers = _POWERS if place.max() < _POWERS_KEPT else _powers_to(int(place.max()) + 1)
    sums: npt.NDArray[np.uint64] = np.add.reduceat(
        points[at].astype(np.uint64) * powers[place], before
    )
    return mix(sums ^ lengths.astype(np.uint64))


def _powers_to(count: int) -> npt.NDArray[np.uint64]:
    """``_BASE`` to the powers 0 to ``count`` - 1, wrapping, for words longer than usual."""
    powers: npt.NDArray[np.uint64] = np.multiply.accumulate(np.full(count, _BASE, np.uint64))
    return powers * np.uint64(pow(_BASE, -1, 1 << 64))


class _Stems:
    """Word key -> stem hash, for the words seen so far (``_STEMS_KEPT`` at most).

    A sorted array looked up with ``searchsorted``, and a dictionary of the words learned
    since it was last sorted, merged into it when they are an eighth of it. One lock: the
    version index and a window's request may fingerprint at once.
    """

    def __init__(self) -> None:
        self._keys = np.empty(0, np.uint64)
        self._stems = np.empty(0, np.uint64)
        self._learned: dict[int, int] = {}
        self._lock = threading.Lock()

    def of(
        self, keys: npt.NDArray[np.uint64], text: str, starts: Values, ends: Values
    ) -> npt.NDArray[np.uint64]:
        """The stem hash of each of sorted distinct ``keys``, whose words stand in ``text``
        at ``starts``/``ends``: only the words never seen are cut out and stemmed."""
        with self._lock:
            stems = np.zeros(keys.size, np.uint64)
            found = np.zeros(keys.size, bool)
            if self._keys.size:
                at = np.searchsorted(self._keys, keys).clip(max=self._keys.size - 1)
                found = self._keys[at] == keys
                stems[found] = self._stems[at[found]]
            for n in np.flatnonzero(~found).tolist():
                key = int(keys[n])
                stem = self._learned.get(key)
                if stem is None:
                    word = text[int(starts[n]) : int(ends[n])]
                    stemmed = "" if word in STOP_WORDS else _STEMMER.stemWord(word)
                    stem = self._learned[key] = word_hash(stemmed) | 1 if stemmed else 0
                stems[n] = stem
            if len(self._learned) > max(1024, self._keys.size // 8):
                self._merge()
            return stems

    def _merge(self) -> None:
        """The words learned put in the sorted array (in a new one, past ``_STEMS_KEPT``)."""
        learned = np.fromiter(self._learned.keys(), np.uint64, len(self._learned))
        stems = np.fromiter(self._learned.values(), np.uint64, len(self._learned))
        self._learned.clear()
        if self._keys.size + learned.size <= _STEMS_KEPT:
            learned = np.concatenate([self._keys, learned])
            stems = np.concatenate([self._stems, stems])
        order = np.argsort(learned)
        self._keys, self._stems = learned[order], stems[order]


_POWERS = _powers_to(_POWERS_KEPT)
_STEMS = _Stems()
