"""Versions of a story: related articles and families across the library.

``VersionIndex(articles)`` fingerprints every article by its word shingles
(``shingles.py``: 5-word runs of the folded text, site chrome left out) and links two
articles as versions of one story when

    containment = shared shingles / shingles of the smaller side  >=  threshold

and they share at least ``MIN_SHARED`` shingles. Containment rather than Jaccard, because a
republished copy is often a truncated subset: 001 holds 40% of 000's shingles but 84% of
its own are in 000 (Jaccard 0.37). ``related`` lists an article's versions best first with
both directions, Jaccard, and which side looks derived and why: the verdict of comparing
the two (``comparison.derivation``, the one judge ``diff`` and the window use too).
``families`` are the connected groups of linked articles, every article in exactly one;
a family's id is its lowest member id.

Threshold. ``DEFAULT_THRESHOLD = 0.5``: at least half of the smaller version is found
word for word (5 words at a time) in the other. On the seeds the versions score 0.84 and
0.85 and unrelated articles on the same story score at most 0.003; in the generated
benchmark (tests/bench/bench_related.py: copy-edits every ~12 words, truncation to 35%,
reordering, chrome, and unrelated articles sharing a topic's stock phrases) 95% of the
planted version pairs score at least 0.67 and no unrelated pair scores above 0.26.
It is a keyword argument.

Shingle sets come from ``fingerprints.Fingerprints`` (give one kept on disk, and a
rebuild at the next start shingles only the texts it has not seen).

Incremental. ``add`` finds the new article's candidates in an inverted index, verifies
each exactly, and merges the families it links (union by size); ``remove`` drops the
article's links and recomputes its own family only.

Scale. The index keeps each article's sorted unique shingle hashes (their low 32 bits,
``fingerprints.Fingerprints.shingles``) to verify candidates exactly; ``related`` and
``similar`` compare the two texts to judge the derived side, for the few relations they
return. Candidates come from ``postings.Postings``:

- up to ``EXACT_LIMIT`` (2,000) articles, over every shingle: any pair sharing
  ``MIN_SHARED`` shingles is found;
- above it, over 32 MinHash band keys per article (``minhash.py``): pairs with Jaccard 0.3
  are found at 95%, 0.2 at 73%; a fixed 384 bytes of postings an article.

Measured here (2 shared cores, tests/bench/bench_related.py, generated 3.7 KB articles
with stock phrases shared across a topic): 1,000 articles exact 0.5 s (all-pairs set
comparison 4.6 s), precision and recall 1.0; 10,000 articles MinHash 5.3 s, precision
1.0, recall 0.997, against 11.4 s exact (its shingle join yields 471,000 candidate pairs
sharing 8 stock-phrase shingles, each verified). At 10,000 the MinHash build is shingling
3.8 s, signatures 0.85 s, band join 0.07 s, verifying 18,800 candidates ~0.3 s; adding
one article takes 1.5 ms, ``related`` 2.4 ms. Kept shingle sets: 454 hashes an article,
18 MB (32-bit). Reaching 100,000 articles: every step but verification is linear, so about 50 s
in the background (shingling 38 s, signatures 9 s, band join under 1 s, candidates that
grow with the number of true versions plus LSH noise), and memory about 180 MB of
32-bit shingle sets plus 38 MB of band postings; sampling every fourth shingle for
verification (containment estimated ±0.05) would quarter the sets.

Pure Python plus numpy; no Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from desktop.core.comparison.compare import compare
from desktop.core.comparison.derivation import derived_side, reason
from desktop.core.errors import ArticleNotFoundError, RecensionError
from desktop.core.text.article import Article
from desktop.core.versions import DEFAULT_THRESHOLD
from desktop.core.versions.fingerprints import Fingerprints
from desktop.core.versions.postings import Postings, Tokens
from desktop.core.versions.relations import Family, Relation

MIN_SHARED = 8
"""Fewer shared shingles than this never make two versions, however small the articles."""
EXACT_LIMIT = 2_000
"""Above this many articles, candidates come from MinHash band keys instead of shingles."""


PROGRESS_EVERY = 200  # articles shingled between two progress reports of a bulk build


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
        self._sets: dict[str, Tokens] = {}
        self._slot: dict[str, int] = {}
        self._id_at: dict[int, str] = {}
        self._links: dict[str, set[str]] = {}
        self._family: dict[str, int] = {}
        self._members: dict[int, set[str]] = {}
        self._next = 0
        self._postings = Postings()
        self._exact = len(articles) <= exact_limit
        for done, article in enumerate(articles, 1):
            self._enter(article)
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == len(articles)):
                progress(done, len(articles))
        self._postings.extend(self._tokens(id_) for id_ in self._articles)
        pairs = self._postings.pairs(MIN_SHARED if self._exact else 1)
        for a, b in pairs.tolist():
            self._link_if_versions(self._id_at[a], self._id_at[b])

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
        self._enter(article)
        for other in self._candidates(article.id, MIN_SHARED):
            self._link_if_versions(article.id, other)
        self._postings.add(*self._tokens(article.id))

    def remove(self, article_id: str) -> None:
        """Forget an article; the rest of its family is regrouped without it."""
        self._require(article_id)
        self._postings.remove(self._slot.pop(article_id))
        family = self._members.pop(self._family.pop(article_id))
        family.discard(article_id)
        for other in self._links.pop(article_id):
            self._links[other].discard(article_id)
        del self._articles[article_id], self._sets[article_id]
        self._regroup(family)

    def related(
        self, article_id: str, *, limit: int = 20, recurring: frozenset[str] = frozenset()
    ) -> tuple[Relation, ...]:
        """The other versions of an article (above the threshold), best first.

        ``recurring`` is the library's recurring lines, as ``compare`` takes them: each
        relation's derived side is the comparison's (``comparison.derivation``).
        """
        self._require(article_id)
        return self._relations(article_id, self._links[article_id], limit, recurring)

    def similar(
        self, article_id: str, *, limit: int = 20, recurring: frozenset[str] = frozenset()
    ) -> tuple[Relation, ...]:
        """The most similar articles, best first, whether or not above the threshold.

        Up to ``EXACT_LIMIT`` articles every article sharing a shingle is considered;
        above it, those sharing a MinHash band key.
        """
        self._require(article_id)
        return self._relations(article_id, self._candidates(article_id, 1), limit, recurring)

    def families(self) -> tuple[Family, ...]:
        """Every article in exactly one family (singletons included), ordered by id."""
        groups = sorted(tuple(sorted(members)) for members in self._members.values())
        return tuple(Family(id=group[0], members=group) for group in groups)

    def family_of(self, article_id: str) -> str:
        """The id of the article's family: its lowest member id."""
        self._require(article_id)
        return min(self._members[self._family[article_id]])

    def _require(self, article_id: str) -> None:
        if article_id not in self._articles:
            raise ArticleNotFoundError(f"no article with id {article_id!r} in the version index")

    def _enter(self, article: Article) -> None:
        slot = self._next
        self._next += 1
        self._articles[article.id] = article
        self._sets[article.id] = self._fingerprints.shingles(article.text)
        self._slot[article.id], self._id_at[slot] = slot, article.id
        self._links[article.id] = set()
        self._family[article.id] = slot
        self._members[slot] = {article.id}

    def _tokens(self, article_id: str) -> tuple[int, Tokens]:
        if self._exact:
            return self._slot[article_id], self._sets[article_id]
        return self._slot[article_id], self._fingerprints.bands(self._articles[article_id].text)

    def _candidates(self, article_id: str, min_shared: int) -> Iterable[str]:
        _, tokens = self._tokens(article_id)
        counts = self._postings.overlaps(tokens)
        needed = min_shared if self._exact else 1
        own = self._slot[article_id]
        return [self._id_at[s] for s, n in counts.items() if n >= needed and s != own]

    def _shared(self, a: str, b: str) -> int:
        return int(np.intersect1d(self._sets[a], self._sets[b], assume_unique=True).size)

    def _link_if_versions(self, a: str, b: str) -> None:
        shared = self._shared(a, b)
        smaller = min(self._sets[a].size, self._sets[b].size)
        if shared < MIN_SHARED or shared < self.threshold * smaller:
            return
        self._links[a].add(b)
        self._links[b].add(a)
        self._merge(self._family[a], self._family[b])

    def _merge(self, one: int, two: int) -> None:
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
                for other in self._links[frontier.pop()] - group:
                    group.add(other)
                    frontier.append(other)
            unplaced -= group
            key = self._slot[start]
            self._members[key] = group
            for member in group:
                self._family[member] = key

    def _relations(
        self, this: str, others: Iterable[str], limit: int, recurring: frozenset[str]
    ) -> tuple[Relation, ...]:
        """The best ``limit`` of ``others`` by containment, then Jaccard, then id."""
        scored = [(self._scores(this, other), other) for other in others]
        scored.sort(key=lambda item: (-item[0][0], -item[0][1], item[1]))
        return tuple(self._relation(this, other, recurring) for _, other in scored[:limit])

    def _scores(self, this: str, other: str) -> tuple[float, float, float, float, int]:
        """Containment, Jaccard, this-in-other, other-in-this, shared shingles."""
        shared = self._shared(this, other)
        size_this, size_other = self._sets[this].size, self._sets[other].size
        contains, contained = shared / max(size_this, 1), shared / max(size_other, 1)
        jaccard = shared / max(size_this + size_other - shared, 1)
        return max(contains, contained), jaccard, contains, contained, shared

    def _relation(self, this: str, other: str, recurring: frozenset[str]) -> Relation:
        article = self._articles[other]
        containment, jaccard, contains, contained, shared = self._scores(this, other)
        evidence = compare(self._articles[this], article, recurring=recurring).evidence
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
