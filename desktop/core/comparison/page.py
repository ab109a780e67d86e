"""The page around the story: which lines one version alone has are the site's, and what.

``page_chrome(lines, anchored, judged, stop)`` reads one version's lines once the two
versions are aligned. The lines both versions share (``anchored``) are the story and mark
its span; the lines one side alone has (``judged``) are each judged prose or page furniture
(``prose.quality``, then ``prose.in_context`` with the shared lines as prose). Inside the
span, a short line that is not story by its neighbours, a line that is furniture by its
form, or a short line naming a part of the page ("Read more", not in the story's own
words) is chrome; a long line of prose never is. Outside it, the story goes on only as far
as prose goes on: walking out from the span, the first line that is not prose (nor a short
line in the story's own words, a headline or subheading), or that labels a part of the
page with no prose after it ("Related stories", "Tags:"), is where the page begins, and it
and every line beyond it are chrome: a page's menus above the story, its share bar, tags,
related headlines, comments and footer below it.

Each chrome line gets a subkind saying what it is: the section a cue word names
(``section``: comments, related, newsletter, share, cookie, copyright, advertisement,
navigation), which the lines after it in that part of the page share, or else by its form:
a few words are navigation, a run of titles is related, anything else is page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.comparison.boilerplate import Chrome
from desktop.core.comparison.prose import (
    LENGTH_LOW,
    Quality,
    furniture,
    in_context,
    lists,
    quality,
    titles,
)
from desktop.core.text.tokens import words

MENU_WORDS = 3  # a line of at most this many words, outside the story, is a menu entry
HEADING_WORDS = 8  # a short line in the story's own words is a heading of the story
_SECTIONS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "cookie",
        re.compile(r"\bcookies?\b|\bconsent\b", re.I),
        "the site's cookie notice",
    ),
    (
        "newsletter",
        re.compile(
            r"\bnewsletters?\b|\bsubscri(?:be|ption)|\bsign(?:ing)?[ -]?up\b|\binbox\b", re.I
        ),
        "the site's newsletter or subscription prompt",
    ),
    (
        "comments",
        re.compile(r"\bcomments?\b|\brepl(?:y|ies)\b|\bresponses?\b|\bdiscussion\b", re.I),
        "the page's comments",
    ),
    (
        "share",
        re.compile(
            r"\bshare\b|\btweet\b|\b(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit"
            r"|email|e-mail|print)\b",
            re.I,
        ),
        "the page's share buttons",
    ),
    (
        "related",
        re.compile(
            r"\brelated\b|\brecommended\b|\bsuggested\b|\bmost\s+(?:read|viewed|shared)\b"
            r"|\bpopular\b|\btrending\b|\b(?:more|other|latest|top)\s+(?:news|stories|articles"
            r"|posts|from)\b|\byou\s+(?:may|might)\s+also\b|\bsee\s+also\b"
            r"|\bread\s+(?:more|next|also)\b|\b(?:next|previous|older|newer)\s+(?:post|article|story)\b",
            re.I,
        ),
        "links to other stories of the site",
    ),
    (
        "copyright",
        re.compile(r"\u00a9|\bcopyright\b|\brights\s+reserved\b|\bterms\b|\bprivacy\b", re.I),
        "the site's copyright and legal footer",
    ),
    (
        "advertisement",
        re.compile(r"\badvert(?:isement|ising)?\b|\bsponsored\b|\bpromoted\b", re.I),
        "an advertisement",
    ),
    (
        "navigation",
        re.compile(r"\bhome\b|\bmenu\b|\bsearch\b|\bskip\s+to\b|\blog\s*in\b|\bsign\s+in\b", re.I),
        "the site's menus",
    ),
)
_FORMS = {
    "navigation": "a menu entry of the site",
    "related": "a list of titles of other pages",
    "page": "text of the page that does not read as the story",
}
_WHERE = {
    "before": "before the story starts",
    "inside": "between lines of the story",
    "after": "after the story ends",
}


def section(line: str) -> tuple[str, str] | None:
    """The part of a page a short line names or belongs to, by its cue words, and why."""
    for subkind, cue, reason in _SECTIONS:
        if cue.search(line):
            return subkind, reason
    return None


def page_chrome(
    lines: Sequence[str],
    anchored: Sequence[bool],
    judged: Sequence[bool],
    stop: frozenset[str],
) -> list[Chrome | None]:
    """Chrome for each ``judged`` line (one side only has it) that is the page, not the story.

    ``anchored``: the line is story both sides share. Lines neither anchored nor judged
    (already chrome or a repeat) are passed over. See the module docstring.
    """
    found: list[Chrome | None] = [None] * len(lines)
    spine = [n for n, shared in enumerate(anchored) if shared]
    if not spine or not any(judged):
        return found
    qualities = lists(
        lines,
        [
            Quality.GOOD if shared else quality(text, stop) if free else Quality.SHORT
            for text, shared, free in zip(lines, anchored, judged, strict=True)
        ],
        stop,
    )
    story = in_context(qualities)
    first, last = spine[0], spine[-1]
    vocabulary = _Vocabulary([lines[n] for n in spine])
    for n in range(first + 1, last):
        if not judged[n]:
            continue
        labelled = qualities[n] is Quality.SHORT and section(lines[n]) is not None
        cue = labelled and not _heading(lines[n], vocabulary)  # "Read more", "Share on Pinterest"
        short = len(lines[n].strip()) < LENGTH_LOW
        if cue or (not story[n] and (short or furniture(lines[n], stop))):
            found[n] = _chrome(lines[n], stop, "inside", None)

    for where, outside in (
        ("before", range(first - 1, -1, -1)),
        ("after", range(last + 1, len(lines))),
    ):
        begun = False
        current: tuple[str, str] | None = None
        for n in outside:
            if not judged[n]:
                continue
            label = _label(n, lines, qualities, judged)
            if not begun and not label and (story[n] or _heading(lines[n], vocabulary)):
                continue
            begun = True
            named = section(lines[n]) if len(words(lines[n])) <= HEADING_WORDS else None
            current = named or current
            found[n] = _chrome(lines[n], stop, where, current)
    return found


def _label(
    n: int, lines: Sequence[str], qualities: Sequence[Quality], judged: Sequence[bool]
) -> bool:
    """Whether line ``n`` is a short line naming a part of the page ("Related stories",
    "3 comments", "Tags:") with no prose right after it: a subheading of the story ("Share
    prices fall") has some."""
    after = next((m for m in range(n + 1, len(lines)) if judged[m]), None)
    prose = after is not None and qualities[after] in (Quality.GOOD, Quality.NEAR_GOOD)
    text = lines[n].strip()
    named = section(text) is not None or (
        text.endswith(":") and len(words(text)) <= MENU_WORDS  # "Tags:", "Filed under:"
    )
    return qualities[n] is Quality.SHORT and not prose and named


class _Vocabulary:
    """The story's casefolded words of four letters or more, gathered when first asked."""

    def __init__(self, story: Sequence[str]) -> None:
        self.story = story
        self.words: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.words is None:
            self.words = frozenset(
                found.casefold() for line in self.story for found in words(line) if len(found) >= 4
            )
        return word in self.words


def _heading(line: str, vocabulary: _Vocabulary) -> bool:
    """A short line most of whose longer words the story uses: its headline or a subheading."""
    found = words(line)
    long_words = [word.casefold() for word in found if len(word) >= 4]
    return (
        0 < len(found) <= HEADING_WORDS
        and bool(long_words)
        and 2 * sum(word in vocabulary for word in long_words) > len(long_words)
    )


def _chrome(line: str, stop: frozenset[str], where: str, current: tuple[str, str] | None) -> Chrome:
    named = section(line) if len(words(line)) <= HEADING_WORDS else None
    subkind, what = named or current or _form(line, stop)
    return Chrome(subkind, f"{what}, {_WHERE[where]}, on one side only")


def _form(line: str, stop: frozenset[str]) -> tuple[str, str]:
    found = words(line)
    if len(found) <= MENU_WORDS:
        return "navigation", _FORMS["navigation"]
    if titles(found, stop):
        return "related", _FORMS["related"]
    return "page", _FORMS["page"]
