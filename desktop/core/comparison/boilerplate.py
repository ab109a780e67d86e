"""Site chrome: the lines a website wraps around a story, each found by a rule with a reason.

``chrome(line, previous)`` says whether one line of an article is chrome (a URL, an embed
shortcode, a story code, a date stamp, a disclaimer, a form label, a media caption or
credit, a breadcrumb trail, a line recurring across the library or across the stories of
its site, or fields of these joined by "|" or "•") and why. A credit line
(``text.credits``: "By BBC", "Source: Reuters", "© AP") has the rule ``credit``: not the
story, but whose work it is, which a reader needs to see.
``breadcrumb_length`` measures a breadcrumb trail in front of a title on the same line.
``line_keys`` gives the keys of an article's lines that could be chrome, which the
workspace counts across the library to find the recurring ones; ``SiteLines`` holds the
lines of one article that other stories of its source carry too (the workspace counts
them, once per story, so that the versions of one story never make their shared lines
chrome: ``workspace.sites``). Those rules judge a line by its text alone;
``page.page_chrome`` judges the lines one version alone has by their form and their place
around the story.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.core.text.credits import credit
from desktop.core.text.normalize import comparison_key, fold_characters
from desktop.core.text.tokens import lines, words

CREDIT = "credit"  # the rule of a line saying whose work the story is: never folded or hidden
SHORT_LINE_WORDS = 12  # longer lines are story text, unless a rule for longer ones says not
CHROME_LINE_WORDS = 3 * SHORT_LINE_WORDS  # longer lines are story text, whatever they look like
_DIGEST = " "  # starts the key of a longer line, which no comparison key does (stripped)
_LONGEST_CHROME = 600  # characters: a longer line is story text without counting its words


@dataclass(frozen=True, slots=True)
class Chrome:
    """Why a line is site chrome: a rule name (the change's subkind) and a readable reason."""

    rule: str
    reason: str


@dataclass(frozen=True, slots=True)
class SiteLines:
    """The lines of one article that other stories of its source carry too: ``source`` as
    reasons name it, and for each line's ``comparison_key`` how many other stories."""

    source: str
    others: Mapping[str, int]


_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DAYS = "mon|tue|wed|thu|fri|sat|sun"
_DATE_WORD = rf"(?:{_MONTHS}|(?:{_DAYS})[a-z]*|am|pm|gmt|utc|bst|cet|est|edt|pst|at|on)\.?"
_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("url", re.compile(r"(?:https?://|www\.)\S+", re.I), "a web address, not story text"),
    (
        "embed",
        re.compile(
            r"\[(?:youtube|video|embed|audio|caption|gallery|tweet|twitter|instagram|facebook"
            r"|iframe|soundcloud|vimeo)\b[^\]]*\]",
            re.I,
        ),
        "an embed code for a video or post, left in the text by the site",
    ),
    (
        "story-code",
        re.compile(r"(?:story|news|article|post)\s*(?:code|id|no\.?|number)\s*[:#]?\s*\d+", re.I),
        "the site's internal story code",
    ),
    (
        "dateline",
        re.compile(
            rf"(?:(?:published|updated|last updated|posted|date)\s*:?\s*)?"
            rf"(?:(?:{_DATE_WORD}|\d{{1,4}}(?:st|nd|rd|th)?)[\s,:/.\-]*)+",
            re.I,
        ),
        "a date and time stamp added by the site",
    ),
    (
        "form-label",
        re.compile(
            r"(?:your\s+)?(?:name|e-?mail(?:\s+address)?|comments?|message|website|subject"
            r"|submit|send|search|subscribe|sign\s+up|log\s*in|password)\s*\*?\s*:?",
            re.I,
        ),
        "a label of the site's comment or contact form",
    ),
    (
        "media-credit",
        re.compile(
            r"(?:(?:media|image|video|photo|picture)\s+(?:caption|source|copyright|credit)s?"
            r"|photo(?:graph)?s?|pictures?|images?)\s*[,:]?(?:\s*[\w.&' /-]{0,40})",
            re.I,
        ),
        "a picture or video caption marker or credit",
    ),
)
_DISCLAIMER = re.compile(
    r"not responsible for|views expressed|all rights reserved|do not necessarily reflect"
    r"|copyright\s*(?:©|\(c\)|\d{4})|©|may not be (?:re)?published|reproduction",
    re.I,
)
_BREADCRUMB = re.compile(
    r"home(?:\s*[>»/|\u203a:-]?\s*(?:breaking\s+news|latest\s+news|top\s+stories|news|world"
    r"|politics|business|europe|middle\s+east|asia|americas|africa|uk|us|opinion))+\s*[>»/|\u203a:-]?\s*",
    re.I,
)
_FIELDS = re.compile(r"\s+[|\u2022\u00b7]\s+|\s*\|\s*")  # "Posted … | Story Code: 37279"
_DISCLAIMER_HINT = re.compile("responsib|views|rights|reflect|copyright|©|publish|reproduc")
_CAPTION_MARKER = re.compile(r"(?:media|image|video)\s+caption\s*[,:]?", re.I)


def chrome(
    line: str,
    previous: str = "",
    recurring: frozenset[str] = frozenset(),
    *,
    count: int | None = None,
    site: SiteLines | None = None,
) -> Chrome | None:
    """Why ``line`` (one line of an article, ``previous`` the line before it) is site chrome.

    ``count`` is the line's number of words, when the caller has counted them already;
    ``site`` the article's lines that recur in other stories of its source.
    """
    text = line.strip()
    if len(text) > _LONGEST_CHROME:
        return None
    if count is None:
        count = len(words(text))
    if count > CHROME_LINE_WORDS:
        return None
    who = credit(text) if count <= SHORT_LINE_WORDS else None
    if who:
        return Chrome(CREDIT, f"credits {who}: a line saying whose work the story is")
    if site and site.others and (stories := site.others.get(line_key(text), 0)):
        return Chrome(
            "site-wide", f"recurs in {stories} other articles of {site.source}, each another story"
        )
    if _DISCLAIMER_HINT.search(text.casefold()) and _DISCLAIMER.search(text):
        return Chrome("disclaimer", "a disclaimer of the site, not story text")
    if _CAPTION_MARKER.fullmatch(previous.strip()):
        return Chrome("caption", "the caption of a picture or video, not story text")
    if breadcrumb_length(text):
        return Chrome("breadcrumb", "a breadcrumb trail of the site's menus in front of the title")
    if count > SHORT_LINE_WORDS:
        return None
    found = _pattern(text)
    if found is None and _FIELDS.search(text):
        fields = [_pattern(field) for field in _FIELDS.split(text) if field.strip()]
        if fields and None not in fields:
            found = next((f for f in fields if f and f.rule != "dateline"), fields[0])
    if found is not None:
        return found
    if recurring and comparison_key(text) in recurring:
        return Chrome("recurring", "a line that recurs across many articles of the library")
    return None


@dataclass(frozen=True, slots=True)
class Credits:
    """Whom each side's credit lines name ("BBC", "Reuters"), in reading order, once each:
    whose work each version says the story is (empty: it names no source)."""

    a: tuple[str, ...]
    b: tuple[str, ...]


def credits_in(lines: Sequence[str], found: Sequence[Chrome | None]) -> tuple[str, ...]:
    """The names the credit lines among ``lines`` give (``found``: each line's chrome rule)."""
    names = (
        credit(line)
        for line, rule in zip(lines, found, strict=True)
        if rule and rule.rule == CREDIT
    )
    return tuple(dict.fromkeys(name for name in names if name))


def _pattern(text: str) -> Chrome | None:
    """The first of ``_RULES`` the whole of ``text`` matches."""
    for rule, pattern, reason in _RULES:
        if pattern.fullmatch(text) and (rule != "dateline" or re.search(r"\d", text)):
            return Chrome(rule, reason)
    return None


def breadcrumb_length(line: str) -> int:
    """How many leading characters of ``line`` are a breadcrumb trail ("Home Breaking News")."""
    match = _BREADCRUMB.match(line)
    return match.end() if match else 0


def line_keys(text: str) -> frozenset[str]:
    """The keys (``line_key``) of the lines of ``text`` that could recur as chrome (what
    the workspace counts): 1 to CHROME_LINE_WORDS words, at most _LONGEST_CHROME long. A
    recurring line counts as chrome across the library only up to SHORT_LINE_WORDS words;
    longer, only across the stories of its site.

    Longer lines are passed over before any folding: ``chrome`` never judges them.
    """
    keys = set()
    for start, end in lines(text):
        if end - start > _LONGEST_CHROME:
            continue
        folded = fold_characters(text[start:end])
        count = len(words(folded))
        if 0 < count <= CHROME_LINE_WORDS:
            keys.add(_key(folded, count))
    return frozenset(keys)


def library_wide(key: str) -> bool:
    """Whether a line's key (``line_key``) is one ``chrome`` looks up among the lines
    recurring across the library: a short line's. A longer line is chrome only where it
    recurs across the stories of its site."""
    return not key.startswith(_DIGEST)


def line_key(line: str) -> str:
    """The key ``line`` recurs by: its ``comparison_key`` up to SHORT_LINE_WORDS words;
    a longer line's is a digest of it, so that the many longer lines of a library, nearly
    all of them story, cost a library little to keep."""
    folded = fold_characters(line)
    return _key(folded, len(words(folded)))


def _key(folded: str, count: int) -> str:
    key = comparison_key(folded)
    if count <= SHORT_LINE_WORDS:
        return key
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8)
    return _DIGEST + digest.hexdigest()
