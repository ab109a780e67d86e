"""Where the bundled files are: from a source checkout, an installed wheel or the frozen app.

No Qt here: the core uses it to find the sample articles, the ui to find icons.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    frozen = getattr(sys, "_MEIPASS", None)
    roots = [Path(frozen)] if frozen else []
    roots += [_PACKAGE.parent, _PACKAGE / "_data"]
    return [root / name for root in roots]


def bundled(name: str) -> Path:
    """The bundled folder ``name`` ("seeds" or "resources"); FileNotFoundError if absent."""
    for path in _candidates(name):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"the bundled folder {name!r} is missing from this installation")


def resource(relative: str) -> Path:
    """A file below ``resources/``, e.g. ``resource("icons/recension.svg")``."""
    return bundled("resources") / relative
