"""Copy-edit or rewrite: the verdict and reason for one edit inside paired lines."""

from __future__ import annotations

import pytest

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.comparison.diff import CompareOptions
from desktop.core.language.spelling import spelling_variant
from desktop.core.text.article import Article
from tests.edit_at import edit_at


@pytest.mark.parametrize(
    ("a_line", "old", "b_line", "new", "subkind", "reason"),
    [
        ("a missile defence unit", "defence", "a missile defense unit", "defense", "spelling",
         "US spelling of 'defence'"),
        ("Nato and Russia", "Nato", "NATO and Russia", "NATO", "case", "'Nato' written 'NATO'"),
        ("and Mr Lavrov have said", "Mr", "and Sergei Lavrov have said", "Sergei", "name-style",
         "'Mr Lavrov' written 'Sergei Lavrov'"),
        ("They said Mr Obama's offer", "Mr", "They said Barack Obama's offer", "Barack",
         "name-style", "'Mr Obama's' written 'Barack Obama's'"),
        ("there will be little to discuss if", "discuss", "there will be little to talk about if",
         "talk about", "rewording", "reworded, same facts: 'discuss' → 'talk about'"),
        ('"We will engage," she added.', "she added", '"We will engage," Ms Psaki said.',
         "Ms Psaki said", "rewording", "the same attribution: 'she added' → 'Ms Psaki said'"),
        ("the vote, due on Sunday", ",", "the vote due on Sunday", "", "punctuation",
         "punctuation changed: ',' → ''"),
        ("until Russia engages with US proposals", "Russia",
         "until Moscow engages with US proposals", "Moscow", "name-style",
         "'Russia' written 'Moscow': the same government, named by its capital"),
        ("the offer stands until Washington says", "Washington",
         "the offer stands until America says", "America", "name-style",
         "'Washington' written 'America': the same government, named by its capital"),
        ("the vote is due to be held", "due", "the vote is set to be held", "set",
         "rewording", "reworded, same facts: 'due' → 'set'"),
        ("Ukraine crisis: US and Russia to hold key talks", "Ukraine crisis: US",
         "Russia and US to hold key talks over Ukraine crisis", "Russia", "word-order",
         "same names, in another order: 'Ukraine crisis: US' → 'Russia'"),
        ("And in the east Ukrainian city of Donetsk, the building", "Donetsk",
         "In Donetsk, east of Ukraine, the building", "Ukraine", "word-order",
         "same names, in another order: 'Donetsk' → 'Ukraine'"),
        ("lawmakers adopt a resolution", "lawmakers adopt", "parliament adopts a resolution",
         "parliament adopts", "rewording",
         "reworded, same facts: 'lawmakers adopt' → 'parliament adopts'"),
        ("In 2014, 40,000 troops massed", "In 2014, ", "40,000 troops massed in 2014", "",
         "word-order", "same numbers, in another order: 'In 2014,' removed"),
    ],
)  # fmt: skip
def test_copy_edits_keep_the_meaning(a_line, old, b_line, new, subkind, reason) -> None:
    """Spelling, case, name style, word order, light rewording and punctuation are copy-edits."""
    verdict = edit_at(a_line, old, b_line, new)
    assert (verdict.kind, verdict.subkind, verdict.reason) == (
        ChangeKind.COPY_EDIT,
        subkind,
        reason,
    )


@pytest.mark.parametrize(
    ("a_line", "old", "b_line", "new", "subkind"),
    [
        ("elections set for 25 May", "25", "elections set for 26 May", "26", "number"),
        ("they met on Monday", "Monday", "they met on Tuesday", "Tuesday", "date"),
        ("Moscow would engage", "would", "Moscow would not engage", "would not", "negation"),
        ("Lavrov said the troops", "said", "Lavrov claimed the troops", "claimed", "attribution"),
        ('he said "we are close"', "close", 'he said "we are far apart"', "far apart", "quotation"),
        ("talks with Mr Kerry today", "Kerry", "talks with Mr Lavrov today", "Lavrov", "name"),
        ("talks held in Moscow today", "Moscow", "talks held in Russia today", "Russia", "name"),
        ("until Washington engages", "Washington", "until Moscow engages", "Moscow", "name"),
        ("US warns Russia over troops", "US", "Russia warns US over troops", "Russia", "name"),
        ("5 killed and 10 hurt", "5", "10 killed and 5 hurt", "10", "number"),
        (
            "\u2022 Officials are in London",
            "Officials",
            "\u2022 Ministers are in London",
            "Ministers",
            "person",
        ),
        ("talks with Kerry, Lavrov", "Kerry", "talks with Lavrov, Lavrov", "Lavrov", "name"),
        (
            "Officials are meeting in London",
            "meeting",
            "Officials are due in London",
            "due",
            "prospect",
        ),
        (
            "Ministers will sign the deal",
            "will sign",
            "Ministers signed the deal",
            "signed",
            "prospect",
        ),
    ],
)
def test_small_changes_of_fact_are_rewrites(a_line, old, b_line, new, subkind) -> None:
    """A number, date, negation, stance, quotation, person or place, who did what, or whether
    it has happened, changed is a rewrite."""
    verdict = edit_at(a_line, old, b_line, new)
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, subkind)


def test_an_added_sentence_is_added() -> None:
    """A whole sentence B adds inside a paragraph is an addition, not a rewrite."""
    a_line = "Kerry met Lavrov."
    b_line = "Kerry met Lavrov. The meeting lasted well into the night."
    verdict = edit_at(a_line, "", b_line, " The meeting lasted well into the night.")
    assert (verdict.kind, verdict.subkind) == (ChangeKind.ADDED, "sentence")


@pytest.mark.parametrize(
    ("uk", "us"),
    [("organisation", "organization"), ("colour", "color"), ("centre", "center"),
     ("catalogue", "catalog"), ("travelled", "traveled"), ("analyse", "analyze"),
     ("grey", "gray"), ("Defence", "Defense")],
)  # fmt: skip
def test_spelling_variants_are_named_by_country(uk: str, us: str) -> None:
    """Each pair is one word; the reason says which spelling B uses."""
    assert spelling_variant(uk, us) == f"US spelling of '{uk}'"
    assert spelling_variant(us, uk) == f"UK spelling of '{us}'"


@pytest.mark.parametrize(("a", "b"), [("filled", "filed"), ("four", "for"), ("Nato", "NATO")])
def test_different_words_are_no_spelling_variant(a: str, b: str) -> None:
    """Words that only look alike are not variants."""
    assert spelling_variant(a, b) is None


@pytest.mark.parametrize(
    ("option", "subkind"),
    [("ignore_case", "case"), ("ignore_punctuation", "punctuation")],
)
def test_ignored_differences_are_not_reported(option: str, subkind: str) -> None:
    """A difference the reader chose to ignore is not among the changes."""
    a = Article("a", "a", "Nato said, Lavrov met Kerry.")
    b = Article("b", "b", "NATO said Lavrov met Kerry.")
    shown = {c.subkind for c in compare(a, b).changes}
    hidden = {c.subkind for c in compare(a, b, options=CompareOptions(**{option: True})).changes}
    assert subkind in shown
    assert subkind not in hidden


@pytest.mark.parametrize(
    ("a_line", "b_line", "kind", "subkind"),
    [
        ("Ukraine crisis: John Kerry rejects talks", "John Kerry rejects talks",
         ChangeKind.COPY_EDIT, "headline"),
        ("Kerry rejects talks", "Breaking: Kerry rejects talks", ChangeKind.COPY_EDIT,
         "headline"),
        ('Putin: "We will not invade Ukraine"', '"We will not invade Ukraine"',
         ChangeKind.REWRITE, "attribution"),
        ("Crisis in Ukraine and the West: Kerry rejects talks", "Kerry rejects talks",
         ChangeKind.REWRITE, "wording"),
    ],
)  # fmt: skip
def test_a_kicker_in_front_of_the_title_is_no_change_of_story(
    a_line: str, b_line: str, kind: ChangeKind, subkind: str
) -> None:
    """Dropping "Ukraine crisis:" from a title is a copy-edit; a speaker or a long prefix is not."""
    body = "On Monday, Mr Putin met Kerry in Ukraine, the West said."
    a, b = Article("a", a_line, f"{a_line}\n\n{body}"), Article("b", b_line, f"{b_line}\n\n{body}")
    (change,) = compare(a, b).changes
    assert (change.kind, change.subkind) == (kind, subkind)


def test_a_kicker_in_the_body_is_judged_as_any_edit() -> None:
    """Only a title's kicker is a headline copy-edit: a paragraph's is a name dropped."""
    verdict = edit_at(
        "Ukraine crisis: Kerry met Lavrov in Ukraine", "Ukraine crisis: ", "Kerry met Lavrov", ""
    )
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, "name")
