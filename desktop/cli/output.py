"""Printing core values: ``--json`` is the core's dataclasses serialised, nothing hand-built."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from typing import Any


def to_jsonable(value: Any) -> Any:
    """Dataclasses, enums, dates and paths as plain JSON values, field names kept."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
    print(json.dumps(to_jsonable(value), ensure_ascii=False, indent=2))
