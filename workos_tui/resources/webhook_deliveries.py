"""Webhook deliveries: the workos-tui emulator's log of the events it POSTed to each endpoint.

Reached from a webhook endpoint's row (its related list "Deliveries") or with
``:webhook-deliveries`` (every endpoint's). Each row is one delivery: the event, its type, the
status, the last HTTP status, the attempts so far, the last error and when it was made; *Resend*
sends the event again to the endpoint as it is now (a new delivery).

The log is the emulator's (``/_emulate/webhook_deliveries``): WorkOS itself offers no delivery
log through its API. Against a server without one the list holds a single row saying so
(:data:`EMULATOR_ONLY`), not an error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from workos_tui.api.pagination import Page
from workos_tui.api.services.emulator_deliveries import (
    EMULATOR_ONLY,
    NotAnEmulatorError,
    WebhookDelivery,
)
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Lister,
    ListRequest,
    ResourceType,
    field_value,
    service_action,
    service_get,
)
from workos_tui.resources.formatting import EMPTY, format_timestamp
from workos_tui.resources.sources import OneShotSource, PageSource

DeliveryListRef = Callable[[Facade], Callable[..., Awaitable[Page[WebhookDelivery]]]]
FILTER_PARAMS = ("endpoint_id", "event_id", "status")
STATUSES = ("pending", "delivered", "failed", "skipped")


class DeliveryLogAbsent(BaseModel):
    """The one row of the list on a server without a delivery log: it says so."""

    id: str = ""
    event_id: str = EMULATOR_ONLY


def is_delivery(item: Any) -> bool:
    """A logged delivery (not the row saying there is no log)."""
    return not isinstance(item, DeliveryLogAbsent)


def delivery_log(method: DeliveryListRef) -> Lister:
    """The whole log in one page (``method(endpoint_id=, event_id=, status=)``), newest first
    unless ascending; on a server that is not the emulator, the :class:`DeliveryLogAbsent` row."""

    def make(workos: Facade, request: ListRequest) -> PageSource:
        filters = {
            key: str(request.filters[key]) for key in FILTER_PARAMS if request.filters.get(key)
        }

        async def fetch() -> list[Any]:
            try:
                page = await method(workos)(**filters)
            except NotAnEmulatorError:
                return [DeliveryLogAbsent()]
            items = list(page.data)  # the emulator lists the oldest first
            return items[::-1] if request.order == "desc" else items

        return OneShotSource(fetch)

    return make


def format_instant(value: Any) -> str:
    """``YYYY-MM-DD HH:MM:SS`` (UTC): deliveries and their retries are seconds apart."""
    if not isinstance(value, str) or not value:
        return format_timestamp(value)
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


def format_history(value: Any) -> str:
    """Each attempt (number, time, HTTP status or none, error), on one line: ``; `` apart."""
    if not value:
        return EMPTY
    lines: list[str] = []
    for attempt in value:
        status = field_value(attempt, "status_code")
        error = field_value(attempt, "error")
        parts = [
            f"#{field_value(attempt, 'attempt')}",
            format_instant(field_value(attempt, "at")),
            f"HTTP {status}" if status is not None else "no answer",
        ]
        if error and error != f"HTTP {status}":
            parts.append(str(error))
        lines.append("  ".join(parts))
    return "; ".join(lines)


WEBHOOK_DELIVERIES = ResourceType(
    key="webhook_deliveries",
    title="Webhook deliveries",
    singular="webhook delivery",
    aliases=("deliveries", "webhook_delivery"),
    description="The emulator's log of webhook deliveries: status, attempts, errors; resend.",
    top_level=False,
    list=delivery_log(lambda w: w.emulator_deliveries.list),
    get=service_get(lambda w: w.emulator_deliveries.get),
    columns=(
        Column("event_id", "Event"),
        Column("event", "Event type", width=26),
        Column("status", "Status", width=9),
        Column("status_code", "HTTP", width=4),
        Column("attempts", "Attempts", width=8),
        Column("last_error", "Last error", width=28),
        Column("created_at", "Time (UTC)", width=19, formatter=format_instant),
    ),
    filters=(
        Filter("status", "Status", kind="select", choices=STATUSES),
        Filter("event_id", "Event", placeholder="event id"),
        Filter("endpoint_id", "Endpoint", placeholder="endpoint id"),
    ),
    sections=(
        DetailSection(
            "Delivery",
            (
                DetailField("Event", "event_id"),
                DetailField("Event type", "event"),
                DetailField("Status", "status"),
                DetailField("HTTP status", "status_code"),
                DetailField("Attempts", "attempts"),
                DetailField("Last error", "last_error"),
                DetailField("ID", "id"),
                DetailField("Resent from", "resent_from"),
            ),
        ),
        DetailSection(
            "Endpoint",
            (
                DetailField("URL", "endpoint_url"),
                DetailField("ID", "endpoint_id"),
            ),
        ),
        DetailSection(
            "Times (UTC)",
            (
                DetailField("Created", "created_at", format_instant),
                DetailField("Last attempt", "last_attempt_at", format_instant),
                DetailField("Next attempt", "next_attempt_at", format_instant),
                DetailField("Delivered", "delivered_at", format_instant),
            ),
        ),
        DetailSection("Attempts", (DetailField("History", "history", format_history),)),
    ),
    actions=(
        Action(
            "resend",
            "Resend",
            service_action(lambda w: w.emulator_deliveries.resend),
            applies=is_delivery,
        ),
    ),
    name_field="id",
)
