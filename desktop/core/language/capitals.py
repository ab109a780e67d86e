"""Capitals that stand for their country's government: "Moscow" for "Russia" (a metonym).

``same_country(a, b)`` says whether two sets of name words are one country's names
("United States" and "America", "Ukraine" and "Ukrainian").
``same_government(a, b, a_before, b_before)`` says whether the names ``a`` and ``b`` name
the same government, one by the country and the other by its capital ("until Russia
engages" → "until Moscow engages"). A capital that stands after a preposition of place
("in Moscow", "to London") names the city, not the government: it never counts. The
lists are short and curated: capitals that news copy uses for governments, and the other
names of a few countries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop.core.language.names import adjectives

_CAPITALS = {
    "Moscow": "Russia", "Kremlin": "Russia", "Washington": "US", "London": "UK",
    "Beijing": "China", "Kiev": "Ukraine", "Kyiv": "Ukraine", "Paris": "France",
    "Berlin": "Germany", "Tehran": "Iran", "Brussels": "EU", "Tokyo": "Japan",
    "Ankara": "Turkey", "Damascus": "Syria", "Pyongyang": "Korea", "Seoul": "Korea",
    "Delhi": "India", "Islamabad": "Pakistan", "Kabul": "Afghanistan", "Baghdad": "Iraq",
    "Riyadh": "Saudi", "Cairo": "Egypt", "Rome": "Italy", "Madrid": "Spain",
    "Warsaw": "Poland", "Minsk": "Belarus", "Ottawa": "Canada", "Canberra": "Australia",
    "Caracas": "Venezuela", "Havana": "Cuba", "Tbilisi": "Georgia", "Budapest": "Hungary",
}  # fmt: skip
_COUNTRY_NAMES = {"USA": "US", "America": "US", "Britain": "UK"}
# Countries under names of more than one word: the words of each, and the short name.
_LONG_NAMES = {
    frozenset({"United", "States"}): "US",
    frozenset({"United", "States", "America"}): "US",
    frozenset({"United", "Kingdom"}): "UK",
    frozenset({"Great", "Britain"}): "UK",
    frozenset({"Soviet", "Union"}): "USSR",
    frozenset({"European", "Union"}): "EU",
}
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|at|to|from|near|outside|around|across|into|via|through|within|of)\s+$", re.I
)


def same_government(a: str, b: str, a_before: str, b_before: str) -> bool:
    """Whether one of ``a``, ``b`` is a country and the other its capital, naming its government.

    ``a_before``/``b_before``: the text of each line before the name (a capital right after
    a preposition of place is the city).
    """
    for capital, country, before in ((a, b, a_before), (b, a, b_before)):
        if (
            capital in _CAPITALS
            and _CAPITALS[capital] == _COUNTRY_NAMES.get(country, country)
            and not _PLACE_PREPOSITION.search(before)
        ):
            return True
    return False


def same_country(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether the name words ``a`` and ``b`` are one country's two names ("United States"
    and "America", "Britain" and "UK"), or a place and its adjective ("Ukraine",
    "Ukrainian")."""
    a, b = frozenset(a), frozenset(b)
    x, y = _country(a), _country(b)
    if x is not None and x == y:
        return True
    if len(a) == 1 and len(b) == 1:
        ((one,), (other,)) = (a, b)
        return other in adjectives(one) or one in adjectives(other)
    return False


def _country(found: frozenset[str]) -> str | None:
    if found in _LONG_NAMES:
        return _LONG_NAMES[found]
    if len(found) != 1:
        return None
    (name,) = found
    return _COUNTRY_NAMES.get(name, name)
