"""What an edit tells the reader: opposites, amounts, certainty, the same referent, and
reasons that quote the exact words they are about."""

from __future__ import annotations

import re

import pytest

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.storage.library import Library
from tests import iterater
from tests.edit_at import edit_at


@pytest.mark.parametrize(
    ("a_line", "old", "b_line", "new", "subkind", "reason"),
    [
        ("Oil prices rose on Monday", "rose", "Oil prices fell on Monday", "fell", "opposite",
         "'rose' became its opposite 'fell'"),
        ("The senator won the vote", "won", "The senator lost the vote", "lost", "opposite",
         "'won' became its opposite 'lost'"),
        ("The court found him guilty", "guilty", "The court found him innocent", "innocent",
         "opposite", "'guilty' became its opposite 'innocent'"),
        ("A stamp costs 6 cents now", "6 cents", "A stamp costs a penny now", "a penny",
         "number", "'6 cents' → 'a penny': a different amount"),
        ("several people were hurt", "several", "dozens of people were hurt", "dozens of",
         "number", "'several' → 'dozens of': a different amount"),
        ("most voters backed the plan", "most", "some voters backed the plan", "some",
         "number", "'most' → 'some': a different amount"),
        ("The minister will resign", "will", "The minister may resign", "may", "certainty",
         "'will' → 'may': told as possible, not certain"),
        ("The death was confirmed by police", "confirmed",
         "The death was reported by police", "reported", "certainty",
         "'confirmed' → 'reported': told as possible, not certain"),
    ],
)  # fmt: skip
def test_changes_of_what_is_told_are_rewrites(a_line, old, b_line, new, subkind, reason) -> None:
    """An opposite, another amount or another certainty is a rewrite, and the reason quotes
    the words and says what changed about them."""
    verdict = edit_at(a_line, old, b_line, new)
    assert (verdict.kind, verdict.subkind, verdict.reason) == (ChangeKind.REWRITE, subkind, reason)


@pytest.mark.parametrize(
    ("a_line", "old", "b_line", "new"),
    [
        ("The officials met", "officials", "The official met", "official"),
        ("It may rain later", "may", "It might rain later", "might"),
        ("scores of 63 72 points", "63 72", "scores of 6372 points", "6372"),
        ("as shown by liu2018generating here", "liu2018generating", "as shown here", ""),
        ("the offer stands until Washington says", "Washington",
         "the offer stands until America says", "America"),
        ("Serbia's premier Vucic spoke", "Vucic", "Serbia's premier Vučić spoke", "Vučić"),
        ("a deal with Philips was signed", "Philips", "a deal with Phillips was signed",
         "Phillips"),
        ("We show that it can help", "it", "We show that one can help", "one"),
        ("It failed by means of poor data", "by means of", "It failed due to poor data",
         "due to"),
        ("There were several reasons.", "There were several", "Several reasons.", "Several"),
        ("talks with the United States soon", "the United States", "talks with America soon",
         "America"),
        ("the Ukrainian army said", "Ukrainian", "the Ukraine army said", "Ukraine"),
        ("advances in NLP since", "NLP", "advances in natural language processing since",
         "natural language processing"),
        ("None of them has resolved it", "None of them has resolved",
         "There has been no attempt to solve it", "There has been no attempt to solve"),
    ],
)  # fmt: skip
def test_the_same_thing_told_otherwise_is_a_copy_edit(a_line, old, b_line, new) -> None:
    """Another form of one word, another modal of the same certainty, digits joined, a
    reference key dropped, a country for its capital: the reader is told the same."""
    assert edit_at(a_line, old, b_line, new).kind is ChangeKind.COPY_EDIT


@pytest.mark.parametrize(
    ("a_line", "old", "b_line", "new", "kind"),
    [
        ("The drug is thought to have side effects", "is thought to",
         "The drug may or may not have side effects", "may or may not", ChangeKind.COPY_EDIT),
        ("They will go, rain or shine", "rain or shine", "They will go whether or not it rains",
         "whether or not it rains", ChangeKind.COPY_EDIT),
        ("The drug may have side effects", "may", "The drug may not have side effects",
         "may not", ChangeKind.REWRITE),
        ("There was little evidence", "little", "There was little or no evidence",
         "little or no", ChangeKind.REWRITE),
    ],
)  # fmt: skip
def test_not_as_the_other_alternative_negates_nothing(a_line, old, b_line, new, kind) -> None:
    """ "may or may not", "whether or not" offer both polarities, so tell neither; a "not"
    or a "no" that stands alone still negates."""
    verdict = edit_at(a_line, old, b_line, new)
    assert verdict.kind is kind
    assert (verdict.subkind == "negation") is (kind is ChangeKind.REWRITE)


def test_an_acronym_opening_a_sentence_is_a_name() -> None:
    """ "ANNs" → "DNNs" at the start of a sentence names another thing."""
    verdict = edit_at("ANNs have since been used.", "ANNs", "DNNs have since been used.", "DNNs")
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, "name")


def test_a_line_ending_in_an_initial_joins_it_to_no_name_across_other_words() -> None:
    """ "round A" at the line's end is no part of "Iran" words before: a reworded common
    noun between them is no restyled name."""
    a_line = "Tehran doubted Iran engagement in round A"
    b_line = "Tehran doubted Iran talks in round A"
    verdict = edit_at(a_line, "engagement", b_line, "talks")
    assert verdict.reason == "reworded, same facts: 'engagement' → 'talks'"


def test_a_name_a_letter_apart_is_another_person_when_short() -> None:
    """Kerry and Perry are two people, however alike: a short name is not respelled."""
    verdict = edit_at("talks with Kerry today", "Kerry", "talks with Perry today", "Perry")
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, "name")


def test_a_rewording_that_tells_what_the_other_never_does_is_a_rewrite() -> None:
    """A long rewording with three content words the other version never uses tells news."""
    a_line = "The vote passed off calmly in the city, officials said on Sunday."
    b_line = "Troops stormed polling stations in the city, officials said on Sunday."
    verdict = edit_at(
        a_line, "The vote passed off calmly", b_line, "Troops stormed polling stations"
    )
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, "wording")
    assert verdict.reason.endswith("never uses: 'Troops', 'polling', 'stations', 'stormed'")


def test_a_dropped_speaker_is_an_attribution_change() -> None:
    verdict = edit_at('Putin said: "We will not invade"', "Putin said:", '"We will not invade"', "")
    assert (verdict.kind, verdict.subkind) == (ChangeKind.REWRITE, "attribution")


@pytest.fixture(scope="module")
def reasons_002_004() -> dict[str, str]:
    library = Library.open()
    changes = compare(library.get("002"), library.get("004")).changes
    return {
        (change.a.text.strip() if change.a else "")
        + " → "
        + (change.b.text.strip() if change.b else ""): change.reason
        for change in changes
    }


@pytest.mark.parametrize(
    ("edit", "reason"),
    [
        ("whether Crimea should join Russia → Crimea's future",
         "reworded: 'whether Crimea should join Russia' → 'Crimea's future'"),
        (" → over its incursion into Ukraine",
         "'over its incursion into Ukraine' added: 'incursion' not told before"),
        ("Officials → Ministers",
         "'Officials' → 'Ministers': people of another office, 'officials' → 'ministers'"),
    ],
)  # fmt: skip
def test_002_004_reasons_say_what_changed(reasons_002_004: dict[str, str], edit, reason) -> None:
    """A clause removed or added is told as words removed or added, never as a name changed."""
    assert reasons_002_004[edit] == reason


def test_added_attribution_is_not_people_of_another_office() -> None:
    """An added 'Officials say' adds words: it replaces no one."""
    verdict = edit_at(
        "There will be little to discuss.",
        "",
        "Officials say there will be little to discuss.",
        "Officials say ",
    )
    assert "another office" not in verdict.reason
    assert verdict.reason.startswith("'Officials say' added")


_QUOTED = re.compile(r"(?:^|(?<=[\s(]))'(.+?)'(?=$|[\s:;,.)])")


def _inside(quoted: str, line: str, span: tuple[int, int]) -> bool:
    """Whether ``quoted`` (maybe shortened with "…") stands in ``line`` inside ``span``,
    or holds the whole span (a name the edit restyles: 'Mr Lavrov' for 'Mr')."""
    text = " ".join(line.split())
    before = line[: span[0]]
    start = len(" ".join(before.split())) + (before[-1:].isspace() and bool(before.strip()))
    end = start + len(" ".join(line[span[0] : span[1]].split())) + 1
    quoted = " ".join(quoted.removesuffix("…").split())
    at = text.find(quoted)
    while at >= 0:
        if (start <= at and at + len(quoted) <= end) or (
            at <= start and end - 1 <= at + len(quoted)
        ):
            return True
        at = text.find(quoted, at + 1)
    return False


@pytest.mark.skipif(not iterater.available(), reason="needs ../shared/corpora/iterater_dev")
def test_reasons_quote_words_inside_their_change() -> None:
    """Over the IteraTeR development set, every word a reason quotes lies in its edit."""
    outside = []
    for case in iterater.cases():
        for a_line, a_span, b_line, b_span, verdict in iterater.verdicts(case):
            for quoted in _QUOTED.findall(verdict.reason):
                if any(c.isalnum() for c in quoted) and not (
                    _inside(quoted, a_line, a_span) or _inside(quoted, b_line, b_span)
                ):
                    outside.append((quoted, verdict.reason))
    assert outside == []
