"""The hand-labelled changes of the seed pairs (tests/data/labels), and how well they are found.

A label names a kind and, for each side it sets, how the change's text there starts ("" for
a change that side lacks). Labels and changes are matched one to one, in order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.comparison.changes import Change, ChangeKind
from desktop.core.comparison.diff import Span

LABELS = Path(__file__).resolve().parent / "data" / "labels"


@dataclass(frozen=True, slots=True)
class Label:
    pair: tuple[str, str]
    kind: ChangeKind
    a: str | None
    b: str | None
    required: bool

    def __str__(self) -> str:
        return f"{self.pair[0]}-{self.pair[1]} {self.kind}: {self.a!r} → {self.b!r}"

    def fits(self, change: Change) -> bool:
        return change.kind is self.kind and _starts(change.a, self.a) and _starts(change.b, self.b)


def _starts(span: Span | None, expected: str | None) -> bool:
    if expected is None:
        return True
    text = span.text.strip() if span is not None else ""
    return text.startswith(expected.strip()) if expected.strip() else not text


def load_labels() -> dict[tuple[str, str], list[Label]]:
    """Every labelled pair of seed ids, with its labels in reading order."""
    found = {}
    for path in sorted(LABELS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pair = (data["a"], data["b"])
        found[pair] = [
            Label(pair, ChangeKind(c["kind"]), c.get("a"), c.get("b"), c.get("required", False))
            for c in data["changes"]
        ]
    return found


def match(labels: Sequence[Label], changes: Sequence[Change]) -> dict[int, int]:
    """Label index → change index, each change used once."""
    matched: dict[int, int] = {}
    used: set[int] = set()
    for n, label in enumerate(labels):
        for m, change in enumerate(changes):
            if m not in used and label.fits(change):
                matched[n] = m
                used.add(m)
                break
    return matched


def precision_recall(
    labels: Sequence[Label], changes: Sequence[Change]
) -> dict[str, dict[str, float | int]]:
    """Per kind: labels, changes found, matched, precision and recall."""
    matched = match(labels, changes)
    hits = Counter(labels[n].kind for n in matched)
    wanted = Counter(label.kind for label in labels)
    found = Counter(change.kind for change in changes)
    return {
        kind.value: {
            "labels": wanted[kind],
            "found": found[kind],
            "precision": round(hits[kind] / found[kind], 3) if found[kind] else 1.0,
            "recall": round(hits[kind] / wanted[kind], 3) if wanted[kind] else 1.0,
        }
        for kind in ChangeKind
        if wanted[kind] or found[kind]
    }
