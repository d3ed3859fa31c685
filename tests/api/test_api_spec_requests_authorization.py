"""Every request the service layer sends for authorization, permissions and groups matches the
WorkOS spec (same method as ``test_api_spec_requests.py``), and every operation of those tags
(plus a membership's groups) is exercised.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spec_capture import Call, capture_and_validate
from spec_check import SpecChecker

from workos_tui.api.models import (
    AuthorizationCheckRequest,
    AuthorizationResourceCreate,
    AuthorizationResourceUpdate,
    GroupCreate,
    GroupRoleAssignmentCreate,
    GroupUpdate,
    OrganizationRoleCreate,
    PermissionCreate,
    PermissionUpdate,
    RoleAssignmentCreate,
    RoleCreate,
    RoleUpdate,
)

TAGS = ("authorization", "permissions", "groups", "user-management.organization-membership.groups")
BY_EXTERNAL = RoleAssignmentCreate(
    role_slug="editor", resource_external_id="p-1", resource_type_slug="project"
)

CALLS: dict[str, Call] = {
    "roles.list": lambda w: w.roles.list(),
    "roles.get": lambda w: w.roles.get("admin"),
    "roles.create": lambda w: w.roles.create(
        RoleCreate(slug="support", name="Support", description="d", resource_type_slug="org")
    ),
    "roles.update": lambda w: w.roles.update("support", RoleUpdate(name="S", description=None)),
    "roles.add_permission": lambda w: w.roles.add_permission("admin", "users:read"),
    "roles.set_permissions": lambda w: w.roles.set_permissions("admin", ["a:b", "c:d"]),
    "org_roles.list": lambda w: w.organization_roles.list("org_1"),
    "org_roles.get": lambda w: w.organization_roles.get("org_1", "org-x"),
    "org_roles.create": lambda w: w.organization_roles.create(
        "org_1", OrganizationRoleCreate(name="X", slug="org-x", description="d")
    ),
    "org_roles.update": lambda w: w.organization_roles.update(
        "org_1", "org-x", RoleUpdate(name="Y")
    ),
    "org_roles.delete": lambda w: w.organization_roles.delete("org_1", "org-x"),
    "org_roles.add_permission": lambda w: w.organization_roles.add_permission(
        "org_1", "org-x", "users:read"
    ),
    "org_roles.set_permissions": lambda w: w.organization_roles.set_permissions(
        "org_1", "org-x", ["users:read"]
    ),
    "org_roles.remove_permission": lambda w: w.organization_roles.remove_permission(
        "org_1", "org-x", "users:read"
    ),
    "permissions.list": lambda w: w.permissions.list(limit=5, order="asc", after="perm_1"),
    "permissions.get": lambda w: w.permissions.get("users:read"),
    "permissions.create": lambda w: w.permissions.create(
        PermissionCreate(slug="a:b", name="A", resource_type_slug="project")
    ),
    "permissions.update": lambda w: w.permissions.update("a:b", PermissionUpdate(name="B")),
    "permissions.delete": lambda w: w.permissions.delete("a:b"),
    "resources.list": lambda w: w.authorization_resources.list(
        organization_id="org_1",
        resource_type_slug="project",
        resource_external_id="p-1",
        parent_resource_type_slug="workspace",
        parent_external_id="ws-1",
        limit=10,
    ),
    "resources.create": lambda w: w.authorization_resources.create(
        AuthorizationResourceCreate(
            organization_id="org_1",
            resource_type_slug="project",
            external_id="p-1",
            name="P",
            description="d",
            parent_resource_id="authz_resource_1",
        )
    ),
    "resources.get": lambda w: w.authorization_resources.get("authz_resource_1"),
    "resources.update": lambda w: w.authorization_resources.update(
        "authz_resource_1",
        AuthorizationResourceUpdate(
            name="Q", parent_resource_external_id="ws-1", parent_resource_type_slug="workspace"
        ),
    ),
    "resources.delete": lambda w: w.authorization_resources.delete(
        "authz_resource_1", cascade_delete=True
    ),
    "resources.get_by_external_id": lambda w: w.authorization_resources.get_by_external_id(
        "org_1", "project", "p-1"
    ),
    "resources.update_by_external_id": lambda w: w.authorization_resources.update_by_external_id(
        "org_1", "project", "p-1", AuthorizationResourceUpdate(description=None)
    ),
    "resources.delete_by_external_id": lambda w: w.authorization_resources.delete_by_external_id(
        "org_1", "project", "p-1"
    ),
    "resources.memberships": lambda w: w.authorization_resources.list_memberships(
        "authz_resource_1", permission_slug="a:b", assignment="direct", limit=5
    ),
    "resources.memberships_by_external_id": lambda w: (
        w.authorization_resources.list_memberships_by_external_id(
            "org_1", "project", "p-1", permission_slug="a:b"
        )
    ),
    "resources.role_assignments": lambda w: w.authorization_resources.list_role_assignments(
        "authz_resource_1", role_slug="editor"
    ),
    "resources.role_assignments_by_external_id": lambda w: (
        w.authorization_resources.list_role_assignments_by_external_id("org_1", "project", "p-1")
    ),
    "assignments.list": lambda w: w.role_assignments.list(
        "om_1", resource_external_id="p-1", resource_type_slug="project", limit=10
    ),
    "assignments.assign": lambda w: w.role_assignments.assign(
        "om_1", RoleAssignmentCreate(role_slug="editor", resource_id="authz_resource_1")
    ),
    "assignments.remove": lambda w: w.role_assignments.remove("om_1", BY_EXTERNAL),
    "assignments.remove_by_id": lambda w: w.role_assignments.remove_by_id(
        "om_1", "role_assignment_1"
    ),
    "assignments.check": lambda w: w.role_assignments.check(
        "om_1", AuthorizationCheckRequest(permission_slug="a:b", resource_id="authz_resource_1")
    ),
    "assignments.resources": lambda w: w.role_assignments.list_resources(
        "om_1", permission_slug="a:b", parent_resource_id="authz_resource_1"
    ),
    "assignments.permissions": lambda w: w.role_assignments.list_permissions(
        "om_1", "authz_resource_1", limit=100
    ),
    "assignments.permissions_by_external_id": lambda w: (
        w.role_assignments.list_permissions_by_external_id("om_1", "project", "p-1")
    ),
    "group_assignments.list": lambda w: w.group_role_assignments.list("group_1", limit=3),
    "group_assignments.create": lambda w: w.group_role_assignments.create(
        "group_1", GroupRoleAssignmentCreate(role_slug="viewer")
    ),
    "group_assignments.replace": lambda w: w.group_role_assignments.replace(
        "group_1",
        [
            GroupRoleAssignmentCreate(role_slug="viewer"),
            GroupRoleAssignmentCreate(role_slug="editor", resource_id="authz_resource_1"),
        ],
    ),
    "group_assignments.remove": lambda w: w.group_role_assignments.remove(
        "group_1", GroupRoleAssignmentCreate(role_slug="viewer")
    ),
    "group_assignments.get": lambda w: w.group_role_assignments.get("group_1", "gra_1"),
    "group_assignments.delete": lambda w: w.group_role_assignments.delete("group_1", "gra_1"),
    "groups.list": lambda w: w.groups.list("org_1", limit=20, order="desc"),
    "groups.get": lambda w: w.groups.get("org_1", "group_1"),
    "groups.create": lambda w: w.groups.create("org_1", GroupCreate(name="Eng")),
    "groups.update": lambda w: w.groups.update("org_1", "group_1", GroupUpdate(name="E")),
    "groups.delete": lambda w: w.groups.delete("org_1", "group_1"),
    "groups.members": lambda w: w.groups.list_members("org_1", "group_1", limit=5),
    "groups.add_member": lambda w: w.groups.add_member("org_1", "group_1", "om_1"),
    "groups.remove_member": lambda w: w.groups.remove_member("org_1", "group_1", "om_1"),
    "groups.for_membership": lambda w: w.groups.list_for_membership("om_1", limit=5),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    problems, covered = await capture_and_validate(checker, CALLS)
    assert problems == []
    expected = {
        (method.upper(), path)
        for path, item in checker.spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and (op.get("tags") or [""])[0] in TAGS
    }
    assert len(expected) == 54
    assert covered == expected
