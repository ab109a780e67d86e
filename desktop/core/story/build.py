"""A story built as its pairs are compared: each pair once, a fuller ``Story`` each time.

``story_steps(articles, original, compare, judge)`` compares the original with every
other version first (``compare``: whole comparisons, which fill the collation and a first
lineage), then judges each version with the ``NEAREST`` others whose lines it is nearest
to (``story.kinship``; ``judge``: only the verdict each is reduced to, ``lineage.Verdict``,
which settles who copies whom; a pair further apart is not the one a copy copies), nearest
pairs first, and yields a ``Story`` at the start,
at most every ``EVERY`` seconds, once the original is compared with every version, and
once whole at the end. Both are
the workspace's (its recurring lines as site chrome, its pairs kept); stopping between
pairs when ``should_cancel()`` says so.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator, Sequence

from desktop.core.comparison.compare import Comparison
from desktop.core.story.collation import collate
from desktop.core.story.kinship import Kinship, kinship
from desktop.core.story.lineage import Verdict, lineage, verdict
from desktop.core.story.model import Cell, Story
from desktop.core.text.article import Article
from desktop.core.versions.relations import Original

EVERY = 0.25  # seconds between two partial stories once the collation is filled
NEAREST = 3  # the versions each is judged with besides the original

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
    cells: dict[str, dict[str, list[Cell]]] = {}  # their collation, by original and version
    kin = kinship(articles, base)
    order = [(base, other) for other in others]
    order += _nearest_pairs(others, kin)
    total = len(order)
    yield _story(articles, original, pairs, compared, cells, total, kin)
    last = time.monotonic()
    for number, (a, b) in enumerate(order, start=1):
        if should_cancel is not None and should_cancel():
            return
        if a is base:
            compared[b.id] = compare(a, b)
            pairs[a.id, b.id] = verdict(compared[b.id])
        else:
            pairs[a.id, b.id] = judge(a, b)
        if number == len(others) or time.monotonic() - last >= EVERY:
            yield _story(articles, original, pairs, compared, cells, total, kin)
            last = time.monotonic()
    story = _story(articles, original, pairs, compared, cells, total, kin)
    if story.original != base.id:  # the text overruled the dates: collate on the new original
        new_base = by_id[story.original]
        kin = kinship(articles, new_base)
        compared = {}
        for copy in story.copies:
            if should_cancel is not None and should_cancel():
                return
            compared[copy.id] = compare(new_base, by_id[copy.id])
        story = _story(articles, original, pairs, compared, cells, total, kin)
    yield story


def _nearest_pairs(others: Sequence[Article], kin: Kinship) -> list[tuple[Article, Article]]:
    """Each version with the ``NEAREST`` others nearest to being its source, the
    nearest pairs first."""
    place = {article.id: n for n, article in enumerate(others)}
    ids = list(place)
    wanted = {  # each pair once, as ordered in ``others``
        (min(one, near, key=place.__getitem__), max(one, near, key=place.__getitem__))
        for one in ids
        for near in kin.nearest(one, ids, NEAREST)
    }
    ranked = sorted(
        wanted,
        key=lambda p: (min(kin.distance(*p), kin.distance(p[1], p[0])), place[p[0]], place[p[1]]),
    )
    return [(others[place[a]], others[place[b]]) for a, b in ranked]


def _story(
    articles: Sequence[Article],
    original: Original,
    pairs: dict[tuple[str, str], Verdict],
    compared: dict[str, Comparison],
    cells: dict[str, dict[str, list[Cell]]],
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
    rows, additions = collate(base, copies, with_root, cells.setdefault(root, {}))
    done = len({frozenset(pair) for pair in pairs})
    return Story(root, why, tuple(versions), rows, additions, done, total)
