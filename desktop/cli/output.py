"""Printing core values: ``--json`` is the core's dataclasses serialised, nothing hand-built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import re
from typing import Any

# JSON escapes C0 controls itself; these it leaves raw (they occur only inside strings).
_OBEYED = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and paths as plain JSON values, field names kept (a
    value's own bookkeeping, in fields named with a leading underscore, left out)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if not f.name.startswith("_")
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(item) for item in value]
    return value


def print_json(value: Any) -> None:
    """``value`` as JSON; the characters a terminal would obey (bidi marks, C1) as escapes."""
    text = json.dumps(to_jsonable(value), ensure_ascii=False, indent=2)
    print(_OBEYED.sub(lambda match: f"\\u{ord(match.group()):04x}", text))
