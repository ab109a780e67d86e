"""The words a reader sees for each kind of change: one table for every view.

The window (panes, legend, change list, tooltips), the report, the command line's text
output, the README and the help all name a kind as ``KIND_WORDS`` says: "site chrome",
"copy-edit", "rewritten", "added", "removed", "moved", "duplicated", "cut off". The JSON
keeps the kinds' own values (``ChangeKind``: boilerplate, copy-edit, rewrite, added,
removed, moved, duplicated, truncated), which scripts rely on. How each kind looks is
``kind_styles``. Pure data, no Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from desktop.core.comparison.changes import ChangeKind


@dataclass(frozen=True, slots=True)
class KindWords:
    """How one kind is named and explained."""

    label: str  # "Site chrome": its name, as the legend and lists show it
    group: str  # "site chrome", "copy-edits", "rewritten changes": several of them
    meaning: str  # what it is, whatever it looks like


KIND_WORDS: Mapping[ChangeKind, KindWords] = MappingProxyType(
    {
        ChangeKind.REWRITE: KindWords(
            "Rewritten",
            "rewritten changes",
            "reworded in a way that can change what the reader is told",
        ),
        ChangeKind.REMOVED: KindWords(
            "Removed", "removed changes", "only in the left-hand version (A)"
        ),
        ChangeKind.ADDED: KindWords("Added", "added changes", "only in the right-hand version (B)"),
        ChangeKind.MOVED: KindWords("Moved", "moved changes", "the same text in another place"),
        ChangeKind.DUPLICATED: KindWords(
            "Duplicated", "duplicated changes", "a paragraph repeated within one version"
        ),
        ChangeKind.TRUNCATED: KindWords(
            "Cut off", "cut off changes", "one version stops before the other ends"
        ),
        ChangeKind.COPY_EDIT: KindWords(
            "Copy-edit",
            "copy-edits",
            "spelling, case, punctuation, name style or light rewording; same meaning",
        ),
        ChangeKind.BOILERPLATE: KindWords(
            "Site chrome",
            "site chrome",
            "what the site put around the story: dates, codes, credits, captions, notices",
        ),
    }
)


def label(kind: ChangeKind) -> str:
    """ "Site chrome": the kind's name at the head of a line."""
    return KIND_WORDS[kind].label


def word(kind: ChangeKind) -> str:
    """ "site chrome": the kind's name inside a sentence or beside a count."""
    return KIND_WORDS[kind].label.lower()
