"""The verdict on a comparison in words, as the window's summary and the report say it.

"91% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", with the evidence
below it, both said from the comparison's fields (``Comparison.derived`` and
``Comparison.evidence``, worded by ``comparison.derivation``): nothing re-parsed.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.comparison.compare import Comparison
from desktop.core.comparison.derivation import grounds
from desktop.core.text.article import Article, short_names


@dataclass(frozen=True, slots=True)
class Verdict:
    """The summary in words: what the pair amounts to, and the evidence for it."""

    headline: str
    evidence: str = ""


def verdict(comparison: Comparison) -> Verdict:
    """ "87% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", and why."""
    a, b = comparison.a, comparison.b
    if a.text == b.text:
        return Verdict("The two versions are identical.")
    similar = f"{comparison.similarity:.0%} similar"
    why = grounds(comparison.evidence)
    derived = comparison.derived
    if derived is None:
        return Verdict(similar, f"Neither version looks derived from the other: {why}.")
    copy, original = (a, b) if derived.side == "a" else (b, a)
    names = short_names(a, b)
    said = f"{named(copy, names)} looks derived from {named(original, names)}"
    return Verdict(f"{similar} · {said}", why[:1].upper() + why[1:] + ".")


def named(article: Article, names: dict[str, str]) -> str:
    """ "004 (The Iran Project)": the short id, and the site when it is known."""
    name = names[article.id]
    return f"{name} ({article.source})" if article.source else name
