"""Ids, prefixes and the bundled sample articles."""

from __future__ import annotations

import hashlib

import pytest

from desktop.core.errors import AmbiguousIdError, ArticleNotFoundError
from desktop.core.library import Library
from tests.conftest import SEEDS


def test_the_default_library_holds_the_five_seeds() -> None:
    ids = [article.id for article in Library.open().articles()]
    assert ids == sorted(path.stem for path in SEEDS.glob("*.txt"))


def test_a_unique_prefix_finds_the_article() -> None:
    assert Library.open().get("003").id == "003_fdc6c1aa6c633632"


def test_the_sha256_is_of_the_raw_bytes() -> None:
    article = Library.open().get("000")
    raw = (SEEDS / "000_81f5a5d090ec48c8.txt").read_bytes()
    assert article.sha256 == hashlib.sha256(raw).hexdigest()


@pytest.mark.parametrize(
    ("ref", "error"),
    [("0", AmbiguousIdError), ("999", ArticleNotFoundError), ("", ArticleNotFoundError)],
)
def test_unknown_or_ambiguous_ids_raise_readable_errors(ref: str, error: type) -> None:
    with pytest.raises(error, match="article"):
        Library.open().get(ref)
