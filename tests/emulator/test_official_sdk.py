"""The official ``workos`` Python SDK as the judge of the emulator's answers.

Each test drives one area through the SDK against the emulator over real HTTP; the SDK parses
every answer into its own models (a missing field or a wrong type fails in ``from_dict``), so
these tests check what real integrations need, not what our own models accept.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from workos import WorkOSClient
from workos._errors import BadRequestError, NotFoundError
from workos.audit_logs.models import (
    AuditLogEvent,
    AuditLogEventActor,
    AuditLogEventContext,
    AuditLogEventTarget,
)

from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle


@pytest.fixture
def sdk(emulator: EmulatorHandle) -> Iterator[WorkOSClient]:
    client = WorkOSClient(
        api_key=emulator.api_key, client_id=CLIENT_ID, base_url=emulator.base_url, max_retries=0
    )
    yield client
    client.close()


def test_organizations_crud_and_every_page(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    created = sdk.organizations.create_organization(
        name="SDK Judge Inc.", external_id="sdk-judge-1", metadata={"tier": "gold"}
    )
    assert created.id.startswith("org_") and created.metadata == {"tier": "gold"}
    assert sdk.organizations.get_organization(created.id).name == "SDK Judge Inc."
    assert sdk.organizations.get_organization_by_external_id("sdk-judge-1").id == created.id
    updated = sdk.organizations.update_organization(created.id, name="SDK Judge Renamed")
    assert updated.name == "SDK Judge Renamed"
    walked = [o.id for o in sdk.organizations.list_organizations(limit=4).auto_paging_iter()]
    assert len(walked) == len(set(walked)) == len(emulator.state["organizations"])
    asc = sdk.organizations.list_organizations(limit=3, order="asc")
    assert [o.id for o in asc.data] == emulator.state["organizations"].order[:3]
    sdk.organizations.delete_organization(created.id)
    with pytest.raises(NotFoundError):
        sdk.organizations.get_organization(created.id)


def test_users_create_update_list_delete(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    user = sdk.user_management.create_user(
        email="sdk.user@judge.example", first_name="Ada", last_name="Judge", email_verified=True
    )
    assert user.email == "sdk.user@judge.example" and user.email_verified is True
    assert sdk.user_management.update_user(user.id, first_name="Grace").first_name == "Grace"
    assert sdk.user_management.get_user(user.id).last_name == "Judge"
    org_id = emulator.state["organizations"].order[0]
    members = emulator.state["users"].index("_organization_ids").get(org_id)
    page = sdk.user_management.list_users(organization_id=org_id, limit=7)
    seen = [u.id for u in page.auto_paging_iter()]
    assert sorted(seen) == sorted(members)
    sdk.user_management.delete_user(user.id)
    with pytest.raises(NotFoundError):
        sdk.user_management.get_user(user.id)


def test_memberships_lifecycle(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    user = sdk.user_management.create_user(email="member.flow@judge.example")
    org_id = emulator.state["organizations"].order[2]
    oms = sdk.organization_membership
    om = oms.create_organization_membership(user_id=user.id, organization_id=org_id)
    assert om.user_id == user.id and om.organization_id == org_id
    fetched = oms.get_organization_membership(om.id)
    assert fetched.id == om.id
    listed = oms.list_organization_memberships(user_id=user.id)
    assert [m.id for m in listed.data] == [om.id]
    assert oms.deactivate_organization_membership(om.id).status.value == "inactive"
    assert oms.reactivate_organization_membership(om.id).status.value == "active"
    oms.delete_organization_membership(om.id)
    with pytest.raises(NotFoundError):
        oms.get_organization_membership(om.id)


def test_invitations_send_find_list_revoke(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[1]
    um = sdk.user_management
    invite = um.send_invitation(email="invitee@judge.example", organization_id=org_id)
    assert invite.state.value == "pending" and invite.organization_id == org_id
    assert um.get_invitation(invite.id).email == "invitee@judge.example"
    assert um.find_invitation_by_token(invite.token).id == invite.id
    listed = [i.id for i in um.list_invitations(organization_id=org_id).auto_paging_iter()]
    assert invite.id in listed
    assert um.revoke_invitation(invite.id).state.value == "revoked"


def test_directory_sync_reads(sdk: WorkOSClient) -> None:
    ds = sdk.directory_sync
    directories = list(ds.list_directories(limit=3).auto_paging_iter())
    assert directories
    linked = next(d for d in directories if d.state.value in ("linked", "active"))
    assert ds.get_directory(linked.id).id == linked.id
    users = ds.list_users(directory=linked.id, limit=5)
    assert users.data
    one = ds.get_user(users.data[0].id)
    assert one.directory_id == linked.id and one.groups is not None
    groups = ds.list_groups(directory=linked.id)
    assert groups.data and ds.get_group(groups.data[0].id).name == groups.data[0].name
    member_groups = ds.list_groups(user=one.id)
    assert {g.id for g in member_groups.data} == {g.id for g in one.groups}


def test_events_and_audit_logs(sdk: WorkOSClient, emulator: EmulatorHandle) -> None:
    events = sdk.events.list_events(events=["organization.created"], limit=5)
    assert events.data and all(e.event == "organization.created" for e in events.data)
    org_id = emulator.state["organizations"].order[0]
    action = emulator.state["audit_log_actions"].items[emulator.state["audit_log_actions"].order[0]]
    targets = action["schema"]["targets"]
    now = datetime.now(UTC)
    event = AuditLogEvent(
        action=action["name"],
        occurred_at=now,
        actor=AuditLogEventActor(id="user_sdk", type="user", name="SDK Judge"),
        targets=[AuditLogEventTarget(id=t["type"] + "_1", type=t["type"]) for t in targets],
        context=AuditLogEventContext(location="203.0.113.9", user_agent="sdk-judge"),
    )
    key = str(uuid.uuid4())
    before = len(emulator.state["audit_log_events"])
    sdk.audit_logs.create_event(organization_id=org_id, event=event, idempotency_key=key)
    sdk.audit_logs.create_event(organization_id=org_id, event=event, idempotency_key=key)
    assert len(emulator.state["audit_log_events"]) == before + 1  # the key made it one event
    with pytest.raises(BadRequestError):
        other = dataclasses.replace(event, occurred_at=now - timedelta(minutes=1))
        sdk.audit_logs.create_event(organization_id=org_id, event=other, idempotency_key=key)
    actions = [a.name for a in sdk.audit_logs.list_actions().auto_paging_iter()]
    assert action["name"] in actions
    export = sdk.audit_logs.create_export(
        organization_id=org_id, range_start=now - timedelta(days=1), range_end=now
    )
    assert sdk.audit_logs.get_export(export.id).id == export.id
