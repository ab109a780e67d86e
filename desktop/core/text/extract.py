"""A web page's main text and metadata, as a reader sees the article.

Contract: ``extract_page(html, url="")`` returns a ``Page``: the main text (one paragraph
per line, menus, footers and comments gone), the page's title, site name, publication
date and canonical URL from its metadata; or raises ``IngestError`` when the page holds
no main text (fewer than 20 words of it). trafilatura finds the main text; then lines
that are calls to action rather than the story ("Subscribe now…", "Sign up to our
newsletter", "Read more: …", "© 2022 … All rights reserved") are dropped, as the
benchmark ``tests/bench/bench_ingest.py`` measures on trafilatura's evaluation pages.

This is the only module that imports trafilatura, when a page is first read (it takes a
tenth of a second to load, which the window's start and plain-text imports do without).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.core.errors import IngestError

_CALL_TO_ACTION = re.compile(
    r"""
    (^|[.!?]\s+)(subscribe|sign\ up|donate|log\ in|follow\ (us|the\ \w+)|submit\ your)\b
    | \b(newsletter|subscribers?|signing\ up|by\ email)\b
    | ^(read\ (more|also)|related|see\ also|advertisement|sponsored)\b
    | all\ rights\ reserved | copyrighted\ property | written\ permission | ^©
    | we\ may\ (receive|earn)\ (compensation|a\ commission) | \badvertis(e|ers|ing)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LONGEST_CALL_TO_ACTION = 240
_FEWEST_WORDS = 20


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page says: its main text and the metadata it declares."""

    text: str
    title: str = ""
    source: str = ""
    date: dt.date | None = None
    url: str = ""


def extract_page(html: str, url: str = "") -> Page:
    """The main text and metadata of ``html``; IngestError if it has no main text."""
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            html, url=url or None, include_comments=False, with_metadata=True
        )
    except Exception as error:  # trafilatura and lxml raise many kinds on malformed pages
        raise IngestError(f"its HTML could not be read ({error})") from error
    text = getattr(document, "text", None) or ""
    lines = [line for line in text.splitlines() if not is_call_to_action(line)]
    if sum(len(line.split()) for line in lines) < _FEWEST_WORDS:
        raise IngestError("it is a web page with no main text (only menus, links or scripts)")
    return Page(
        text="\n".join(lines),
        title=_field(document, "title"),
        source=_field(document, "sitename") or _field(document, "hostname"),
        date=_date(_field(document, "date")),
        url=_field(document, "url") or url,
    )


def is_call_to_action(line: str) -> bool:
    """A short line asking the reader to subscribe, sign up, donate or read on."""
    return len(line) <= _LONGEST_CALL_TO_ACTION and bool(_CALL_TO_ACTION.search(line))


def _field(document: object, name: str) -> str:
    value = getattr(document, name, None)
    return value.strip() if isinstance(value, str) else ""


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
