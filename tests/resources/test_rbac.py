"""The RBAC matrix's counts, staged changes and their application, against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS, WorkOSClient
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.rbac import apply_changes, load_matrix


@pytest.fixture
async def workos(emulator: EmulatorHandle) -> AsyncIterator[WorkOS]:
    environment = Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )
    async with WorkOSClient(environment) as client:
        yield WorkOS(client)


async def test_counts_follow_the_staged_toggles(workos: WorkOS, emulator: EmulatorHandle) -> None:
    matrix = await load_matrix(workos)
    roles = {r["slug"]: r for r in emulator.state["roles"] if r.get("_organization_id") is None}
    assert [c.key for c in matrix.columns] == list(roles)
    for slug, role in roles.items():
        assert matrix.role_count(slug) == len(role["permissions"])
    granting = sum(1 for r in roles.values() if "billing:read" in r["permissions"])
    assert matrix.permission_count("billing:read") == granting
    assert matrix.toggle("viewer", "billing:read") is True
    assert matrix.toggle("viewer", "users:read") is False
    assert matrix.permission_count("billing:read") == granting + 1
    assert matrix.role_count("viewer") == 2
    [change] = matrix.changes()
    assert (change.added, change.removed) == (("billing:read",), ("users:read",))
    assert change.permissions == ("audit-logs:read", "billing:read")
    matrix.discard_changes()
    assert matrix.changes() == []


async def test_apply_sets_each_changed_role_and_an_organizations_custom_role(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    custom = next(r for r in emulator.state["roles"] if r["slug"] == "org-finance")
    org_id = custom["_organization_id"]
    matrix = await load_matrix(workos, org_id)
    key = next(c.key for c in matrix.columns if c.role.slug == "org-finance")
    matrix.toggle(key, "users:read")
    matrix.toggle("member", "users:write")
    updated = await apply_changes(workos, matrix)
    assert sorted(r.slug for r in updated) == ["member", "org-finance"]
    assert (await workos.roles.get("member")).permissions == ["users:read", "users:write"]
    role = await workos.organization_roles.get(org_id, "org-finance")
    assert role.permissions == ["billing:read", "billing:manage", "users:read"]
    assert matrix.changes() == []
