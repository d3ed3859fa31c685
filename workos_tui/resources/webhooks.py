"""Webhook endpoints: where WorkOS delivers events; the signing secret stays hidden."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from workos_tui.api.models.webhooks import (
    WebhookEndpointCreate,
    WebhookEndpointStatus,
    WebhookEndpointUpdate,
)
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    Related,
    ResourceType,
    service_create,
    service_cursor,
    service_delete,
    service_update,
)
from workos_tui.resources.formatting import format_timestamp


def _set_status(status: WebhookEndpointStatus) -> Any:
    async def run(workos: Facade, item: Any, _input: BaseModel | None) -> Item:
        changes = WebhookEndpointUpdate(status=status)
        endpoint: Item = await workos.webhook_endpoints.update(item.id, changes)
        return endpoint

    return run


WEBHOOK_ENDPOINTS = ResourceType(
    key="webhooks",
    title="Webhook endpoints",
    singular="webhook endpoint",
    aliases=("webhook_endpoints", "webhook", "hooks"),
    description="URLs WorkOS delivers events to, with their signing secrets.",
    list=service_cursor(lambda w: w.webhook_endpoints.cursor),
    create=service_create(lambda w: w.webhook_endpoints.create),
    update=service_update(lambda w: w.webhook_endpoints.update),
    delete=service_delete(lambda w: w.webhook_endpoints.delete),
    create_model=WebhookEndpointCreate,
    update_model=WebhookEndpointUpdate,
    columns=(
        Column("endpoint_url", "URL", width=44),
        Column("status", "Status", width=9),
        Column("events", "Events", width=36),
        Column("id", "ID", width=30),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Endpoint",
            (
                DetailField("URL", "endpoint_url"),
                DetailField("ID", "id"),
                DetailField("Status", "status"),
                DetailField("Events", "events"),
                DetailField("Signing secret", "secret"),
            ),
        ),
        DetailSection(
            "Timestamps",
            (
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("Deliveries", "webhook_deliveries", "endpoint_id", lambda e: e.id),),
    actions=(
        Action(
            "disable",
            "Disable endpoint",
            _set_status("disabled"),
            applies=lambda e: getattr(e, "status", None) == "enabled",
        ),
        Action(
            "enable",
            "Enable endpoint",
            _set_status("enabled"),
            applies=lambda e: getattr(e, "status", None) != "enabled",
        ),
    ),
    name_field="endpoint_url",
    secret_fields=("secret",),
    dashboard_path="webhooks",
)
