"""What a hit previews: a stretch of its story, cut around the words searched. No Whoosh here.

Snippets are plain text with highlight spans (offsets into the snippet), never HTML. A
snippet is cut from the story (``story_text``): the title, shown above it, and the site's
chrome before the story (breadcrumbs, date stamps, story codes, captions, as
``comparison.boilerplate.chrome`` tells them) are left out, so a preview starts at the news.
``snippet(text, matches)`` takes where the searched words are (``query`` finds them with the
index's analyzer); with none, it is the story's opening, which the listing of the whole
library (``listing``) shows before Whoosh is loaded.
"""

from __future__ import annotations

import re

from desktop.core.comparison.boilerplate import chrome
from desktop.core.search.results import Snippet
from desktop.core.text.normalize import comparison_key
from desktop.core.text.tokens import lines

SNIPPET_CHARS = 200
_SNIPPET_LEAD = 50
_LEADING_LINES = 8  # lines looked at for chrome before the story: a page's head, not its body
_SPACE_RUN = re.compile(r"\s+")
_LONG_SPACE_RUN = re.compile(r"\s\s+")


def story_text(text: str, title: str = "") -> str:
    """``text`` from where its story starts: leading lines that repeat ``title`` or are site
    chrome are left out (only among the first _LEADING_LINES; all of them: the text)."""
    title_key = comparison_key(title) if title.strip() else None
    previous = ""
    for number, (start, end) in enumerate(lines(text)):
        line = text[start:end]
        if number == _LEADING_LINES:
            break
        if comparison_key(line) != title_key and chrome(line, previous) is None:
            return text[start:]
        previous = line
    return text


def snippet(text: str, matches: list[tuple[int, int, str]]) -> Snippet:
    """About SNIPPET_CHARS of ``text`` around the densest cluster of ``matches`` ((start,
    end, term) of each searched word, in order), marked.

    Whitespace runs are shown as one space; "…" marks text cut at either end.
    """
    start = _cluster_start(matches)
    lead = max(0, matches[start][0] - _SNIPPET_LEAD) if matches else 0
    if lead:
        space = text.find(" ", lead, matches[start][0])
        lead = space + 1 if space >= 0 else lead
    end = min(len(text), lead + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", lead, end)
        end = space if space > lead else end
    inside = [(s, e) for s, e, _ in matches if s >= lead and e <= end]
    return _collapse(text, lead, end, inside)


def _cluster_start(matches: list[tuple[int, int, str]]) -> int:
    """Index of the first match of the window holding the most distinct, then most, matches."""
    best, best_score, last = 0, (0, 0), 0
    width = SNIPPET_CHARS - _SNIPPET_LEAD
    for first in range(len(matches)):
        last = max(last, first)
        while last + 1 < len(matches) and matches[last + 1][1] - matches[first][0] <= width:
            last += 1
        window = matches[first : last + 1]
        score = (len({word for _, _, word in window}), len(window))
        if score > best_score:
            best, best_score = first, score
    return best


def _collapse(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Snippet:
    """``text[start:end]`` with each run of whitespace as one space, "…" where it was cut;
    ``spans`` (offsets into ``text``) moved to offsets into the snippet."""
    stretch = text[start:end]
    runs = [match.span() for match in _LONG_SPACE_RUN.finditer(stretch)]  # one space: kept
    lead = 1 if start > 0 else 0

    def position(offset: int) -> int:
        dropped = 0  # characters of the longer whitespace runs before ``offset`` left out
        for run_start, run_end in runs:
            if run_start >= offset:
                break
            dropped += min(run_end, offset) - run_start - 1
        return lead + offset - dropped

    collapsed = "…" * lead + _SPACE_RUN.sub(" ", stretch) + ("…" if end < len(text) else "")
    return Snippet(collapsed, tuple((position(s - start), position(e - start)) for s, e in spans))
