"""An inverted index from 32-bit tokens to the articles holding them, on sorted numpy arrays.

``Postings`` maps each 32-bit token (a content run, or a MinHash band key) to the slots
of the articles that hold it. It answers two questions:

- ``overlaps(tokens)``: for one article, how many of its tokens each other article shares
  (exact: every posting is read);
- ``pairs(min_shared)``: for the whole collection, the pairs of slots sharing at least
  ``min_shared`` tokens, from one sort of every (token, slot) posting. Tokens held by more
  than ``max_postings`` articles are left out of this join (they are recurring site text,
  not evidence of one story, and would make it quadratic), so counts are lower bounds and
  callers verify the pairs they keep.

Postings live in one sorted array plus a short list of recent additions merged in when it
grows past an eighth of the main array, so ``add`` costs amortised O(log n) copies rather
than a re-sort of the library; removed slots are dropped at the next merge. A posting costs
8 bytes (a 32-bit token and a 32-bit slot). Pure numpy; no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

Tokens = npt.NDArray[np.uint32]  # content runs or MinHash band keys
Slots = npt.NDArray[np.uint32]
Indices = npt.NDArray[np.int64]

MAX_POSTINGS = 200
"""Tokens held by more articles than this are left out of ``pairs`` (see module docstring)."""


class Postings:
    """Token → slots, for slots added with their (unique) tokens."""

    def __init__(self, *, max_postings: int = MAX_POSTINGS) -> None:
        self._max_postings = max_postings
        self._tokens: Tokens = np.empty(0, dtype=np.uint32)
        self._slots: Slots = np.empty(0, dtype=np.uint32)
        self._recent: list[tuple[int, Tokens]] = []
        self._recent_size = 0
        self._removed: set[int] = set()

    def add(self, slot: int, tokens: Tokens) -> None:
        """Index ``tokens`` (unique) under ``slot``."""
        self._recent.append((slot, tokens))
        self._recent_size += tokens.size
        if self._recent_size > max(4096, self._tokens.size // 8):
            self._merge()

    def extend(self, items: Iterable[tuple[int, Tokens]]) -> None:
        """Index many slots at once: one sort, however many there are."""
        self._recent.extend(items)
        self._merge()

    def remove(self, slot: int) -> None:
        """Forget ``slot``; its postings go at the next merge."""
        self._removed.add(slot)

    def overlaps(self, tokens: Tokens) -> dict[int, int]:
        """Slot → how many of ``tokens`` it holds, for every slot holding at least one."""
        left = np.searchsorted(self._tokens, tokens, side="left")
        right = np.searchsorted(self._tokens, tokens, side="right")
        hits = _expand_ranges(left, right)
        found: dict[int, int] = {}
        if hits.size:
            slots, counts = np.unique(self._slots[hits], return_counts=True)
            found = dict(zip(slots.tolist(), counts.tolist(), strict=True))
        for slot, held in self._recent:
            shared = int(np.intersect1d(held, tokens, assume_unique=True).size)
            if shared:
                found[slot] = found.get(slot, 0) + shared
        for slot in self._removed:
            found.pop(slot, None)
        return found

    def pairs(self, min_shared: int) -> Indices:
        """Rows ``(a, b)``, ``a < b``, of slots sharing at least ``min_shared`` indexed tokens."""
        self._merge()
        starts = np.flatnonzero(np.r_[True, self._tokens[1:] != self._tokens[:-1]])
        lengths = np.diff(np.r_[starts, self._tokens.size])
        keep = (lengths >= 2) & (lengths <= self._max_postings)
        starts, lengths = starts[keep], lengths[keep]
        run = np.repeat(np.arange(starts.size), lengths)
        slots = self._slots[_expand_ranges(starts, starts + lengths)].astype(np.int64)
        codes = np.empty(int((lengths * (lengths - 1) // 2).sum()), dtype=np.int64)
        filled = 0  # each pair of slots sharing a token, as one code: the pairs two, three … apart
        for step in range(1, int(lengths.max(initial=1))):
            same = np.flatnonzero(run[step:] == run[:-step])
            a, b = slots[same], slots[same + step]
            codes[filled : filled + same.size] = np.minimum(a, b) * (1 << 32) + np.maximum(a, b)
            filled += same.size
        codes.sort()  # in place, and counted where sorted: the codes of every token at once
        repeated = codes[min_shared - 1 :] == codes[: max(codes.size + 1 - min_shared, 0)]
        codes = np.unique(codes[min_shared - 1 :][repeated])  # held min_shared times or more
        return np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)

    def _merge(self) -> None:
        if not self._recent and not self._removed:
            return  # sorted as it stands: a copy of every posting for nothing
        if any(held.dtype != np.uint32 for _, held in self._recent):
            raise TypeError("tokens are 32-bit: the sort below keeps only those bits")
        tokens = np.concatenate([self._tokens, *(held for _, held in self._recent)])
        owners = np.fromiter((slot for slot, _ in self._recent), np.uint64, len(self._recent))
        sizes = [held.size for _, held in self._recent]
        slots = np.concatenate([self._slots, np.repeat(owners, sizes)], dtype=np.uint64)
        if self._removed:
            alive = ~np.isin(slots, np.fromiter(self._removed, np.uint64))
            tokens, slots = tokens[alive], slots[alive]
        postings = tokens.astype(np.uint64) << np.uint64(32) | slots
        del tokens, slots
        postings.sort()  # in place: by token, then slot (one array, not an order and two copies)
        self._tokens = (postings >> np.uint64(32)).astype(np.uint32)
        self._slots = postings.astype(np.uint32)  # the low 32 bits
        self._recent, self._recent_size, self._removed = [], 0, set()


def _expand_ranges(starts: Indices, stops: Indices) -> Indices:
    """The concatenation of ``range(start, stop)`` for each pair, without a Python loop."""
    lengths = stops - starts
    total = int(lengths.sum())
    if not total:
        return np.empty(0, dtype=np.int64)
    offsets = np.repeat(starts - np.cumsum(np.r_[0, lengths[:-1]]), lengths)
    expanded: Indices = np.arange(total, dtype=np.int64) + offsets
    return expanded
