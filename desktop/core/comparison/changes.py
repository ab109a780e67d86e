"""The change kinds, and one change: its kind, what in particular, why, and where.

The rules that tell a copy-edit from a rewrite are in ``edits`` (``classify_edit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop.core.comparison.diff import Span


class ChangeKind(StrEnum):
    BOILERPLATE = "boilerplate"
    COPY_EDIT = "copy-edit"
    REWRITE = "rewrite"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"
    DUPLICATED = "duplicated"
    TRUNCATED = "truncated"


@dataclass(frozen=True, slots=True)
class Change:
    """One difference: its kind, what in particular, why, and where on each side."""

    kind: ChangeKind
    subkind: str
    reason: str
    a: Span | None
    b: Span | None
