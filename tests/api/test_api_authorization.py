"""Roles, organization roles and permissions against the emulator over real HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import (
    BadRequestError,
    ConflictError,
    NotFoundError,
    UnprocessableError,
    WorkOS,
)
from workos_tui.api.models import (
    OrganizationRoleCreate,
    Permission,
    PermissionCreate,
    PermissionUpdate,
    Role,
    RoleCreate,
    RoleUpdate,
)
from workos_tui.emulator.testing import EmulatorHandle


async def test_environment_roles(workos: WorkOS) -> None:
    roles = await workos.roles.list()
    assert all(isinstance(r, Role) for r in roles)
    assert [r.slug for r in roles][:3] == ["admin", "member", "billing-admin"]
    admin = await workos.roles.get("admin")
    assert admin.type == "EnvironmentRole" and "users:write" in admin.permissions
    created = await workos.roles.create(RoleCreate(slug="auditor", name="Auditor"))
    assert created.resource_type_slug == "organization" and created.permissions == []
    updated = await workos.roles.update("auditor", RoleUpdate(description="Reads logs"))
    assert updated.description == "Reads logs" and updated.name == "Auditor"
    cleared = await workos.roles.update("auditor", RoleUpdate(description=None))
    assert cleared.description is None
    added = await workos.roles.add_permission("auditor", "audit-logs:read")
    assert added.permissions == ["audit-logs:read"]
    replaced = await workos.roles.set_permissions("auditor", ["users:read", "audit-logs:read"])
    assert replaced.permissions == ["users:read", "audit-logs:read"]
    with pytest.raises(ConflictError) as caught:
        await workos.roles.create(RoleCreate(slug="admin", name="Again"))
    assert caught.value.code == "role_slug_conflict"
    with pytest.raises(NotFoundError):
        await workos.roles.get("nope")
    with pytest.raises(UnprocessableError):
        await workos.roles.add_permission("auditor", "no:such")


async def test_organization_roles(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[0]
    roles = await workos.organization_roles.list(org)
    assert {"OrganizationRole", "EnvironmentRole"} == {r.type for r in roles}
    custom = await workos.organization_roles.create(org, OrganizationRoleCreate(name="Ops Team"))
    assert custom.slug == "org-ops-team"
    fetched = await workos.organization_roles.get(org, "org-ops-team")
    assert fetched.id == custom.id
    renamed = await workos.organization_roles.update(org, custom.slug, RoleUpdate(name="Ops"))
    assert renamed.name == "Ops"
    role = await workos.organization_roles.add_permission(org, custom.slug, "users:read")
    role = await workos.organization_roles.set_permissions(
        org, custom.slug, ["users:read", "billing:read"]
    )
    assert role.permissions == ["users:read", "billing:read"]
    role = await workos.organization_roles.remove_permission(org, custom.slug, "users:read")
    assert role.permissions == ["billing:read"]
    await workos.organization_roles.delete(org, custom.slug)
    with pytest.raises(NotFoundError):
        await workos.organization_roles.get(org, custom.slug)
    with pytest.raises(BadRequestError):
        await workos.organization_roles.update(org, "admin", RoleUpdate(name="x"))
    with pytest.raises(ConflictError) as caught:
        await workos.organization_roles.create(
            org, OrganizationRoleCreate(name="Dup", slug="org-support-agent")
        )
    assert caught.value.code == "organization_role_slug_conflict"
    with pytest.raises(NotFoundError):
        await workos.organization_roles.list("org_01NOPE")


async def test_permissions_pages_and_crud(workos: WorkOS) -> None:
    page = await workos.permissions.list(limit=5)
    assert len(page.data) == 5 and page.has_more
    assert all(isinstance(p, Permission) for p in page.data)
    slugs = [p.slug async for p in workos.permissions.iterate(limit=4, order="asc")]
    assert slugs[0] == "users:read" and len(slugs) == len(set(slugs)) == 11
    cursor = workos.permissions.cursor(limit=10)
    assert len(await cursor.next_page()) == 10 and cursor.has_more
    created = await workos.permissions.create(
        PermissionCreate(slug="reports:export", name="Export reports")
    )
    assert created.system is False
    assert (await workos.permissions.get("reports:export")).id == created.id
    updated = await workos.permissions.update("reports:export", PermissionUpdate(name="Export"))
    assert updated.name == "Export"
    await workos.permissions.delete("reports:export")
    with pytest.raises(NotFoundError):
        await workos.permissions.get("reports:export")
    with pytest.raises(ConflictError):
        await workos.permissions.create(PermissionCreate(slug="users:read", name="Dup"))
    with pytest.raises(UnprocessableError):
        await workos.permissions.update("users:read", PermissionUpdate.model_construct(name=""))
