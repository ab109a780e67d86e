"""Searches answered from the postings find, count and rank what Whoosh's own search does."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.search.budget import bounded
from desktop.core.search.codec import Joined, Numbers, Positions
from desktop.core.search.index import SearchIndex
from desktop.core.search.postings import ranked
from desktop.core.search.query import parse_query
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
    'title:"item 12"',
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
    numbers=st.lists(st.integers(0, 2**32 - 1), max_size=130),
    values=st.lists(st.binary(min_size=1, max_size=40), max_size=130),
)
def test_packed_numbers_and_values_read_as_the_tuples_they_replace(
    numbers: list[int], values: list[bytes]
) -> None:
    """Whoosh's block reader indexes and iterates them as it did its tuples."""
    packed = Numbers("I", b"".join(n.to_bytes(4, "little") for n in numbers))
    ends = [sum(map(len, values[: n + 1])) for n in range(len(values))]
    joined = Joined(b"".join(values), b"".join(n.to_bytes(4, "little") for n in ends))
    assert list(packed) == [packed[n] for n in range(len(packed))] == numbers
    assert [joined[n] for n in range(len(joined))] == values
    assert list(packed.array()) == numbers
    with pytest.raises(IndexError):
        joined[len(values)]


def test_positions_are_stored_as_32_bit_numbers() -> None:
    """Whoosh's own phrase matcher reads them through the format."""
    stored = Positions()
    for positions in ([7], [3, 4, 9], list(range(0, 3000, 2)), [2**32 - 1]):
        value = stored.encode(positions)
        assert stored.decode_positions(value) == positions
        assert stored.decode_frequency(value) == len(positions)
