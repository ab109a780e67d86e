"""Site chrome: each kind of line found with its rule, story lines left alone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.comparison.boilerplate import breadcrumb_length, chrome
from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import compare
from desktop.core.storage.library import Library
from desktop.core.text.article import Article
from desktop.core.workspace import Workspace


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("https://theiranproject.com/vdcbs0bw.rhbwfpe4ur.html", "url"),
        ("[youtube kNbsxICELG0 650]", "embed"),
        ("Story Code : 88635", "story-code"),
        ("Tuesday 11 March 2014 - 14:31", "dateline"),
        ("24 Nov 2024", "dateline"),
        ("By BBC", "credit"),
        ("Reporting by Jane Smith and Tom Jones", "credit"),
        ("Source: Reuters", "credit"),
        ("Originally published at theconversation.com", "credit"),
        ("\u00a9 AP", "credit"),
        ("Posted 11 March 2014 14:31 | Story Code: 37279", "story-code"),
        ("\u00a9 2014 The Iran Project. All rights reserved.", "disclaimer"),
        ("Photo: Reuters", "media-credit"),
        ("The Iran Project is not responsible for the content of quoted articles.", "disclaimer"),
        ("Your Name", "form-label"),
        ("Your Email Address", "form-label"),
        ("Media caption,", "media-credit"),
        ("Image source, Reuters", "media-credit"),
        ("Image caption,", "media-credit"),
        (
            "Home Breaking News Russia and US to hold crucial talks over Ukraine crisis",
            "breadcrumb",
        ),
    ],
)
def test_chrome_lines_are_found_with_their_rule(line: str, rule: str) -> None:
    """Each line of site chrome the seeds hold is found, by the rule that names it."""
    found = chrome(line)
    assert found is not None
    assert found.rule == rule


@pytest.mark.parametrize(
    "line",
    [
        "Direct dialogue plea",
        "Meanwhile Russian forces have strengthened their control over Crimea.",
        "By Tuesday evening the troops had left the base and returned to barracks.",
        "From Kiev to Moscow",
        "By Tuesday the troops had left.",
        "In other developments on Tuesday:",
    ],
)
def test_story_lines_are_not_chrome(line: str) -> None:
    """Headings and sentences of the story are never taken for chrome."""
    assert chrome(line) is None


def test_a_caption_follows_its_marker() -> None:
    """The line after 'Image caption,' is the caption, not story text."""
    found = chrome("Pro-Russian forces are blockading Ukrainian troops", "Image caption,")
    assert found is not None
    assert found.rule == "caption"


def test_breadcrumb_length_covers_the_trail_only() -> None:
    """The trail in front of a title is measured up to the title."""
    line = "Home Breaking News Russia and US to hold talks"
    assert line[breadcrumb_length(line) :] == "Russia and US to hold talks"


def test_lines_in_several_articles_are_recurring_chrome(tmp_path: Path) -> None:
    """A short line three articles share is chrome; one two share is not."""
    for n in range(3):
        text = f"Story {n}\n\nStory {n} text here.\n\nShare this article\n\nOnly {n // 2}"
        (tmp_path / f"{n}.txt").write_text(text)
    workspace = Workspace.for_library(Library.open(tmp_path))
    workspace.refresh()
    recurring = workspace.recurring
    assert "share this article" in recurring
    assert "only 0" not in recurring
    found = chrome("Share this article", recurring=recurring)
    assert found is not None
    assert found.rule == "recurring"


STORY = (
    "The ferry left Dover at dawn with four hundred passengers aboard.\n\n"
    "Crew members said the crossing was calm until the engine failed.\n\n"
    "Coastguards towed the vessel into Calais harbour by the afternoon."
)


def _seed_with(seed: str, old: str, new: str) -> Article:
    """A seed with one line changed into chrome that no pattern knows."""
    article = Library.open().get(seed)
    assert old in article.text
    return replace(article, id=f"{seed}_edited", text=article.text.replace(old, new))


@pytest.mark.parametrize(
    ("original", "copy", "old", "line", "subkind", "said"),
    [
        ("002", "004", "24 Nov 2024", "Sunday edition", "navigation", "before the story starts"),
        (
            "000",
            "001",
            "[youtube kNbsxICELG0 650]",
            "Watch our latest videos",
            "page",
            "after the story ends",
        ),
    ],
)
def test_a_short_line_outside_the_seed_story_is_chrome_by_position(
    original: str, copy: str, old: str, line: str, subkind: str, said: str
) -> None:
    """Where a pattern-matched line of 004 or 001 stood, an unknown line is chrome by place."""
    a, b = Library.open().get(original), _seed_with(copy, old, line)
    found = [c for c in compare(a, b).changes if c.b is not None and c.b.text == line]
    assert [(c.kind, c.subkind) for c in found] == [(ChangeKind.BOILERPLATE, subkind)]
    assert said in found[0].reason


@pytest.mark.parametrize(
    ("extra", "kind"),
    [
        ("The Dover Gazette \u2014 your town, your news", ChangeKind.BOILERPLATE),
        ("Subscribe for daily updates", ChangeKind.BOILERPLATE),
        ("Nobody was hurt, and the ferry company apologised to its passengers.", ChangeKind.ADDED),
        ("Calais harbour vessel towed", ChangeKind.ADDED),
    ],
)
def test_a_site_tagline_at_the_end_is_chrome_but_a_last_sentence_is_added(
    extra: str, kind: ChangeKind
) -> None:
    """A short line foreign to the story after its end is chrome; a sentence is story."""
    a = Article(id="a", title="t", text=STORY)
    b = Article(id="b", title="t", text=f"{STORY}\n\n{extra}")
    (change,) = compare(a, b).changes
    assert (change.kind, change.b.text if change.b else None) == (kind, extra)
    if kind is ChangeKind.BOILERPLATE:
        assert change.reason.endswith("after the story ends, on one side only")


def test_a_subheading_inside_a_truncated_tail_stays_story() -> None:
    """000's "'Last resort'" heading is part of what 001 leaves out, not chrome."""
    library = Library.open()
    changes = compare(library.get("000"), library.get("001")).changes
    assert {c.subkind for c in changes if c.kind is ChangeKind.BOILERPLATE} == {
        "breadcrumb",
        "embed",
    }
    (tail,) = [c for c in changes if c.kind is ChangeKind.TRUNCATED]
    assert tail.a is not None
    assert "\u2018Last resort\u2019" in tail.a.text
