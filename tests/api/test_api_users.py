"""Users, organization memberships and invitations against the emulator over real HTTP."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from workos_tui.api import NotFoundError, WorkOS
from workos_tui.api.models import (
    InvitationSend,
    OrganizationMembershipCreate,
    OrganizationMembershipUpdate,
    User,
    UserCreate,
    UserUpdate,
)
from workos_tui.emulator.testing import EmulatorHandle


def _first(emulator: EmulatorHandle, collection: str, **match: object) -> dict[str, object]:
    items = emulator.state[collection]
    for rid in items.order:
        record = items.items[rid]
        if all(record.get(key) == value for key, value in match.items()):
            return dict(record)
    raise AssertionError(f"no {collection} record matching {match}")


async def test_users_list_filters_and_lookups(workos: WorkOS, emulator: EmulatorHandle) -> None:
    page = await workos.users.list(limit=5)
    assert len(page.data) == 5 and all(isinstance(u, User) for u in page.data)
    user = page.data[0]
    by_email = await workos.users.list(email=user.email)
    assert [u.id for u in by_email.data] == [user.id]
    seeded = _first(emulator, "users", id=user.id)
    org_id = seeded["_organization_ids"][0]  # type: ignore[index]
    in_org = await workos.users.list(organization_id=org_id, limit=100)
    assert user.id in {u.id for u in in_org.data}
    assert (await workos.users.get(user.id)).email == user.email
    if user.external_id:
        assert (await workos.users.get_by_external_id(user.external_id)).id == user.id


async def test_user_create_update_delete(workos: WorkOS) -> None:
    created = await workos.users.create(
        UserCreate(
            email="new.person@example.com",
            first_name="New",
            last_name="Person",
            password=SecretStr("correct horse battery staple"),
            metadata={"team": "qa"},
        )
    )
    assert created.email == "new.person@example.com" and created.display_name == "New Person"
    updated = await workos.users.update(created.id, UserUpdate(first_name="Renamed"))
    assert updated.first_name == "Renamed"
    await workos.users.delete(created.id)
    with pytest.raises(NotFoundError):
        await workos.users.get(created.id)


async def test_user_identities_sessions_and_factors(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    with_identity = _first(emulator, "users")
    identities = await workos.users.list_identities(str(with_identity["id"]))
    assert identities and identities[0].provider
    session = _first(emulator, "sessions")
    sessions = await workos.users.list_sessions(str(session["user_id"]), limit=100)
    assert session["id"] in {s.id for s in sessions.data}
    factor = _first(emulator, "auth_factors")
    factors = await workos.users.list_auth_factors(str(factor["user_id"]))
    assert factor["id"] in {f.id for f in factors.data}
    factor_cursor = workos.users.auth_factors_cursor(str(factor["user_id"]), limit=1)
    assert [f.id async for f in factor_cursor] == [f.id for f in factors.data]
    session_cursor = workos.users.sessions_cursor(str(session["user_id"]), limit=1)
    assert {s.id async for s in session_cursor} == {s.id for s in sessions.data}


async def test_verification_and_password_reset_emails(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    unverified = _first(emulator, "users", email_verified=False)
    sent_to = await workos.users.send_verification_email(str(unverified["id"]))
    assert sent_to.id == unverified["id"]
    user = (await workos.users.list(limit=1)).data[0]
    reset = await workos.users.send_password_reset(user.email)
    assert reset.user_id == user.id
    token = reset.password_reset_token.get_secret_value()
    assert token and token not in repr(reset)


async def test_membership_lifecycle(workos: WorkOS) -> None:
    user = await workos.users.create(UserCreate(email="member.to.be@example.com"))
    org = (await workos.organizations.list(limit=1)).data[0]
    membership = await workos.organization_memberships.create(
        OrganizationMembershipCreate(user_id=user.id, organization_id=org.id)
    )
    assert membership.user_id == user.id and membership.organization_id == org.id
    listed = await workos.organization_memberships.list(user_id=user.id)
    assert [m.id for m in listed.data] == [membership.id]
    fetched = await workos.organization_memberships.get(membership.id)
    assert fetched.status == "active"
    deactivated = await workos.organization_memberships.deactivate(membership.id)
    assert deactivated.status == "inactive"
    inactive = await workos.organization_memberships.list(
        organization_id=org.id, statuses=["inactive"], limit=100
    )
    assert membership.id in {m.id for m in inactive.data}
    assert all(m.status == "inactive" for m in inactive.data)
    reactivated = await workos.organization_memberships.reactivate(membership.id)
    assert reactivated.status == "active"
    await workos.organization_memberships.delete(membership.id)
    with pytest.raises(NotFoundError):
        await workos.organization_memberships.get(membership.id)


async def test_membership_role_update(workos: WorkOS, emulator: EmulatorHandle) -> None:
    seeded = _first(emulator, "organization_memberships", status="active")
    updated = await workos.organization_memberships.update(
        str(seeded["id"]), OrganizationMembershipUpdate(role_slug="admin")
    )
    assert updated.role is not None and updated.role.slug == "admin"


async def test_invitation_lifecycle(workos: WorkOS) -> None:
    org = (await workos.organizations.list(limit=1)).data[0]
    invitation = await workos.invitations.send(
        InvitationSend(email="invitee@example.com", organization_id=org.id, expires_in_days=3)
    )
    assert invitation.state == "pending" and invitation.token is not None
    token = invitation.token.get_secret_value()
    assert (await workos.invitations.get(invitation.id)).email == "invitee@example.com"
    by_token = await workos.invitations.get_by_token(token)
    assert by_token.id == invitation.id
    listed = await workos.invitations.list(organization_id=org.id, limit=100)
    assert invitation.id in {i.id for i in listed.data}
    by_email = await workos.invitations.list(email="invitee@example.com")
    assert [i.id for i in by_email.data] == [invitation.id]
    resent = await workos.invitations.resend(invitation.id)
    assert resent.id == invitation.id
    revoked = await workos.invitations.revoke(invitation.id)
    assert revoked.state == "revoked"
    logged = repr(workos.client.request_log.records())
    assert token not in logged
    assert "/user_management/invitations/by_token/[redacted]" in logged
