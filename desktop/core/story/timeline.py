"""Where each version stands on the story's timeline: a column for each day (the undated
last), a lane for each source (in the order they first published), and an arrow from
each version to the one it copies. Several versions of one source on one day stand in
lanes of their own. The window draws it; nothing here knows pixels."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from dataclasses import dataclass

from desktop.core.story.model import Story


@dataclass(frozen=True, slots=True)
class Place:
    """A version on the timeline: its column (day) and lane (source), and whether it is
    the original."""

    id: str
    column: int
    lane: int
    original: bool


@dataclass(frozen=True, slots=True)
class Timeline:
    """The days (``None``: undated), the sources, each version's place (its lane counts
    the lanes of the sources above), and the arrows (copy, the version it copies)."""

    days: tuple[dt.date | None, ...]
    sources: tuple[str, ...]
    places: tuple[Place, ...]
    arrows: tuple[tuple[str, str], ...]


def timeline(story: Story) -> Timeline:
    versions = story.versions
    days = sorted({v.date for v in versions if v.date is not None})
    has_undated = any(v.date is None for v in versions)
    columns: list[dt.date | None] = [*days, *([None] if has_undated else [])]
    first_seen: dict[str, tuple[dt.date, int]] = {}
    for order, version in enumerate(versions):
        source = version.source or version.id
        when = (version.date or dt.date.max, order)
        first_seen[source] = min(first_seen.get(source, when), when)
    sources = sorted(first_seen, key=first_seen.__getitem__)
    # a source with several versions on one day has a lane for each of them
    slot: dict[str, int] = {}
    taken: Counter[tuple[str, dt.date | None]] = Counter()
    for version in versions:
        source = version.source or version.id
        slot[version.id] = taken[source, version.date]
        taken[source, version.date] += 1
    lanes_of = {s: max(n for (t, _), n in taken.items() if t == s) for s in sources}
    first_lane = dict(
        zip(sources, itertools.accumulate([0, *(lanes_of[s] for s in sources)]), strict=False)
    )
    places = tuple(
        Place(
            version.id,
            columns.index(version.date),
            first_lane[version.source or version.id] + slot[version.id],
            version.id == story.original,
        )
        for version in versions
    )
    arrows = tuple(
        (version.id, version.derived_from)
        for version in versions
        if version.derived_from is not None
    )
    return Timeline(tuple(columns), tuple(sources), places, arrows)
