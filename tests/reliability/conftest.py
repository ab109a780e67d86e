"""Helpers for the reliability suite: a generated library, forked workers, a small disk."""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.search.index import SearchIndex
from desktop.core.storage.library import Library

_WORDS = [
    "council",
    "budget",
    "river",
    "storm",
    "mayor",
    "vote",
    "harbour",
    "school",
    "rail",
    "bridge",
    "court",
    "police",
    "minister",
    "election",
    "museum",
    "hospital",
    "strike",
    "market",
    "festival",
    "report",
    "inquiry",
]
FORK = multiprocessing.get_context("fork")


def token(number: int) -> str:
    """A word found in article ``number`` only (letters: the analyser keeps it whole)."""
    return "tok" + "".join(chr(ord("a") + int(digit)) for digit in f"{number:04d}")


def write_articles(folder: Path, numbers: Sequence[int], *, words: int = 400) -> list[Path]:
    """One article per number, each with its own token and otherwise random words."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in numbers:
        rng = random.Random(number)
        body = " ".join(rng.choice(_WORDS) for _ in range(words))
        path = folder / f"story-{number:04d}.txt"
        path.write_text(f"Story {number} headline\n\n{token(number)} {body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def stored_counts() -> Counter[str]:
    """How many times each generated story is in the default library (by its token)."""
    counts: Counter[str] = Counter()
    for article in Library.open().articles():
        first = article.text.split("\n\n")[1].split()[0] if "\n\n" in article.text else ""
        if first.startswith("tok"):
            counts[first] += 1
    return counts


def searched_counts(word: str = "", *, refresh: bool) -> Counter[str]:
    """How many hits each article id gets for ``word`` (blank: all), from a fresh index.

    ``refresh`` first brings the index up to date, as ``recension search`` does.
    """
    library = Library.open()
    index = SearchIndex.open(library.state_dir / "index")
    try:
        if refresh:
            index.refresh(library.articles())
        results = index.search(word, limit=100_000)
        return Counter(hit.id for hit in results.hits)
    finally:
        index.close()


def _quiet_main(argv: list[str]) -> None:
    with open(os.devnull, "w") as sink:
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
    os._exit(main(argv))


def start(argv: list[str]) -> multiprocessing.process.BaseProcess:
    """``recension ARGV`` in a forked process (modules already imported: starts in ms)."""
    process = FORK.Process(target=_quiet_main, args=(argv,))
    process.start()
    return process


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs, so that a real write meets a real full disk (needs root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0 or sys.platform != "linux":
        pytest.skip("mounting a small tmpfs needs root on Linux")
    try:
        yield mount
    finally:
        with contextlib.suppress(OSError):
            subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, *, leave: int = 0) -> Path:
    """Fill ``disk`` but ``leave`` bytes (a file ``filler`` that ``free`` removes)."""
    filler = disk / "filler"
    free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
    with filler.open("ab") as stream, contextlib.suppress(OSError):
        stream.write(b"\0" * max(0, free - leave))
        stream.flush()
    return filler
