"""Two processes at once: importing overlapping folders, and searching while indexing."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

import pytest

from desktop.core.search.index import SearchIndex
from desktop.core.storage.library import Library
from tests.reliability.conftest import FORK, start, stored_counts, token, write_articles

pytestmark = pytest.mark.slow


def _import_and_report(folder: Path, report: Path) -> None:
    with open(os.devnull, "w") as sink:
        os.dup2(sink.fileno(), 1)
    outcome = Library.open().add([folder])
    statuses = Counter(str(item.status) for item in outcome.outcomes)
    report.write_text(json.dumps(statuses))
    os._exit(0)


@pytest.mark.parametrize("overlap", ["half", "same folder"])
def test_two_imports_at_once_store_each_text_once_and_tell_the_truth(
    tmp_path: Path, overlap: str
) -> None:
    first = tmp_path / "first"
    second = tmp_path / "second"
    write_articles(first, range(0, 150))
    write_articles(second, range(75, 225) if overlap == "half" else range(0, 150))
    unique = 225 if overlap == "half" else 150
    reports = [tmp_path / "one.json", tmp_path / "two.json"]
    workers = [
        FORK.Process(target=_import_and_report, args=(folder, report))
        for folder, report in zip((first, second), reports, strict=True)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    counts = stored_counts()
    assert len(counts) == unique
    assert set(counts.values()) == {1}, "a text was stored twice"
    said = [Counter(json.loads(report.read_text())) for report in reports]
    assert said[0]["added"] + said[1]["added"] == unique  # each said "added" only for its own
    assert said[0]["duplicate"] + said[1]["duplicate"] == 300 - unique


def test_a_reader_searching_while_a_writer_indexes_always_gets_an_answer(
    tmp_path: Path,
) -> None:
    write_articles(tmp_path / "incoming", range(300))
    assert Library.open().add([tmp_path / "incoming"]).skipped == ()
    writer = start(["index"])
    index = SearchIndex.open(Library.open().state_dir / "index")
    seen: list[int] = []
    while writer.is_alive() or not seen:
        results = index.search(token(299))
        whole = index.search("", limit=1000)
        assert len({hit.id for hit in whole.hits}) == len(whole.hits) == whole.total
        seen.append(whole.total)
        assert results.total in (0, 1)
    writer.join(60)
    assert writer.exitcode == 0
    assert seen == sorted(seen), "a search saw fewer articles than one before it"
    assert index.search("", limit=1000).total == 305
    assert index.search(token(299)).total == 1
    index.close()
