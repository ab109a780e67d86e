"""Who copies whom: the pairwise judgements of a family reduced to a tree.

Every judged pair has its verdict from the one judge (``comparison.derivation``, which
weighs how much of each side the other holds, the dates, site chrome, repeats and an
early end). ``lineage`` reduces them to one parent a version:

1. The versions are taken the original first, then by date (undated last), then by id.
2. A version's parent is, of the versions the judge says it copies, the one dated no
   later than it (a source published before its copy is preferred) whose lines it holds
   with the fewest differences (``story.kinship``: a copy carries its source's own
   edits, site lines and credit, and a cut copy is nearest the version it was cut from,
   not every longer one), then the most similar; never one of its own copies. A version
   the judge finds copying none of them has no parent, and its reason names the one it
   is closest to and why that pair is undecided.

The original is the one ``versions.original`` names (the earliest dated, else the most
complete) unless the judge says its text copies another version: then the dates
contradict the text and the version ranked first by the judgements (the least often
found the copy, the most often the source) is the original, with the reason saying so.
An undated version is placed by its text alone, and a parent dated after its copy is
kept (the text outweighs a date) with the contradiction said.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.comparison.changes import ChangeKind
from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.derivation import Evidence, grounds, reason
from desktop.core.story.kinship import Kinship
from desktop.core.story.model import Version
from desktop.core.text.article import Article, short_names
from desktop.core.versions.relations import Original


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the lineage keeps of a compared pair: its ids (``a`` as compared on the left),
    the one that looks derived (``copy``, None: undecided), the story's similarity, the
    evidence and the counts of changes. A story of a hundred versions keeps thousands of
    these, never their whole comparisons."""

    a: str
    b: str
    copy: str | None
    similarity: float
    evidence: Evidence
    counts: dict[ChangeKind, int]


Pairs = Mapping[tuple[str, str], Verdict]
"""Verdicts keyed by (a's id, b's id); each pair is held once, in either order."""


def verdict(comparison: Comparison) -> Verdict:
    """The verdict of one comparison, as the lineage weighs it."""
    derived = comparison.derived
    copy = None if derived is None else (comparison.a if derived.side == "a" else comparison.b).id
    return Verdict(
        comparison.a.id,
        comparison.b.id,
        copy,
        comparison.similarity,
        comparison.evidence,
        {kind: n for kind, n in comparison.counts.items() if n},
    )


def lineage(
    articles: Sequence[Article], original: Original, pairs: Pairs, kin: Kinship
) -> tuple[str, str, tuple[Version, ...]]:
    """(the original's id, why, every version in order with its parent and reason);
    ``pairs`` need not hold every pair (``story.build`` judges each version's nearest)."""
    judged = {frozenset(key): pair for key, pair in pairs.items()}
    by_id = {article.id: article for article in articles}
    copied = Counter(j.copy for j in judged.values() if j.copy is not None)
    sourced = Counter(
        next(iter(pair - {j.copy})) for pair, j in judged.items() if j.copy is not None
    )
    root, root_reason = _root(original, judged, by_id, copied, sourced)
    rest = sorted(
        (a for a in articles if a.id != root), key=lambda a: (a.date or dt.date.max, a.id)
    )
    order = [by_id[root], *rest]
    versions = [Version(root, *_named(by_id[root]), None, root_reason, {}, None)]
    parents: dict[str, str] = {}
    for article in rest:
        version = _version(article, order, judged, kin, parents)
        if version.derived_from is not None:
            parents[version.id] = version.derived_from
        versions.append(version)
    return root, root_reason, tuple(versions)


def _named(article: Article) -> tuple[str, str, dt.date | None]:
    return article.title, article.source, article.date


def _root(
    original: Original,
    judged: Mapping[frozenset[str], Verdict],
    by_id: Mapping[str, Article],
    copied: Counter[str],
    sourced: Counter[str],
) -> tuple[str, str]:
    """The original: ``versions.original``'s unless the judge says its text is a copy."""
    sources = [j for pair, j in judged.items() if original.id in pair and j.copy == original.id]
    if not sources:
        return original.id, original.reason
    first = min(by_id.values(), key=lambda a: (copied[a.id] - sourced[a.id], a.id))
    said = reason(sources[0].evidence)
    return first.id, (
        f"the others' text looks copied from it; {original.id} looked like the original "
        f"({original.reason}), but {said}"
    )


def _version(
    article: Article,
    order: Sequence[Article],
    judged: Mapping[frozenset[str], Verdict],
    kin: Kinship,
    parents: Mapping[str, str],
) -> Version:
    """``article`` with the version it most likely copies (never one of its own copies:
    ``parents`` holds the parents chosen so far)."""
    known = [
        (other, judged[key])
        for other in order
        if (key := frozenset((article.id, other.id))) in judged
    ]
    sources = [
        (other, j)
        for other, j in known
        if j.copy == article.id and not _descends(other.id, article.id, parents)
    ]
    if not sources:
        if not known:
            return Version(article.id, *_named(article), None, "not compared yet", {}, None)
        other, j = max(known, key=lambda pair: pair[1].similarity)
        closest = short_names(article, other)[other.id]
        why = (
            f"copies none of the others clearly; closest to {closest}: "
            f"{grounds(j.evidence)}{_date_note(article, other)}"
        )
        return Version(article.id, *_named(article), None, why, {}, None)
    place = {other.id: n for n, other in enumerate(order)}  # a tie goes to the earlier
    parent, j = min(
        sources,
        key=lambda pair: (
            kin.later(pair[0].id, article.id),
            kin.distance(article.id, pair[0].id),
            -pair[1].similarity,
            place[pair[0].id],
        ),
    )
    said = short_names(article, parent)[parent.id]
    why = f"copies {said}: {grounds(j.evidence)}{_date_note(article, parent)}"
    return Version(
        article.id,
        *_named(article),
        parent.id,
        why,
        _counts(j, parent.id),
        j.evidence,
    )


def _descends(version: str, ancestor: str, parents: Mapping[str, str]) -> bool:
    """Whether ``version`` is ``ancestor`` or one of its copies, as far as ``parents`` go."""
    seen = version
    while seen != ancestor:
        if seen not in parents:
            return False
        seen = parents[seen]
    return True


def _date_note(article: Article, parent: Article) -> str:
    """What the dates say beside the text: missing, or contradicting it."""
    names = short_names(article, parent)
    if article.date is None:
        return "; undated, so judged from the text alone"
    if parent.date is None:
        return f"; {names[parent.id]} is undated, so judged from the text alone"
    if article.date < parent.date:
        return (
            f"; dated {article.date}, before {names[parent.id]} ({parent.date}): the text "
            "outweighs the dates, which may be wrong"
        )
    return ""


def _counts(pair: Verdict, parent: str) -> dict[ChangeKind, int]:
    """The pair's counts read from the parent's side: added is what the copy added."""
    counts = {kind: pair.counts.get(kind, 0) for kind in ChangeKind}
    if pair.a != parent:
        counts[ChangeKind.ADDED], counts[ChangeKind.REMOVED] = (
            counts[ChangeKind.REMOVED],
            counts[ChangeKind.ADDED],
        )
    return {kind: n for kind, n in counts.items() if n}
