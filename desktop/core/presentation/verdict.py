"""The verdict on a comparison in words, as the window's summary and the report say it.

"91% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", with the evidence
below it, both said from the comparison's fields (``Comparison.derived`` and
``Comparison.evidence``, worded by ``comparison.derivation``): nothing re-parsed. Then
whose work each side says it is, from ``Comparison.credits``: "002 names no source; 004
credits BBC." (a journalist checks first whether a copy credits its source).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.derivation import grounds
from desktop.core.text.article import Article, short_names


@dataclass(frozen=True, slots=True)
class VerdictWords:
    """The summary in words: what the pair amounts to, and the evidence for it."""

    headline: str
    evidence: str = ""
    credits: str = ""


def verdict(comparison: Comparison) -> VerdictWords:
    """ "87% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", and why."""
    a, b = comparison.a, comparison.b
    if a.text == b.text:
        return VerdictWords("The two versions are identical.")
    similar = f"{comparison.similarity:.0%} similar"
    why = grounds(comparison.evidence)
    names = short_names(a, b)
    credited = credits_said(comparison, names)
    derived = comparison.derived
    if derived is None:
        neither = f"Neither version looks derived from the other: {why}."
        return VerdictWords(similar, neither, credited)
    copy, original = (a, b) if derived.side == "a" else (b, a)
    said = f"{named(copy, names)} looks derived from {named(original, names)}"
    return VerdictWords(f"{similar} · {said}", why[:1].upper() + why[1:] + ".", credited)


def credits_said(comparison: Comparison, names: dict[str, str]) -> str:
    """ "002 names no source; 004 credits BBC.": whom each side's credit lines name."""
    sides = ((comparison.a, comparison.credits.a), (comparison.b, comparison.credits.b))
    said = [
        f"{names[article.id]} credits {_listed(credited)}"
        if credited
        else f"{names[article.id]} names no source"
        for article, credited in sides
    ]
    return "; ".join(said) + "."


def _listed(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def named(article: Article, names: dict[str, str]) -> str:
    """ "004 (The Iran Project)": the short id, and the site when it is known."""
    name = names[article.id]
    return f"{name} ({article.source})" if article.source else name
