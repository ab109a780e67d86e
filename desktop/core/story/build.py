"""A story built as its pairs are compared: each pair once, a fuller ``Story`` each time.

``story_steps(articles, original, compare, judge)`` compares the original with every
other version first (``compare``: whole comparisons, which fill the collation and a first
lineage), then judges versions with each other in rounds (``judge``: only the verdict each
is reduced to, ``lineage.Verdict``, which settles who copies whom): each round judges each
version not yet settled with the next of its ``NEAREST`` candidates, the others whose
editorial decisions it carries most exactly (``story.kinship``), nearest pairs first. A
version is settled once the judge finds it copies a version nearer than any candidate
left (the lineage takes the nearest source the judge names, so no candidate further away
can change it), or when none is left: most copies are settled by the first, or by the
original alone. A ``Story`` is yielded at the start, at most every ``EVERY`` seconds
(a story of more than ``SPACED`` versions proportionally less often: each partial story
costs the window a redraw, and a process apart a copy, that grow with it), once the
original is compared with every version, and once whole at the end; its
``total`` is the pairs compared so far and those that may still be (it shrinks as
versions settle). Both are the workspace's (its recurring lines as site chrome, its
pairs kept); stopping between pairs when ``should_cancel()`` says so.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence

from desktop.core.comparison.compare import Comparison
from desktop.core.story.collation import Column, collate
from desktop.core.story.kinship import Kinship, kinship
from desktop.core.story.lineage import Verdict, lineage, verdict
from desktop.core.story.model import Story
from desktop.core.text.article import Article
from desktop.core.versions.relations import Original

EVERY = 0.25  # seconds between two partial stories once the collation is filled
SPACED = 40  # versions past which partial stories come proportionally less often
NEAREST = 3  # the versions each may be judged with besides the original

Compare = Callable[[Article, Article], Comparison]
Judge = Callable[[Article, Article], Verdict]
Cancel = Callable[[], bool]


def story_steps(
    articles: Sequence[Article],
    original: Original,
    compare: Compare,
    judge: Judge,
    *,
    should_cancel: Cancel | None = None,
) -> Iterator[Story]:
    """Ever fuller stories of ``articles`` (a family of two or more); the last is whole
    unless cancelled."""
    by_id = {article.id: article for article in articles}
    base = by_id[original.id]
    others = [article for article in articles if article.id != base.id]
    pairs: dict[tuple[str, str], Verdict] = {}
    compared: dict[str, Comparison] = {}  # the original's with each version, by version
    columns: dict[str, dict[str, Column]] = {}  # their collation, by original and version
    kin = kinship(articles, base)
    ids = [article.id for article in others]
    candidates = {one: kin.nearest(one, ids, NEAREST) for one in ids}
    every = EVERY * max(1.0, len(articles) / SPACED)

    def story() -> Story:
        judged = {frozenset(pair) for pair in pairs}
        left = {frozenset((one, near)) for one, queue in candidates.items() for near in queue}
        total = len(others) + len((judged | left) - {frozenset((base.id, o)) for o in ids})
        return _story(articles, original, pairs, compared, columns, total, kin)

    yield story()
    last = time.monotonic()
    for number, other in enumerate(others, start=1):
        if should_cancel is not None and should_cancel():
            return
        compared[other.id] = compare(base, other)
        pairs[base.id, other.id] = verdict(compared[other.id])
        if number == len(others) or time.monotonic() - last >= every:
            yield story()
            last = time.monotonic()
    place = {one: n for n, one in enumerate(ids)}
    while wanted := _next_round(story(), candidates, pairs, kin, place):
        for a, b in wanted:
            if should_cancel is not None and should_cancel():
                return
            pairs[a, b] = judge(by_id[a], by_id[b])
            if time.monotonic() - last >= every:
                yield story()
                last = time.monotonic()
    whole = story()
    if whole.original != base.id:  # the text overruled the dates: collate on the new original
        new_base = by_id[whole.original]
        kin = kinship(articles, new_base)
        compared = {}
        for copy in whole.copies:
            if should_cancel is not None and should_cancel():
                return
            compared[copy.id] = compare(new_base, by_id[copy.id])
        whole = story()
    yield whole


def _next_round(
    story: Story,
    candidates: dict[str, list[str]],
    pairs: dict[tuple[str, str], Verdict],
    kin: Kinship,
    place: dict[str, int],
) -> list[tuple[str, str]]:
    """Each unsettled version with its next candidate not judged yet (each pair once, as
    ordered in ``place``), the nearest pairs first; a settled version's candidates are
    dropped from ``candidates``."""
    judged = {frozenset(pair) for pair in pairs}
    wanted: set[tuple[str, str]] = set()
    candidates.get(story.original, []).clear()  # a version the text made the original
    for version in story.copies:
        queue = candidates.get(version.id, [])
        while queue and frozenset((version.id, queue[0])) in judged:
            queue.pop(0)
        parent = version.derived_from
        if (
            queue
            and parent is not None
            and _rank(kin, version.id, parent) < _rank(kin, version.id, queue[0])
        ):
            queue.clear()  # settled: no candidate left is nearer than its source
        if queue:
            pair = sorted((version.id, queue[0]), key=place.__getitem__)
            wanted.add((pair[0], pair[1]))
    return sorted(
        wanted,
        key=lambda p: (min(kin.distance(*p), kin.distance(p[1], p[0])), place[p[0]], place[p[1]]),
    )


def _rank(kin: Kinship, copy: str, source: str) -> tuple[bool, int]:
    """How near ``source`` is to being ``copy``'s, as the lineage ranks the sources the
    judge names: dated no later first, then the fewest decisions apart."""
    return kin.later(source, copy), kin.distance(copy, source)


def _story(
    articles: Sequence[Article],
    original: Original,
    pairs: dict[tuple[str, str], Verdict],
    compared: dict[str, Comparison],
    columns: dict[str, dict[str, Column]],
    total: int,
    kin: Kinship,
) -> Story:
    """The story as far as ``pairs`` go; ``compared``: the original's comparison with each
    version (their collation is pending until it is there)."""
    root, why, in_order = lineage(articles, original, pairs, kin)
    place = {version.id: n for n, version in enumerate(in_order)}
    versions = sorted(  # the original, then by date as a reader follows the story
        in_order, key=lambda v: (v.id != root, v.date or dt.date.max, place[v.id])
    )
    base = next(article for article in articles if article.id == root)
    copies = [version.id for version in versions if version.id != root]
    with_root = {copy: c for copy, c in compared.items() if c.a.id == root}
    rows, additions = collate(base, copies, with_root, columns.setdefault(root, {}))
    done = len({frozenset(pair) for pair in pairs})
    return Story(root, why, tuple(versions), rows, additions, done, total)
