"""Stories with a planted lineage, written as a ``--library`` folder of versions.

Each version is a ``.txt`` with a ``.meta.json`` sidecar (source, date). The base story is
a sample article's text; a copy is made from its parent's text by the changes a
republisher makes: copy-edits (``U.S.``, ``Mr.``, ``NATO``), site chrome
around the story, a cut-off ending, repeated paragraphs, a changed number. Used by the
story tests, ``tests/bench/bench_story.py`` and the screenshot of the story window.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import SEEDS

BASE = SEEDS / "002_c84410c1d48da44e.txt"
MORE = SEEDS / "003_fdc6c1aa6c633632.txt"
SITES = (
    "Daily Ledger",
    "World Wire",
    "Gazette Online",
    "Morning Courier",
    "Global Desk",
    "Evening Post",
    "Newsfront",
    "The Observer Review",
)


@dataclass(frozen=True, slots=True)
class Planted:
    """One version to write: its name, text, source, date and the one it copies."""

    name: str
    text: str
    source: str
    date: dt.date | None
    parent: str | None


def base_text(size: int = 0) -> str:
    """The sample story, followed by paragraphs of another sample up to ``size`` characters
    (never a paragraph twice: a repeat is what a copy adds)."""
    paragraphs = [p for p in BASE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    more = [p for p in MORE.read_text(encoding="utf-8").split("\n") if p.strip()]
    while size and len("\n\n".join(paragraphs)) < size and more:
        paragraphs.append(more.pop(0))
    return "\n\n".join(paragraphs)


def copy_edited(text: str, style: int) -> str:
    """House-style copy-edits; ``style`` picks which (each copier has its own)."""
    if style % 3 == 0:
        text = re.sub(r"\bUS\b", "U.S.", text)
    if style % 3 == 1:
        text = re.sub(r"\bMr (?=[A-Z])", "Mr. ", text)
    if style % 3 == 2:
        text = re.sub(r"\bNato\b", "NATO", text)
    return text


def marked(text: str, number: int) -> str:
    """A copy-edit of this copier's own, which its copies inherit: one word of one
    paragraph written in capitals (as a house style does with names)."""
    paragraphs = text.split("\n\n")
    where = 1 + (number * 7) % (len(paragraphs) - 1)
    paragraphs[where] = re.sub(
        r"\b[a-z]{5,}\b", lambda m: m.group().upper(), paragraphs[where], count=1
    )
    return "\n\n".join(paragraphs)


def with_chrome(text: str, site: str, number: int) -> str:
    slug = site.lower().replace(" ", "")
    head = f"Home > World > Europe\n\nStory Code : {number}\n\n"
    tail = (
        f"\n\nShare this article\n\nhttps://{slug}.example.com/news/{number}.html"
        f"\n\nCopyright 2014 {site}. All rights reserved."
    )
    return head + text + tail


def cut_off(text: str, share: float = 0.6) -> str:
    paragraphs = text.split("\n\n")
    return "\n\n".join(paragraphs[: max(2, int(len(paragraphs) * share))])


def repeated(text: str, count: int) -> str:
    paragraphs = text.split("\n\n")
    return "\n\n".join([*paragraphs[:4], *paragraphs[1 : 1 + count], *paragraphs[4:]])


def new_number(text: str) -> str:
    return re.sub(r"\b(\d\d+)\b", lambda m: str(int(m.group()) + 7), text, count=1)


def planted_four(*, dated: bool = True) -> list[Planted]:
    """A; B copies A with copy-edits and chrome; C copies B and stops early; D copies A
    independently with copy-edits of its own."""
    a = base_text()
    b = with_chrome(copy_edited(a, 0), "World Wire", 1001)
    c = cut_off(b)
    d = copy_edited(a, 1)

    def day(n: int) -> dt.date | None:
        return dt.date(2014, 3, n) if dated else None

    return [
        Planted("a", a, "BBC News", day(11), None),
        Planted("b", b, "World Wire", day(12), "a"),
        Planted("c", c, "Gazette Online", day(13), "b"),
        Planted("d", d, "Daily Ledger", day(12), "a"),
    ]


def planted_many(count: int, *, size: int = 6000, seed: int = 21) -> list[Planted]:
    """``count`` versions of a ``size``-character story, each copying one before it."""
    rng = random.Random(seed)
    versions = [Planted("v00", base_text(size), "BBC News", dt.date(2014, 3, 11), None)]
    for n in range(1, count):
        parent = rng.choice(versions[: max(1, min(len(versions), 6))])
        site = SITES[n % len(SITES)]
        text = marked(copy_edited(parent.text, n), n)
        if rng.random() < 0.5:
            text = with_chrome(text, site, 1000 + n)
        if rng.random() < 0.2:
            text = cut_off(text, 0.5 + rng.random() / 3)
        if rng.random() < 0.15:
            text = repeated(text, 3)
        if rng.random() < 0.2:
            text = new_number(text)
        assert parent.date is not None
        date = parent.date + dt.timedelta(days=1 + rng.randrange(3))
        versions.append(Planted(f"v{n:02d}", text, site, date, parent.name))
    return versions


def write(folder: Path, versions: list[Planted]) -> Path:
    """The versions as ``NAME.txt`` with ``NAME.meta.json``, in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for version in versions:
        (folder / f"{version.name}.txt").write_text(version.text + "\n", encoding="utf-8")
        title = version.text.split("\n")[0] if version.parent is None else ""
        meta = {"title": title or _headline(version.text), "source": version.source}
        if version.date is not None:
            meta["date"] = version.date.isoformat()
        (folder / f"{version.name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def _headline(text: str) -> str:
    """The story's headline: the first line that is not site chrome of the maker's."""
    return next(
        line
        for line in text.split("\n")
        if line.strip() and not line.startswith(("Home >", "Story Code"))
    )
