"""How near each version is to being another's source, by the editorial decisions each
made to the original's text: who to judge, and the nearest source of a copy.

A copy carries its source's text as it found it, with every decision made to it on the
way: the source's copy-edits, the lines its site put around the story (a breadcrumb, a
story code, a credit), paragraphs it repeated or cut, and whatever it inherited in turn.
Each version's decisions are read from a word diff against the original (a few words
replaced by others, a line added, a span left out), a decision made in many places (a
house style's ``US`` to ``U.S.``) counted once: two copiers of one house style make it
independently, while a story code or a one-off edit is inherited. The version a copy
most likely copies is then the one whose decisions it shares most exactly: the fewest
the copy lacks (a copy keeps its source's chrome and edits) plus the fewest it has that
the source lacks. A copy that stops early lacks the source's end, not its decisions: only
the source's decisions up to where the copy stops count, so a cut copy is nearest the
version it was cut from, not every longer version that contains it.

``kinship(articles, base)`` reads every version once (one diff each, a hundred versions
in a fraction of a second) and measures every ordered pair; ``story.build`` judges each
version with its nearest few only, and ``story.lineage`` takes the nearest of the
sources the judge names.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.comparison.diff import Op, diff_keys
from desktop.core.story.collation import paragraphs
from desktop.core.text.article import Article

SUBSTITUTION = 4  # words on each side up to which a replacement is one decision
STRETCH = 5  # words in a row of the original a copy must carry to have reached there
UNDONE = 2  # a source's decision its copy lacks weighs as two the copy made of its own

Decision = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Readings:
    """One version's decisions, each with the first word of the original it stands at,
    and how far into the original's words the version carries its text."""

    decisions: dict[Decision, int]
    reach: int


@dataclass(frozen=True, slots=True)
class Kinship:
    """The decisions of every version and the dates, to measure any ordered pair."""

    readings: dict[str, Readings]
    dates: dict[str, dt.date | None]

    def distance(self, copy: str, source: str) -> int:
        """The decisions ``source`` made (up to where ``copy`` stops) that ``copy``
        lacks, twice (a copier adds its own edits and chrome, it seldom undoes its
        source's), plus those ``copy`` made that ``source`` lacks."""
        mine, theirs = self.readings[copy], self.readings[source]
        lacked = sum(
            1
            for decision, at in theirs.decisions.items()
            if at <= mine.reach and decision not in mine.decisions
        )
        made = sum(1 for decision in mine.decisions if decision not in theirs.decisions)
        return UNDONE * lacked + made

    def nearest(self, copy: str, others: Sequence[str], count: int) -> list[str]:
        """The ``count`` of ``others`` nearest to being ``copy``'s source, those dated
        no later than it first."""
        place = {other: n for n, other in enumerate(others)}
        return sorted(
            (other for other in others if other != copy),
            key=lambda other: (self.later(other, copy), self.distance(copy, other), place[other]),
        )[:count]

    def later(self, source: str, copy: str) -> bool:
        """Whether ``source`` is dated after ``copy`` (both dated)."""
        one, other = self.dates[source], self.dates[copy]
        return one is not None and other is not None and one > other


def kinship(articles: Sequence[Article], base: Article) -> Kinship:
    """Every version of ``articles`` read against ``base``, the original (read against a
    copy, its ancestors' text would be decisions undone)."""
    words = _words(base.text)
    keys = [word for word, _ in words]
    return Kinship(
        {a.id: _readings(keys, _words(a.text)) for a in articles},
        {a.id: a.date for a in articles},
    )


def _words(text: str) -> list[tuple[str, int]]:
    """The words of ``text`` (capitals and punctuation kept), each with its line."""
    return [
        (word, line)
        for line, (start, end) in enumerate(paragraphs(text))
        for word in text[start:end].split()
    ]


def _readings(base: Sequence[str], version: Sequence[tuple[str, int]]) -> Readings:
    runs = diff_keys(base, [word for word, _ in version], semantic=False)
    decisions: dict[Decision, int] = {}
    reach = i = j = 0
    start = (0, 0)
    for op, count in [*runs, (Op.EQUAL, 0)]:
        if op is Op.EQUAL:
            if (i, j) != start:
                for decision in _decisions(base, version, start, (i, j)):
                    decisions.setdefault(decision, start[0])
            if count >= STRETCH:
                reach = i + count
            i, j = i + count, j + count
            start = (i, j)
        elif op is Op.DELETE:
            i += count
        else:
            j += count
    return Readings(decisions, reach)


def _decisions(
    base: Sequence[str],
    version: Sequence[tuple[str, int]],
    start: tuple[int, int],
    end: tuple[int, int],
) -> list[Decision]:
    """What one changed stretch decided: a few words replaced by a few (wherever it was
    done), else each line added and the span of the original left out."""
    removed = base[start[0] : end[0]]
    added = version[start[1] : end[1]]
    lines = [[word for word, _ in group] for _, group in itertools.groupby(added, lambda w: w[1])]
    if added and len(removed) <= SUBSTITUTION and len(added) <= SUBSTITUTION and len(lines) == 1:
        return [("replaced", " ".join(removed), " ".join(lines[0]))]
    found: list[Decision] = [("added", " ".join(line)) for line in lines]
    if removed:
        found.append(("left out", " ".join(removed)))
    return found
