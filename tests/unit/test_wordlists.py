"""The words one edit from a fuzzy word are those Whoosh's own distance finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.support.levenshtein import distance

from desktop.core.search.index import SearchIndex
from desktop.core.search.wordlists import WordLists
from desktop.core.text.article import Article

LETTERS = "abc.é"  # few letters, so that words near each other abound; "." as a letter


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """Words of up to five of LETTERS, in two segments."""
    words = [
        "".join(LETTERS[(n // 5**k) % 5] for k in range(length))
        for length in range(2, 6)
        for n in range(0, 5**length, 7)
    ]
    built = SearchIndex.open(tmp_path_factory.mktemp("words") / "index")
    half = len(words) // 2
    built.refresh([Article("a", "One", " ".join(words[:half]))])
    built.refresh(
        [Article("a", "One", " ".join(words[:half])), Article("b", "Two", " ".join(words[half:]))]
    )
    return built


@settings(max_examples=60, deadline=None)
@given(word=st.text(LETTERS, min_size=1, max_size=6), prefix=st.integers(0, 2))
def test_the_words_one_edit_away_are_whooshs(index: SearchIndex, word: str, prefix: int) -> None:
    def read(searcher: object) -> tuple[set[str], set[str]]:
        reader = searcher.reader()  # type: ignore[attr-defined]
        lexicon = {text.decode() for text in reader.lexicon("body")}
        expected = {
            found
            for found in lexicon
            if found.startswith(word[:prefix]) and distance(found, word, limit=1) <= 1
        }
        return WordLists().within_one_edit(reader, "body", word, prefix), expected

    found, expected = index._with_searcher(read)
    assert found == expected


def test_a_fuzzy_word_finds_the_articles_of_the_words_near_it(tmp_path: Path) -> None:
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(
        [
            Article("a", "One", "Lavrov met Kerry."),
            Article("b", "Two", "Lavorv, misspelt."),
            Article("c", "Three", "Lavrentiy is another name."),
        ]
    )
    assert sorted(hit.id for hit in index.search("Lavrow~").hits) == ["a"]
    assert sorted(hit.id for hit in index.search("Lavrov~").hits) == ["a", "b"]
