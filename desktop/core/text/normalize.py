"""Comparison keys: the form of a text in which invisible differences vanish.

Search, diff alignment and related-version detection compare keys, never raw text, so
that NBSP against space, curly against straight quotes, en dash against hyphen, a
zero-width joiner or a change of case never count as a difference of the story.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATION = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2007": " ",  # figure space
        "\u202f": " ",  # narrow no-break space
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
        "\u200b": None,  # zero-width space
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u2060": None,  # word joiner
        "\ufeff": None,  # byte-order mark
        "\u00ad": None,  # soft hyphen
    }
)

_FOLDS = {chr(code): folded or "" for code, folded in _TRANSLATION.items()}
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLDS)) + "]")
_SPACES = re.compile(r"[^\S\n]+")


def fold_characters(text: str) -> str:
    """NFKC, then quotes, dashes, spaces and invisible characters folded to plain ASCII forms.

    Case is kept. The result may differ in length from ``text``: use it for keys, not spans.
    """
    if text.isascii():  # NFKC leaves ASCII as it is; of ASCII, only the backtick folds
        return _FOLDABLE.sub(_fold, text) if "`" in text else text
    text = unicodedata.normalize("NFKC", text)
    # Only the few characters that fold are replaced: str.translate would visit every one.
    return _FOLDABLE.sub(_fold, text)


def _fold(match: re.Match[str]) -> str:
    return _FOLDS[match.group()]


def comparison_key(text: str) -> str:
    """The key two texts are compared by: folded characters, collapsed spaces, no case."""
    folded = fold_characters(text)
    if not (folded.isascii() and folded.isprintable() and "  " not in folded):
        folded = _SPACES.sub(" ", folded)  # (printable ASCII has no space but " " to collapse)
    return folded.strip().casefold()
