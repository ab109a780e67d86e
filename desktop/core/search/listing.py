"""The whole library as a page of hits, read from the articles themselves: no index needed.

A blank query lists every article. ``listing`` answers it from the library, so the window
lists what the library holds at once, before (and while) the index catches up with it,
and a first start never shows an empty list. The hits are those a search returns: by id,
or newest first (undated last); each previewed from the start of its story.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.core.search.results import SearchHit, SearchResults, SortOrder
from desktop.core.search.snippets import snippet, story_text
from desktop.core.text.article import Article


def listing(
    articles: Sequence[Article],
    *,
    family_of: Callable[[str], str],
    sort: SortOrder = SortOrder.RELEVANCE,
    limit: int = 20,
) -> SearchResults:
    """The first ``limit`` articles as hits, in ``sort`` order; ``family_of(id)`` groups them."""
    if sort is SortOrder.DATE:
        ordered = sorted(
            articles,
            key=lambda a: (a.date is None, -a.date.toordinal() if a.date else 0, a.id),
        )
    else:
        ordered = sorted(articles, key=lambda a: a.id)
    hits = tuple(_hit(article, family_of(article.id)) for article in ordered[: max(1, limit)])
    return SearchResults(query="", total=len(articles), hits=hits, page=1)


def _hit(article: Article, family: str) -> SearchHit:
    return SearchHit(
        id=article.id,
        title=article.title,
        source=article.source,
        date=article.date.isoformat() if article.date else None,
        score=0.0,
        snippet=snippet(story_text(article.text, article.title), []),
        family=family,
    )
