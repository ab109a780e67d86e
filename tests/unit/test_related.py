"""Versions of a story: the seed families, which side looks derived, thresholds, updates."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.errors import ArticleNotFoundError, RecensionError
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.versions.related import DEFAULT_THRESHOLD, VersionIndex


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {article.id[:3]: article for article in Library.open().articles()}


def _words(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{n}" for n in range(count))


def _article(article_id: str, text: str, date: dt.date | None = None) -> Article:
    return Article(id=article_id, title=f"Title {article_id}", text=text, date=date)


def _short(families: tuple) -> set[tuple[str, ...]]:
    return {tuple(member[:3] for member in family.members) for family in families}


@pytest.mark.parametrize("exact_limit", [5_000, 0], ids=["exact", "minhash-lsh"])
def test_seed_families(seeds: dict[str, Article], exact_limit: int) -> None:
    """The seeds form {000, 001}, {002, 004} and {003}, by either candidate method."""
    index = VersionIndex(list(seeds.values()), exact_limit=exact_limit)
    assert _short(index.families()) == {("000", "001"), ("002", "004"), ("003",)}
    assert index.family_of(seeds["004"].id) == seeds["002"].id


@pytest.mark.parametrize(
    ("this", "other", "derived", "words"),
    [
        ("000", "001", "001", ["001 looks derived from 000", "90% of 001 is in 000", "ends early"]),
        ("001", "000", "001", ["001 looks derived from 000", "more site chrome"]),
        ("002", "004", "004", ["004 looks derived from 002", "94% of 004 is in 002"]),
    ],
)
def test_seed_derived_side_and_reason(
    seeds: dict[str, Article], this: str, other: str, derived: str, words: list[str]
) -> None:
    """001 looks derived from 000 and 004 from 002, with the reason spelled out."""
    (relation,) = VersionIndex(list(seeds.values())).related(seeds[this].id)
    assert relation.id == seeds[other].id
    assert relation.derived == seeds[derived].id
    assert all(word in relation.reason for word in words)
    assert relation.containment == max(relation.contains, relation.contained) > 0.8


def test_seed_003_relates_to_nothing_above_threshold(seeds: dict[str, Article]) -> None:
    """003 has no version; the most similar articles (the same talks) are far below it."""
    index = VersionIndex(list(seeds.values()))
    assert index.related(seeds["003"].id) == ()
    similar = index.similar(seeds["003"].id)
    assert similar
    assert all(relation.containment < DEFAULT_THRESHOLD / 4 for relation in similar)


def test_similar_ranks_the_version_first(seeds: dict[str, Article]) -> None:
    """'Compare with…' offers the other version of the story first."""
    similar = VersionIndex(list(seeds.values())).similar(seeds["000"].id)
    assert similar[0].id == seeds["001"].id
    assert [r.containment for r in similar] == sorted(
        (r.containment for r in similar), reverse=True
    )


@pytest.mark.parametrize(("threshold", "linked"), [(0.50, True), (0.51, True), (0.52, False)])
def test_threshold_edges(threshold: float, linked: bool) -> None:
    """A copy with 51 of its 100 words aligned with the original is a version at 0.51, not 0.52."""
    original = _article("a", _words("w", 110))
    copy = _article("b", f"{_words('w', 51)}\n\n{_words('x', 49)}")
    index = VersionIndex([original, copy], threshold=threshold)
    assert index.similar("a")[0].containment == 0.51
    assert (len(index.families()) == 1) is linked


@pytest.mark.parametrize("threshold", [0, -0.5, 1.5])
def test_threshold_out_of_range_is_refused(threshold: float) -> None:
    """A threshold outside (0, 1] is refused with a readable message."""
    with pytest.raises(RecensionError, match="threshold must be"):
        VersionIndex(threshold=threshold)


def test_default_threshold_is_two_words_in_five() -> None:
    """The documented default: 40% of the smaller article's content words aligned."""
    assert DEFAULT_THRESHOLD == 0.4


def test_adding_an_article_joins_its_family(seeds: dict[str, Article]) -> None:
    """Adding 001 to a library without it puts it in 000's family."""
    index = VersionIndex([a for key, a in seeds.items() if key != "001"])
    assert index.family_of(seeds["000"].id) == seeds["000"].id
    index.add(seeds["001"])
    assert _short(index.families()) == {("000", "001"), ("002", "004"), ("003",)}


def test_removing_the_middle_of_a_chain_splits_the_family() -> None:
    """A, B, C linked only through B fall apart into singletons when B goes."""
    a = _article("a", _words("p", 60))
    b = _article("b", f"{_words('p', 60)}\n\n{_words('q', 60)}")
    c = _article("c", _words("q", 60))
    index = VersionIndex([a, b, c])
    assert [f.members for f in index.families()] == [("a", "b", "c")]
    index.remove("b")
    assert [f.members for f in index.families()] == [("a",), ("c",)]
    assert index.related("a") == ()


def test_removing_one_of_two_versions_leaves_the_other_alone() -> None:
    """The remaining version is a family of one again, and can be linked anew."""
    a, b = _article("a", _words("p", 60)), _article("b", _words("p", 60))
    index = VersionIndex([a, b, _article("c", _words("q", 60))])
    index.remove("a")
    assert [f.members for f in index.families()] == [("b",), ("c",)]
    assert (index.members("b"), index.original("b"), index.related("b")) == (("b",), None, ())
    index.add(a)
    assert [f.members for f in index.families()] == [("a", "b"), ("c",)]
    assert index.family_of("b") == "a"


def test_adding_past_the_exact_limit_switches_to_minhash(seeds: dict[str, Article]) -> None:
    """Growing past the exact limit keeps finding versions (through MinHash band keys)."""
    index = VersionIndex([seeds["000"], seeds["002"], seeds["003"]], exact_limit=3)
    index.add(seeds["001"])
    index.add(seeds["004"])
    assert _short(index.families()) == {("000", "001"), ("002", "004"), ("003",)}


def test_adding_an_id_again_replaces_it(seeds: dict[str, Article]) -> None:
    """Re-adding an id with unrelated text takes it out of its old family."""
    index = VersionIndex(list(seeds.values()))
    index.add(_article(seeds["001"].id, _words("z", 80)))
    assert index.related(seeds["000"].id) == ()
    assert len(index) == 5


def test_later_date_counts_towards_derived() -> None:
    """Of two identical texts, the later-dated one looks derived, and the reason says so."""
    text = _words("w", 80)
    early = _article("a", text, dt.date(2014, 3, 4))
    late = _article("b", text, dt.date(2014, 3, 5))
    (relation,) = VersionIndex([late, early]).related("a")
    assert relation.derived == "b"
    assert "b is dated later (2014-03-05 against 2014-03-04)" in relation.reason


def test_identical_texts_without_dates_are_undecided() -> None:
    """No sign either way: no side is called derived."""
    text = _words("w", 80)
    (relation,) = VersionIndex([_article("a", text), _article("b", text)]).related("b")
    assert relation.derived is None
    assert relation.reason.startswith("neither looks derived")


def test_links_and_embeds_are_not_shingled() -> None:
    """Lines with URLs or embeds add no shingle, so chrome alone never makes two versions."""
    chrome = "https://example.com/a/very/long/link/to/a/page/with/many/words/in/it/here\n"
    chrome += "[youtube kNbsxICELG0 650 with many more words inside the embed]\n"
    chrome += "write to first.last.name@newsroom.example.com or press.office@agency.example.org\n"
    index = VersionIndex(
        [_article("a", chrome + _words("a", 20)), _article("b", chrome + _words("b", 20))]
    )
    assert index.similar("a") == ()


def test_unknown_id_is_a_readable_error() -> None:
    """Asking about an id the index lacks raises ArticleNotFoundError."""
    with pytest.raises(ArticleNotFoundError, match="'nope'"):
        VersionIndex().related("nope")
