"""What ``--json`` prints for the commands whose answer no core value holds whole.

Loaded when such a command runs, not when the parser is built: ``--version`` and
``--help`` do not load ``dataclasses``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.story.model import Addition, Row, Version
    from desktop.core.versions.relations import Family, Relation


@dataclass(frozen=True, slots=True)
class RelatedResult:
    """What ``recension related --json`` prints."""

    id: str
    related: tuple[Relation, ...]


@dataclass(frozen=True, slots=True)
class FamiliesResult:
    """What ``recension families --json`` prints."""

    families: tuple[Family, ...]


@dataclass(frozen=True, slots=True)
class StoryResult:
    """What ``recension story --json`` prints."""

    id: str
    versions: tuple[Version, ...]
    original: str
    original_reason: str
    summary: str
    collation: tuple[Row, ...]
    additions: tuple[Addition, ...]
