"""Searches answered from the postings find, count and rank what Whoosh's own search does."""

from __future__ import annotations

import pickle
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh.system import pack_uint

from desktop.core.search.budget import bounded
from desktop.core.search.index import SearchIndex
from desktop.core.search.postings import _IDS_AND_WEIGHTS, _gaps, _ids_and_weights, ranked
from desktop.core.search.query import _encode, parse_query
from desktop.core.text.article import Article

WORDS = "harbour toll ferry pilot cargo crane quay storm tide beacon".split()  # noqa: SIM905
QUERIES = (
    "harbour",
    "beacon",
    "item",  # in every title: its title twin adds to the score
    "source:gazette",
    "harbour ferry",
    "harbour ferry crane",
    "harbour OR beacon",
    "(harbour OR storm) tide",
    "harbour NOT ferry",
    "pilot NOT cargo NOT storm",
    '"harbour toll"',
    '"ferry pilot cargo"',
    '"harbour toll" crane',
    "har* tide",
    "pilo~ quay",
    "source:gazette harbour",
    "harbour title:item",
)


def _articles(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    return [
        Article(
            f"a{n:03d}",
            f"Item {n}",  # titles share no word with the queries but "item"
            " ".join(rng.choices(WORDS, k=rng.randint(5, 60))),
            source=rng.choice(("Gazette", "Courier")),
        )
        for n in range(count)
    ]


@pytest.fixture(scope="module", params=["segments with deletions", "one segment"])
def index(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> SearchIndex:
    """Several segments, some with deleted articles (updated or removed since); or one
    segment of many blocks of postings."""
    built = SearchIndex.open(tmp_path_factory.mktemp("postings") / "index")
    if request.param == "one segment":
        built.refresh(_articles(1000, seed=3))
        return built
    articles = _articles(300, seed=1)
    for end in (100, 200, 300):
        built.refresh(articles[:end])
    changed = _articles(300, seed=2)[:40]
    built.refresh(changed + articles[40:280])  # 40 replaced, 20 removed
    return built


def _whoosh(index: SearchIndex, text: str) -> tuple[list[tuple[str, float]], int]:
    """Whoosh's own answer: every match scored, none skipped."""

    def read(searcher: Any) -> tuple[list[tuple[str, float]], int]:
        searched = bounded(parse_query(text, index._schema), searcher.reader()).query
        found = searcher.search(searched, limit=None)
        return [(hit["id"], hit.score) for hit in found], len(found)

    return index._with_searcher(read)


def _ours(index: SearchIndex, text: str) -> tuple[list[tuple[str, float]], int]:
    def read(searcher: Any) -> tuple[list[tuple[str, float]], int]:
        searched = bounded(parse_query(text, index._schema), searcher.reader()).query
        answer = ranked(searched, searcher, 10)
        assert answer is not None
        top, total = answer
        return [(searcher.stored_fields(n)["id"], score) for n, score in top], total

    return index._with_searcher(read)


@pytest.mark.parametrize("text", QUERIES)
def test_the_top_hits_and_the_count_are_whooshs(index: SearchIndex, text: str) -> None:
    expected, total = _whoosh(index, text)
    found, counted = _ours(index, text)
    assert total > 0
    assert counted == total
    assert [(i, pytest.approx(score)) for i, score in found] == expected[:10]
    assert index.search(text, limit=10).total == total


def test_later_pages_follow_the_first(index: SearchIndex) -> None:
    expected, _ = _whoosh(index, "harbour OR beacon")
    pages = [index.search("harbour OR beacon", limit=7, page=page) for page in (1, 2, 3)]
    assert [hit.id for results in pages for hit in results.hits] == [i for i, _ in expected[:21]]


def test_a_phrase_finds_its_words_side_by_side_and_in_order(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(
        [
            Article("a", "One", "The foreign minister met the press."),
            Article("b", "Two", "A minister, foreign to the talks, left."),
            Article("c", "Three", "Foreign trade; the minister of foreign affairs."),
            Article("d", "Four", "The Foreign Minister's aide spoke."),
            Article("e", "Five", "The foreign and the minister."),  # "and", "the": not indexed
        ]
    )
    results = index.search('"foreign minister" the', limit=10)
    assert sorted(hit.id for hit in results.hits) == ["a", "d", "e"]
    assert results.total == 3


def test_removed_and_replaced_articles_are_not_found(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "index")
    first = [Article(f"a{n}", f"T{n}", "harbour ferry crane") for n in range(6)]
    index.refresh(first)
    index.refresh([*first[:2], Article("a2", "T2", "harbour storm"), *first[3:5]])
    results = index.search("harbour ferry", limit=10)
    assert sorted(hit.id for hit in results.hits) == ["a0", "a1", "a3", "a4"]
    assert results.total == 4


@given(
    ids=st.lists(st.integers(0, 2**31 - 1), min_size=1, max_size=130),
    weights=st.one_of(st.none(), st.floats(1, 500), st.lists(st.floats(1, 500))),
)
def test_a_blocks_ids_and_weights_are_read_as_pickle_reads_them(
    ids: list[int], weights: float | list[float] | None
) -> None:
    """As Whoosh pickles a block: ids (deltas), weights, one encoded value per posting."""
    weights = tuple(weights) if isinstance(weights, list) else weights
    block = pickle.dumps((tuple(ids), weights, tuple(b"\x00\x01" for _ in ids)), 2)
    assert _ids_and_weights(block) == (tuple(ids), weights)
    if len(ids) > 3 and not (isinstance(weights, tuple) and len(weights) <= 3):
        assert _IDS_AND_WEIGHTS.match(block)  # the positions were not unpickled


def test_positions_are_read_at_once_or_one_by_one_alike() -> None:
    """Values as the index writes them are unpickled together; any other one by one."""
    written = [_encode([3, 4, 9]), _encode([7]), _encode(list(range(0, 3000, 2)))]
    other = pack_uint(1) + pickle.dumps([5], 3)
    assert _gaps(written) == [[3, 1, 5], [7], [0] + [2] * 1499]
    assert _gaps([*written, other]) == [[3, 1, 5], [7], [0] + [2] * 1499, [5]]
