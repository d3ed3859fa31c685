"""Authorization resources, role assignments and checks against the emulator over real HTTP."""

from __future__ import annotations

import pydantic
import pytest

from workos_tui.api import ConflictError, NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import (
    AuthorizationCheckRequest,
    AuthorizationResource,
    AuthorizationResourceCreate,
    AuthorizationResourceUpdate,
    GroupRoleAssignmentCreate,
    RoleAssignmentCreate,
)
from workos_tui.emulator.testing import EmulatorHandle


def _org(emulator: EmulatorHandle, n: int = 0) -> str:
    return emulator.state["organizations"].order[n]


async def test_resources_crud_and_lists(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org = _org(emulator, 2)
    ws = await workos.authorization_resources.create(
        AuthorizationResourceCreate(
            organization_id=org, resource_type_slug="workspace", external_id="w", name="W"
        )
    )
    project = await workos.authorization_resources.create(
        AuthorizationResourceCreate(
            organization_id=org,
            resource_type_slug="project",
            external_id="p",
            name="P",
            parent_resource_id=ws.id,
        )
    )
    assert isinstance(project, AuthorizationResource) and project.parent_resource_id == ws.id
    assert (await workos.authorization_resources.get(project.id)).name == "P"
    by_ext = await workos.authorization_resources.get_by_external_id(org, "project", "p")
    assert by_ext.id == project.id
    renamed = await workos.authorization_resources.update(
        project.id, AuthorizationResourceUpdate(name="P2", description="two")
    )
    assert renamed.name == "P2"
    cleared = await workos.authorization_resources.update_by_external_id(
        org, "project", "p", AuthorizationResourceUpdate(description=None)
    )
    assert cleared.description is None and cleared.name == "P2"
    page = await workos.authorization_resources.list(organization_id=org)
    assert {r.id for r in page.data} == {ws.id, project.id}
    children = [
        r.id async for r in workos.authorization_resources.iterate(parent_resource_id=ws.id)
    ]
    assert children == [project.id]
    assert len(await workos.authorization_resources.cursor(limit=4).next_page()) == 4
    with pytest.raises(ConflictError):
        await workos.authorization_resources.delete(ws.id)
    await workos.authorization_resources.delete_by_external_id(org, "project", "p")
    await workos.authorization_resources.delete(ws.id, cascade_delete=False)
    with pytest.raises(NotFoundError):
        await workos.authorization_resources.get(ws.id)


async def test_membership_assignments_check_and_permissions(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    org = _org(emulator)
    om = emulator.state["organization_memberships"].index("organization_id").get(org)[-1]
    mobile = await workos.authorization_resources.get_by_external_id(org, "project", "proj-mobile")
    request = AuthorizationCheckRequest(permission_slug="documents:write", resource_id=mobile.id)
    assert not await workos.role_assignments.check(om, request)
    assignment = await workos.role_assignments.assign(
        om, RoleAssignmentCreate(role_slug="project-editor", resource_id=mobile.id)
    )
    assert assignment.source is not None and assignment.source.type == "direct"
    assert assignment.resource.external_id == "proj-mobile"
    assert await workos.role_assignments.check(om, request)
    listed = await workos.role_assignments.list(om, resource_id=mobile.id)
    assert [a.id for a in listed.data] == [assignment.id]
    assert [a.id for a in await workos.role_assignments.cursor(om).next_page()] == [assignment.id]
    perms = await workos.role_assignments.list_permissions(om, mobile.id, limit=100)
    assert "documents:write" in {p.slug for p in perms.data}
    by_ext = await workos.role_assignments.list_permissions_by_external_id(
        om, "project", "proj-mobile"
    )
    assert {p.slug for p in by_ext.data} == {p.slug for p in perms.data}
    visible = await workos.role_assignments.list_resources(
        om,
        permission_slug="documents:write",
        parent_resource_type_slug="workspace",
        parent_resource_external_id="ws-main",
    )
    assert [r.id for r in visible.data] == [mobile.id]
    who = await workos.authorization_resources.list_memberships(
        mobile.id, permission_slug="documents:write", assignment="direct"
    )
    assert om in {m.id for m in who.data}
    who_ext = await workos.authorization_resources.list_memberships_by_external_id(
        org, "project", "proj-mobile", permission_slug="documents:write"
    )
    assert om in {m.id for m in who_ext.data}
    on_resource = await workos.authorization_resources.list_role_assignments(
        mobile.id, role_slug="project-editor"
    )
    assert [a.id for a in on_resource.data] == [assignment.id]
    cursor = workos.authorization_resources.role_assignments_cursor(mobile.id)
    assert assignment.id in [a.id for a in await cursor.next_page()]
    assert om in [
        m.id
        for m in await workos.authorization_resources.memberships_cursor(
            mobile.id, permission_slug="documents:write"
        ).next_page()
    ]
    by_ext_assignments = await workos.authorization_resources.list_role_assignments_by_external_id(
        org, "project", "proj-mobile"
    )
    assert assignment.id in {a.id for a in by_ext_assignments.data}
    await workos.role_assignments.remove(
        om,
        RoleAssignmentCreate(
            role_slug="project-editor",
            resource_external_id="proj-mobile",
            resource_type_slug="project",
        ),
    )
    assert not await workos.role_assignments.check(om, request)
    again = await workos.role_assignments.assign(
        om, RoleAssignmentCreate(role_slug="project-viewer", resource_id=mobile.id)
    )
    await workos.role_assignments.remove_by_id(om, again.id)
    assert (await workos.role_assignments.list(om)).data == []
    with pytest.raises(UnprocessableError):
        await workos.role_assignments.assign(
            om, RoleAssignmentCreate(role_slug="project-viewer", resource_id=org)
        )
    with pytest.raises(NotFoundError):
        await workos.role_assignments.remove_by_id(om, "role_assignment_01NOPE")


async def test_group_role_assignments(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    group = emulator.state["groups"].index("organization_id").get(org)[2]
    member = emulator.state["groups"].items[group]["_member_ids"][0]
    created = await workos.group_role_assignments.create(
        group, GroupRoleAssignmentCreate(role_slug="billing-admin")
    )
    assert created.resource.resource_type_slug == "organization"
    assert (await workos.group_role_assignments.get(group, created.id)).id == created.id
    inherited = await workos.role_assignments.list(member)
    assert any(
        a.source is not None and a.source.group_role_assignment_id == created.id
        for a in inherited.data
    )
    with pytest.raises(ConflictError):
        await workos.group_role_assignments.create(
            group, GroupRoleAssignmentCreate(role_slug="billing-admin")
        )
    api = await workos.authorization_resources.get_by_external_id(org, "project", "proj-api")
    replaced = await workos.group_role_assignments.replace(
        group,
        [
            GroupRoleAssignmentCreate(role_slug="billing-admin"),
            GroupRoleAssignmentCreate(role_slug="project-viewer", resource_id=api.id),
        ],
    )
    assert {a.role.slug for a in replaced.data} == {"billing-admin", "project-viewer"}
    page = await workos.group_role_assignments.list(group, limit=1)
    assert len(page.data) == 1 and page.has_more
    assert len(await workos.group_role_assignments.cursor(group).next_page()) == 2
    await workos.group_role_assignments.remove(
        group, GroupRoleAssignmentCreate(role_slug="billing-admin")
    )
    await workos.group_role_assignments.delete(group, replaced.data[0].id)
    assert (await workos.group_role_assignments.list(group)).data == []
    with pytest.raises(NotFoundError):
        await workos.group_role_assignments.get(group, created.id)


def test_assignment_inputs_check_the_target_locally() -> None:
    with pytest.raises(pydantic.ValidationError):
        RoleAssignmentCreate(role_slug="x")
    with pytest.raises(pydantic.ValidationError):
        RoleAssignmentCreate(role_slug="x", resource_id="r", resource_type_slug="project")
    with pytest.raises(pydantic.ValidationError):
        AuthorizationCheckRequest(permission_slug="a", resource_external_id="e")
    with pytest.raises(pydantic.ValidationError):
        AuthorizationResourceUpdate(parent_resource_id="a", parent_resource_external_id="b")
    assert GroupRoleAssignmentCreate(role_slug="x").to_body() == {"role_slug": "x"}
