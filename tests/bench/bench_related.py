"""Families over generated libraries: pairwise precision, recall and time.

A deterministic generator writes stories from topic vocabularies that share stock phrases
(the same quotes and formulas recur across unrelated articles on one topic), then plants
versions of some stories: copy-edits (a word in ~12 changed), truncation (to 35-90%),
paragraph reordering, added site chrome (headers, links, a disclaimer) and a duplicated
lead. Truth is the planted grouping; a pair counts as found when both land in one family.

Figures: for 1,000 articles the exact index against the plain alternative (all pairs of
shingle sets compared, Jaccard ≥ 0.5 and containment ≥ the threshold); for 10,000 the
exact index against MinHash + LSH candidates, both in the same run.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import time
from collections.abc import Iterable

from desktop.core.text.article import Article
from desktop.core.versions.related import DEFAULT_THRESHOLD, Family, VersionIndex
from desktop.core.versions.shingles import shingle

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
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

    def version(self, paragraphs: list[str], number: int) -> list[str]:
        rng = self.rng
        copy = list(paragraphs)
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


def generate(size: int, seed: int) -> tuple[list[Article], list[set[str]]]:
    """``size`` articles and the planted families (every article in one)."""
    generator = _Generator(seed)
    articles: list[Article] = []
    truth: list[set[str]] = []
    while len(articles) < size:
        story = generator.story()
        copies = min(generator.rng.choice([0, 0, 0, 1, 1, 2, 3, 5]), size - len(articles) - 1)
        family = set()
        for number, paragraphs in enumerate(
            [story, *(generator.version(story, n) for n in range(copies))]
        ):
            article_id = f"{len(articles):06d}"
            date = dt.date(2014, 3, 1) + dt.timedelta(days=number)
            text = "\n\n".join(paragraphs)
            articles.append(Article(id=article_id, title=paragraphs[0][:60], text=text, date=date))
            family.add(article_id)
        truth.append(family)
    generator.rng.shuffle(articles)
    return articles, truth


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def _score(found: set[tuple[str, str]], truth: set[tuple[str, str]]) -> dict[str, float]:
    hits = len(found & truth)
    return {
        "precision": round(hits / max(len(found), 1), 4),
        "recall": round(hits / max(len(truth), 1), 4),
    }


def _families(articles: list[Article], **options: int) -> tuple[tuple[Family, ...], float]:
    start = time.perf_counter()
    families = VersionIndex(articles, **options).families()
    return families, time.perf_counter() - start


def _all_pairs(
    articles: list[Article], family_of: dict[str, int]
) -> tuple[set[tuple[str, str]], float, dict[str, float]]:
    """The plain alternative: every pair's Python shingle sets intersected.

    Also the containment spread: the 5th percentile over planted pairs, the highest over
    pairs from different planted families (the threshold has to fall between them).
    """
    start = time.perf_counter()
    sets = [(a.id, set(shingle(a.text).unique.tolist())) for a in articles]
    linked, planted, unrelated = set(), [], 0.0
    for (id_a, a), (id_b, b) in itertools.combinations(sets, 2):
        shared = len(a & b)
        containment = shared / max(min(len(a), len(b)), 1)
        if shared >= 8 and containment >= DEFAULT_THRESHOLD:
            linked.add((min(id_a, id_b), max(id_a, id_b)))
        if family_of[id_a] == family_of[id_b]:
            planted.append(containment)
        else:
            unrelated = max(unrelated, containment)
    seconds = time.perf_counter() - start
    planted.sort()
    spread = {
        "planted pairs, 5th percentile": round(planted[len(planted) // 20], 3),
        "unrelated pairs, highest": round(unrelated, 3),
    }
    return linked, seconds, spread


def _components(pairs: set[tuple[str, str]], ids: Iterable[str]) -> list[set[str]]:
    family = {article_id: {article_id} for article_id in ids}
    for a, b in pairs:
        if family[a] is not family[b]:
            merged = family[a] | family[b]
            for member in merged:
                family[member] = merged
    return list({id(group): group for group in family.values()}.values())


def measure() -> dict[str, object]:
    figures: dict[str, object] = {}
    articles, truth = generate(1_000, seed=1)
    true_pairs = _pairs(truth)
    families, seconds = _families(articles)
    figures["1k exact"] = {
        "seconds": round(seconds, 3),
        **_score(_pairs(f.members for f in families), true_pairs),
    }
    family_of = {member: n for n, family in enumerate(truth) for member in family}
    linked, baseline, spread = _all_pairs(articles, family_of)
    found = _pairs(_components(linked, (a.id for a in articles)))
    figures["1k all-pairs baseline"] = {"seconds": round(baseline, 3), **_score(found, true_pairs)}
    figures["1k speed-up over all pairs"] = round(baseline / seconds, 1)
    figures["1k containment"] = spread

    articles, truth = generate(10_000, seed=2)
    true_pairs = _pairs(truth)
    for name, limit in (("exact", 10_000), ("minhash-lsh", 0)):
        families, seconds = _families(articles, exact_limit=limit)
        figures[f"10k {name}"] = {
            "seconds": round(seconds, 3),
            **_score(_pairs(f.members for f in families), true_pairs),
        }
    figures["10k articles, mean KB"] = round(
        sum(len(a.text) for a in articles) / len(articles) / 1000, 2
    )
    return figures
