"""Versions of a story: related articles and families across the library.

``VersionIndex(articles)`` fingerprints every article by its runs of content words
(``content.py``: three stemmed words in a row, function words and site chrome left out)
and links two articles as versions of one story when

    containment = content words of the smaller aligned with the other / its content words
                  >=  threshold

and at least ``MIN_ALIGNED`` of them align. A word is aligned when it stands in a
run the other article also holds: what survives copy-editing, rewording ("said" →
"stated", clauses swapped) and inflection, not merely words both use. Containment rather
than Jaccard, because a republished copy is often a truncated subset: 001 has 90% of its
content words aligned with 000, 000 only 46% with 001. ``related`` lists an article's
versions best first with both directions, Jaccard (of distinct runs), and which side
looks derived and why: the verdict of comparing the two (``comparison.derivation``, the
one judge ``diff`` and the window use too). ``families`` are the connected groups of
linked articles, every article in exactly one; a family's id is its lowest member id;
``original`` names the member that looks like the original (``original.py``).

Threshold. ``DEFAULT_THRESHOLD = 0.4``: two content words in five of one version stand in
runs the other holds. On the seeds the versions score 0.89 and unrelated articles on the
same talks at most 0.07; in the generated benchmark (tests/bench/bench_related.py, 10,000
articles) copies score 0.89 or more, light rewordings (a third of the words replaced)
0.50 or more, heavy ones (two thirds) 0.17 to 0.35, and unrelated articles sharing a
topic's stock phrases at most 0.26. It is a keyword argument.

What it does not find: a version rewritten from scratch, sharing the subject and its
names but few words in order (an arXiv abstract rewritten between two releases, in the
IteraTeR pairs). Neither aligned words nor a bag of rare words (IDF-weighted) tell those
apart from two different texts on one topic: two papers of one group align more than half
the missed rewrites do (``bench_related`` shows the spread), two papers on one topic share
a larger IDF-weighted share of their words than most of the rewrites, and unrelated
articles of one topic in the generated library more still. Grouping them would group by
topic.

Content runs come from ``fingerprints.Fingerprints`` (give one kept on disk, and a
rebuild at the next start reads the texts it has seen from there).

Incremental. ``add`` finds the new article's candidates in an inverted index, verifies
each exactly, and merges the families it links (union by size); ``remove`` drops the
article's links and recomputes its own family only.

Scale. The index keeps each article's runs in reading order (32-bit, a slot per content
word) to verify candidates exactly; ``related`` and ``similar`` compare the two texts
to judge the derived side, for the few relations they return. Candidates come from
``postings.Postings``:

- up to ``EXACT_LIMIT`` (2,000) articles, over every distinct run: any pair sharing
  ``MIN_SHARED_RUNS`` runs (the fewest that align ``MIN_ALIGNED`` words) is verified;
- above it, over 64 MinHash keys per article (``minhash.py``), pairs sharing 4 of them:
  Jaccard 0.1 is found at 89%, 0.15 at 99%; a fixed 512 bytes of postings an article.

The figures behind these choices are measured by ``tests/bench/bench_related.py``.

Pure Python plus numpy; no Qt.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from desktop.core.comparison.boilerplate import SiteLines
from desktop.core.comparison.compare import compare
from desktop.core.comparison.derivation import derived_side, reason
from desktop.core.errors import ArticleNotFoundError, RecensionError
from desktop.core.text.article import Article
from desktop.core.versions import DEFAULT_THRESHOLD
from desktop.core.versions.content import CONTENT_WORDS, Content, aligned, runs
from desktop.core.versions.fingerprints import Fingerprints
from desktop.core.versions.minhash import MIN_SHARED_KEYS
from desktop.core.versions.original import original
from desktop.core.versions.postings import Postings, Tokens
from desktop.core.versions.relations import Family, Original, Relation

SiteOf = Callable[[Article], SiteLines]  # an article's lines its source repeats

MIN_ALIGNED = 8
"""Fewer aligned content words than this never make two versions, however small the articles."""
MIN_SHARED_RUNS = -(-MIN_ALIGNED // CONTENT_WORDS)
"""Runs two articles must share to align ``MIN_ALIGNED`` words: the exact candidates."""
EXACT_LIMIT = 2_000
"""Above this many articles, candidates come from MinHash keys instead of every run."""


PROGRESS_EVERY = 50
"""Articles fingerprinted together, between two progress reports of a bulk build: as fast a
text as 200 together, for a quarter of the memory (9 MB for the batch's arrays)."""


class VersionIndex:
    """Versions and families of a set of articles, kept up to date one article at a time."""

    def __init__(
        self,
        articles: Sequence[Article] = (),
        *,
        threshold: float = DEFAULT_THRESHOLD,
        exact_limit: int = EXACT_LIMIT,
        fingerprints: Fingerprints | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Group ``articles`` in bulk; ``progress(done, total)`` follows the shingling."""
        if not 0 < threshold <= 1:
            raise RecensionError(f"threshold must be above 0 and at most 1, not {threshold}")
        self.threshold = threshold
        self._exact_limit = exact_limit
        self._fingerprints = fingerprints or Fingerprints()
        self._articles: dict[str, Article] = {}
        self._content: dict[str, Content] = {}
        self._slot: dict[str, int] = {}
        self._id_at: dict[int, str] = {}
        self._links: dict[str, set[str]] = {}  # linked articles only
        self._family: dict[str, int] = {}  # members of a family of two or more only
        self._members: dict[int, set[str]] = {}  # families of two or more only
        self._next = 0
        self._postings = Postings()
        self._exact = len(articles) <= exact_limit
        for done in range(0, len(articles), PROGRESS_EVERY):
            chunk = articles[done : done + PROGRESS_EVERY]
            contents = self._fingerprints.contents(chunk)
            for article, content in zip(chunk, contents, strict=True):
                self._enter(article, content)
            if progress is not None:
                progress(done + len(chunk), len(articles))
        self._postings.extend(self._tokens(id_) for id_ in self._articles)
        pairs = self._postings.pairs(MIN_SHARED_RUNS if self._exact else MIN_SHARED_KEYS)
        ids = [(self._id_at[a], self._id_at[b]) for a, b in pairs.tolist()]
        linked = [self._are_versions(a, b) for a, b in ids]  # all verified, then all linked:
        for a, b in itertools.compress(ids, linked):  # the links are not scattered in memory
            self._link(a, b)  # between the comparisons' short-lived arrays

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def add(self, article: Article) -> None:
        """Take in ``article`` (replacing one with its id) and link it to its versions."""
        if article.id in self._articles:
            self.remove(article.id)
        if self._exact and len(self._articles) >= self._exact_limit:
            self._exact = False
            self._postings = Postings()
            self._postings.extend(self._tokens(id_) for id_ in self._articles)
        self._enter(article, self._fingerprints.content(article))
        for other in self._candidates(article.id, linking=True):
            if self._are_versions(article.id, other):
                self._link(article.id, other)
        self._postings.add(*self._tokens(article.id))

    def remove(self, article_id: str) -> None:
        """Forget an article; the rest of its family is regrouped without it."""
        self._require(article_id)
        self._postings.remove(self._slot.pop(article_id))
        del self._articles[article_id], self._content[article_id]
        if article_id not in self._family:
            return
        family = self._members.pop(self._family.pop(article_id))
        family.discard(article_id)
        for other in self._links.pop(article_id):
            self._links[other].discard(article_id)
            if not self._links[other]:
                del self._links[other]
        self._regroup(family)

    def related(
        self,
        article_id: str,
        *,
        limit: int = 20,
        recurring: frozenset[str] = frozenset(),
        site: SiteOf | None = None,
    ) -> tuple[Relation, ...]:
        """The other versions of an article (above the threshold), best first.

        ``recurring`` is the library's recurring lines and ``site(article)`` the lines of an
        article its source repeats, as ``compare`` takes them: each relation's derived side
        is the comparison's (``comparison.derivation``).
        """
        self._require(article_id)
        others = self._links.get(article_id, ())
        return self._relations(article_id, others, limit, recurring, site)

    def similar(
        self,
        article_id: str,
        *,
        limit: int = 20,
        recurring: frozenset[str] = frozenset(),
        site: SiteOf | None = None,
    ) -> tuple[Relation, ...]:
        """The most similar articles, best first, whether or not above the threshold.

        Up to ``EXACT_LIMIT`` articles every article sharing a run of content words is
        considered; above it, those sharing a MinHash key.
        """
        self._require(article_id)
        return self._relations(
            article_id, self._candidates(article_id, linking=False), limit, recurring, site
        )

    def families(self) -> tuple[Family, ...]:
        """Every article in exactly one family (singletons included), ordered by id."""
        groups = [tuple(sorted(members)) for members in self._members.values()]
        groups += [(alone,) for alone in self._articles.keys() - self._family.keys()]
        return tuple(Family(id=group[0], members=group) for group in sorted(groups))

    def members(self, article_id: str) -> tuple[str, ...]:
        """Every version of the article's story, itself included, by id."""
        self._require(article_id)
        return tuple(sorted(self._group(article_id)))

    def family_of(self, article_id: str) -> str:
        """The id of the article's family: its lowest member id."""
        self._require(article_id)
        return min(self._group(article_id))

    def original(self, article_id: str) -> Original | None:
        """Which version of the article's story looks like the original; None if no other."""
        self._require(article_id)
        members = sorted(self._group(article_id))
        if len(members) < 2:
            return None
        return original([(self._articles[m], self._content[m]) for m in members])

    def _require(self, article_id: str) -> None:
        if article_id not in self._articles:
            raise ArticleNotFoundError(f"no article with id {article_id!r} in the version index")

    def _group(self, article_id: str) -> set[str]:
        """The article's family: an article linked to none is alone, and kept nowhere."""
        key = self._family.get(article_id)
        return {article_id} if key is None else self._members[key]

    def _enter(self, article: Article, content: Content) -> None:
        slot = self._next
        self._next += 1
        self._articles[article.id] = article
        self._content[article.id] = content
        self._slot[article.id], self._id_at[slot] = slot, article.id

    def _tokens(self, article_id: str) -> tuple[int, Tokens]:
        if self._exact:
            return self._slot[article_id], runs(self._content[article_id])
        return self._slot[article_id], self._fingerprints.bands(self._articles[article_id])

    def _candidates(self, article_id: str, *, linking: bool) -> Iterable[str]:
        """Articles sharing tokens with this one: as many as a version needs, or any."""
        _, tokens = self._tokens(article_id)
        counts = self._postings.overlaps(tokens)
        needed = (MIN_SHARED_RUNS if self._exact else MIN_SHARED_KEYS) if linking else 1
        own = self._slot[article_id]
        return [self._id_at[s] for s, n in counts.items() if n >= needed and s != own]

    def _are_versions(self, a: str, b: str) -> bool:
        smaller, larger = sorted((self._content[a], self._content[b]), key=len)
        found = aligned(smaller, larger)
        return found >= MIN_ALIGNED and found >= self.threshold * smaller.size

    def _link(self, a: str, b: str) -> None:
        self._links.setdefault(a, set()).add(b)
        self._links.setdefault(b, set()).add(a)
        self._merge(a, b)

    def _merge(self, a: str, b: str) -> None:
        """Put the families of two linked articles together (union by size)."""
        for alone in (a, b):
            if alone not in self._family:
                self._family[alone] = self._slot[alone]
                self._members[self._slot[alone]] = {alone}
        one, two = self._family[a], self._family[b]
        if one == two:
            return
        small, large = sorted((one, two), key=lambda key: len(self._members[key]))
        for member in self._members[small]:
            self._family[member] = large
        self._members[large] |= self._members.pop(small)

    def _regroup(self, members: set[str]) -> None:
        """Split what is left of one family into its connected groups."""
        unplaced = set(members)
        while unplaced:
            start = unplaced.pop()
            group, frontier = {start}, [start]
            while frontier:
                for other in self._links.get(frontier.pop(), set()) - group:
                    group.add(other)
                    frontier.append(other)
            unplaced -= group
            if len(group) < 2:
                del self._family[start]
                continue
            key = self._slot[start]
            self._members[key] = group
            for member in group:
                self._family[member] = key

    def _relations(
        self,
        this: str,
        others: Iterable[str],
        limit: int,
        recurring: frozenset[str],
        site: SiteOf | None,
    ) -> tuple[Relation, ...]:
        """The best ``limit`` of ``others`` by containment, then Jaccard, then id."""
        scored = [(self._scores(this, other), other) for other in others]
        scored.sort(key=lambda item: (-item[0][0], -item[0][1], item[1]))
        return tuple(self._relation(this, other, recurring, site) for _, other in scored[:limit])

    def _scores(self, this: str, other: str) -> tuple[float, float, float, float, int]:
        """Containment, Jaccard, this-in-other, other-in-this, shared runs."""
        content_this, content_other = self._content[this], self._content[other]
        contains = aligned(content_this, content_other) / max(content_this.size, 1)
        contained = aligned(content_other, content_this) / max(content_other.size, 1)
        runs_this, runs_other = runs(self._content[this]), runs(self._content[other])
        shared = int(np.intersect1d(runs_this, runs_other, assume_unique=True).size)
        jaccard = shared / max(runs_this.size + runs_other.size - shared, 1)
        return max(contains, contained), jaccard, contains, contained, shared

    def _relation(
        self, this: str, other: str, recurring: frozenset[str], site: SiteOf | None
    ) -> Relation:
        article = self._articles[other]
        containment, jaccard, contains, contained, shared = self._scores(this, other)
        pair = (self._articles[this], article)
        lines = {each.id: site(each) for each in pair} if site else None
        evidence = compare(*pair, recurring=recurring, site=lines).evidence
        side = derived_side(evidence)
        return Relation(
            id=other,
            title=article.title,
            containment=round(containment, 4),
            jaccard=round(jaccard, 4),
            derived=None if side is None else (this if side == "a" else other),
            reason=reason(evidence),
            contains=round(contains, 4),
            contained=round(contained, 4),
            shared=shared,
        )
