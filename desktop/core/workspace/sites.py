"""The lines each source carries across its stories: that site's chrome.

A newsletter prompt, a disclaimer ("The Iran Project is not responsible for …") or a
footer recurs in article after article of one source, whatever the story. ``SiteCounts``
counts, for each source and line (``boilerplate.line_keys``), the stories (version
families) whose articles carry it, each story once: two versions of one story share
their story lines, which never makes those lines chrome. A line that OTHER_STORIES other
stories of an article's source carry is chrome in that article (``lines_of``). Articles
are added and taken out one at a time, so keeping in step with a library costs what
changed, not a recount; an article with no source belongs to no site.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from desktop.core.comparison.boilerplate import SiteLines

OTHER_STORIES = 2  # other stories of a source that carry a line: it is the site's chrome


class SiteCounts:
    """For each source and line, how many articles of each story carry it."""

    def __init__(self) -> None:
        self._held: dict[str, tuple[str, str, Collection[str]]] = {}  # id: site, story, keys
        # site: key: the story of the one article that carries it (most lines: no object
        # of their own, and one story is never chrome), or how many articles of each story
        self._stories: dict[str, dict[str, str | Counter[str]]] = {}

    def put(self, article_id: str, source: str, story: str, keys: Collection[str]) -> None:
        """Count ``article_id`` as carrying ``keys``, of ``story`` and ``source``, in place of
        whatever it was counted as before."""
        held = (_site(source), story, keys)
        if self._held.get(article_id) == held:
            return
        self.take_out(article_id)
        if not held[0]:
            return
        self._held[article_id] = held
        lines = self._stories.setdefault(held[0], {})
        for key in keys:
            found = lines.get(key)
            if found is None:
                lines[key] = story
                continue
            if isinstance(found, str):
                found = lines[key] = Counter((found,))
            found[story] += 1

    def take_out(self, article_id: str) -> None:
        """Stop counting ``article_id`` (nothing if it was not counted)."""
        held = self._held.pop(article_id, None)
        if held is None:
            return
        site, story, keys = held
        lines = self._stories[site]
        for key in keys:
            stories = lines[key]
            if isinstance(stories, str):
                del lines[key]
                continue
            stories[story] -= 1
            if not stories[story]:
                del stories[story]
            if not stories:
                del lines[key]

    def lines_of(self, source: str, story: str | None, keys: Collection[str]) -> SiteLines:
        """Which of ``keys`` (an article's lines) OTHER_STORIES other stories of ``source``
        carry than ``story`` (the article's; None: it belongs to none counted here)."""
        lines = self._stories.get(_site(source), {})
        others: dict[str, int] = {}
        for key in keys:
            stories = lines.get(key)
            if isinstance(stories, Counter):
                count = len(stories) - (story in stories)
                if count >= OTHER_STORIES:
                    others[key] = count
        return SiteLines(source.strip(), others)


def _site(source: str) -> str:
    return " ".join(source.split()).casefold()
