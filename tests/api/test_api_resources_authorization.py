"""The roles, permissions and groups declarations drive the real service layer.

Each declaration lists its rows from the emulator (scoped where nested), renders every column
and detail field, and its get / create / update / delete / action hooks call the right services.
"""

from __future__ import annotations

from typing import Any

from workos_tui.api import WorkOS
from workos_tui.api.models import (
    GroupMemberAdd,
    GroupUpdate,
    PermissionCreate,
    RolePermissionAdd,
    RolePermissionsSet,
    RoleUpdate,
)
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.base import ListRequest, ResourceType
from workos_tui.resources.groups import GROUP_MEMBERS, GROUPS, MEMBERSHIP_GROUPS, GroupForm
from workos_tui.resources.permissions import AUTHORIZATION_RESOURCES, PERMISSIONS
from workos_tui.resources.roles import (
    ORGANIZATION_ROLES,
    ROLE_PERMISSIONS,
    ROLES,
    OrganizationRoleForm,
)


async def _rows(resource: ResourceType, workos: WorkOS, **scope: Any) -> list[Any]:
    source = resource.open_list(workos, ListRequest(filters=scope, limit=5))
    rows = list(await source.next_page())
    for row in rows:
        for column in resource.columns:
            assert isinstance(column.render(row), str)
        for section in resource.sections:
            for field in section.fields:
                assert isinstance(field.render(row), str)
        for related in resource.related:
            assert related.value(row)
    return rows


async def test_roles_and_their_permissions(workos: WorkOS, emulator: EmulatorHandle) -> None:
    roles = await _rows(ROLES, workos)
    admin = next(r for r in roles if r.slug == "admin")
    assert ROLES.item_id(admin) == "admin"
    perms = await _rows(ROLE_PERMISSIONS, workos, role_slug="admin")
    assert {p.slug for p in perms} == set(admin.permissions)
    assert ROLES.get is not None and (await ROLES.get(workos, "viewer")).slug == "viewer"
    assert ROLES.update is not None
    await ROLES.update(workos, "viewer", RoleUpdate(name="Read only"))
    viewer = await ROLES.get(workos, "viewer")
    add, replace = ROLES.actions
    updated = await add.run(workos, viewer, RolePermissionAdd(slug="billing:read"))
    assert updated is not None and "billing:read" in updated.permissions  # type: ignore[attr-defined]
    assert replace.prefill is not None and replace.prefill(viewer)["permissions"]
    await replace.run(workos, viewer, RolePermissionsSet(permissions=["users:read"]))
    assert (await ROLES.get(workos, "viewer")).permissions == ["users:read"]  # type: ignore[attr-defined]


async def test_organization_roles(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[0]
    roles = await _rows(ORGANIZATION_ROLES, workos, organization_id=org)
    custom = next(r for r in roles if r.slug == "org-support-agent")
    key = ORGANIZATION_ROLES.item_id(custom)
    assert key == f"{org}/org-support-agent"
    perms = await _rows(ROLE_PERMISSIONS, workos, role_slug=key)
    assert {p.slug for p in perms} == set(custom.permissions)
    assert ORGANIZATION_ROLES.create and ORGANIZATION_ROLES.update and ORGANIZATION_ROLES.delete
    form = OrganizationRoleForm(
        **ORGANIZATION_ROLES.create_prefill({"organization_id": org}), name="Temp"
    )
    created = await ORGANIZATION_ROLES.create(workos, form)
    assert created.slug == "org-temp"  # type: ignore[attr-defined]
    await ORGANIZATION_ROLES.update(workos, f"{org}/org-temp", RoleUpdate(name="Temporary"))
    assert ORGANIZATION_ROLES.get is not None
    assert (await ORGANIZATION_ROLES.get(workos, f"{org}/org-temp")).name == "Temporary"  # type: ignore[attr-defined]
    add = ORGANIZATION_ROLES.actions[0]
    assert not add.applies(next(r for r in roles if r.slug == "admin"))
    fresh = (await _rows(ORGANIZATION_ROLES, workos, organization_id=org))[-1]
    await add.run(workos, fresh, RolePermissionAdd(slug="users:read"))
    await ORGANIZATION_ROLES.delete(workos, f"{org}/org-temp")


async def test_permissions_and_resources(workos: WorkOS, emulator: EmulatorHandle) -> None:
    perms = await _rows(PERMISSIONS, workos)
    assert len(perms) == 5
    assert PERMISSIONS.create is not None and PERMISSIONS.delete is not None
    await PERMISSIONS.create(workos, PermissionCreate(slug="x:y", name="X"))
    assert PERMISSIONS.item_id(await PERMISSIONS.get(workos, "x:y")) == "x:y"  # type: ignore[misc]
    await PERMISSIONS.delete(workos, "x:y")
    org = emulator.state["organizations"].order[0]
    resources = await _rows(AUTHORIZATION_RESOURCES, workos, organization_id=org)
    workspace = next(r for r in resources if r.resource_type_slug == "workspace")
    children = await _rows(AUTHORIZATION_RESOURCES, workos, parent_resource_id=workspace.id)
    assert len(children) == 3


async def test_groups_members_and_membership_groups(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    org = emulator.state["organizations"].order[0]
    groups = await _rows(GROUPS, workos, organization_id=org)
    engineering = next(g for g in groups if g.name == "Engineering")
    key = GROUPS.item_id(engineering)
    members = await _rows(GROUP_MEMBERS, workos, group=key)
    assert len(members) == 3
    mine = await _rows(MEMBERSHIP_GROUPS, workos, organization_membership_id=members[0].id)
    assert [g.id for g in mine] == [engineering.id]
    assert GROUPS.create and GROUPS.update and GROUPS.delete and GROUPS.get
    created = await GROUPS.create(workos, GroupForm(organization_id=org, name="Ops"))
    new_key = f"{org}/{created.id}"  # type: ignore[attr-defined]
    await GROUPS.update(workos, new_key, GroupUpdate(name="Operations"))
    assert (await GROUPS.get(workos, new_key)).name == "Operations"  # type: ignore[attr-defined]
    other = emulator.state["organization_memberships"].index("organization_id").get(org)[-1]
    await GROUPS.actions[0].run(workos, created, GroupMemberAdd(organization_membership_id=other))
    assert len(await _rows(GROUP_MEMBERS, workos, group=new_key)) == 1
    await GROUPS.delete(workos, new_key)
