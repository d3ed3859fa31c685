"""Audit logs: actions and their schemas, events sent to WorkOS, exports."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .base import InputModel, WorkOSModel, empty_list
from .common import OrganizationRef

AuditLogExportState = Literal["pending", "ready", "error", "expired"]


class AuditLogSchemaActor(WorkOSModel):
    """What an action's actor carries."""

    metadata: dict[str, Any] = Field(default_factory=dict)


class AuditLogSchemaTarget(WorkOSModel):
    """A target type an action's events refer to."""

    type: str
    metadata: dict[str, Any] | None = None


class AuditLogSchema(WorkOSModel):
    """One version of the schema events of an action must follow."""

    object: str = "audit_log_schema"
    version: int
    actor: AuditLogSchemaActor | None = None
    targets: list[AuditLogSchemaTarget] = Field(default_factory=empty_list)
    metadata: dict[str, Any] | None = None
    created_at: str


class AuditLogAction(WorkOSModel):
    """An audit-log action (``user.signed_in``…) with its latest schema."""

    object: str = "audit_log_action"
    name: str
    schema_: AuditLogSchema | None = Field(default=None, alias="schema")
    created_at: str
    updated_at: str


class AuditLogExport(WorkOSModel):
    """An export of an organization's audit-log events to a CSV file."""

    object: str = "audit_log_export"
    id: str
    state: AuditLogExportState | str
    url: str | None = None
    created_at: str
    updated_at: str


class AuditLogEventSent(WorkOSModel):
    """The answer to sending an event."""

    success: bool


class AuditLogSchemaTargetInput(InputModel):
    """A target type in a new schema."""

    type: str = Field(min_length=1, description="The target type, e.g. user or document.")
    metadata: dict[str, Any] | None = Field(
        default=None, description="A JSON schema of the target's metadata."
    )


class AuditLogSchemaActorInput(InputModel):
    """The actor part of a new schema."""

    metadata: dict[str, Any] = Field(description="A JSON schema of the actor's metadata.")


class AuditLogSchemaCreate(InputModel):
    """A new schema version for an action."""

    targets: list[AuditLogSchemaTargetInput] = Field(
        min_length=1, description="The target types events of the action refer to."
    )
    actor: AuditLogSchemaActorInput | None = Field(
        default=None, description="What the actor of such events carries."
    )
    metadata: dict[str, Any] | None = Field(
        default=None, description="A JSON schema of the event's metadata."
    )


class AuditLogActorInput(InputModel):
    """Who did it."""

    id: str = Field(min_length=1, description="The actor's identifier.")
    type: str = Field(min_length=1, description="The actor's type, e.g. user.")
    name: str | None = Field(default=None, description="The actor's display name.")
    metadata: dict[str, Any] | None = Field(default=None, description="Extra actor details.")


class AuditLogTargetInput(InputModel):
    """What it was done to."""

    id: str = Field(min_length=1, description="The target's identifier.")
    type: str = Field(min_length=1, description="The target's type, e.g. document.")
    name: str | None = Field(default=None, description="The target's display name.")
    metadata: dict[str, Any] | None = Field(default=None, description="Extra target details.")


class AuditLogContextInput(InputModel):
    """Where it happened from."""

    location: str = Field(min_length=1, description="The IP address or location of the actor.")
    user_agent: str | None = Field(default=None, description="The actor's user agent.")


class AuditLogEventInput(InputModel):
    """One audit-log event."""

    action: str = Field(min_length=1, description="The action, e.g. user.signed_in.")
    occurred_at: str = Field(description="When it happened (ISO 8601).")
    actor: AuditLogActorInput = Field(description="Who did it.")
    targets: list[AuditLogTargetInput] = Field(description="What it was done to.")
    context: AuditLogContextInput = Field(description="Where it happened from.")
    metadata: dict[str, Any] | None = Field(default=None, description="Extra event details.")
    version: int | None = Field(default=None, ge=1, description="The schema version it follows.")


class AuditLogEventCreate(InputModel):
    """Send an audit-log event for an organization."""

    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization of the event."
    )
    event: AuditLogEventInput = Field(description="The event.")


class AuditLogExportCreate(InputModel):
    """Export an organization's audit-log events in a time range."""

    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization to export."
    )
    range_start: str = Field(description="Start of the range (ISO 8601).")
    range_end: str = Field(description="End of the range (ISO 8601).")
    actions: list[str] | None = Field(default=None, description="Only these actions.")
    actor_names: list[str] | None = Field(default=None, description="Only these actor names.")
    actor_ids: list[str] | None = Field(default=None, description="Only these actor ids.")
    targets: list[str] | None = Field(default=None, description="Only these target types.")


__all__ = [
    "AuditLogAction",
    "AuditLogActorInput",
    "AuditLogContextInput",
    "AuditLogEventCreate",
    "AuditLogEventInput",
    "AuditLogEventSent",
    "AuditLogExport",
    "AuditLogExportCreate",
    "AuditLogSchema",
    "AuditLogSchemaActor",
    "AuditLogSchemaActorInput",
    "AuditLogSchemaCreate",
    "AuditLogSchemaTarget",
    "AuditLogSchemaTargetInput",
    "AuditLogTargetInput",
]
