"""The workspace: the one way the window and every command reach the core.

A ``Workspace`` holds one library with its search index, its families of versions and its
recurring lines (site chrome: across the library, and across each source's stories,
``sites.SiteCounts``), and keeps them in step. The window's controller and every
command of the command line call its methods; neither opens an index nor builds a version
index. Every method is plain Python, safe to call off the GUI thread; long ones take
``progress(done, total)`` and ``should_cancel()`` callables. Reads of the families and
recurring lines (``reading``, ``similar``, ``compare``, …) take the same lock as the
refresh that changes them; the search index has its own. A workspace over a read-only
library (``--library DIR``) refuses to add or remove, as its library does.

Restarting is cheap when little changed: each article's content-word runs are kept on disk
with the keys of its short lines (``fingerprints.Fingerprints``, in the library's state
folder), so neither the families nor the recurring lines fingerprint or fold the library
again at start; after that, only the articles that changed are looked at. The families
themselves are kept beside them (``FAMILIES``), so that the window's first listing groups
the stories without loading the search index or the versions.

A first start is searchable within seconds: building the families of a large library
takes seconds, so a first refresh indexes SEARCHABLE_FIRST articles (each its own family)
before it, and the rest after with the real families, which rewrites the few of those
first ones that joined another's family (``tests/bench/bench_scale.py`` measures it).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.comparison.boilerplate import SiteLines, library_wide
from desktop.core.comparison.diff import DEFAULT_OPTIONS, CompareOptions
from desktop.core.search.results import RefreshReport, SearchHit, SearchResults, SortOrder
from desktop.core.storage import store
from desktop.core.storage.library import ImportOutcome, ImportReport, Library
from desktop.core.story.apart import StoryFailedError, StoryJob, story_apart
from desktop.core.text.article import Article
from desktop.core.versions import DEFAULT_THRESHOLD
from desktop.core.versions.relations import Basis, Family, Original, Relation
from desktop.core.workspace.jobs import Cancel, Progress, RefreshJob
from desktop.core.workspace.sites import SiteCounts

if TYPE_CHECKING:  # the heavy parts load where they are first used (numpy, Whoosh, lemmas)
    from desktop.core.comparison.compare import Comparison
    from desktop.core.search.index import SearchIndex
    from desktop.core.story.lineage import Verdict
    from desktop.core.story.model import Story
    from desktop.core.versions.fingerprints import Fingerprints, LineKeys
    from desktop.core.versions.related import VersionIndex

FINGERPRINTS = "fingerprints.npy"
FAMILIES = "families.json"  # beside the fingerprints: each article's family, where not its own
COMPARISONS_KEPT = 200  # a story's comparisons with its original, kept for the next one
VERDICTS_KEPT = 20_000  # what the other pairs were reduced to (``story.lineage.Verdict``)
APART_FROM = 30  # versions from which a story is computed in a process of its own (fewer
# are compared in about the time a process takes to start)
SEARCHABLE_FIRST = 500  # articles indexed before the families on a first refresh
RECURRING_IN = 3  # articles: a short line found in this many is the site's chrome


@dataclass(frozen=True, slots=True)
class HitGroup:
    """Hits that are versions of one story: the one that looks like the original first
    (``original``, when it is among them), the others in the order the search ranked them."""

    family: str
    hits: tuple[SearchHit, ...]
    original: Original | None = None


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


def group_by_family(
    hits: Iterable[SearchHit], original_of: Callable[[str], Original | None] = lambda _: None
) -> tuple[HitGroup, ...]:
    """Hits grouped by family; a group stands where its best-ranked hit stood.

    ``original_of(article_id)`` names the original of an article's family; a group that
    holds it lists it first.
    """
    groups: dict[str, list[SearchHit]] = {}
    for hit in hits:
        groups.setdefault(hit.family or hit.id, []).append(hit)
    grouped = []
    for family, members in groups.items():
        found = original_of(members[0].id) if len(members) > 1 else None
        first = [hit for hit in members if found is not None and hit.id == found.id]
        rest = [hit for hit in members if hit not in first]
        grouped.append(HitGroup(family, (*first, *rest), found if first else None))
    return tuple(grouped)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the reading pane shows of one article: its text with the query's words marked,
    the other versions of its story (closest first, to compare with), which of the story's
    versions looks like the original (None when it has no other), whether there is any
    other article at all, and each other version's source by id (for "Compare with…")."""

    article: Article
    highlights: tuple[tuple[int, int], ...]
    versions: tuple[Relation, ...]
    original: Original | None
    others: bool
    sources: Mapping[str, str]


class Workspace:
    """A library, its search index, its version families and recurring lines, in step."""

    def __init__(
        self,
        library: Library,
        index: SearchIndex | None = None,
        fingerprints: Path | None = None,
    ) -> None:
        """``index`` defaults to the one in the library's state folder, opened when needed;
        the fingerprints are kept at ``fingerprints``, the families beside them (None: in
        memory only)."""
        self.library = library
        self._index = index
        self._fingerprints_path = fingerprints
        self._grouped: dict[str, Article] = {}
        self._line_keys: dict[str, LineKeys] = {}
        self._line_counts: Counter[str] = Counter()
        self._sites = SiteCounts()
        self._lock = threading.Lock()  # families and recurring lines: their readers and writer
        self._refreshing = threading.Lock()  # one refresh at a time
        self._opening = threading.Lock()  # the index opened (and repaired) once, not per thread
        self._warned: set[str] = set()
        self._kept: dict[str, str] | None = None  # the families as last saved, once read
        self._pairs: dict[tuple[Article, Article], Comparison] = {}
        self._verdicts: dict[tuple[Article, Article], Verdict] = {}
        self._versions_of: dict[str, tuple[Relation, ...]] = {}  # as grouped last
        self.recurring: frozenset[str] = frozenset()

    @classmethod
    def for_library(cls, library: Library) -> Workspace:
        """The workspace of ``library``, its index and fingerprints in its state folder."""
        return cls(library, fingerprints=library.state_dir / FINGERPRINTS)

    @property
    def index(self) -> SearchIndex:
        """The search index, opened by whichever thread asks first: a second opening while
        the first repairs a damaged index would find it sound and lose the warning."""
        with self._opening:
            if self._index is None:
                from desktop.core.search.index import SearchIndex

                self._index = SearchIndex.open(self.library.state_dir / "index")
            return self._index

    # Built at first use (under ``_lock``, as every use is), not with the workspace: the
    # window lists the library before numpy and the versions code are loaded.
    @cached_property
    def _fingerprints(self) -> Fingerprints:
        from desktop.core.versions.fingerprints import Fingerprints

        return Fingerprints(self._fingerprints_path)

    @cached_property
    def _versions(self) -> VersionIndex:
        from desktop.core.versions.related import VersionIndex

        return VersionIndex(fingerprints=self._fingerprints)

    @property
    def read_only(self) -> bool:
        """Whether articles can be added or removed (not in a ``--library`` folder)."""
        return self.library.read_only

    def take_warnings(self) -> tuple[str, ...]:
        """What the index had to say when opened (rebuilt, …), each said once only."""
        fresh = tuple(warning for warning in self.index.warnings if warning not in self._warned)
        self._warned.update(fresh)
        return fresh

    # keeping in step -----------------------------------------------------------------------
    def refresh(
        self,
        *,
        progress: Progress | None = None,
        should_cancel: Cancel | None = None,
        rebuild: bool = False,
    ) -> RefreshReport:
        """Read the library again, regroup what changed and bring the index up to date.

        Only new, changed and removed articles touch the version families; the search
        index is refreshed incrementally by content hash (``rebuild``: every article
        indexed again, beside the index in use). A first refresh over more than
        SEARCHABLE_FIRST articles (whose families are built in bulk, which takes seconds)
        first indexes SEARCHABLE_FIRST of those still to index, by id (the first page of
        the whole library), each its own family until the second pass, so that a first
        start is searchable before the families are known. ``progress`` counts over the
        whole job, which can be cancelled between articles and between phases.
        """
        with self._refreshing:
            self.library.reload()
            articles = self.library.articles()
            if rebuild:
                families = self._group(articles)
                return self.index.rebuild(articles, families=families, progress=progress)
            bulk = not self._grouped and len(articles) > SEARCHABLE_FIRST
            job = RefreshJob(progress, should_cancel, grouping=len(articles) if bulk else 0)
            first = RefreshReport(0, 0, 0, cancelled=False)
            if bulk:
                first = self.index.refresh(
                    articles, progress=job.indexed, should_cancel=job.enough(SEARCHABLE_FIRST)
                )
                if job.cancelled():
                    return first
            families = self._group(articles, job.grouping)
            job.grouped()
            if job.cancelled():
                return RefreshReport(first.added, first.updated, first.removed, cancelled=True)
            rest = self.index.refresh(
                articles, families=families, progress=job.indexed, should_cancel=job.cancelled
            )
            return RefreshReport(
                first.added + rest.added,
                first.updated + rest.updated,
                first.removed + rest.removed,
                rest.cancelled,
            )

    def _group(
        self, articles: Sequence[Article] | None = None, progress: Progress | None = None
    ) -> dict[str, str]:
        """Bring the families and recurring lines up to ``articles`` (default: the library's
        as read), under the lock; each article's family id."""
        articles = self.library.articles() if articles is None else articles
        with self._lock:
            self._update_recurring(articles)
            self._update_versions(articles, progress)
            self._fingerprints.save()
            families = {article.id: self._versions.family_of(article.id) for article in articles}
            self._update_sites(articles, families)
            self._keep_families(families)
            self._versions_of.clear()
            return families

    def _keep_families(self, families: Mapping[str, str]) -> None:
        """Save the families that hold more than one article, when they changed (a full
        disk leaves the last ones saved: the next start lists those until it regroups)."""
        linked = {member: family for member, family in families.items() if member != family}
        if self._fingerprints_path is None or linked == self._kept_families():
            return
        self._kept = linked
        with contextlib.suppress(OSError):
            store.write_json(self._fingerprints_path.with_name(FAMILIES), linked)

    def _kept_families(self) -> dict[str, str]:
        """The families the last run saved: none at a first start, or if they are unreadable."""
        if self._kept is None:
            self._kept = {}
            if self._fingerprints_path is not None:
                with contextlib.suppress(OSError, ValueError, RecursionError):
                    kept = store.parse(self._fingerprints_path.with_name(FAMILIES).read_bytes())
                    if isinstance(kept, dict):
                        self._kept = {k: v for k, v in kept.items() if isinstance(v, str)}
        return self._kept

    def _update_versions(self, articles: Sequence[Article], progress: Progress | None) -> None:
        from desktop.core.versions.related import VersionIndex

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
        """The lines that could be chrome (``boilerplate.line_keys``) found in RECURRING_IN
        articles or more, recounting only what changed since last time. Only the short ones
        are counted, the only ones ``chrome`` takes as recurring (``library_wide``): the
        longer lines, nearly all of them story, are most of the library's keys."""
        current = {article.id: article for article in articles}
        for gone in self._grouped.keys() - current.keys():
            self._line_counts.subtract(filter(library_wide, self._line_keys.pop(gone)))
            self._sites.take_out(gone)
        for article_id, article in current.items():
            if self._grouped.get(article_id) != article:
                self._line_counts.subtract(
                    filter(library_wide, self._line_keys.get(article_id, ()))
                )
                self._line_keys[article_id] = self._fingerprints.line_keys(article)
                self._line_counts.update(filter(library_wide, self._line_keys[article_id]))
        for key in [key for key, count in self._line_counts.items() if not count]:
            del self._line_counts[key]  # a line no article carries now (subtract keeps it)
        self.recurring = frozenset(
            key for key, count in self._line_counts.items() if count >= RECURRING_IN
        )

    def _update_sites(self, articles: Sequence[Article], families: dict[str, str]) -> None:
        """Each article counted among its source's stories, again only where its text or its
        family changed (``SiteCounts.put`` passes over the others)."""
        for article in articles:
            self._sites.put(
                article.id, article.source, families[article.id], self._line_keys[article.id]
            )

    # reading -------------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        sort: SortOrder = SortOrder.RELEVANCE,
        limit: int = 200,
        page: int = 1,
    ) -> tuple[SearchResults, tuple[HitGroup, ...]]:
        """The results of ``query`` and the same hits grouped by story.

        A blank query lists the library from its articles (``search.listing``), not from
        the index, which may not hold them all yet.
        """
        if query.strip():
            results = self.index.search(query, limit=limit, page=page, sort=sort)
        else:
            with self._lock:
                family_of = self._family_of()
            from desktop.core.search.listing import listing

            results = listing(self.articles(), family_of=family_of, sort=sort, limit=limit)
        return results, group_by_family(results.hits, self.original)

    def _family_of(self) -> Callable[[str], str]:
        """Each article's family: as grouped, else as the last run saved it, else its own."""
        if self._grouped:
            families = {
                article_id: self._versions.family_of(article_id) for article_id in self._grouped
            }
            return lambda article_id: families.get(article_id, article_id)
        kept = self._kept_families()
        return lambda article_id: kept.get(article_id, article_id)

    def article(self, ref: str) -> Article:
        return self.library.get(ref)

    @property
    def problems(self) -> tuple[ImportOutcome, ...]:
        """Files of the library that could not be read (damaged, empty, …), with the reason."""
        return self.library.problems

    def articles(self) -> tuple[Article, ...]:
        return self.library.articles()

    def reading(self, ref: str, query: str = "") -> Reading:
        """Everything the reading pane shows of one article, in one call (see ``Reading``)."""
        article = self.library.get(ref).held()  # the pane shows it: read once, not per use
        highlights = self.index.highlights(query, article)
        versions, original = self.versions(article.id), self.original(article.id)
        sources = {version.id: self.library.get(version.id).source for version in versions}
        others = len(self.articles()) > 1
        return Reading(article, highlights, versions, original, others, sources)

    def original(self, ref: str) -> Original | None:
        """The version of this article's story that looks like the original; None if alone."""
        article_id = self.library.get(ref).id
        with self._lock:
            if not self._grouped or article_id not in self._versions:  # empty before grouping
                return None
            return self._versions.original(article_id)

    def similar(self, ref: str, *, limit: int = 20) -> tuple[Relation, ...]:
        """The other articles most like this one, best first, the other versions on top."""
        article_id = self.library.get(ref).id
        with self._lock:
            if not self._grouped or article_id not in self._versions:  # empty before grouping
                return ()
            return self._versions.similar(
                article_id, limit=limit, recurring=self.recurring, site=self._site_lines
            )

    def versions(self, ref: str) -> tuple[Relation, ...]:
        """The other versions of this article's story (above the family threshold), each
        compared once a grouping: the window reads an article again and again (once
        grouped, once searched for), and each relation is a comparison."""
        article_id = self.library.get(ref).id
        with self._lock:
            if not self._grouped or article_id not in self._versions:  # empty before grouping
                return ()
            found = self._versions_of.get(article_id)
            if found is None:
                found = self._versions_of[article_id] = self._versions.related(
                    article_id, recurring=self.recurring, site=self._site_lines
                )
            return found

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

    def related(
        self, ref: str, *, threshold: float = DEFAULT_THRESHOLD, limit: int = 20
    ) -> tuple[Relation, ...]:
        """The other versions of this article's story at ``threshold``, the library grouped
        first (what ``recension related`` prints)."""
        article_id = self.library.get(ref).id
        self._group()
        with self._lock:
            return self._versions_at(threshold).related(
                article_id, limit=limit, recurring=self.recurring, site=self._site_lines
            )

    def families(self, *, threshold: float = DEFAULT_THRESHOLD) -> tuple[Family, ...]:
        """Every article in one family of versions, at ``threshold``."""
        self._group()
        with self._lock:
            return self._versions_at(threshold).families()

    def _versions_at(self, threshold: float) -> VersionIndex:
        from desktop.core.versions.related import VersionIndex

        if threshold == self._versions.threshold:
            return self._versions
        return VersionIndex(
            self.library.articles(), threshold=threshold, fingerprints=self._fingerprints
        )

    def compare(
        self,
        a: Article,
        b: Article,
        *,
        options: CompareOptions = DEFAULT_OPTIONS,
        should_cancel: Cancel | None = None,
    ) -> Comparison:
        """``a`` and ``b`` compared, with the library's recurring lines and the lines each
        one's source carries across its other stories as site chrome.

        Either may be an article read from a file, not in the library: its lines count
        too, added to the library's counts (nothing is recounted); against its source's
        stories, it is a story of its own.
        """
        from desktop.core.comparison.compare import compare

        self._group()
        a, b = a.held(), b.held()  # the comparison shows their texts, read once here
        with self._lock:
            recurring = self._recurring_with((a, b))
            site = {article.id: self._site_lines(article) for article in (a, b)}
        return compare(
            a, b, options=options, recurring=recurring, site=site, should_cancel=should_cancel
        )

    def _site_lines(self, article: Article) -> SiteLines:
        if self._grouped.get(article.id) == article:
            story = self._versions.family_of(article.id)
            return self._sites.lines_of(article.source, story, self._line_keys[article.id])
        return self._sites.lines_of(article.source, None, self._fingerprints.line_keys(article))

    def story(
        self,
        ref: str,
        *,
        apart: bool | None = None,
        should_cancel: Cancel | None = None,
        report: Callable[[Story], None] | None = None,
    ) -> Story:
        """Every version of this article's story at once (``story.model.Story``): who
        copies whom and what each did with the original's text. Each pair is compared once
        (kept for the next call while the articles are unchanged); ``report`` receives an
        ever fuller story as the pairs complete. A story of one version is just that one.

        ``apart``: computed in a process of its own (``story.apart``), which leaves a
        window beside it responsive; None: when the story has ``APART_FROM`` versions or
        more (fewer are compared before a process would have started).
        """
        from desktop.core.comparison.compare import compare
        from desktop.core.story.build import story_steps
        from desktop.core.story.lineage import verdict

        article = self.library.get(ref)
        self._group()
        with self._lock:
            recurring = self.recurring
            known = article.id in self._versions
            ids = self._versions.members(article.id) if known else (article.id,)
            members = [self.library.get(member) for member in ids]
            site = {member.id: self._site_lines(member) for member in members}
            held = frozenset().union(*(self._keys_of(member) for member in members))
        original = self.original(article.id) or Original(
            article.id, article.title, Basis.MOST_COMPLETE, "the only version"
        )
        if apart or (apart is None and len(members) >= APART_FROM):
            return self._story_apart(
                StoryJob(tuple(members), original, recurring & held, site, {}),
                should_cancel,
                report,
            )

        def compared(a: Article, b: Article) -> Comparison:
            found = self._pairs.get((a, b))
            if found is None:
                if len(self._pairs) >= COMPARISONS_KEPT:
                    self._pairs.clear()
                found = self._pairs[a, b] = compare(a, b, recurring=recurring, site=site)
            return found

        def judged(a: Article, b: Article) -> Verdict:
            found = self._verdicts.get((a, b))
            if found is None:
                self._keep_verdicts(len(self._verdicts) + 1)
                kept = self._pairs.get((a, b))
                found = self._verdicts[a, b] = verdict(
                    kept or compare(a, b, recurring=recurring, site=site)
                )
            return found

        story: Story | None = None
        for story in story_steps(members, original, compared, judged, should_cancel=should_cancel):
            if report is not None:
                report(story)
        assert story is not None  # story_steps yields at least once
        return story

    def _story_apart(
        self,
        job: StoryJob,
        should_cancel: Cancel | None,
        report: Callable[[Story], None] | None,
    ) -> Story:
        by_id = {member.id: member for member in job.members}
        ids = set(by_id)
        verdicts = {
            (a.id, b.id): found
            for (a, b), found in self._verdicts.items()
            if a.id in ids and b.id in ids and by_id[a.id] == a and by_id[b.id] == b
        }
        job = dataclasses.replace(job, verdicts=verdicts)
        story, judged = story_apart(job, should_cancel=should_cancel, report=report)
        self._keep_verdicts(len(self._verdicts) + len(judged))
        for (a, b), found in judged.items():
            self._verdicts[by_id[a], by_id[b]] = found
        if story is None:
            raise StoryFailedError("the story was cancelled before its first version compared")
        return story

    def _keep_verdicts(self, wanted: int) -> None:
        if wanted > VERDICTS_KEPT:
            self._verdicts.clear()

    def _keys_of(self, article: Article) -> LineKeys:
        if self._grouped.get(article.id) == article:
            return self._line_keys[article.id]
        return self._fingerprints.line_keys(article)

    def _recurring_with(self, compared: Sequence[Article]) -> frozenset[str]:
        outside = [a for a in dict.fromkeys(compared) if self._grouped.get(a.id) != a]
        extra = Counter(
            key for a in outside for key in self._fingerprints.line_keys(a) if library_wide(key)
        )
        return self.recurring | {
            key for key, count in extra.items() if self._line_counts[key] + count >= RECURRING_IN
        }

    # changing ------------------------------------------------------------------------------
    def add(
        self,
        paths: Sequence[Path],
        *,
        progress: Progress | None = None,
        should_cancel: Cancel | None = None,
        max_bytes: int | None = None,
        refresh: bool = True,
    ) -> ImportReport:
        """Import copies of ``paths`` (each at most ``max_bytes``, else the library's limit);
        then (``refresh``) index and group them."""
        if max_bytes is not None:
            self.library.max_bytes = max_bytes
        report = self.library.add(paths, progress=progress, should_cancel=should_cancel)
        if refresh:
            self.refresh()
        return report

    def add_text(self, title: str, text: str) -> ImportOutcome:
        outcome = self.library.add_text(title, text)
        self.refresh()
        return outcome

    def remove(self, ref: str, *, refresh: bool = True) -> Article:
        removed = self.library.remove(ref)
        if refresh:
            self.refresh()
        return removed
