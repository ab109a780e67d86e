"""Queries that expand into many words stay within a budget, and say when they were cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.search import budget
from desktop.core.search.index import SearchIndex
from desktop.core.text.article import Article

COUNT = 150


def _word(number: int) -> str:
    return "quill" + "".join(chr(ord("a") + int(digit)) for digit in f"{number:03d}")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    """COUNT articles, each with a word of its own that starts with "quill"."""
    built = SearchIndex.open(tmp_path_factory.mktemp("budget") / "index")
    articles = [
        Article(f"a{n:03d}", f"Story {n}", f"The {_word(n)} report on harbour tolls.")
        for n in range(COUNT)
    ]
    built.refresh(articles)
    return built


def test_a_prefix_matching_more_words_than_the_budget_is_cut_short(index: SearchIndex) -> None:
    results = index.search("quill*", limit=500)
    assert results.cut_short
    assert results.total == budget.WORDS_PER_PATTERN < COUNT


def test_a_prefix_within_the_budget_finds_everything_and_says_nothing(index: SearchIndex) -> None:
    results = index.search("quillab*", limit=500)  # quillaba … quillabj
    assert not results.cut_short
    assert results.total == 10


def test_a_plain_query_is_never_cut_short(index: SearchIndex) -> None:
    results = index.search("harbour tolls", limit=500)
    assert not results.cut_short
    assert results.total == COUNT


def test_a_fuzzy_word_is_always_looked_up_but_no_pattern_starts_after_the_deadline(
    index: SearchIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(budget, "EXPANSION_SECONDS", 0.0)
    alone = index.search(f"{_word(7)[:-1]}x~1")  # one edit from quillahh's neighbours
    assert not alone.cut_short
    assert alone.total >= 1
    both = index.search(f"{_word(7)}~1 OR {_word(8)}~1")
    assert both.cut_short
    assert both.total >= 1


def test_the_command_line_says_when_a_search_was_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.cli import main
    from desktop.cli.search_commands import CUT_SHORT

    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(COUNT):
        (folder / f"s{n:03d}.txt").write_text(f"Story {n}\n\nThe {_word(n)} report.")
    assert main(["--library", str(folder), "search", "quill*"]) == 0
    assert CUT_SHORT in capsys.readouterr().out
