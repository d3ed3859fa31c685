"""Audit logs against the emulator over real HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import BadRequestError, NotFoundError, WorkOS
from workos_tui.api.models import (
    AuditLogActorInput,
    AuditLogContextInput,
    AuditLogEventCreate,
    AuditLogEventInput,
    AuditLogExportCreate,
    AuditLogSchemaActorInput,
    AuditLogSchemaCreate,
    AuditLogSchemaTargetInput,
    AuditLogTargetInput,
)
from workos_tui.emulator.testing import EmulatorHandle


def _event(org_id: str, target: str = "user") -> AuditLogEventCreate:
    return AuditLogEventCreate(
        organization_id=org_id,
        event=AuditLogEventInput(
            action="user.signed_in",
            occurred_at="2025-01-01T10:00:00.000Z",
            actor=AuditLogActorInput(id="user_1", type="user", name="Ann"),
            targets=[AuditLogTargetInput(id="user_1", type=target)],
            context=AuditLogContextInput(location="203.0.113.1", user_agent="curl"),
            metadata={"plan": "pro"},
        ),
    )


async def test_actions_and_schemas(workos: WorkOS) -> None:
    page = await workos.audit_logs.list_actions(limit=2)
    assert len(page.data) == 2 and page.has_more and page.data[0].schema_ is not None
    names = [a.name for a in await workos.audit_logs.actions_cursor(limit=100).next_page()]
    assert "user.signed_in" in names
    schema = await workos.audit_logs.create_schema(
        "user.signed_in",
        AuditLogSchemaCreate(
            targets=[AuditLogSchemaTargetInput(type="user")],
            actor=AuditLogSchemaActorInput(metadata={}),
        ),
    )
    assert schema.version == 3
    versions = await workos.audit_logs.list_schemas("user.signed_in", order="asc")
    assert [s.version for s in versions.data] == [1, 2, 3]
    cursor = workos.audit_logs.schemas_cursor("user.signed_in", limit=2)
    assert len(await cursor.next_page()) == 2 and cursor.has_more
    with pytest.raises(NotFoundError):
        await workos.audit_logs.list_schemas("no.such.action")


async def test_events_and_exports(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    assert (await workos.audit_logs.create_event(_event(org_id))).success
    with pytest.raises(BadRequestError) as mismatch:
        await workos.audit_logs.create_event(_event(org_id, target="invoice"))
    assert mismatch.value.code == "invalid_audit_log"
    with pytest.raises(NotFoundError):
        await workos.audit_logs.create_event(_event("org_nope"))
    export = await workos.audit_logs.create_export(
        AuditLogExportCreate(
            organization_id=org_id,
            range_start="2000-01-01T00:00:00Z",
            range_end="2999-01-01T00:00:00Z",
            actions=["user.signed_in"],
        )
    )
    assert export.state == "ready" and export.url
    assert (await workos.audit_logs.get_export(export.id)).id == export.id
    with pytest.raises(NotFoundError):
        await workos.audit_logs.get_export("audit_log_export_nope")
