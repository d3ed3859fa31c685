"""Events: the activity stream, filtered by event names, organization and time range."""

from __future__ import annotations

from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    service_cursor,
)
from workos_tui.resources.formatting import (
    format_json_block,
    format_short_timestamp,
    format_timestamp,
)

EVENTS = ResourceType(
    key="events",
    title="Events",
    singular="event",
    aliases=("event", "activity"),
    description="Events WorkOS emitted (user.created, dsync.user.updated, …).",
    list=service_cursor(lambda w: w.events.cursor),
    columns=(
        Column("event", "Event", width=32),
        Column("created_at", "At (UTC)", width=17, formatter=format_short_timestamp),
        Column("data.id", "Object", width=30),
        Column("id", "ID", width=30),
    ),
    filters=(
        Filter("events", "Events", kind="multi", placeholder="events (user.created, …)"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
        Filter(
            "range",
            "Time range",
            kind="date_range",
            param="range_start",
            end_param="range_end",
        ),
    ),
    sections=(
        DetailSection(
            "Event",
            (
                DetailField("Event", "event"),
                DetailField("ID", "id"),
                DetailField("At", "created_at", format_timestamp),
                DetailField("Object", "data.object"),
                DetailField("Object id", "data.id"),
                DetailField("Organization", "data.organization_id"),
            ),
        ),
        DetailSection(
            "Payload",
            (
                DetailField("Data", "data", format_json_block),
                DetailField("Context", "context", format_json_block),
            ),
        ),
    ),
    related=(
        Related(
            "Organization", "organizations", "id", lambda e: (e.data or {}).get("organization_id")
        ),
    ),
    name_field="id",
)
