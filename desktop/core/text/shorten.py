"""Quoting a stretch of text on one line, cut short with an ellipsis: the one way here."""

from __future__ import annotations


def shorten(text: str, limit: int) -> str:
    """``text`` on one line (runs of whitespace made one space), at most ``limit``
    characters: cut at ``limit - 1`` and ended with "…" when longer."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
