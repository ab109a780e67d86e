"""kill -9 at random moments of an import and of indexing: every article exactly once after."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path

import pytest

from desktop.cli import main
from tests.reliability.conftest import (
    searched_counts,
    start,
    stored_counts,
    token,
    write_articles,
)

pytestmark = pytest.mark.slow

RUNS = 20
ARTICLES = 100


def _timed(argv: list[str]) -> float:
    began = time.monotonic()
    process = start(argv)
    process.join(60)
    assert process.exitcode == 0
    return time.monotonic() - began


def _kill_at_random(argv: list[str], rng: random.Random, within: float) -> bool:
    """Run ``argv``, kill -9 it at a random moment; True if it was still at work then."""
    process = start(argv)
    time.sleep(rng.uniform(0.0, within))
    interrupted = process.is_alive()
    process.kill()
    process.join(10)
    return interrupted


def test_kill_during_add_never_loses_or_doubles_an_article(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "incoming"
    write_articles(folder, range(ARTICLES))
    monkeypatch.setenv("RECENSION_DATA_DIR", str(tmp_path / "timing"))  # a library aside
    within = _timed(["add", str(folder)])
    monkeypatch.setenv("RECENSION_DATA_DIR", str(data_dir))
    rng = random.Random(18)
    interrupted = 0
    for run in range(RUNS):
        interrupted += _kill_at_random(["add", str(folder)], rng, within)
        counts = stored_counts()
        assert max(counts.values(), default=1) == 1, f"run {run}: an article was stored twice"
    print(f"kill -9 during add: {RUNS} runs, {interrupted} mid-import, 0 lost, 0 doubled")
    assert interrupted >= RUNS // 4, f"only {interrupted} kills landed mid-import"
    assert main(["add", str(folder)]) == 0  # the recovery: the rest is imported, once
    counts = stored_counts()
    assert sorted(counts) == sorted(token(n) for n in range(ARTICLES))
    assert set(counts.values()) == {1}
    hits = searched_counts(refresh=True)
    assert len(hits) == ARTICLES + 5  # and the five sample articles
    assert set(hits.values()) == {1}


def test_kill_during_indexing_never_loses_or_doubles_a_hit(tmp_path: Path, data_dir: Path) -> None:
    write_articles(tmp_path / "incoming", range(ARTICLES))
    assert main(["add", str(tmp_path / "incoming")]) == 0
    index = data_dir / "default" / "index"
    assert main(["index"]) == 0
    within = _timed(["index", "--rebuild"])  # as long as either kind of run below takes
    rng = random.Random(1818)
    interrupted = 0
    for run in range(RUNS):
        if run % 2:
            # A rebuild builds beside the index in use: killed at any moment, the index
            # still answers for every article, before any repair.
            interrupted += _kill_at_random(["index", "--rebuild"], rng, within)
            hits = searched_counts(refresh=False)
        else:
            # A first indexing killed part-way: the next search indexes the rest.
            shutil.rmtree(index)
            interrupted += _kill_at_random(["index"], rng, within)
            hits = searched_counts(refresh=True)
        assert len(hits) == ARTICLES + 5, f"run {run}: {len(hits)} articles found"
        assert set(hits.values()) == {1}, f"run {run}: an article was found twice"
    print(f"kill -9 during index: {RUNS} runs, {interrupted} mid-indexing, 0 lost, 0 doubled")
    assert interrupted >= RUNS // 4, f"only {interrupted} kills landed mid-indexing"
