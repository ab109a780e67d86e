"""A line a site carries across its different stories is that site's chrome."""

from __future__ import annotations

import random

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison, compare
from desktop.core.comparison.derivation import reason
from desktop.core.storage.library import Library
from desktop.core.workspace import Workspace

SITE = "Gulf Daily Wire"
# Longer than a short line (the library-wide rule) and not a disclaimer by its words.
PROMPT = (
    "Get the morning briefing from our newsroom in your inbox every weekday, with the"
    " stories that matter most across the region."
)
_SYLLABLES = ["ka", "ro", "mi", "tes", "dun", "vel", "ash", "or", "pli", "zen", "qua", "bor"]
_DID = ["announced", "rejected", "postponed", "questioned", "approved", "defended"]
_WHAT = ["the budget", "a new port", "the water plan", "the tax reform", "a rail link"]


def _story(seed: int) -> list[str]:
    """Six paragraphs of a story of its own: its people and places are its own words."""
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).title()

    people, places = [name() for _ in range(6)], [name() for _ in range(6)]
    return [
        " ".join(
            f"{rng.choice(people)} {rng.choice(_DID)} {rng.choice(_WHAT)} in"
            f" {rng.choice(places)} on day {rng.randrange(1, 300)}."
            for _ in range(3)
        )
        for _ in range(6)
    ]


def _with_prompt(paragraphs: list[str]) -> str:
    """The story with PROMPT between its third and fourth paragraphs, as a site puts it."""
    return "\n\n".join([*paragraphs[:3], PROMPT, *paragraphs[3:]])


def _library(stories: list[tuple[str, str, str]]) -> Workspace:
    """A workspace over the sample articles and ``stories`` (title, source, text)."""
    workspace = Workspace.for_library(Library.open())
    for title, source, text in stories:
        workspace.library.add_text(title, text, source=source)
    workspace.refresh()
    return workspace


def _prompt_change(comparison: Comparison) -> tuple[ChangeKind, str, str]:
    """Kind, subkind and reason of the change that is PROMPT, on the side that has it."""
    [change] = [c for c in comparison.changes if c.a is not None and c.a.text == PROMPT]
    return change.kind, change.subkind, change.reason


def _compare_versions(workspace: Workspace) -> Comparison:
    """The story's version with PROMPT against the one without it."""
    return workspace.compare(workspace.article("story-one"), workspace.article("story-one-again"))


def test_a_line_the_site_carries_across_its_stories_is_its_chrome() -> None:
    first = _story(1)
    workspace = _library(
        [
            ("Story one", SITE, _with_prompt(first)),
            ("Story one again", SITE, "\n\n".join(first)),
            *[(f"Story {n}", SITE, _with_prompt(_story(n))) for n in (2, 3, 4)],
        ]
    )
    [version] = workspace.versions("story-one")
    assert version.id == "story-one-again"
    comparison = _compare_versions(workspace)
    kind, subkind, why = _prompt_change(comparison)
    assert (kind, subkind) == (ChangeKind.BOILERPLATE, "site-wide")
    assert why.startswith(f"recurs in 3 other articles of {SITE}")
    assert version.reason == reason(comparison.evidence)  # the story's versions say the same
    # Two files compared without a library: nothing says the line is the site's.
    files = compare(workspace.article("story-one"), workspace.article("story-one-again"))
    assert _prompt_change(files)[0] == ChangeKind.REMOVED


def test_the_site_line_is_story_again_once_its_other_stories_go() -> None:
    """Kept in step with the library: two stories removed, one other story is too few."""
    first = _story(1)
    workspace = _library(
        [
            ("Story one", SITE, _with_prompt(first)),
            ("Story one again", SITE, "\n\n".join(first)),
            *[(f"Story {n}", SITE, _with_prompt(_story(n))) for n in (2, 3, 4)],
        ]
    )
    workspace.remove("story-2")
    assert _prompt_change(_compare_versions(workspace))[0] == ChangeKind.BOILERPLATE
    workspace.remove("story-3")
    assert _prompt_change(_compare_versions(workspace))[0] == ChangeKind.REMOVED


def test_a_line_in_many_versions_of_one_story_is_not_chrome() -> None:
    """Five versions of one story share their lines: one story, however many copies."""
    first = _story(1)
    versions = [
        (f"Story one copy {n}", SITE, _with_prompt([*first, f"This copy was updated at {n} pm."]))
        for n in range(1, 5)
    ]
    workspace = _library(
        [
            ("Story one", SITE, _with_prompt(first)),
            ("Story one again", SITE, "\n\n".join(first)),
            *versions,
            ("Story 2", SITE, _with_prompt(_story(2))),
        ]
    )
    assert len(workspace.versions("story-one")) == 5
    assert _prompt_change(_compare_versions(workspace))[0] == ChangeKind.REMOVED


def test_a_line_in_stories_of_different_sources_is_not_chrome() -> None:
    first = _story(1)
    workspace = _library(
        [
            ("Story one", SITE, _with_prompt(first)),
            ("Story one again", SITE, "\n\n".join(first)),
            *[(f"Story {n}", f"Source {n}", _with_prompt(_story(n))) for n in (2, 3, 4)],
        ]
    )
    assert _prompt_change(_compare_versions(workspace))[0] == ChangeKind.REMOVED
