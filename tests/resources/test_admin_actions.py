"""The declarations and actions added so that every admin operation has a screen, run against the
emulator over HTTP: the access check, groups and organization roles across organizations, a
group's roles, Radar lists, an organization's and a user's actions, resources by external id,
Pipes provider configurations."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS
from workos_tui.api.models.authkit import PortalLinkCreate
from workos_tui.api.models.authorization import AuthorizationCheckRequest
from workos_tui.api.models.client_tokens import WidgetTokenCreate
from workos_tui.api.models.organizations import AuditLogsRetentionUpdate
from workos_tui.api.models.pipes import OrganizationConfigurationUpdate
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.access import (
    EXTERNAL_RESOURCES,
    RESOURCE_CHECK,
    ResourceAccessCheck,
    check_access,
    external_key,
)
from workos_tui.resources.base import Action, ListRequest, ResourceType
from workos_tui.resources.group_roles import GroupRolesSet
from workos_tui.resources.groups import GROUPS
from workos_tui.resources.organization_actions import ORGANIZATION_ACTIONS
from workos_tui.resources.pipes_setup import ORGANIZATION_PROVIDERS
from workos_tui.resources.radar import RADAR_LISTS, RadarEntry
from workos_tui.resources.results import ActionResult
from workos_tui.resources.roles import ORGANIZATION_ROLES
from workos_tui.resources.scoped import FAN_OUT_BATCH, FanOutSource, OneShotSource
from workos_tui.resources.sources import PageSource
from workos_tui.resources.users import SESSIONS, USERS


@pytest.fixture
async def workos(emulator: EmulatorHandle) -> AsyncIterator[WorkOS]:
    environment = Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )
    async with WorkOS.connect(environment) as facade:
        yield facade


async def _rows(resource: ResourceType, workos: WorkOS, **filters: str) -> list[Any]:
    source = resource.open_list(workos, ListRequest(filters=filters))
    rows: list[Any] = []
    while source.has_more:
        rows.extend(await source.next_page())
    return rows


def _action(resource: ResourceType, key: str) -> Action:
    return next(action for action in resource.actions if action.key == key)


def _entries(result: Any) -> dict[str, str]:
    assert isinstance(result, ActionResult)
    return {entry.label: entry.value() for entry in result.entries}


async def test_the_fan_out_returns_only_non_empty_pages_in_owner_order() -> None:
    def pages(*items: list[Any]) -> PageSource:
        batches = list(items)

        async def one() -> list[Any]:
            return batches.pop(0)

        return OneShotSource(one)

    owners = pages(["a", "b", "c"])
    per_owner = {"a": ["a1"], "b": [], "c": ["c1", "c2"]}
    source = FanOutSource(owners, lambda owner: pages(per_owner[owner]))
    assert await source.next_page() == ["a1"]
    assert await source.next_page() == ["c1", "c2"]
    assert not source.has_more and await source.next_page() == []


async def test_the_fan_out_asks_several_owners_at_once() -> None:
    """Most organizations have no groups: their first pages are fetched together."""
    in_flight = peak = 0

    class Probe:
        has_more = True

        async def next_page(self) -> list[Any]:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            await asyncio.sleep(0)
            in_flight -= 1
            self.has_more = False
            return []

    async def twenty() -> list[Any]:
        return list(range(20))

    source = FanOutSource(OneShotSource(twenty), lambda _owner: Probe())
    assert await source.next_page() == [] and not source.has_more
    assert peak == FAN_OUT_BATCH


async def test_groups_and_organization_roles_list_across_organizations(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    groups = await _rows(GROUPS, workos)
    assert {g.id for g in groups} == {g["id"] for g in emulator.state["groups"]}
    organization_id = groups[0].organization_id
    scoped = await _rows(GROUPS, workos, organization_id=organization_id)
    assert scoped and {g.organization_id for g in scoped} == {organization_id}
    roles = await _rows(ORGANIZATION_ROLES, workos, organization_id=organization_id)
    assert roles and all(r.scoped_key.startswith(organization_id + "/") for r in roles)


async def test_the_access_check_answers_and_explains(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    direct = next(r for r in state["role_assignments"] if r["source"]["type"] == "direct")
    membership = await workos.organization_memberships.get(direct["organization_membership_id"])
    role_slug = direct["role"]["slug"]
    roles = await workos.organization_roles.list(membership.organization_id)
    granted = next(r for r in roles if r.slug == role_slug).permissions[0]
    form = AuthorizationCheckRequest(permission_slug=granted, resource_id=direct["_resource_id"])
    result = _entries(await check_access(workos, membership, form))
    assert result["Answer"] == "Yes: allowed"
    assert role_slug in result["Granted by"] and granted in result["Held on it"]
    denied = AuthorizationCheckRequest(
        permission_slug="no-such:permission", resource_id=direct["_resource_id"]
    )
    result = _entries(await check_access(workos, membership, denied))
    assert result["Answer"] == "No: denied"
    assert result["Granted by"] == "(no assignment grants it)"
    resource = await workos.authorization_resources.get(direct["_resource_id"])
    from_resource = ResourceAccessCheck(
        organization_membership_id=membership.id, permission_slug=granted
    )
    assert _entries(await RESOURCE_CHECK.run(workos, resource, from_resource))["Answer"] == (
        "Yes: allowed"
    )


async def test_a_groups_roles_are_set_then_one_removed(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    group = (await _rows(GROUPS, workos))[0]
    result = await _action(GROUPS, "set_roles").run(
        workos, group, GroupRolesSet(role_slugs=["admin", "member"])
    )
    assert _entries(result)["Roles"] in ("admin, member", "member, admin")
    remove = _action(GROUPS, "remove_role")
    await remove.run(workos, group, (await _remove_form(remove))(role_slug="member"))
    left = await workos.group_role_assignments.list(group.id)
    assert [a.role.slug for a in left.data] == ["admin"]


async def _remove_form(action: Action) -> Any:
    from workos_tui.resources.base import resolve_model

    model = resolve_model(action.input_model)
    assert model is not None
    return model


async def test_radar_lists_take_and_drop_an_entry(workos: WorkOS, emulator: EmulatorHandle) -> None:
    lists = await _rows(RADAR_LISTS, workos)
    blocked_emails = next(row for row in lists if row.id == "email/block")
    entry = RadarEntry(entry="spammer@example.com")
    added = await _action(RADAR_LISTS, "add_entry").run(workos, blocked_emails, entry)
    assert _entries(added)["Result"] == "added"
    again = await _action(RADAR_LISTS, "add_entry").run(workos, blocked_emails, entry)
    assert _entries(again)["Result"] == "was already on the list"
    removed = await _action(RADAR_LISTS, "remove_entry").run(workos, blocked_emails, entry)
    assert _entries(removed)["Result"] == "removed"


async def test_organization_actions_show_their_answers(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    member = next(m for m in emulator.state["organization_memberships"] if m["status"] == "active")
    organization = await workos.organizations.get(member["organization_id"])
    actions = {action.key: action for action in ORGANIZATION_ACTIONS}
    portal = await actions["admin_portal"].run(
        workos, organization, PortalLinkCreate(organization=organization.id, intent="sso")
    )
    assert isinstance(portal, ActionResult)
    assert next(e for e in portal.entries if e.label == "Link").is_secret
    user_id = member["user_id"]
    widget = await actions["widget_token"].run(
        workos, organization, WidgetTokenCreate(user_id=user_id, organization_id=organization.id)
    )
    assert _entries(widget)["Token"]
    retention = await actions["audit_log_retention"].run(
        workos, organization, AuditLogsRetentionUpdate(retention_period_in_days=365)
    )
    assert _entries(retention)["Retention (days)"] == "365"
    shown = _entries(await actions["audit_logs"].run(workos, organization, None))
    assert shown["Retention (days)"] == "365" and shown["State"]


async def test_users_are_looked_up_by_external_id_and_sessions_revoked(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    with_external = next(u for u in emulator.state["users"] if u.get("external_id"))
    rows = await _rows(USERS, workos, external_id=with_external["external_id"])
    assert [u.id for u in rows] == [with_external["id"]]
    active = next(s for s in emulator.state["sessions"] if s["status"] == "active")
    session = next(
        s for s in await _rows(SESSIONS, workos, user_id=active["user_id"]) if s.id == active["id"]
    )
    revoke = _action(SESSIONS, "revoke")
    assert revoke.applies(session)
    await revoke.run(workos, session, None)
    after = await _rows(SESSIONS, workos, user_id=active["user_id"])
    assert next(s for s in after if s.id == active["id"]).status != "active"


async def test_a_resource_by_external_id_is_read_updated_and_listed(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    from workos_tui.api.models.authorization import AuthorizationResourceUpdate

    listed = await workos.authorization_resources.list(limit=100)
    resource = next(r for r in listed.data if r.external_id)
    key = external_key(resource)
    assert key is not None
    rows = await _rows(EXTERNAL_RESOURCES, workos, external_key=key)
    assert [r.id for r in rows] == [resource.id]
    assert EXTERNAL_RESOURCES.update is not None
    changed = await EXTERNAL_RESOURCES.update(
        workos, rows[0].scoped_key, AuthorizationResourceUpdate(name="Renamed by external id")
    )
    assert changed.name == "Renamed by external id"  # type: ignore[attr-defined]


async def test_an_organizations_provider_is_configured(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    organization_id = emulator.state["organizations"].order[0]
    rows = await _rows(ORGANIZATION_PROVIDERS, workos, organization_id=organization_id)
    if not rows:
        pytest.skip("the demo has no provider for this organization")
    assert ORGANIZATION_PROVIDERS.update is not None
    first = rows[0]
    changed = await ORGANIZATION_PROVIDERS.update(
        workos, first.scoped_key, OrganizationConfigurationUpdate(enabled=not first.enabled)
    )
    assert changed.enabled is (not first.enabled)  # type: ignore[attr-defined]
