"""Formatters: how values read in tables and detail panes.

Timestamps are always rendered absolute, in UTC, so screens are stable (and snapshot-testable).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any

from pydantic import BaseModel, SecretStr

EMPTY = "—"


def format_timestamp(value: Any) -> str:
    """An ISO-8601 string or datetime as ``YYYY-MM-DD HH:MM UTC``; other values unchanged."""
    if value in (None, ""):
        return EMPTY
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return value
    if moment is None:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def format_short_timestamp(value: Any) -> str:
    """``YYYY-MM-DD HH:MM`` (UTC) for table columns, whose titles say UTC."""
    text = format_timestamp(value)
    return text.removesuffix(" UTC")


def format_value(value: Any) -> str:
    """A short, single-line rendering of any value a model may hold."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, SecretStr):
        return "••••••"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, BaseModel):
        return format_value(to_jsonable(value))
    if isinstance(value, Mapping):
        if not value:
            return EMPTY
        return ", ".join(f"{key}={format_value(val)}" for key, val in value.items())
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return EMPTY
        return ", ".join(format_value(element) for element in value)
    return str(value)


def format_list_of(key: str) -> Any:
    """A formatter for a list of objects, showing one field of each (e.g. domains → domain)."""

    def render(value: Any) -> str:
        if not value:
            return EMPTY
        names: list[str] = []
        for element in value:
            if isinstance(element, Mapping):
                names.append(format_value(element.get(key)))
            else:
                names.append(format_value(getattr(element, key, element)))
        return ", ".join(names)

    return render


def format_count(value: Any) -> str:
    if value is None:
        return "0"
    if isinstance(value, Sequence | Mapping) and not isinstance(value, str):
        return str(len(value))
    return str(value)


def to_jsonable(item: Any) -> Any:
    """A JSON-ready structure of a model (extra fields included, secrets masked)."""
    if isinstance(item, BaseModel):
        return item.model_dump(mode="json", by_alias=True)
    return item


def to_json(item: Any, *, indent: int | None = 2) -> str:
    return json.dumps(to_jsonable(item), indent=indent, sort_keys=False, ensure_ascii=False)


def format_json_block(value: Any) -> str:
    """Nested data as indented JSON (raw attributes and the like)."""
    if value in (None, "", {}, []):
        return EMPTY
    return json.dumps(to_jsonable(value), indent=2, ensure_ascii=False, sort_keys=True)
