"""Families over generated libraries and real revisions: recall by kind of copy, false groupings.

A deterministic generator writes stories from topic vocabularies that share stock phrases
(the same quotes and formulas recur across unrelated articles on one topic), then plants
versions of some stories, each of one kind:

- ``copy``: copy-edits (a word in ~12 changed), truncation (to 35-90%), paragraph
  reordering, added site chrome (headers, links, a disclaimer) and a duplicated lead;
- ``light``: a light rewording: 20-40% of the words replaced, half by a synonym (another
  word of the vocabulary: the words are made up, so no lexicon applies; to a fingerprint a
  synonym is just another word), half by an inflection (a suffix added or dropped), and
  half the sentences with their two clauses swapped; site chrome as for a copy;
- ``heavy``: 50-70% of the words replaced the same way, every sentence's clauses swapped,
  sentences shuffled within their paragraph and a fifth of them dropped.

Truth is the planted grouping. Reported for each method: pairwise precision and recall,
the share of each kind of planted version found in its original's family, and the false
groupings (pairs of articles from different stories put in one family).

The real pairs: every before/after revision in ``../shared/corpora/iterater_dev`` (IteraTeR,
Wikipedia and arXiv, read at run time, never copied) as one library; a pair is found when
both sides land in one family, and a family holding two documents is a false grouping.
Beside it, the spread of the evidence: the share of content words aligned (of the smaller
side, ``content.aligned``) for the pairs ``VersionIndex`` misses, against the highest
between two different documents (the threshold has to fall between them); how much of the
before text the annotators' edits span, for the missed pairs and the found ones (a missed
pair that was rewritten from scratch has most of it edited); and what lower thresholds
would find among the revisions and the 1k library's heavy rewordings, against the false
groupings they would make in each.

Each method beside today's in the same run: ``VersionIndex`` as it stands, and
``_five_word_families``, the method it replaced (5-word shingles, containment >= 0.5 of
the smaller side, candidates from shingle postings up to 2,000 articles and from MinHash
band keys above). For 1,000 articles also the plain all-pairs comparison.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from desktop.core.text.article import Article
from desktop.core.versions.content import aligned, content_shingles, runs
from desktop.core.versions.minhash import signature
from desktop.core.versions.postings import Postings
from desktop.core.versions.related import VersionIndex
from desktop.core.versions.shingles import shingle

REVISIONS = Path(
    os.environ.get("RECENSION_REVISIONS", "/work/shared/corpora/iterater_dev/docs.jsonl")
)
KINDS = ("copy", "light", "heavy")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SUFFIXES = ("s", "ed", "ing")
_CHROME_HEAD = ["Home | News | World | Politics", "Share this article", "Advertisement"]
_CHROME_TAIL = [
    "Follow us on social media for the latest updates and stories from our newsroom",
    "https://example-aggregator.net/story/{n}.html",
    "This site is not responsible for the content of quoted articles.",
    "Your Name",
    "Your Email Address",
]


def _words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choices(_LETTERS, k=rng.randint(2, 9))) for _ in range(count)]


class _Generator:
    def __init__(self, seed: int, topics: int = 20) -> None:
        self.rng = random.Random(seed)
        common = _words(self.rng, 300)
        self.topics = []
        for _ in range(topics):
            vocabulary = common + _words(self.rng, 500)
            phrases = [" ".join(self.rng.choices(vocabulary, k=8)) for _ in range(30)]
            self.topics.append((vocabulary, phrases))
        self.vocabulary = sorted({word for vocabulary, _ in self.topics for word in vocabulary})

    def story(self) -> list[str]:
        vocabulary, phrases = self.rng.choice(self.topics)
        paragraphs = []
        for _ in range(self.rng.randint(12, 30)):
            sentences = []
            for _ in range(self.rng.randint(1, 3)):
                if self.rng.random() < 0.15:
                    sentences.append(self.rng.choice(phrases))
                else:
                    sentences.append(
                        " ".join(self.rng.choices(vocabulary, k=self.rng.randint(8, 22)))
                    )
            paragraphs.append(". ".join(s.capitalize() for s in sentences) + ".")
        return paragraphs

    def version(self, paragraphs: list[str], number: int, kind: str) -> list[str]:
        rng = self.rng
        copy = list(paragraphs)
        if kind == "heavy":
            return [self._reword(p, rng.uniform(0.5, 0.7), swap=1.0, drop=0.2) for p in copy]
        if kind == "light":
            copy = [self._reword(p, rng.uniform(0.2, 0.4), swap=0.5, drop=0.0) for p in copy]
        else:
            if rng.random() < 0.5:
                copy = copy[: max(3, round(len(copy) * rng.uniform(0.35, 0.9)))]
            if rng.random() < 0.5:
                for _ in range(rng.randint(1, 3)):
                    i, j = rng.randrange(len(copy)), rng.randrange(len(copy))
                    copy[i], copy[j] = copy[j], copy[i]
            if rng.random() < 0.7:
                copy = [self._copy_edit(p) for p in copy]
        if rng.random() < 0.6:
            tail = [line.format(n=number) for line in _CHROME_TAIL]
            copy = [rng.choice(_CHROME_HEAD), *copy[:2], *copy, *tail]
        return copy

    def _copy_edit(self, paragraph: str) -> str:
        words = paragraph.split(" ")
        for _ in range(len(words) // 12):
            i = self.rng.randrange(len(words))
            words[i] = words[i].upper() if self.rng.random() < 0.5 else words[i] + "s"
        return " ".join(words)

    def _reword(self, paragraph: str, rate: float, *, swap: float, drop: float) -> str:
        """Words replaced at ``rate`` (synonym or inflection), clauses swapped, sentences
        dropped (at ``drop``, keeping one) and, when dropping, shuffled."""
        rng = self.rng
        sentences = [s for s in paragraph.rstrip(".").split(". ") if s]
        if drop:
            kept = [s for s in sentences if rng.random() >= drop]
            sentences = kept or sentences[:1]
            rng.shuffle(sentences)
        reworded = []
        for sentence in sentences:
            words = sentence.lower().split(" ")
            for i, word in enumerate(words):
                if rng.random() < rate:
                    words[i] = self._synonym(word) if rng.random() < 0.5 else self._inflect(word)
            if len(words) >= 4 and rng.random() < swap:
                cut = rng.randint(len(words) // 3, 2 * len(words) // 3)
                words = words[cut:] + words[:cut]
            reworded.append(" ".join(words).capitalize())
        return ". ".join(reworded) + "."

    def _synonym(self, word: str) -> str:
        return self.rng.choice(self.vocabulary)

    def _inflect(self, word: str) -> str:
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                return word[: -len(suffix)]
        return word + self.rng.choice(_SUFFIXES)


def generate_planted(size: int, seed: int) -> tuple[list[Article], list[set[str]], dict[str, str]]:
    """``size`` articles, the planted families and each planted version's kind."""
    generator = _Generator(seed)
    articles: list[Article] = []
    truth: list[set[str]] = []
    kind_of: dict[str, str] = {}
    while len(articles) < size:
        story = generator.story()
        copies = min(generator.rng.choice([0, 0, 0, 1, 1, 2, 3, 5]), size - len(articles) - 1)
        kinds = generator.rng.choices(KINDS, weights=(5, 3, 2), k=copies)
        family = set()
        versions = [generator.version(story, n, kind) for n, kind in enumerate(kinds)]
        for number, paragraphs in enumerate([story, *versions]):
            article_id = f"{len(articles):06d}"
            date = dt.date(2014, 3, 1) + dt.timedelta(days=number)
            text = "\n\n".join(paragraphs)
            articles.append(Article(id=article_id, title=paragraphs[0][:60], text=text, date=date))
            family.add(article_id)
            if number:
                kind_of[article_id] = kinds[number - 1]
        truth.append(family)
    generator.rng.shuffle(articles)
    return articles, truth, kind_of


def generate(size: int, seed: int) -> tuple[list[Article], list[set[str]]]:
    """``size`` articles and the planted families (every article in one)."""
    articles, truth, _ = generate_planted(size, seed)
    return articles, truth


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _score(
    families: Iterable[Iterable[str]], truth: list[set[str]], kind_of: dict[str, str]
) -> dict[str, object]:
    """Pairwise precision and recall, recall by kind of version, false groupings."""
    families = [tuple(group) for group in families]
    found, true_pairs = _pairs(families), _pairs(truth)
    hits = len(found & true_pairs)
    family_of = {member: n for n, group in enumerate(families) for member in group}
    by_kind: dict[str, list[bool]] = {kind: [] for kind in KINDS}
    for group in truth:
        original = min(group, key=lambda member: member in kind_of)
        for member in group - {original}:
            by_kind[kind_of[member]].append(family_of[member] == family_of[original])
    return {
        "precision": round(hits / max(len(found), 1), 4),
        "recall": round(hits / max(len(true_pairs), 1), 4),
        "found by kind": {k: round(sum(v) / max(len(v), 1), 4) for k, v in by_kind.items()},
        "false groupings (pairs)": len(found - true_pairs),
    }


def _timed(method: Callable[[list[Article]], Iterable[Iterable[str]]], articles: list[Article]):
    """The families and the seconds they took: wall, and CPU (what survives a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    families = [tuple(group) for group in method(articles)]
    seconds = {
        "seconds": round(time.perf_counter() - start, 3),
        "CPU seconds": round(time.process_time() - cpu, 3),
    }
    return families, seconds


def _version_index(**options: float) -> Callable[[list[Article]], list[tuple[str, ...]]]:
    def families(articles: list[Article]) -> list[tuple[str, ...]]:
        return [family.members for family in VersionIndex(articles, **options).families()]

    return families


def _five_word_families(articles: list[Article]) -> list[set[str]]:
    """Today's method, the baseline: 5-word shingle containment >= 0.5, at least 8 shared.

    Candidates from shingle postings up to 2,000 articles, from MinHash band keys above,
    both hashed to the 32-bit tokens ``Postings`` holds (a collision only adds a candidate,
    verified on the 64-bit shingles).
    """
    sets = [shingle(article.text).unique for article in articles]
    exact = len(articles) <= 2_000
    postings = Postings()
    postings.extend((n, _tokens(s if exact else _five_word_keys(s))) for n, s in enumerate(sets))
    linked = set()
    for a, b in postings.pairs(8 if exact else 1).tolist():
        shared = np.intersect1d(sets[a], sets[b], assume_unique=True).size
        if shared >= 8 and shared >= 0.5 * min(sets[a].size, sets[b].size):
            linked.add((articles[a].id, articles[b].id))
    return _components(linked, (article.id for article in articles))


def _five_word_keys(hashes: np.ndarray) -> np.ndarray:
    """Today's MinHash band keys: 32 bands of 2 of the same 64 hash functions' minima."""
    if not hashes.size:
        return np.empty(0, dtype=np.uint64)
    rows = signature(hashes).reshape(32, 2)
    salt = np.arange(32, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return np.unique((rows[:, 0] << np.uint64(32) | rows[:, 1]) ^ salt)


def _tokens(hashes: np.ndarray) -> np.ndarray:
    """64-bit hashes as distinct 32-bit tokens (multiply-shift: the top 32 bits of a product)."""
    return np.unique(((hashes * np.uint64(0xD6E8FEB86659FD93)) >> np.uint64(32)).astype(np.uint32))


def _all_pairs(articles: list[Article], family_of: dict[str, int]) -> dict[str, float]:
    """The plain alternative: every pair's Python shingle sets intersected.

    Also the containment spread: the 5th percentile over planted pairs, the highest over
    pairs from different planted families (the threshold has to fall between them).
    """
    start = time.perf_counter()
    sets = [(a.id, set(shingle(a.text).unique.tolist())) for a in articles]
    planted, unrelated = [], 0.0
    for (id_a, a), (id_b, b) in itertools.combinations(sets, 2):
        containment = len(a & b) / max(min(len(a), len(b)), 1)
        if family_of[id_a] == family_of[id_b]:
            planted.append(containment)
        else:
            unrelated = max(unrelated, containment)
    seconds = time.perf_counter() - start
    planted.sort()
    return {
        "seconds": round(seconds, 3),
        "5-word containment, planted pairs, 5th percentile": round(planted[len(planted) // 20], 3),
        "5-word containment, unrelated pairs, highest": round(unrelated, 3),
    }


def _components(pairs: set[tuple[str, str]], ids: Iterable[str]) -> list[set[str]]:
    family = {article_id: {article_id} for article_id in ids}
    for a, b in pairs:
        if family[a] is not family[b]:
            merged = family[a] | family[b]
            for member in merged:
                family[member] = merged
    return list({id(group): group for group in family.values()}.values())


def revisions() -> tuple[list[Article], list[tuple[str, str]], dict[str, str]]:
    """Both sides of every IteraTeR revision, the (before, after) pairs and each side's doc."""
    articles, pairs, document_of = [], [], {}
    with REVISIONS.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            revision = json.loads(line)
            ids = (f"r{number:03d}-before", f"r{number:03d}-after")
            for article_id, side in zip(ids, ("before_revision", "after_revision"), strict=True):
                articles.append(Article(id=article_id, title=article_id, text=revision[side]))
                document_of[article_id] = str(revision["doc_id"])
            pairs.append(ids)
    return articles, pairs, document_of


def _revision_score(
    families: list[tuple[str, ...]], pairs: list[tuple[str, str]], document_of: dict[str, str]
) -> dict[str, object]:
    family_of = {member: n for n, group in enumerate(families) for member in group}
    found = sum(family_of[before] == family_of[after] for before, after in pairs)
    mixed = [group for group in families if len({document_of[m] for m in group}) > 1]
    return {
        "pairs found": round(found / len(pairs), 4),
        "pairs missed": len(pairs) - found,
        "false groupings (families holding two documents)": len(mixed),
    }


def _aligned_spread(
    articles: list[Article], missed: list[tuple[str, str]], document_of: dict[str, str]
) -> dict[str, object]:
    """Aligned share of the smaller side: missed pairs, and the highest across documents."""
    content = [content_shingles(article.text) for article in articles]
    at = {article.id: n for n, article in enumerate(articles)}

    def share(a: int, b: int) -> float:
        smaller, larger = sorted((content[a], content[b]), key=len)
        return aligned(smaller, larger) / max(smaller.size, 1)

    postings = Postings()
    postings.extend((n, runs(each)) for n, each in enumerate(content))
    across = [
        (share(a, b), articles[a].id, articles[b].id)
        for a, b in postings.pairs(1).tolist()
        if document_of[articles[a].id] != document_of[articles[b].id]
    ]
    shares = sorted(share(at[a], at[b]) for a, b in missed)
    highest = max(across, default=(0.0, "", ""))
    return {
        "missed pairs: lowest, median, highest": [
            round(shares[n], 3) for n in (0, len(shares) // 2, -1)
        ]
        if shares
        else [],
        "different documents: highest (pair)": (round(highest[0], 3), *highest[1:]),
        "missed pairs below it": sum(value <= highest[0] for value in shares),
    }


def _edited(pairs: list[tuple[str, str]], missed: list[tuple[str, str]]) -> dict[str, object]:
    """How much of each before text the annotators' edits span: missed pairs against found.

    A pair missed because it was rewritten, not because the method failed a copy-edit,
    has most of its before text inside the edits IteraTeR lists for it.
    """
    shares = {}
    with REVISIONS.open(encoding="utf-8") as lines:
        for pair, line in zip(pairs, lines, strict=True):
            revision = json.loads(line)
            spanned = np.zeros(len(revision["before_revision"]), dtype=bool)
            for edit in revision["edit_actions"]:
                spanned[edit["start_char_pos"] : edit["end_char_pos"]] = True
            shares[pair] = float(spanned.mean()) if spanned.size else 0.0
    lost = sorted(shares.pop(pair) for pair in missed)
    kept = sorted(shares.values())
    return {
        "missed pairs: lowest, median, highest": [
            round(lost[n], 2) for n in (0, len(lost) // 2, -1)
        ]
        if lost
        else [],
        "found pairs: median, highest": [round(kept[len(kept) // 2], 2), round(kept[-1], 2)],
        "missed pairs with 60% or more edited": sum(share >= 0.6 for share in lost),
        "found pairs with 60% or more edited": sum(share >= 0.6 for share in kept),
    }


def _lower_thresholds(
    revised: tuple[list[Article], list[tuple[str, str]], dict[str, str]],
    planted: tuple[list[Article], list[set[str]], dict[str, str]],
) -> dict[float, list[object]]:
    """What a lower threshold would find, and group wrongly, in the revisions and at 1k."""
    found: dict[float, list[object]] = {}
    for threshold in (0.35, 0.3, 0.25, 0.2):
        method = _version_index(threshold=threshold)
        revisions_found = _revision_score(method(revised[0]), *revised[1:])
        planted_found = _score(method(planted[0]), *planted[1:])
        found[threshold] = [
            revisions_found["pairs found"],
            planted_found["found by kind"]["heavy"],  # type: ignore[index]
            revisions_found["false groupings (families holding two documents)"],
            planted_found["false groupings (pairs)"],
        ]
    return found


def measure() -> dict[str, object]:
    figures: dict[str, object] = {}
    methods = {"VersionIndex": _version_index(), "today's 5-word (baseline)": _five_word_families}
    articles, pairs, document_of = revisions()
    for name, method in methods.items():
        families, seconds = _timed(method, articles)
        figures[f"revisions ({len(pairs)} pairs), {name}"] = {
            **seconds,
            **_revision_score(families, pairs, document_of),
        }
        if name == "VersionIndex":
            family_of = {member: n for n, group in enumerate(families) for member in group}
            missed = [pair for pair in pairs if family_of[pair[0]] != family_of[pair[1]]]
            figures["revisions, content words aligned"] = _aligned_spread(
                articles, missed, document_of
            )
            figures["revisions, share of the before inside the annotated edits"] = _edited(
                pairs, missed
            )
    revised = (articles, pairs, document_of)

    articles, truth, kind_of = generate_planted(1_000, seed=1)
    for name, method in methods.items():
        families, seconds = _timed(method, articles)
        figures[f"1k, {name}"] = {**seconds, **_score(families, truth, kind_of)}
    figures["lower thresholds (default 0.4): revisions found, 1k heavy found, false groupings"] = (
        _lower_thresholds(revised, (articles, truth, kind_of))
    )
    family_of = {member: n for n, family in enumerate(truth) for member in family}
    figures["1k all-pairs"] = _all_pairs(articles, family_of)

    articles, truth, kind_of = generate_planted(10_000, seed=2)
    figures["10k planted versions by kind"] = {
        kind: sum(value == kind for value in kind_of.values()) for kind in KINDS
    }
    times = []
    for name, method in methods.items():
        families, seconds = _timed(method, articles)
        times.append(seconds)
        figures[f"10k, {name}"] = {**seconds, **_score(families, truth, kind_of)}
    for clock in ("seconds", "CPU seconds"):
        ratio = round(times[0][clock] / times[1][clock], 2)
        figures[f"10k, VersionIndex / 5-word ({clock})"] = ratio
    figures["10k articles, mean KB"] = round(
        sum(len(a.text) for a in articles) / len(articles) / 1000, 2
    )
    return figures
