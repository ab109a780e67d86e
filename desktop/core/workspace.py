"""The workspace: one library with its search index and its families of versions.

This is what the window and the command line both drive. Every method is plain Python,
safe to call off the GUI thread; long ones take ``progress(done, total)`` and
``should_cancel()`` callables.

Restarting is cheap when little changed: each article's shingle set is kept on disk
with the keys of its short lines (``fingerprints.Fingerprints``, in the library's state
folder), so neither the families nor the recurring lines (site chrome) shingle or fold
the library again at start; after that, only the articles that changed are looked at.

A first start is searchable within seconds: building the families of 10,000 articles and
counting their recurring lines takes ~6 s, so a first refresh indexes SEARCHABLE_FIRST
articles (each its own family) before it, and the rest after with the real families,
which rewrites the few of those first ones that joined another's family. Measured here
(tests/bench/bench_scale.py, 10,000 generated articles with planted versions): first
search hits 1.9-3.4 s after the refresh began instead of 12.5 s, the whole refresh
22.3-23.8 s instead of 22.1-22.5 s (~300 of the first 500 rewritten). Indexing every
article before the families would rewrite 5,970 of them (8.9 s more, 29.5 s in all).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.search.index import (
    RefreshReport,
    SearchHit,
    SearchIndex,
    SearchResults,
    SortOrder,
)
from desktop.core.search.listing import listing
from desktop.core.storage.library import ImportOutcome, ImportReport, Library
from desktop.core.text.article import Article
from desktop.core.versions.fingerprints import Fingerprints
from desktop.core.versions.related import Relation, VersionIndex

FINGERPRINTS = "fingerprints.npy"
SEARCHABLE_FIRST = 500  # articles indexed before the families on a first refresh
RECURRING_IN = 3  # articles: a short line found in this many is the site's chrome
Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class HitGroup:
    """Hits that are versions of one story, in the order the search ranked them."""

    family: str
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article to compare another with: what names it, and the share of the story they
    have in common (``None`` when they share nothing worth counting)."""

    id: str
    title: str
    source: str
    date: dt.date | None
    shared: float | None
    version: bool  # above the family threshold: another version of the same story


def group_by_family(hits: Iterable[SearchHit]) -> tuple[HitGroup, ...]:
    """Hits grouped by family; a group stands where its best-ranked hit stood."""
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(hit.family or hit.id, []).append(hit)
    return tuple(HitGroup(family, tuple(members)) for family, members in groups.items())


class _Job:
    """One refresh's progress over its phases: index a few, group them all, index the rest.

    Grouping counts as ``grouping`` steps; until the last phase has begun, the total counts
    every article the first phase found to index, as if it did them all.
    """

    def __init__(self, progress: Progress | None, should_cancel: Cancel | None, grouping: int):
        self._progress = progress
        self._should_cancel = should_cancel
        self._ahead = grouping  # steps of the phases still to come, as far as known
        self._before = 0  # steps of the phases finished
        self._done = 0  # articles indexed in the phase running
        self._total = 0  # articles the phase running has to index

    def indexed(self, done: int, total: int) -> None:
        """The index's ``progress(done, total)`` for the phase running."""
        self._done, self._total = done, total
        self._report(self._before + done)

    def grouping(self, done: int, _total: int) -> None:
        """The bulk grouping's ``progress(done, total)``, when this job counts its steps."""
        if self._ahead:
            self._report(self._before + self._done + min(done, self._ahead))

    def _report(self, done: int) -> None:
        if self._progress is not None:
            self._progress(done, max(done, self._before + self._total + self._ahead))

    def grouped(self) -> None:
        """The families are known: the first phase is over."""
        self._before += self._done + self._ahead
        self._done = self._ahead = 0
        self.indexed(0, 0)

    def enough(self, count: int) -> Cancel:
        """Stop the phase running after ``count`` articles, or when the user cancels."""
        return lambda: self._done >= count or self.cancelled()

    def cancelled(self) -> bool:
        return self._should_cancel is not None and self._should_cancel()


class Workspace:
    """A library, its search index and its version families, kept in step."""

    def __init__(
        self, library: Library, index: SearchIndex, fingerprints: Fingerprints | None = None
    ) -> None:
        self.library = library
        self.index = index
        self._fingerprints = fingerprints or Fingerprints()
        self._versions = VersionIndex(fingerprints=self._fingerprints)
        self._grouped: dict[str, Article] = {}
        self._line_keys: dict[str, frozenset[str]] = {}
        self._line_counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self.recurring: frozenset[str] = frozenset()

    @classmethod
    def for_library(cls, library: Library) -> Workspace:
        """The workspace of ``library``, its index kept in the library's state folder."""
        fingerprints = Fingerprints(library.state_dir / FINGERPRINTS)
        return cls(library, SearchIndex.open(library.state_dir / "index"), fingerprints)

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.index.warnings

    def refresh(
        self, *, progress: Progress | None = None, should_cancel: Cancel | None = None
    ) -> RefreshReport:
        """Read the library again, regroup what changed and bring the index up to date.

        Only new, changed and removed articles touch the version families; the search
        index is refreshed incrementally by content hash. A first refresh over more than
        SEARCHABLE_FIRST articles (whose families are built in bulk, which takes seconds)
        first indexes SEARCHABLE_FIRST of those still to index, by id (the first page of
        the whole library), each its own family until the second pass, so that a first
        start is searchable before the families are known. ``progress`` counts over the
        whole job, which can be cancelled between articles and between phases.
        """
        with self._lock:
            self.library.reload()
            articles = self.library.articles()
            bulk = not self._grouped and len(articles) > SEARCHABLE_FIRST
            job = _Job(progress, should_cancel, grouping=len(articles) if bulk else 0)
            first = RefreshReport(0, 0, 0, cancelled=False)
            if bulk:
                first = self.index.refresh(
                    articles, progress=job.indexed, should_cancel=job.enough(SEARCHABLE_FIRST)
                )
                if job.cancelled():
                    return first
            self._update_recurring(articles)
            self._update_versions(articles, job.grouping)
            self._fingerprints.save()
            job.grouped()
            if job.cancelled():
                return RefreshReport(first.added, first.updated, first.removed, cancelled=True)
            families = {article.id: self._versions.family_of(article.id) for article in articles}
            rest = self.index.refresh(
                articles, families=families, progress=job.indexed, should_cancel=job.cancelled
            )
            return RefreshReport(
                first.added + rest.added,
                first.updated + rest.updated,
                first.removed + rest.removed,
                rest.cancelled,
            )

    def _update_versions(self, articles: Sequence[Article], progress: Progress) -> None:
        current = {article.id: article for article in articles}
        if not self._grouped:  # the first time: one bulk build, which picks the method by size
            self._versions = VersionIndex(
                articles, fingerprints=self._fingerprints, progress=progress
            )
            self._grouped = current
            return
        for gone in self._grouped.keys() - current.keys():
            self._versions.remove(gone)
        for article_id, article in current.items():
            if self._grouped.get(article_id) != article:
                self._versions.add(article)
        self._grouped = current

    def _update_recurring(self, articles: Sequence[Article]) -> None:
        """``recurring_lines`` of the library, recounting only what changed since last time."""
        current = {article.id: article for article in articles}
        for gone in self._grouped.keys() - current.keys():
            self._line_counts.subtract(self._line_keys.pop(gone))
        for article_id, article in current.items():
            if self._grouped.get(article_id) != article:
                self._line_counts.subtract(self._line_keys.get(article_id, ()))
                self._line_keys[article_id] = self._fingerprints.line_keys(article.text)
                self._line_counts.update(self._line_keys[article_id])
        self.recurring = frozenset(
            key for key, count in self._line_counts.items() if count >= RECURRING_IN
        )

    def search(
        self, query: str, *, sort: SortOrder = SortOrder.RELEVANCE, limit: int = 200
    ) -> tuple[SearchResults, tuple[HitGroup, ...]]:
        """The results of ``query`` and the same hits grouped by story.

        A blank query lists the library from its articles (``search.listing``), not from
        the index, which may not hold them all yet.
        """
        if query.strip():
            results = self.index.search(query, limit=limit, sort=sort)
        else:
            results = listing(self.articles(), family_of=self._family_of(), sort=sort, limit=limit)
        return results, group_by_family(results.hits)

    def _family_of(self) -> Callable[[str], str]:
        """Each article's family: as grouped, else as the index kept it, else its own."""
        if self._grouped:
            versions = self._versions
            return lambda article_id: (
                versions.family_of(article_id) if article_id in versions else article_id
            )
        kept = self.index.families()
        return lambda article_id: kept.get(article_id, article_id)

    def article(self, ref: str) -> Article:
        return self.library.get(ref)

    def articles(self) -> tuple[Article, ...]:
        return self.library.articles()

    def similar(self, ref: str) -> tuple[Relation, ...]:
        """The other articles most like this one, best first, the other versions on top."""
        article_id = self.library.get(ref).id
        if article_id not in self._versions:
            return ()
        return self._versions.similar(article_id, recurring=self.recurring)

    def versions(self, ref: str) -> tuple[Relation, ...]:
        """The other versions of this article's story (above the family threshold)."""
        article_id = self.library.get(ref).id
        if article_id not in self._versions:
            return ()
        return self._versions.related(article_id, recurring=self.recurring)

    def candidates(self, ref: str) -> tuple[Candidate, ...]:
        """Every other article: the most similar first (the story's versions on top), then
        the rest by title."""
        this = self.library.get(ref)
        versions = {relation.id for relation in self.versions(this.id)}
        shared = {relation.id: relation.containment for relation in self.similar(this.id)}
        others = [article for article in self.articles() if article.id != this.id]
        others.sort(key=lambda article: (-shared.get(article.id, -1.0), article.title.casefold()))
        return tuple(
            Candidate(
                article.id,
                article.title,
                article.source,
                article.date,
                shared.get(article.id),
                article.id in versions,
            )
            for article in others
        )

    def add(
        self,
        paths: Sequence[Path],
        *,
        progress: Progress | None = None,
        should_cancel: Cancel | None = None,
    ) -> ImportReport:
        report = self.library.add(paths, progress=progress, should_cancel=should_cancel)
        self.refresh()
        return report

    def add_text(self, title: str, text: str) -> ImportOutcome:
        outcome = self.library.add_text(title, text)
        self.refresh()
        return outcome

    def remove(self, ref: str) -> Article:
        removed = self.library.remove(ref)
        self.refresh()
        return removed
