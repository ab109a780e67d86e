"""Search benchmark: index a generated library, then time searches against a linear scan.

The library is generated deterministically: ~5 KB articles that mix paragraphs of the
sample articles with Zipf-distributed invented words. It is measured at 3,000 and at 10,000
articles (about 30 s and 90 s here); ``RECENSION_BENCH_ARTICLES`` sets other sizes
(``3000`` or ``3000,20000``). Each figure is named with the size it was measured at.

Searches and the linear scan they are set beside are timed in CPU time (one thread each);
indexing, which runs in two processes, in wall time. Budgets (DESIGN.md, for 10,000
articles): full index ≤ 45 s, top-10 with snippets ≤ 25 ms median, one new article
searchable ≤ 100 ms, RSS ≤ 250 MB.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.search.index import SearchIndex
from desktop.core.text.article import Article

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
SOURCES = ("BBC News", "Reuters", "The Guardian", "Al Jazeera", "Iran Project", "AP News")
REPEATS = 5
PAGE = 200  # hits the window asks for at once


def generate(count: int, seed: int = 7) -> list[Article]:
    """``count`` articles of about 5 KB, the same for the same ``seed``."""
    rng = random.Random(seed)
    paragraphs = [
        line.strip()
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if len(line.strip()) > 40
    ]
    syllables = "ka lo mi ren tor vas el un dra pe sto gri an ol bre zu fi nat quo shi".split()  # noqa: SIM905
    vocabulary = sorted(
        {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(30_000)}
    )
    zipf = list(itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1)))
    articles = []
    for number in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < 5_000:
            if rng.random() < 0.5:
                parts.append(rng.choice(paragraphs))
            else:
                words = rng.choices(vocabulary, cum_weights=zipf, k=rng.randint(25, 70))
                parts.append(" ".join(words).capitalize() + ".")
        title = " ".join(rng.choices(vocabulary, cum_weights=zipf, k=6)).capitalize()
        articles.append(
            Article(
                id=f"{number:05d}",
                title=title,
                text="\n\n".join([title, *parts]),
                source=rng.choice(SOURCES),
                date=dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3650)),
            )
        )
    return articles


def queries(articles: list[Article]) -> dict[str, list[str]]:
    """About 30 typical queries by kind; the invented words depend on the generated library."""
    words = [w for w in articles[0].text.split() if w.isalpha() and w.islower() and len(w) > 5]
    common, rare = words[:4], [w for w in articles[-1].text.split() if len(w) > 9][:3]
    return {
        "common word": ["Ukraine", "talks", "Russia", "president", *common],
        "rare word": ["Psaki", "Awacs", "Yanukovych", *rare],
        "AND": ["Kerry Lavrov", "Crimea referendum", "Putin talks", f"{common[0]} {common[1]}"],
        "phrase": ['"secretary of state"', '"Story Code"', '"foreign minister"'],
        "prefix": ["negoti*", "Ukrain*", "refer*", f"{common[2][:4]}*"],
        "other": ["Lavrow~", "title:crisis", "source:reuters", "Kerry NOT Psaki", "Psaki OR Awacs"],
    }


def _cpu_timed(action: Callable[[], object]) -> float:
    """CPU seconds of this process for ``action``: a search and a scan run on one thread, and
    on a shared machine their wall time mostly measures the wait for a core."""
    start = time.process_time()
    action()
    return time.process_time() - start


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the parallel writer's)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _scan(texts: list[str], query: str) -> int:
    """The plain alternative: every word (or the phrase, or the prefix) in the lowered text."""
    if query.startswith('"'):
        needles = [query.strip('"').lower()]
    else:
        needles = [w.rstrip("*").lower() for w in query.split() if w.isalpha() or w.endswith("*")]
    found = 0
    for text in texts:
        lowered = text.lower()
        found += all(needle in lowered for needle in needles)
    return found


def measure() -> dict[str, object]:
    sizes = os.environ.get("RECENSION_BENCH_ARTICLES", "3000,10000")
    figures: dict[str, object] = {}
    for count in map(int, sizes.split(",")):
        figures |= {f"{count:,} articles: {name}": value for name, value in _measure(count).items()}
    return figures


def _measure(count: int) -> dict[str, object]:
    articles = generate(count)
    texts = [article.text for article in articles]
    figures: dict[str, object] = {
        "mean article size (KB)": round(sum(map(len, texts)) / count / 1000, 1),
    }
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder) / "index"
        index = SearchIndex.open(directory)
        cpu = _cpu_seconds()
        full = _timed(lambda: index.refresh(articles))
        figures["full index (s)"] = round(full, 1)
        figures["full index, CPU of all processes (s)"] = round(_cpu_seconds() - cpu, 1)
        figures["full index, scaled to 10,000 (s; budget 45)"] = round(full * 10_000 / count, 1)
        size = sum(path.stat().st_size for path in directory.iterdir())
        figures["index size (MB)"] = round(size / 1e6, 1)
        figures["open with checks (ms)"] = round(
            1000 * _timed(lambda: SearchIndex.open(directory)), 1
        )
        figures["refresh with nothing to do (ms)"] = round(
            1000 * _timed(lambda: index.refresh(articles)), 1
        )

        index.search("warm up")
        all_times, scan_times, page_times = [], [], []
        by_kind: dict[str, float] = {}
        for kind, texts_of_kind in queries(articles).items():
            times = []
            for query in texts_of_kind:
                times += [
                    _cpu_timed(lambda q=query: index.search(q, limit=10)) for _ in range(REPEATS)
                ]
                page_times.append(_cpu_timed(lambda q=query: index.search(q, limit=PAGE)))
                if kind != "other":
                    scan_times.append(_cpu_timed(lambda q=query: _scan(texts, q)))
            all_times += times
            by_kind[kind] = statistics.median(times)
            figures[f"search {kind}, median (ms)"] = round(1000 * by_kind[kind], 1)
        median = statistics.median(all_times)
        figures["queries"] = len(all_times) // REPEATS
        figures["search top-10 with snippets, median (ms; budget 25)"] = round(1000 * median, 1)
        p95 = statistics.quantiles(all_times, n=20)[-1]
        figures["search top-10 with snippets, p95 (ms)"] = round(1000 * p95, 1)
        figures["p95 / median (ratio)"] = round(p95 / median, 1)
        phrase_ratio = by_kind["phrase"] / by_kind["common word"]
        figures["phrase / common word (ratio)"] = round(phrase_ratio, 1)
        figures[f"a page of {PAGE} hits (the window's), median (ms)"] = round(
            1000 * statistics.median(page_times), 1
        )
        figures["linear scan, median (ms)"] = round(1000 * statistics.median(scan_times), 1)
        figures["linear scan / index (ratio)"] = round(statistics.median(scan_times) / median, 1)

        added = []
        for number in range(12):  # enough single commits to pass a segment merge
            new = Article(f"new{number}", "Late news", f"Zeppelinquux{number} sighted over Paris.")
            articles.append(new)
            added.append(
                _timed(lambda n=number: (index.refresh(articles), index.search(f"Zeppelinquux{n}")))
            )
        figures["one new article searchable, median of 12 (ms; budget 100)"] = round(
            1000 * statistics.median(added), 1
        )
        figures["one new article searchable, worst of 12 (ms)"] = round(1000 * max(added), 1)
        figures["RSS now (MB; budget 250)"] = round(_rss_mb(), 1)
        figures["RSS peak (MB)"] = round(_rss_mb("VmHWM"), 1)
        index.close()
    return figures
