"""The version index's postings: which articles share enough tokens, and only 32-bit ones."""

from __future__ import annotations

import numpy as np
import pytest

from desktop.core.versions.postings import Postings


def test_pairs_are_the_articles_sharing_enough_tokens() -> None:
    postings = Postings()
    postings.extend(
        [
            (0, np.array([1, 2, 3, 4], dtype=np.uint32)),
            (1, np.array([2, 3, 4, 9], dtype=np.uint32)),
            (2, np.array([4, 7, 8], dtype=np.uint32)),
        ]
    )
    assert postings.pairs(3).tolist() == [[0, 1]]
    assert postings.pairs(1).tolist() == [[0, 1], [0, 2], [1, 2]]


def test_wider_tokens_are_refused_not_cut_to_their_low_bits() -> None:
    """2**32 + 1 would pass for 1 and pair articles that share nothing."""
    postings = Postings()
    with pytest.raises(TypeError, match="32-bit"):
        postings.extend([(0, np.array([1], dtype=np.uint32)), (1, np.array([2**32 + 1]))])
