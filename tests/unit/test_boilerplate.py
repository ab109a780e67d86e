"""Site chrome: each kind of line found with its rule, story lines left alone."""

from __future__ import annotations

import pytest

from desktop.core.article import Article
from desktop.core.boilerplate import breadcrumb_length, chrome, recurring_lines


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


def test_lines_in_several_articles_are_recurring_chrome() -> None:
    """A short line three articles share is chrome; one two share is not."""
    articles = [
        Article(str(n), "t", f"Story {n} text here.\n\nShare this article\n\nOnly {n // 2}")
        for n in range(3)
    ]
    recurring = recurring_lines(articles)
    assert "share this article" in recurring
    assert "only 0" not in recurring
    found = chrome("Share this article", recurring=recurring)
    assert found is not None
    assert found.rule == "recurring"
