"""Audit logs: actions with their schema versions, and exports (created, then fetched by id)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.audit_logs import (
    AuditLogActorInput,
    AuditLogContextInput,
    AuditLogEventCreate,
    AuditLogEventInput,
    AuditLogExportCreate,
    AuditLogSchemaCreate,
    AuditLogTargetInput,
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
    field_value,
    scoped_cursor,
    service_create,
    service_cursor,
    service_get,
)
from workos_tui.resources.formatting import format_list_of, format_timestamp
from workos_tui.resources.results import ActionResult, plain, present
from workos_tui.resources.sources import OneShotSource, PageSource


async def _new_schema(workos: Facade, item: Any, form: BaseModel | None) -> Item | None:
    assert isinstance(form, AuditLogSchemaCreate)
    await workos.audit_logs.create_schema(item.name, form)
    action: Item | None = None
    async for candidate in workos.audit_logs.actions_cursor(limit=100):
        if candidate.name == item.name:
            action = candidate
            break
    return action


class TestEvent(BaseModel):
    """An event of this action, to see it land in the organization's audit log."""

    organization_id: str = Field(min_length=1, description="The organization (org_…).")
    actor_id: str = Field(min_length=1, description="Who did it (an id, e.g. user_…).")
    actor_type: str = Field(default="user", min_length=1, description="The actor's type.")
    target_id: str = Field(min_length=1, description="What it was done to (an id).")
    target_type: str = Field(min_length=1, description="The target's type, e.g. document.")
    location: str = Field(default="127.0.0.1", min_length=1, description="The actor's IP.")


async def _emit_event(workos: Facade, action: Any, form: BaseModel | None) -> BaseModel:
    assert isinstance(form, TestEvent)
    event = AuditLogEventInput(
        action=action.name,
        occurred_at=datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        actor=AuditLogActorInput(id=form.actor_id, type=form.actor_type),
        targets=[AuditLogTargetInput(id=form.target_id, type=form.target_type)],
        context=AuditLogContextInput(location=form.location),
    )
    sent = await workos.audit_logs.create_event(
        AuditLogEventCreate(organization_id=form.organization_id, event=event)
    )
    return ActionResult(
        title=f"{action.name} recorded",
        entries=present(
            (plain("Organization", form.organization_id), plain("Recorded", sent.success))
        ),
        note="Export the organization's audit log to see it.",
    )


def _target_prefill(action: Any) -> Mapping[str, Any]:
    targets = field_value(action, "schema_.targets") or []
    first = targets[0] if targets else None
    return {"target_type": field_value(first, "type") or ""} if first is not None else {}


AUDIT_LOG_ACTIONS = ResourceType(
    key="audit_log_actions",
    title="Audit log actions",
    singular="audit log action",
    aliases=("audit_logs", "audit", "audit_actions"),
    description="The actions your application records in audit logs, with their schemas.",
    list=service_cursor(lambda w: w.audit_logs.actions_cursor),
    columns=(
        Column("name", "Action", width=32),
        Column("schema_.version", "Version", width=8),
        Column("schema_.targets", "Targets", width=30, formatter=format_list_of("type")),
        Column("updated_at", "Updated", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Action",
            (
                DetailField("Name", "name"),
                DetailField("Schema version", "schema_.version"),
                DetailField("Targets", "schema_.targets", format_list_of("type")),
                DetailField("Actor metadata", "schema_.actor.metadata"),
                DetailField("Metadata", "schema_.metadata"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("Schema versions", "audit_log_schemas", "action", lambda a: a.name),),
    actions=(
        Action("new_schema", "New schema version", _new_schema, input_model=AuditLogSchemaCreate),
        Action(
            "emit_event",
            "Record a test event",
            _emit_event,
            input_model=TestEvent,
            prefill=_target_prefill,
        ),
    ),
    id_field="name",
    name_field="name",
    dashboard_path="audit-logs",
)

AUDIT_LOG_SCHEMAS = ResourceType(
    key="audit_log_schemas",
    title="Schema versions",
    singular="schema version",
    top_level=False,
    scope_params=("action",),
    list=scoped_cursor(lambda w: w.audit_logs.schemas_cursor, "action"),
    columns=(
        Column("version", "Version", width=8),
        Column("targets", "Targets", width=30, formatter=format_list_of("type")),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Schema",
            (
                DetailField("Version", "version"),
                DetailField("Targets", "targets", format_list_of("type")),
                DetailField("Actor metadata", "actor.metadata"),
                DetailField("Metadata", "metadata"),
                DetailField("Created", "created_at", format_timestamp),
            ),
        ),
    ),
    id_field="version",
    name_field="version",
)


def _export_prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"organization_id": scope.get("organization_id", "")}


AUDIT_LOG_EXPORTS = ResourceType(
    key="audit_log_exports",
    title="Audit log exports",
    singular="audit log export",
    description="CSV exports of an organization's audit-log events (opened by id).",
    top_level=False,
    scope_params=("id",),
    list=lambda _workos, _request: _no_list(),
    get=service_get(lambda w: w.audit_logs.get_export),
    create=service_create(lambda w: w.audit_logs.create_export),
    create_model=AuditLogExportCreate,
    create_prefill=_export_prefill,
    columns=(
        Column("id", "ID", width=38),
        Column("state", "State", width=9),
        Column("url", "Download URL", width=50),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Export",
            (
                DetailField("ID", "id"),
                DetailField("State", "state"),
                DetailField("Download URL", "url"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
)


def _no_list() -> PageSource:
    """The API cannot list exports: they are opened by id (or created)."""

    async def nothing() -> list[Any]:
        return []

    return OneShotSource(nothing)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


# For the UI engineer: append to ORGANIZATIONS.related (exports are created from there).
ORGANIZATION_RELATED = (Related("Audit log exports", "audit_log_exports", "organization_id", _id),)
