"""The search index: seed facts, the query language, snippets, sorting, paging, refresh."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import QueryError
from desktop.core.search.index import SearchIndex
from desktop.core.search.query import build_schema
from desktop.core.search.results import RefreshReport, SortOrder
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from tests.conftest import SEEDS

NOTES = (
    Article("a1", "Kerry meets Lavrov", "The talks in Paris were long. Café owners watched.",
            source="BBC News", date=dt.date(2014, 3, 5)),
    Article("b2", "Putin speaks", "A talk about the referendum in Crimea.",
            source="Reuters", date=dt.date(2014, 3, 20)),
    Article("c3", "Negotiations resume", "Negotiators met in Geneva; Kerry was absent.",
            source="The Guardian", date=dt.date(2014, 4, 2)),
    Article("d4", "Undated", "Lavrov said the negotiation failed.", source="", date=None),
)  # fmt: skip


def ids(index: SearchIndex, query: str) -> set[str]:
    """The short ids of the hits ("002" for a seed, "a1" for a note)."""
    return {hit.id.split("_")[0] for hit in index.search(query).hits}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("seeds") / "index")
    index.refresh(Library.open(SEEDS).articles())
    return index


@pytest.fixture(scope="module")
def shared_notes(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex.open(tmp_path_factory.mktemp("notes") / "index")
    index.refresh(NOTES)
    return index


@pytest.fixture
def notes(tmp_path: Path) -> SearchIndex:
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(NOTES)
    return index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Psaki", {"002", "004"}),
        ("psaki", {"002", "004"}),
        ("Awacs", {"002"}),
        ('"Story Code"', {"004"}),
        ("Kerry Lavrov", {"000", "001", "002", "003", "004"}),
        ("title:Kerry", {"002", "004"}),
    ],
)
def test_seed_facts(seeds: SearchIndex, query: str, expected: set[str]) -> None:
    """The sample articles answer the searches a journalist would try first."""
    assert ids(seeds, query) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("talks", {"a1", "b2"}),
        ("TALKING", {"a1", "b2"}),
        ("cafe", {"a1"}),
        ("CAFÉ", {"a1"}),
        ("Kerry Lavrov", {"a1"}),
        ("Kerry OR Lavrov", {"a1", "c3", "d4"}),
        ("Kerry NOT Lavrov", {"c3"}),
        ('"talks in Paris"', {"a1"}),
        ('"Paris talks"', set()),
        ("(Kerry", {"a1", "c3"}),
        ("negoti*", {"c3", "d4"}),
        ("Lavrow~", {"a1", "d4"}),
        ("title:Kerry", {"a1"}),
        ("source:reuters", {"b2"}),
        ("bbc", {"a1"}),
        ("date:[2014-03-01 to 2014-03-31]", {"a1", "b2"}),
        ("date:[2014-03-10 TO 2014-04]", {"b2", "c3"}),
        ("date:2014-04", {"c3"}),
        ("", {"a1", "b2", "c3", "d4"}),
    ],
)
def test_query_language(notes: SearchIndex, query: str, expected: set[str]) -> None:
    """Words, operators, phrases, prefixes, fuzzy words, fields and dates find what they say."""
    assert ids(notes, query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ('"talks in Paris', "a quote is not closed"),
        ("title:", "title: needs a word after it"),
        ("Kerry source: ", "source: needs a word after it"),
        ("NOT", "NOT needs a word after it"),
        ("Kerry NOT", "NOT needs a word after it"),
        ("AND", "join words"),
        ("the of", "only very common words"),
        ("date:[yesterday to today]", "dates are written like 2014-03-31"),
        ("date:March", "dates are written like 2014-03-31"),
    ],
)
def test_bad_query_says_what_is_wrong(notes: SearchIndex, query: str, message: str) -> None:
    """A query that cannot be read raises QueryError with a message for the user."""
    with pytest.raises(QueryError, match=message):
        notes.search(query)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='abKerry "*~:()[]-NOTAND OR title date source 2014 é', max_size=30))
def test_any_typed_query_gives_results_or_a_message(shared_notes: SearchIndex, query: str) -> None:
    """Whatever is typed, search answers with results or a QueryError, never a crash."""
    try:
        results = shared_notes.search(query)
    except QueryError as error:
        assert str(error)  # noqa: PT017 (hypothesis: either outcome is fine)
    else:
        assert results.total >= len(results.hits)


def test_snippets_highlight_the_words_found(seeds: SearchIndex) -> None:
    """Each snippet is plain text whose highlights cover the word searched for."""
    hits = seeds.search("Psaki").hits
    assert hits
    for hit in hits:
        marked = [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]
        assert marked == ["Psaki"]
        assert "<" not in hit.snippet.text


def test_snippet_highlights_stemmed_and_prefixed_forms(notes: SearchIndex) -> None:
    """ "talk" highlights "talks"; "negoti*" highlights each word it expanded to."""
    (hit,) = [h for h in notes.search("talk").hits if h.id == "a1"]
    assert [hit.snippet.text[s:e] for s, e in hit.snippet.highlights] == ["talks"]
    words = {
        h.snippet.text[s:e] for h in notes.search("negoti*").hits for s, e in h.snippet.highlights
    }
    assert words == {"Negotiators", "negotiation"}


def test_highlights_ignore_case_and_accents_and_keep_their_place(tmp_path: Path) -> None:
    """Upper case, accents and a letter that lowers to two (İ) before them: the words are
    highlighted as written, and only whole words: not "talks" inside "xtalks" or "talks_x"."""
    index = SearchIndex.open(tmp_path / "index")
    text = "İstanbul TALKS: Ångström's xtalks talks_x, re-talked; ÉLAN élan."
    index.refresh([Article("t1", "Trip", text)])
    (hit,) = index.search("talks angstrom elan").hits
    marked = [hit.snippet.text[start:end] for start, end in hit.snippet.highlights]
    assert marked == ["TALKS", "Ångström", "talked", "ÉLAN", "élan"]
    index.close()


def test_empty_query_lists_the_library_by_id_or_newest_first(notes: SearchIndex) -> None:
    """A blank search lists every article: by id, or newest first with undated ones last."""
    assert [h.id for h in notes.search("").hits] == ["a1", "b2", "c3", "d4"]
    assert [h.id for h in notes.search("", sort=SortOrder.DATE).hits] == ["c3", "b2", "a1", "d4"]


def test_hits_carry_title_source_date_and_score(notes: SearchIndex) -> None:
    """A hit shows what the sidebar lists: title, source, ISO date and a positive score."""
    (hit,) = notes.search("Crimea").hits
    assert (hit.title, hit.source, hit.date, hit.family) == (
        "Putin speaks",
        "Reuters",
        "2014-03-20",
        "b2",
    )
    assert hit.score > 0


def test_paging(notes: SearchIndex) -> None:
    """Pages of ``limit`` hits partition the results; total counts them all."""
    pages = [notes.search("", limit=3, page=page) for page in (1, 2, 3)]
    assert [len(p.hits) for p in pages] == [3, 1, 0]
    assert {p.total for p in pages} == {4}
    assert [h.id for p in pages for h in p.hits] == ["a1", "b2", "c3", "d4"]


def test_refresh_adds_updates_and_removes_by_content(tmp_path: Path) -> None:
    """Only what changed is indexed again; removed articles stop being found."""
    index = SearchIndex.open(tmp_path / "index")
    assert index.refresh(NOTES) == RefreshReport(4, 0, 0, cancelled=False)
    assert index.refresh(NOTES) == RefreshReport(0, 0, 0, cancelled=False)
    changed = (dataclasses.replace(NOTES[0], text="Zeppelins over Paris."), *NOTES[2:])
    extra = Article("e5", "Extra", "Zeppelins again.")
    assert index.refresh((*changed, extra)) == RefreshReport(1, 1, 1, cancelled=False)
    assert ids(index, "zeppelin") == {"a1", "e5"}
    assert ids(index, "talks") == set()
    assert ids(index, "Crimea") == set()
    assert index.refresh(changed) == RefreshReport(0, 0, 1, cancelled=False)
    assert ids(index, "zeppelin") == {"a1"}


def test_big_refresh_commits_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refresh split into several commits adds, updates, removes and cancels like one."""
    monkeypatch.setattr("desktop.core.search.index._BATCH_CHARS", 60)
    index = SearchIndex.open(tmp_path / "index")
    assert index.refresh(NOTES[:3]) == RefreshReport(3, 0, 0, cancelled=False)
    changed = (dataclasses.replace(NOTES[1], text="Zeppelins over Crimea."), *NOTES[2:])
    assert index.refresh(changed) == RefreshReport(1, 1, 1, cancelled=False)
    assert ids(index, "zeppelin OR Lavrov OR Kerry") == {"b2", "c3", "d4"}
    seen: list[int] = []
    report = index.refresh(NOTES, progress=lambda d, t: seen.append(d),
                           should_cancel=lambda: len(seen) >= 1)  # fmt: skip
    assert report == RefreshReport(1, 0, 0, cancelled=True)
    assert len(ids(index, "")) == 4


def test_a_searcher_opened_before_a_refresh_sees_removals_and_updates(tmp_path: Path) -> None:
    """What a user searched before removing or editing an article is not found after."""
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(NOTES)
    assert ids(index, "Crimea") == {"b2"}
    assert ids(index, "watched") == {"a1"}
    edited = dataclasses.replace(NOTES[0], text="Zeppelins over Paris.")
    index.refresh((edited, *NOTES[2:]))
    assert ids(index, "Crimea") == set()
    assert ids(index, "watched") == set()
    assert ids(index, "zeppelin") == {"a1"}


def test_families_are_kept_until_told_otherwise(notes: SearchIndex) -> None:
    """A family mapping groups hits; a refresh without one keeps the families indexed."""
    notes.refresh(NOTES, families={"a1": "story", "d4": "story"})
    notes.refresh(NOTES)
    assert {h.id: h.family for h in notes.search("").hits} == {
        "a1": "story",
        "b2": "b2",
        "c3": "c3",
        "d4": "story",
    }


def test_progress_and_cancel(tmp_path: Path) -> None:
    """Progress counts up to the total; a cancelled refresh keeps its work and resumes."""
    index = SearchIndex.open(tmp_path / "index")
    seen: list[tuple[int, int]] = []
    report = index.refresh(NOTES, progress=lambda d, t: seen.append((d, t)),
                           should_cancel=lambda: len(seen) >= 2)  # fmt: skip
    assert report == RefreshReport(2, 0, 0, cancelled=True)
    assert seen == [(1, 4), (2, 4)]
    assert index.refresh(NOTES).added == 2
    assert len(ids(index, "")) == 4


def test_parallel_writer_indexes_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The multi-process writer used for big batches indexes like the single one."""
    monkeypatch.setattr("desktop.core.search.index._PARALLEL_FROM", 1)
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(NOTES)
    assert ids(index, "Kerry OR Lavrov") == {"a1", "c3", "d4"}


def test_search_from_threads_during_refresh(tmp_path: Path) -> None:
    """Searches from several threads while another thread indexes see whole commits only."""
    index = SearchIndex.open(tmp_path / "index")
    index.refresh(NOTES)
    more = [Article(f"x{i:03d}", f"Extra {i}", f"Kerry extra note {i}.") for i in range(60)]
    totals: list[int] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for _ in range(30):
                totals.append(index.search("Kerry").total)
        except BaseException as error:
            errors.append(error)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    index.refresh((*NOTES, *more))
    for thread in readers:
        thread.join()
    assert errors == []
    assert set(totals) <= {2, 62}
    assert index.search("Kerry").total == 62


def indexed_positions(text: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Term → positions as the body field indexes ``text``, and as its analyzer reads it."""
    body = build_schema()["body"]
    indexed = {term.decode(): body.format.decode_positions(value)
               for term, _, _, value in body.index(text)}  # fmt: skip
    analysed: dict[str, list[int]] = {}
    for token in body.analyzer(text, positions=True):
        analysed.setdefault(token.text, []).append(token.pos)
    return indexed, analysed


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a the of",
        "The talks, talking and talked: Kerry's U.S. visit, 3.141 big-time under_score x*",
        "İstanbul Café ÆON Straße ﬁnance naïve résumé — “quoted” ½",
        *(path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))),
    ],
)
def test_body_is_indexed_as_its_analyzer_reads_it(text: str) -> None:
    """The one-pass indexing of title and body gives the analyzer's terms and positions."""
    indexed, analysed = indexed_positions(text)
    assert indexed == analysed


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_is_indexed_as_its_analyzer_reads_it(text: str) -> None:
    """Whatever the characters, indexing and analysing agree."""
    indexed, analysed = indexed_positions(text)
    assert indexed == analysed


def test_previews_start_at_the_story_not_the_site_chrome(seeds: SearchIndex) -> None:
    """Breadcrumbs, date stamps, story codes, a caption and the repeated title are skipped."""
    previews = {hit.id[:3]: hit.snippet.text for hit in seeds.search("").hits}
    assert previews["001"].startswith("Russia and the US are due to hold crucial talks")
    assert previews["002"].startswith("The US secretary of state has rejected an offer")
    assert previews["004"].startswith("The US secretary of state has rejected a talks offer")
    assert previews["000"].startswith("US Secretary of State John Kerry and Russian Foreign")
