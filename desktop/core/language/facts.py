"""The facts a line tells (names, numbers, dates), and whether two lines tell the same ones.

``numbers`` and ``dates`` pick the words of a number or of a date or time out of casefolded
words. ``reordered(a_line, b_line, names)`` says whether two paired lines hold the same
facts in another order: the same names (a place's adjective counts as the place:
"Ukrainian city" → "of Ukraine"), numbers and dates, as many times each ("US and Russia to
hold talks" → "Russia and US to hold talks"). Two facts that trade places around the same
words ("US warns Russia" → "Russia warns US", "5 killed, 10 hurt" → "10 killed, 5 hurt")
change who did what: not a reordering. The rule is symmetric in the two lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import combinations

from desktop.core.language.names import Names, adjectives, name_words
from desktop.core.text.tokens import word_spans, words

NUMBER_WORDS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
     "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
     "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "half",
     "first", "second", "third", "fourth", "fifth", "last", "percent"}
)  # fmt: skip
DATE_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "today", "yesterday", "tomorrow", "tonight", "week", "month",
     "year", "weekend", "morning", "evening", "night", "am", "pm", "gmt", "earlier", "later"}
)  # fmt: skip
# Words that join facts without giving them roles: "US and Russia", "Kerry with Lavrov".
_JOINING = frozenset({"and", "or", "nor", "&", "with", "both", "either", "neither", "plus"})
_ARTICLES = frozenset({"the", "a", "an"})

Fact = tuple[str, int, int]  # what, start, end


def numbers(lower: list[str]) -> list[str]:
    return [w for w in lower if _is_number(w)]


# Months that are also common words: a date only when written with a capital ("in May").
_MONTHS_ALSO_WORDS = frozenset({"may", "march"})


def dates(found: list[str]) -> list[str]:
    """The words of a date or time, casefolded; "may" only as the month ("May")."""
    return [w.casefold() for w in found if _is_date(w)]


def _is_date(word: str) -> bool:
    lower = word.casefold()
    return lower in DATE_WORDS and (lower not in _MONTHS_ALSO_WORDS or word[:1].isupper())


def digits(lower: list[str]) -> str:
    """The digits the words hold, in order: "63 72" and "6,372" both give "6372"."""
    return "".join(c for w in lower for c in w if c.isdigit())


def _is_number(lower: str) -> bool:
    """A number word, or a token that opens with a digit or a currency sign ("40,000",
    "$5", "2x", "1990s"); a name or reference with digits inside ("covid-19", "liu2018")
    is not."""
    return lower in NUMBER_WORDS or (
        (lower[:1].isdigit() or lower[:1] in "$£€¥#±\u2212-.") and any(map(str.isdigit, lower))
    )


def reordered(
    a_line: str, b_line: str, names: Names, removed: Iterable[str], added: Iterable[str]
) -> bool:
    """Whether the lines hold the same names, numbers and dates, only in another order.

    ``removed``, ``added``: the facts an edit takes out of A and puts into B. Each must
    stand in the other line, or its adjective (a quick test that spares the full one).
    """
    if not all(_stem(what) in b_line.casefold() for what in removed) or not all(
        _stem(what) in a_line.casefold() for what in added
    ):
        return False
    a_facts, b_facts = _facts(a_line, b_line, names), _facts(b_line, a_line, names)
    places = {what for what, _, _ in a_facts + b_facts}
    place_of = {
        adjective: place
        for place in places
        for adjective in adjectives(place)
        if adjective in places
    }
    a_facts = [(place_of.get(what, what), s, e) for what, s, e in a_facts]
    b_facts = [(place_of.get(what, what), s, e) for what, s, e in b_facts]
    a_count, b_count = Counter(f[0] for f in a_facts), Counter(f[0] for f in b_facts)
    if a_count != b_count or [f[0] for f in a_facts] == [f[0] for f in b_facts]:
        return False
    return not _roles_swapped(a_line, a_facts, b_line, b_facts, a_count)


def _facts(line: str, other: str, names: Names) -> list[Fact]:
    """The line's names, numbers and dates, in reading order (a word counted once)."""
    found = {start: (what, start, start + len(what)) for what, start in name_words(
        line, (0, len(line)), other, names
    )}  # fmt: skip
    for start, end in word_spans(line):
        lower = line[start:end].casefold()
        if start not in found and (_is_date(line[start:end]) or _is_number(lower)):
            found[start] = (lower, start, end)
    return [found[start] for start in sorted(found)]


def _stem(what: str) -> str:
    """The start a place shares with its adjective ("ukrain" of "Ukrainian"), casefolded."""
    return what[: max(4, len(what) - 3)].casefold()


def _roles_swapped(
    a_line: str, a_facts: list[Fact], b_line: str, b_facts: list[Fact], count: Counter[str]
) -> bool:
    """Whether two facts (each found once) trade places around the same words."""
    a_at = {what: (s, e) for what, s, e in a_facts if count[what] == 1}
    b_at = {what: (s, e) for what, s, e in b_facts if count[what] == 1}
    for x, y in combinations(sorted(a_at), 2):
        if (a_at[x] < a_at[y]) == (b_at[x] < b_at[y]):
            continue
        between_a = _between(a_line, a_at[x], a_at[y])
        if between_a == _between(b_line, b_at[x], b_at[y]) and not set(between_a) <= _JOINING:
            return True
    return False


def _between(line: str, one: tuple[int, int], other: tuple[int, int]) -> list[str]:
    """The casefolded words between two spans of the line, articles left out."""
    (_, start), (end, _) = sorted((one, other))
    return [w for w in (w.casefold() for w in words(line[start:end])) if w not in _ARTICLES]
