"""The words lemminflect's own tables list, read from its resources (for the tests that
hold the compact tables in language/lemmas to lemminflect's answers)."""

from __future__ import annotations

import gzip
from pathlib import Path

import lemminflect

RESOURCES = Path(lemminflect.__file__).parent / "resources"


def listed(table: str, overrides: str) -> set[str]:
    """The first column of the gzipped ``table`` and of its ``overrides`` file."""
    with gzip.open(RESOURCES / table, "rt", encoding="utf-8") as f:
        words = {line.split(",", 1)[0] for line in f}
    with open(RESOURCES / overrides, encoding="utf-8") as f:
        words |= {line.split(",", 1)[0] for line in f if line.strip() and line[0] != "#"}
    return words
