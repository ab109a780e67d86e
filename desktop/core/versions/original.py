"""Which version of a story looks like the original: the earliest, else the most complete.

``original(members)`` takes the versions of one story (each article with its content runs,
``content.content_shingles``) and names the one a reader should start from:

- the earliest dated, when one version is dated before all the other dated ones (two at
  least): republishers copy what is already out;
- otherwise (too few dates, or several on the earliest day) the most complete of those:
  the one with the most content words, since copies are cut far more often than extended.
  The reason says whether the others are contained in it (at least ``CONTAINED`` of each
  one's content words aligned with it, ``content.aligned``), which is what an original
  looks like beside its copies.

Ties go to the lowest id, so the choice is stable. Pure Python plus numpy; no Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from desktop.core.text.article import Article
from desktop.core.versions.content import Content, aligned
from desktop.core.versions.relations import Basis, Original

CONTAINED = 0.5
"""Share of a version's content words aligned with another for it to count as contained."""


def original(members: Sequence[tuple[Article, Content]]) -> Original:
    """The member that looks like the original of a family of two or more."""
    dated = [article.date for article, _ in members if article.date is not None]
    earliest = min(dated) if len(dated) > 1 else None
    first = [
        (article, content)
        for article, content in members
        if earliest is None or article.date == earliest
    ]
    if len(first) == 1 and earliest is not None:
        article = first[0][0]
        return Original(
            article.id, article.title, Basis.EARLIEST, f"the earliest, dated {_day(earliest)}"
        )
    article, content = min(first, key=lambda member: (-member[1].size, member[0].id))
    others = [runs for other, runs in members if other.id != article.id]
    reason = f"the most complete ({content.size:,} content words)"
    if all(aligned(runs, content) >= CONTAINED * runs.size for runs in others):
        many = f"other {len(others)} versions are" if len(others) > 1 else "other version is"
        reason += f"; the {many} contained in it"
    return Original(article.id, article.title, Basis.MOST_COMPLETE, reason)


def _day(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"
