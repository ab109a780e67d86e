"""Plain text to escaped Qt rich text, with chosen character spans highlighted; an
article's web address as a link, and opening one in the browser (web addresses only)."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from desktop.core.text.shorten import shorten

WEB_SCHEMES = ("http", "https")
LINK_LENGTH = 70  # characters of a long address shown, the rest elided


def highlighted_html(text: str, spans: Iterable[tuple[int, int]], *, css_class: str = "hit") -> str:
    """``text`` escaped, with each (start, end) span wrapped in ``<span class=css_class>``."""
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        start = max(start, position)
        if start >= end:
            continue
        parts.append(html.escape(text[position:start]))
        parts.append(f'<span class="{css_class}">{html.escape(text[start:end])}</span>')
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def web_link(url: str) -> str:
    """An escaped link to ``url`` when it is a web address (http or https), else nothing."""
    address = QUrl(url)
    if not url or address.scheme() not in WEB_SCHEMES:
        return ""
    shown = shorten(url, LINK_LENGTH)
    return f'<a href="{html.escape(url)}">{html.escape(shown)}</a>'


def open_web_link(url: QUrl | str) -> bool:
    """Open a web address in the user's browser; anything else is refused."""
    address = QUrl(url) if isinstance(url, str) else url
    return address.scheme() in WEB_SCHEMES and QDesktopServices.openUrl(address)
