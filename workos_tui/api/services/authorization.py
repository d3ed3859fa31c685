"""Authorization resources, role assignments (of memberships and groups), checks."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.authorization import (
    AssignmentKind,
    AuthorizationCheck,
    AuthorizationCheckRequest,
    AuthorizationResource,
    AuthorizationResourceCreate,
    AuthorizationResourceUpdate,
    GroupRoleAssignment,
    GroupRoleAssignmentCreate,
    GroupRoleAssignmentsReplace,
    Permission,
    RoleAssignment,
    RoleAssignmentCreate,
)
from ..models.memberships import OrganizationMembership
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service, path_segment


class ResourceListParams(ListParams, total=False):
    """Filters of ``GET /authorization/resources``."""

    organization_id: str | None
    resource_type_slug: str | None
    resource_external_id: str | None
    parent_resource_id: str | None
    parent_resource_type_slug: str | None
    parent_external_id: str | None


class WhoCanParams(ListParams, total=False):
    """Filters of a resource's ``organization_memberships`` list."""

    permission_slug: str
    assignment: AssignmentKind | None


class RoleSlugParams(ListParams, total=False):
    """Filter of a resource's ``role_assignments`` list."""

    role_slug: str | None


class AuthorizationResourcesService(ResourceService[AuthorizationResource]):
    """``/authorization/resources``, and the same by organization, type and external id."""

    path = "/authorization/resources"
    model = AuthorizationResource

    @staticmethod
    def external_path(organization_id: str, resource_type_slug: str, external_id: str) -> str:
        return (
            f"/authorization/organizations/{path_segment(organization_id)}/resources/"
            f"{path_segment(resource_type_slug)}/{path_segment(external_id)}"
        )

    @operation("GET", "/authorization/resources")
    async def list(self, **params: Unpack[ResourceListParams]) -> Page[AuthorizationResource]:
        return await self._list(params)

    @operation("GET", "/authorization/resources")
    def cursor(self, **params: Unpack[ResourceListParams]) -> Cursor[AuthorizationResource]:
        return self._cursor(params)

    @operation("GET", "/authorization/resources")
    def iterate(self, **params: Unpack[ResourceListParams]) -> AsyncIterator[AuthorizationResource]:
        return self._iterate(params)

    @operation("POST", "/authorization/resources")
    async def create(self, resource: AuthorizationResourceCreate) -> AuthorizationResource:
        return await self._create(resource)

    @operation("PATCH", "/authorization/resources/{resource_id}")
    async def update(
        self, resource_id: str, changes: AuthorizationResourceUpdate
    ) -> AuthorizationResource:
        return await self._update(resource_id, changes, method="PATCH")

    @operation("DELETE", "/authorization/resources/{resource_id}")
    async def delete(self, resource_id: str, *, cascade_delete: bool = False) -> None:
        """Delete a resource; with ``cascade_delete`` also its descendants and assignments."""
        await self._delete(resource_id, params=_cascade(cascade_delete))

    @operation(
        "GET",
        "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
        "/{external_id}",
    )
    async def get_by_external_id(
        self, organization_id: str, resource_type_slug: str, external_id: str
    ) -> AuthorizationResource:
        path = self.external_path(organization_id, resource_type_slug, external_id)
        return await self._fetch(self.model, "GET", path)

    @operation(
        "PATCH",
        "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
        "/{external_id}",
    )
    async def update_by_external_id(
        self,
        organization_id: str,
        resource_type_slug: str,
        external_id: str,
        changes: AuthorizationResourceUpdate,
    ) -> AuthorizationResource:
        path = self.external_path(organization_id, resource_type_slug, external_id)
        return await self._fetch(self.model, "PATCH", path, body=changes)

    @operation(
        "DELETE",
        "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
        "/{external_id}",
    )
    async def delete_by_external_id(
        self,
        organization_id: str,
        resource_type_slug: str,
        external_id: str,
        *,
        cascade_delete: bool = False,
    ) -> None:
        path = self.external_path(organization_id, resource_type_slug, external_id)
        await self._send("DELETE", path, params=_cascade(cascade_delete))

    @operation("GET", "/authorization/resources/{resource_id}/organization_memberships")
    def memberships_cursor(
        self, resource_id: str, **params: Unpack[WhoCanParams]
    ) -> Cursor[OrganizationMembership]:
        """Who holds ``permission_slug`` on the resource (``assignment``: direct or indirect)."""
        path = self._item_path(resource_id, "organization_memberships")
        return self._make_cursor(OrganizationMembership, path, params)

    @operation("GET", "/authorization/resources/{resource_id}/organization_memberships")
    async def list_memberships(
        self, resource_id: str, **params: Unpack[WhoCanParams]
    ) -> Page[OrganizationMembership]:
        path = self._item_path(resource_id, "organization_memberships")
        return await self._fetch_page(OrganizationMembership, path, params)

    @operation(
        "GET",
        "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
        "/{external_id}/organization_memberships",
    )
    async def list_memberships_by_external_id(
        self,
        organization_id: str,
        resource_type_slug: str,
        external_id: str,
        **params: Unpack[WhoCanParams],
    ) -> Page[OrganizationMembership]:
        base = self.external_path(organization_id, resource_type_slug, external_id)
        return await self._fetch_page(
            OrganizationMembership, f"{base}/organization_memberships", params
        )

    @operation("GET", "/authorization/resources/{resource_id}/role_assignments")
    def role_assignments_cursor(
        self, resource_id: str, **params: Unpack[RoleSlugParams]
    ) -> Cursor[RoleAssignment]:
        path = self._item_path(resource_id, "role_assignments")
        return self._make_cursor(RoleAssignment, path, params)

    @operation("GET", "/authorization/resources/{resource_id}/role_assignments")
    async def list_role_assignments(
        self, resource_id: str, **params: Unpack[RoleSlugParams]
    ) -> Page[RoleAssignment]:
        path = self._item_path(resource_id, "role_assignments")
        return await self._fetch_page(RoleAssignment, path, params)

    @operation(
        "GET",
        "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
        "/{external_id}/role_assignments",
    )
    async def list_role_assignments_by_external_id(
        self,
        organization_id: str,
        resource_type_slug: str,
        external_id: str,
        **params: Unpack[RoleSlugParams],
    ) -> Page[RoleAssignment]:
        base = self.external_path(organization_id, resource_type_slug, external_id)
        return await self._fetch_page(RoleAssignment, f"{base}/role_assignments", params)


def _cascade(cascade_delete: bool) -> dict[str, str] | None:
    return {"cascade_delete": "true"} if cascade_delete else None


class MembershipAssignmentParams(ListParams, total=False):
    """Filters of a membership's ``role_assignments`` list."""

    resource_id: str | None
    resource_external_id: str | None
    resource_type_slug: str | None


class MembershipResourceParams(ListParams, total=False):
    """Filters of ``GET .../organization_memberships/{id}/resources``."""

    permission_slug: str
    parent_resource_id: str | None
    parent_resource_type_slug: str | None
    parent_resource_external_id: str | None


class RoleAssignmentsService(Service):
    """``/authorization/organization_memberships/{id}/…``: assignments, checks, permissions."""

    @staticmethod
    def _base(membership_id: str, *suffix: str) -> str:
        parts = [path_segment(membership_id), *suffix]
        return "/authorization/organization_memberships/" + "/".join(parts)

    @operation(
        "GET",
        "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    )
    def cursor(
        self, membership_id: str, **params: Unpack[MembershipAssignmentParams]
    ) -> Cursor[RoleAssignment]:
        path = self._base(membership_id, "role_assignments")
        return self._make_cursor(RoleAssignment, path, params)

    @operation(
        "GET",
        "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    )
    async def list(
        self, membership_id: str, **params: Unpack[MembershipAssignmentParams]
    ) -> Page[RoleAssignment]:
        path = self._base(membership_id, "role_assignments")
        return await self._fetch_page(RoleAssignment, path, params)

    @operation(
        "POST",
        "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    )
    async def assign(self, membership_id: str, assignment: RoleAssignmentCreate) -> RoleAssignment:
        path = self._base(membership_id, "role_assignments")
        return await self._fetch(RoleAssignment, "POST", path, body=assignment)

    @operation(
        "DELETE",
        "/authorization/organization_memberships/{organization_membership_id}/role_assignments",
    )
    async def remove(self, membership_id: str, assignment: RoleAssignmentCreate) -> None:
        """Remove the direct assignment matching role and resource."""
        path = self._base(membership_id, "role_assignments")
        await self._send("DELETE", path, body=assignment)

    @operation(
        "DELETE",
        "/authorization/organization_memberships/{organization_membership_id}"
        "/role_assignments/{role_assignment_id}",
    )
    async def remove_by_id(self, membership_id: str, assignment_id: str) -> None:
        path = self._base(membership_id, "role_assignments", path_segment(assignment_id))
        await self._send("DELETE", path)

    @operation("POST", "/authorization/organization_memberships/{organization_membership_id}/check")
    async def check(self, membership_id: str, request: AuthorizationCheckRequest) -> bool:
        """Whether the membership holds the permission on the resource."""
        path = self._base(membership_id, "check")
        answer = await self._fetch(AuthorizationCheck, "POST", path, body=request)
        return answer.authorized

    @operation(
        "GET",
        "/authorization/organization_memberships/{organization_membership_id}/resources",
    )
    async def list_resources(
        self, membership_id: str, **params: Unpack[MembershipResourceParams]
    ) -> Page[AuthorizationResource]:
        """Children of a parent resource on which the membership holds ``permission_slug``."""
        path = self._base(membership_id, "resources")
        return await self._fetch_page(AuthorizationResource, path, params)

    @operation(
        "GET",
        "/authorization/organization_memberships/{organization_membership_id}/resources"
        "/{resource_id}/permissions",
    )
    async def list_permissions(
        self, membership_id: str, resource_id: str, **params: Unpack[ListParams]
    ) -> Page[Permission]:
        """The permissions the membership effectively holds on a resource."""
        path = self._base(membership_id, "resources", path_segment(resource_id), "permissions")
        return await self._fetch_page(Permission, path, params)

    @operation(
        "GET",
        "/authorization/organization_memberships/{organization_membership_id}/resources"
        "/{resource_type_slug}/{external_id}/permissions",
    )
    async def list_permissions_by_external_id(
        self,
        membership_id: str,
        resource_type_slug: str,
        external_id: str,
        **params: Unpack[ListParams],
    ) -> Page[Permission]:
        path = self._base(
            membership_id,
            "resources",
            path_segment(resource_type_slug),
            path_segment(external_id),
            "permissions",
        )
        return await self._fetch_page(Permission, path, params)


class GroupRoleAssignmentsService(Service):
    """``/authorization/groups/{id}/role_assignments``."""

    @staticmethod
    def _base(group_id: str, *suffix: str) -> str:
        segments = [path_segment(group_id), "role_assignments", *map(path_segment, suffix)]
        return "/authorization/groups/" + "/".join(segments)

    @operation("GET", "/authorization/groups/{group_id}/role_assignments")
    async def list(self, group_id: str, **params: Unpack[ListParams]) -> Page[GroupRoleAssignment]:
        return await self._fetch_page(GroupRoleAssignment, self._base(group_id), params)

    @operation("GET", "/authorization/groups/{group_id}/role_assignments")
    def cursor(self, group_id: str, **params: Unpack[ListParams]) -> Cursor[GroupRoleAssignment]:
        return self._make_cursor(GroupRoleAssignment, self._base(group_id), params)

    @operation("GET", "/authorization/groups/{group_id}/role_assignments/{role_assignment_id}")
    async def get(self, group_id: str, assignment_id: str) -> GroupRoleAssignment:
        return await self._fetch(GroupRoleAssignment, "GET", self._base(group_id, assignment_id))

    @operation("POST", "/authorization/groups/{group_id}/role_assignments")
    async def create(
        self, group_id: str, assignment: GroupRoleAssignmentCreate
    ) -> GroupRoleAssignment:
        return await self._fetch(GroupRoleAssignment, "POST", self._base(group_id), body=assignment)

    @operation("PUT", "/authorization/groups/{group_id}/role_assignments")
    async def replace(
        self, group_id: str, assignments: builtins.list[GroupRoleAssignmentCreate]
    ) -> Page[GroupRoleAssignment]:
        """Make ``assignments`` the group's complete set of role assignments."""
        body = GroupRoleAssignmentsReplace(role_assignments=list(assignments))
        data = await self._request("PUT", self._base(group_id), body=body)
        items = data.get("data", []) if isinstance(data, dict) else []
        parsed = [self._parse(GroupRoleAssignment, i, "PUT", self._base(group_id)) for i in items]
        return Page(data=parsed)

    @operation("DELETE", "/authorization/groups/{group_id}/role_assignments")
    async def remove(self, group_id: str, assignment: GroupRoleAssignmentCreate) -> None:
        """Remove the group's assignments matching role and resource."""
        await self._send("DELETE", self._base(group_id), body=assignment)

    @operation("DELETE", "/authorization/groups/{group_id}/role_assignments/{role_assignment_id}")
    async def delete(self, group_id: str, assignment_id: str) -> None:
        await self._send("DELETE", self._base(group_id, assignment_id))
