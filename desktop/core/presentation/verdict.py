"""The verdict on a comparison in words, as the window's summary and the report say it.

"91% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", with the evidence
from the core's derivation reason below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.comparison.changes import Comparison
from desktop.core.text.article import Article, short_names


@dataclass(frozen=True, slots=True)
class Verdict:
    """The summary in words: what the pair amounts to, and the evidence for it."""

    headline: str
    evidence: str = ""


def verdict(comparison: Comparison) -> Verdict:
    """ "87% similar · 004 (The Iran Project) looks derived from 002 (BBC News)", and why.

    The core's reason names the articles as a reader says them ("004 looks derived from
    002: keeps …"); the head is said again from ``Derivation.side`` with the sites.
    """
    a, b = comparison.a, comparison.b
    if a.text == b.text:
        return Verdict("The two versions are identical.")
    similar = f"{comparison.similarity:.0%} similar"
    derived = comparison.derived
    if derived is None:
        return Verdict(similar, "Neither version looks derived from the other.")
    copy, original = (a, b) if derived.side == "a" else (b, a)
    names = short_names(a, b)
    reason = derived.reason
    head = f"{names[copy.id]} looks derived from {names[original.id]}:"
    if reason.startswith(head):  # "004 keeps 88% of 002's story, adds …"
        reason = f"{names[copy.id]} {reason.removeprefix(head).strip()}"
    else:  # worded otherwise: keep it whole
        reason = reason[:1].upper() + reason[1:]
    said = f"{named(copy, names)} looks derived from {named(original, names)}"
    return Verdict(f"{similar} · {said}", reason.rstrip(".") + ".")


def named(article: Article, names: dict[str, str]) -> str:
    """ "004 (The Iran Project)": the short id, and the site when it is known."""
    name = names[article.id]
    return f"{name} ({article.source})" if article.source else name
