"""MinHash keys: a few tokens per article that versions of one story tend to share.

``band_keys(runs)`` returns ``BANDS`` 32-bit keys for a set of content-word runs (or any
set of hashes): the minimum of each of ``BANDS`` hash functions over the set, salted by
which function it is and hashed to 32 bits (bands of one value each; two keys of different
bands meet by chance about once in 2**32, and every candidate is verified anyway). Two
articles whose sets have Jaccard similarity J share each key with probability J, so
``related`` takes as candidates the pairs sharing at least ``MIN_SHARED_KEYS`` of them,
found in ``postings.Postings`` with a fixed 64 postings (512 bytes) per article instead of
one per run; it then verifies every candidate exactly. The chance a pair is a candidate,
1 - P(Binomial(64, J) < 4):

    J     0.01  0.02  0.05  0.10  0.15  0.20
    P     0.00  0.04  0.40  0.89  0.99  1.00

The parameters favour recall at low Jaccard, because a version is often a truncated
subset, or reworded: a copy holding a third of the original has J ≈ 0.3 even when every
run of it is in the original, and a light rewording (a third of the words replaced) keeps
about a third of its runs of three content words (J ≈ 0.2). Unrelated articles on one
topic sharing a stock phrase or two (J ≈ 0.01) are seldom candidates.

Hash functions are multiply-shift on the 64-bit values (odd multiplier, addend, top 32
bits), drawn from a fixed seed, so keys are stable across runs. numpy only; no Qt.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

BANDS = 64
Keys = npt.NDArray[np.uint32]
MIN_SHARED_KEYS = 4
"""Keys two articles must share to be verified as versions (see the module docstring)."""

_generator = np.random.default_rng(20140304)
_MULTIPLY = _generator.integers(1, 2**63, BANDS, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_ADD = _generator.integers(0, 2**63, BANDS, dtype=np.uint64)
_BAND_SALT = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
_KEY_MULTIPLIER = np.uint64(0xD6E8FEB86659FD93)  # odd: multiply-shift to the top 32 bits
_CHUNK = 4096


def signature(shingles: npt.NDArray[np.unsignedinteger[Any]]) -> npt.NDArray[np.uint64]:
    """The ``BANDS`` minimum hash values of a non-empty set of hashes."""
    lowest = np.full(BANDS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, shingles.size, _CHUNK):
        chunk = shingles[start : start + _CHUNK, None].astype(np.uint64)
        hashed = (chunk * _MULTIPLY + _ADD) >> np.uint64(32)
        np.minimum(lowest, hashed.min(axis=0), out=lowest)
    return lowest


def band_keys(shingles: npt.NDArray[np.unsignedinteger[Any]]) -> Keys:
    """``BANDS`` keys, each signature value salted by its band; empty for no hashes."""
    if not shingles.size:
        return np.empty(0, dtype=np.uint32)
    salted = (signature(shingles) ^ _BAND_SALT) * _KEY_MULTIPLIER
    return np.unique((salted >> np.uint64(32)).astype(np.uint32))
