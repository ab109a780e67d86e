"""The page around a story: menus, share bars, related links, comments and footers are
boilerplate with a subkind, the story's own lines stay story, and a short copy is truncated."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.comparison.prose import Quality, in_context, quality
from desktop.core.language.stopwords import stop_words
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.text.tokens import words

STORY = [
    "The ferry left Dover at dawn with four hundred passengers aboard and a crew of thirty, "
    "bound for Calais on what the operator described as a routine morning crossing.",
    "Crew members said the crossing was calm until the port engine failed about halfway "
    "across the Channel, leaving the vessel drifting slowly towards the French coast.",
    "Rescue at sea",
    "Coastguards from both countries sent two lifeboats and a tug, which reached the ferry "
    "within an hour and towed it into Calais harbour by the early afternoon.",
    "Passengers were given food and drink on board while they waited, and several of them "
    "said that the crew had kept everyone calm and informed throughout the delay.",
    "The operator said the engine would be inspected in Calais before the ferry returned to "
    "service, and that every passenger would be offered a refund or a free crossing.",
    "An investigation into the cause of the failure has been opened by the maritime "
    "authorities, who said they expected to publish their first findings within a month.",
]
MENU = ["Home", "News", "Sport", "Weather", "Business", "Travel"]
FOOTER = [
    "Share this story",
    "Facebook",
    "Twitter",
    "Related stories",
    "Ferry Strike Called Off After Late Talks",
    "New Harbour Wall Opens In Folkestone",
    "Record Summer For Channel Crossings",
    "3 comments",
    "I was on this ferry and the crew were brilliant, they kept us all calm the whole time.",
    "Glad everyone is safe, but this is the second breakdown on this route this year.",
    "\u00a9 2024 The Dover Gazette. All rights reserved.",
    "Privacy policy",
]


def _article(name: str, lines: list[str]) -> Article:
    return Article(id=name, title="", text="\n\n".join(lines))


def _on_b(changes: tuple[Change, ...]) -> dict[str, Change]:
    return {c.b.text: c for c in changes if c.b is not None and c.a is None}


def test_a_copied_page_is_the_story_and_the_site_around_it() -> None:
    """Every line the page alone has is boilerplate, named for its part of the page."""
    page = _article("page", [*MENU, *STORY, *FOOTER])
    changes = compare(_article("story", STORY), page).changes
    found = _on_b(changes)
    assert set(found) == {*MENU, *FOOTER}
    assert all(c.kind is ChangeKind.BOILERPLATE for c in found.values())
    subkinds = {line: found[line].subkind for line in found}
    assert {subkinds[line] for line in MENU} == {"navigation"}
    assert subkinds["Share this story"] == "share"
    assert subkinds["Record Summer For Channel Crossings"] == "related"
    assert subkinds[FOOTER[8]] == "comments"
    assert subkinds["Privacy policy"] == "copyright"
    assert "after the story ends" in found["Twitter"].reason
    assert not any(c.kind is ChangeKind.TRUNCATED for c in changes)


def test_a_copy_that_stops_early_is_truncated_though_its_page_goes_on() -> None:
    """The original's last paragraphs are a truncation; the copy's footer is boilerplate."""
    copy = _article("copy", [*STORY[:3], *FOOTER])
    changes = compare(_article("story", STORY), copy).changes
    (tail,) = [c for c in changes if c.kind is ChangeKind.TRUNCATED]
    assert tail.a is not None
    assert tail.a.text.startswith(STORY[3])
    assert tail.a.text.endswith(STORY[-1])
    assert {c.kind for c in _on_b(changes).values()} == {ChangeKind.BOILERPLATE}


@pytest.mark.parametrize("heading", ["What happens next", "Read my lips", "Share prices fall"])
def test_a_subheading_in_the_part_a_copy_leaves_out_stays_story(heading: str) -> None:
    """A short heading inside the original's tail does not end its story early."""
    original = _article("original", [*STORY[:4], heading, *STORY[4:]])
    changes = compare(original, _article("copy", STORY[:3])).changes
    (tail,) = [c for c in changes if c.kind is ChangeKind.TRUNCATED]
    assert tail.a is not None
    assert heading in tail.a.text
    assert tail.a.text.endswith(STORY[-1])


def test_story_added_between_shared_paragraphs_stays_story() -> None:
    """An added paragraph and a subheading are added; a menu or a "Read more" link between
    paragraphs is chrome."""
    extra = (
        "One passenger, a retired teacher from Kent, said she had made the crossing every "
        "summer for forty years and had never seen the crew so stretched."
    )
    copy = _article(
        "copy",
        [*STORY[:2], "More on this", extra, *MENU[1:4], *STORY[2:4], "Read more", *STORY[4:]],
    )
    changes = compare(_article("story", STORY), copy).changes
    (added,) = [c for c in changes if c.kind is ChangeKind.ADDED]
    assert added.b is not None
    assert added.b.text == f"More on this\n\n{extra}"
    found = _on_b(changes)
    assert {found[line].kind for line in MENU[1:4]} == {ChangeKind.BOILERPLATE}
    assert (found["Read more"].kind, found["Read more"].subkind) == (
        ChangeKind.BOILERPLATE,
        "related",
    )


def test_a_short_last_sentence_and_a_headline_stay_story() -> None:
    """A sentence after the story and a headline in its words are not the site's."""
    headline = "Ferry engine fails on Dover crossing"
    last = "Nobody was hurt, the operator said."
    copy = _article("copy", [headline, *STORY, last])
    found = _on_b(compare(_article("story", STORY), copy).changes)
    assert found[headline].kind is ChangeKind.ADDED
    assert found[last].kind is ChangeKind.ADDED


@pytest.mark.parametrize(
    ("old", "new", "subkind"),
    [
        ("Story Code : 88635", "Posted 11 March 2014 14:31 | Story Code: 37279", "story-code"),
        ("By BBC", "Source: BBC News", "credit"),
    ],
)
def test_seed_lines_of_the_site_keep_their_subkind(old: str, new: str, subkind: str) -> None:
    """004's story code and credit, written as other sites write them, are still found."""
    library = Library.open()
    copy = library.get("004")
    edited = replace(copy, id="004_edited", text=copy.text.replace(old, new))
    found = _on_b(compare(library.get("002"), edited).changes)
    assert (found[new].kind, found[new].subkind) == (ChangeKind.BOILERPLATE, subkind)


def test_by_bbc_in_004_is_a_credit() -> None:
    """'By BBC' says whose work the copy is: boilerplate of subkind credit, naming BBC."""
    library = Library.open()
    found = _on_b(compare(library.get("002"), library.get("004")).changes)
    assert found["By BBC"].subkind == "credit"
    assert found["By BBC"].reason.startswith("credits BBC")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (STORY[0], Quality.NEAR_GOOD),
        (STORY[0] + " " + STORY[1], Quality.GOOD),
        ("Rescue at sea", Quality.SHORT),
        ("Nobody was hurt, the operator said.", Quality.NEAR_GOOD),
        (
            "Home News Sport Weather Business Travel Culture Future Worklife Reel Sounds",
            Quality.BAD,
        ),
        (
            "Ferry Strike Called Off After Late Talks | New Harbour Wall Opens In Folkestone",
            Quality.BAD,
        ),
        (
            "\u00a9 2024 The Dover Gazette, a member of the Kent Media Group of newspapers",
            Quality.BAD,
        ),
    ],
)
def test_quality_of_a_line_by_itself(line: str, expected: Quality) -> None:
    """Prose is good, a menu or a run of titles is bad, a few words are short."""
    assert quality(line, stop_words(words(STORY[0]))) is expected


def test_a_subheading_between_paragraphs_is_story_and_a_link_between_menus_is_not() -> None:
    """jusText's second pass: short lines take the class of their neighbours."""
    good, bad, short = Quality.GOOD, Quality.BAD, Quality.SHORT
    assert in_context([good, short, good]) == [True, True, True]
    assert in_context([bad, short, bad]) == [False, False, False]
    assert in_context([short, good]) == [False, True]


def test_the_stop_list_is_the_story_s_language() -> None:
    """A German story is read with German stop words, an English one with English."""
    german = stop_words(words("Die Fähre hat den Hafen am Morgen mit vierhundert Gästen verlassen"))
    assert {"die", "den", "mit"} <= german
    assert "the" in stop_words(words("The ferry left the harbour at dawn with its passengers"))
