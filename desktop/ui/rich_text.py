"""Plain text to escaped Qt rich text, with chosen character spans highlighted."""

from __future__ import annotations

import html
from collections.abc import Iterable


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
