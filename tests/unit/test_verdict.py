"""The verdict in words: short ids, the sites, and the evidence from the core."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.comparison.compare import compare
from desktop.core.presentation.verdict import named, verdict
from desktop.core.storage.library import Library
from desktop.core.text.article import Article, meta_line, short_names


@pytest.mark.parametrize(
    ("a", "b", "said"),
    [
        ("004_d8933c6599e0f15b", "002_c84410c1d48da44e", ("004", "002")),
        ("ferry_line", "ferry_line_copy", ("ferry_line", "ferry_line_copy")),
        ("007_aa11", "007_bb22", ("007_aa11", "007_bb22")),
        ("012_ab34", "my-draft", ("012", "my-draft")),
    ],
)
def test_ids_are_shortened_only_when_they_are_numbered_and_stay_distinct(
    a: str, b: str, said: tuple[str, str]
) -> None:
    """``NNN_hash`` ids read as ``NNN``; names the user gave, or clashing numbers, stay whole."""
    names = short_names(Article(id=a, title="A", text="a"), Article(id=b, title="B", text="b"))
    assert (names[a], names[b]) == said


@pytest.mark.parametrize(
    ("left", "right", "headline", "evidence"),
    [
        (
            "002",
            "004",
            "004 (The Iran Project) looks derived from 002 (BBC News)",
            "94% of 004 is in 002",
        ),
        ("000", "001", "001 looks derived from 000 (BBC News)", "90% of 001 is in 000"),
    ],
)
def test_the_verdict_names_the_copy_by_short_id_and_site(
    left: str, right: str, headline: str, evidence: str
) -> None:
    """The headline says who copied whom; the evidence line has no long ids left."""
    library = Library.open()
    comparison = compare(library.get(left), library.get(right))
    said = verdict(comparison)
    assert said.headline == f"{comparison.similarity:.0%} similar · {headline}"
    assert said.evidence.startswith(evidence)
    assert "_" not in said.evidence


def test_a_version_without_a_known_site_is_named_by_its_id_alone() -> None:
    """No empty brackets when the source is unknown."""
    article = Article(id="001_6fcc8634ba5ac4d5", title="t", text="x")
    assert named(article, {article.id: "001"}) == "001"


@pytest.mark.parametrize(
    ("left", "right", "credits"),
    [
        ("002", "004", "002 names no source; 004 credits BBC."),
        ("000", "001", "000 names no source; 001 names no source."),
    ],
)
def test_the_verdict_says_whom_each_side_credits(left: str, right: str, credits: str) -> None:
    """Whether a copy credits its source is said for both sides, by short id."""
    library = Library.open()
    assert verdict(compare(library.get(left), library.get(right))).credits == credits


def test_several_credits_are_listed_once_each() -> None:
    """A copy crediting a reporter and an agency names both, in reading order."""
    story = "The ferry left Dover at dawn with four hundred passengers aboard."
    a = Article(id="a", title="t", text=f"By Jane Smith\n\n{story}\n\nSource: Reuters")
    b = Article(id="b", title="t", text=f"{story}\n\n\u00a9 AP\n\nSource: Reuters")
    said = verdict(compare(a, b)).credits
    assert said == "a credits Jane Smith and Reuters; b credits AP and Reuters."


def test_the_line_under_a_title_says_source_date_and_id_and_leaves_out_what_is_unknown() -> None:
    """The reader and each side of a comparison show one line under the title."""
    dated = Article(id="000_81f", title="T", text="t", source="BBC News", date=dt.date(2014, 3, 5))
    assert meta_line(dated) == "BBC News · 5 March 2014 · 000_81f"
    assert meta_line(dated, "Original") == "Original · BBC News · 5 March 2014 · 000_81f"
    assert meta_line(Article(id="x", title="T", text="t"), "") == "x"
