"""Which version of a story looks like the original: the earliest, else the most complete."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.versions.related import VersionIndex
from desktop.core.versions.relations import Basis

STORY = [
    "Officials in Kyiv denied the report on Tuesday, saying no troops had crossed the border",
    "The foreign minister said talks would resume in Geneva next week with both delegations",
    "Observers from the monitoring mission reported heavy shelling near the eastern city",
    "Markets in Moscow fell sharply as investors weighed the prospect of further sanctions",
]


def _article(article_id: str, paragraphs: list[str], date: dt.date | None = None) -> Article:
    return Article(
        id=article_id, title=f"Title {article_id}", text="\n\n".join(paragraphs), date=date
    )


@pytest.fixture(scope="module")
def seeds() -> tuple[VersionIndex, dict[str, str]]:
    articles = Library.open().articles()
    return VersionIndex(articles), {article.id[:3]: article.id for article in articles}


@pytest.mark.parametrize(("member", "original"), [("000", "000"), ("001", "000"), ("004", "002")])
def test_seed_originals_are_the_bbc_articles(
    seeds: tuple[VersionIndex, dict[str, str]], member: str, original: str
) -> None:
    """000 is the original of 001 and 002 of 004: each holds its copy, so the most complete."""
    index, ids = seeds
    found = index.original(ids[member])
    assert found is not None
    assert found.id == ids[original]
    assert found.basis is Basis.MOST_COMPLETE
    assert found.reason.endswith("; the other version is contained in it")


def test_a_story_alone_has_no_original(seeds: tuple[VersionIndex, dict[str, str]]) -> None:
    """003 has no other version: nothing to call an original."""
    index, ids = seeds
    assert index.original(ids["003"]) is None


def test_the_earliest_dated_version_is_the_original() -> None:
    """Dated on two days, the earlier is the original, even when it is the shorter."""
    early = _article("b", STORY[:3], dt.date(2014, 3, 4))
    late = _article("a", STORY, dt.date(2014, 3, 6))
    found = VersionIndex([late, early]).original("a")
    assert found is not None
    assert (found.id, found.basis) == ("b", Basis.EARLIEST)
    assert found.reason == "the earliest, dated 4 March 2014"


def test_on_one_day_the_most_complete_is_the_original() -> None:
    """The same date on all: the longest version wins, and the reason counts its words."""
    day = dt.date(2014, 3, 4)
    cut = _article("a", STORY[:3], day)
    whole = _article("c", STORY, day)
    other_cut = _article("b", STORY[1:], day)
    found = VersionIndex([cut, whole, other_cut]).original("b")
    assert found is not None
    assert found.id == "c"
    assert found.reason.startswith("the most complete (")
    assert found.reason.endswith("; the other 2 versions are contained in it")
