"""Credit lines: a line that says whose work a story is, and the name it credits.

``credit(line)`` returns the name a whole line credits, or None: a by-line ("By BBC News",
"Reporting by Jane Smith; Editing by Tom Brown"), a source ("Source: Reuters", "Courtesy
of AP", "Via The Conversation"), a first publication ("Originally published at
theconversation.com", "This article first appeared in The Guardian") or a copyright
holder named alone ("© AP", "Copyright 2014 Reuters"; a site's "… All rights reserved"
footer is not a credit). A by-line names a person or a publisher: capitalised words with
"and", "of", "the" between them, nothing after but more credits ("; Editing by …"), so
"By Tuesday the troops had left." is a sentence, not a credit.
"""

from __future__ import annotations

import re

_LONGEST = 160  # characters: a longer line is a sentence, not a credit line
_WORD = r"[A-Z][\w.&'\u2019-]*"
_NAME = rf"{_WORD}(?:\s+(?:{_WORD}|and|&|of|for|the|de|du|van|von|al)){{0,6}}"
_ROLE = r"(?:(?:additional\s+)?reporting|written|writing|words|text|story|edited|editing)"
_MORE = rf"(?:\s*;\s*(?i:{_ROLE}\s+by)\s+{_NAME})*"
_SITE = r"(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?"
_CREDITS = (
    re.compile(rf"(?i:(?:{_ROLE}\s+)?by)\s*:?\s+(?P<who>{_NAME}){_MORE}\.?"),
    re.compile(rf"(?i:source|credit|courtesy(?:\s+of)?|via)\s*:?\s+(?P<who>{_NAME}|{_SITE})\.?"),
    re.compile(
        rf"(?i:(?:this\s+(?:article|story|post)\s+)?(?:was\s+)?(?:originally|first)\s+"
        rf"(?:published|appeared|posted)\s+(?:at|on|in|by))\s+(?P<who>{_NAME}|{_SITE})"
        rf"(?:\s+(?i:on|in)\s+[\w ,]+)?\.?"
    ),
    re.compile(rf"(?:\u00a9|\((?i:c)\)|(?i:copyright))\s*(?:\d{{4}}\s*)?(?P<who>{_NAME})\.?"),
)
_NOT_A_NAME = re.compile(r"all rights|reserved", re.I)


def credit(line: str) -> str | None:
    """The name ``line`` credits when the whole line is a credit line, else None."""
    text = " ".join(line.split())
    if len(text) > _LONGEST:
        return None
    for pattern in _CREDITS:
        match = pattern.fullmatch(text)
        if match and not _NOT_A_NAME.search(text):
            return match["who"].rstrip(".")
    return None
