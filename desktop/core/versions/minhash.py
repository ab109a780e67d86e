"""MinHash band keys: a few tokens per article that versions of one story tend to share.

``band_keys(shingles)`` returns ``BANDS`` 64-bit keys for a set of shingle hashes. Two
articles whose shingle sets have Jaccard similarity J share at least one key with
probability 1 - (1 - J**ROWS)**BANDS (locality-sensitive hashing). Indexed in
``postings.Postings``, the keys find candidate versions with a fixed 32 postings per
article instead of one per shingle; ``related`` then verifies every candidate exactly.

The parameters favour recall at low Jaccard, because a republished copy is often a
truncated subset: a copy holding a third of the original has J ≈ 0.3 even when every one of
its shingles is in the original. With ``ROWS = 2`` and ``BANDS = 32`` (64 hash functions):

    J     0.10  0.15  0.20  0.30  0.50
    P     0.28  0.52  0.73  0.95  1.00

Hash functions are multiply-shift on the 64-bit shingle hashes (odd multiplier, addend,
top 32 bits), drawn from a fixed seed, so keys are stable across runs. numpy only; no Qt.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

ROWS = 2
BANDS = 32

_generator = np.random.default_rng(20140304)
_MULTIPLY = _generator.integers(1, 2**63, ROWS * BANDS, dtype=np.uint64) * np.uint64(2) + np.uint64(
    1
)
_ADD = _generator.integers(0, 2**63, ROWS * BANDS, dtype=np.uint64)
_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
_CHUNK = 4096


def signature(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The ``ROWS * BANDS`` minimum hash values of a non-empty set of shingle hashes."""
    lowest = np.full(ROWS * BANDS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, shingles.size, _CHUNK):
        chunk = shingles[start : start + _CHUNK, None]
        hashed = (chunk * _MULTIPLY + _ADD) >> np.uint64(32)
        np.minimum(lowest, hashed.min(axis=0), out=lowest)
    return lowest


def band_keys(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """``BANDS`` keys, one per band of ``ROWS`` signature values; empty for no shingles."""
    if not shingles.size:
        return np.empty(0, dtype=np.uint64)
    rows = signature(shingles).reshape(BANDS, ROWS)
    keys = rows[:, 0] << np.uint64(32) | rows[:, 1]
    return np.unique(keys ^ _BAND_SALT)
