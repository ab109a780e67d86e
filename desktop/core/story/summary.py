"""The story in words: "6 versions from 4 sources; 4 copy BBC News of 11 March; The Iran
Project adds 6 repeated paragraphs; 2 stop early; 1 changes a number"."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.comparison.changes import ChangeKind
from desktop.core.story.model import Story, Version

NAMED = 3  # sources copied, or versions adding paragraphs, named before they are counted
_ADDED_WORDS = {
    ChangeKind.DUPLICATED: "repeated paragraph",
    ChangeKind.ADDED: "paragraph",
}


def summary(story: Story) -> str:
    """What a journalist asks first of a story, in one line; "so far" while pairs remain.

    The sources copied most are named (at most ``NAMED``; the rest counted), and so are the
    versions that add paragraphs when there are few of them, else they are counted.
    """
    versions = story.versions
    sources = {version.source or version.id for version in versions}
    parts = [f"{_many(len(versions), 'version')} from {_many(len(sources), 'source')}"]
    children = Counter(v.derived_from for v in versions if v.derived_from is not None)
    ranked = children.most_common()
    for parent, count in ranked[:NAMED]:
        parts.append(f"{count} {_copy(count)} {_unique_name(story, story.version(parent))}")
    if len(ranked) > NAMED:
        rest = sum(count for _, count in ranked[NAMED:])
        parts.append(f"{rest} {_copy(rest)} {_many(len(ranked) - NAMED, 'other')}")
    added = Counter((addition.version, addition.kind) for addition in story.additions)
    for kind, words in _ADDED_WORDS.items():
        adding = [(version, n) for version in story.copies if (n := added[version.id, kind])]
        if len(adding) > NAMED:
            parts.append(f"{len(adding)} add {words}s")
        else:
            parts.extend(f"{_who(version)} adds {_many(n, words)}" for version, n in adding)
    cells = [cell for row in story.rows for cell in row.cells]
    early = len({cell.version for cell in cells if cell.kind is ChangeKind.TRUNCATED})
    if early:
        parts.append(f"{early} stop{'s' * (early == 1)} early")
    numbers = len({cell.version for cell in cells if cell.subkind == "number"})
    if numbers:
        parts.append(f"{numbers} change{'s' * (numbers == 1)} a number")
    text = "; ".join(parts)
    return text if story.complete else f"{text} (so far: {story.done} of {story.total} pairs)"


def _copy(count: int) -> str:
    return "copies" if count == 1 else "copy"


def _unique_name(story: Story, version: Version) -> str:
    """``name(version)``, with its id when another version goes by the same name."""
    said = name(version)
    twins = sum(
        1 for other in story.versions if other.source == version.source and name(other) == said
    )
    return f"{said} ({version.id})" if twins > 1 else said


def name(version: Version) -> str:
    """ "BBC News of 11 March 2014", or the id when the source is unknown."""
    who = _who(version)
    return f"{who} of {_day(version.date)}" if version.date else who


def _who(version: Version) -> str:
    return version.source or version.id


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"
