"""Turning filter-bar values into the spec's query parameters, and client-side matching."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workos_tui.resources.base import ResourceType, field_value
from workos_tui.resources.formatting import format_value

SEARCH_KEY = "__search__"


def normalize_instant(text: str, *, end_of_day: bool) -> str:
    """A bare date (``2024-01-31``) becomes the start or end of that day in UTC."""
    stripped = text.strip()
    if len(stripped) == 10 and stripped[4] == "-" and stripped[7] == "-":
        return stripped + ("T23:59:59.999Z" if end_of_day else "T00:00:00.000Z")
    return stripped


def server_query(
    resource: ResourceType,
    values: Mapping[str, Any],
    scope: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Keyword arguments for the list call: scope first, then search and server-side filters."""
    query: dict[str, Any] = dict(scope or {})
    search = values.get(SEARCH_KEY)
    if search and resource.search_param:
        query[resource.search_param] = search
    for spec in resource.server_filters():
        value = values.get(spec.key)
        if value in (None, "", [], ()):
            continue
        if spec.kind == "date_range":
            start, end = value
            if start:
                query[spec.query_param] = normalize_instant(start, end_of_day=False)
            if end and spec.end_param:
                query[spec.end_param] = normalize_instant(end, end_of_day=True)
        else:
            query[spec.query_param] = value
    return query


def client_match(resource: ResourceType, values: Mapping[str, Any], item: Any) -> bool:
    """Whether a loaded row passes the client-side filters (those the endpoint lacks)."""
    for spec in resource.client_filters():
        wanted = values.get(spec.key)
        if wanted in (None, "", [], ()):
            continue
        actual = field_value(item, spec.query_param)
        actual_text = format_value(actual).lower()
        if isinstance(wanted, list):
            if not any(str(choice).lower() in actual_text for choice in wanted):
                return False
        elif str(wanted).lower() not in actual_text:
            return False
    return True


def quick_match(cells: list[str], needle: str) -> bool:
    """The `/` quick filter: a case-insensitive substring of any rendered cell."""
    if not needle:
        return True
    lowered = needle.lower()
    return any(lowered in cell.lower() for cell in cells)
