"""The story in words: "6 versions from 4 sources; 4 copy BBC News of 11 March; The Iran
Project adds 6 repeated paragraphs; 2 stop early; 1 changes a number"."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.core.comparison.changes import ChangeKind
from desktop.core.story.model import Story, Version

_ADDED_WORDS = {
    ChangeKind.DUPLICATED: "repeated paragraph",
    ChangeKind.ADDED: "paragraph",
    ChangeKind.BOILERPLATE: "line of site chrome",
}


def summary(story: Story) -> str:
    """What a journalist asks first of a story, in one line; "so far" while pairs remain."""
    versions = story.versions
    sources = {version.source or version.id for version in versions}
    parts = [f"{_many(len(versions), 'version')} from {_many(len(sources), 'source')}"]
    children = Counter(v.derived_from for v in versions if v.derived_from is not None)
    for parent, count in children.most_common():
        copying = "copies" if count == 1 else "copy"
        parts.append(f"{count} {copying} {name(story.version(parent))}")
    for version in story.copies:
        added = Counter(a.kind for a in story.additions if a.version == version.id)
        for kind, words in _ADDED_WORDS.items():
            if added[kind] and kind is not ChangeKind.BOILERPLATE:
                parts.append(f"{_who(version)} adds {_many(added[kind], words)}")
    columns = list(enumerate(story.copies))
    early = sum(
        1
        for n, _ in columns
        if any(row.cells[n].kind is ChangeKind.TRUNCATED for row in story.rows)
    )
    if early:
        parts.append(f"{early} stop{'s' * (early == 1)} early")
    numbers = sum(
        1 for n, _ in columns if any(row.cells[n].subkind == "number" for row in story.rows)
    )
    if numbers:
        parts.append(f"{numbers} change{'s' * (numbers == 1)} a number")
    text = "; ".join(parts)
    return text if story.complete else f"{text} (so far: {story.done} of {story.total} pairs)"


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
