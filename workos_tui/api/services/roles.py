"""Environment roles, organization (custom) roles and permissions."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.authorization import (
    OrganizationRoleCreate,
    Permission,
    PermissionCreate,
    PermissionUpdate,
    Role,
    RoleCreate,
    RolePermissionAdd,
    RolePermissionsSet,
    RoleUpdate,
)
from ..models.base import WorkOSModel
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service, path_segment


class _RoleList(WorkOSModel):
    """``RoleList``: every role at once, without cursors."""

    data: list[Role]


class _RoleEndpoints(Service):
    """What environment and organization roles share (their paths differ)."""

    async def _roles(self, path: str) -> builtins.list[Role]:
        data = await self._request("GET", path)
        return self._parse(_RoleList, data, "GET", path).data

    async def _add_permission(self, path: str, permission_slug: str) -> Role:
        body = RolePermissionAdd(slug=permission_slug)
        return await self._fetch(Role, "POST", f"{path}/permissions", body=body)

    async def _set_permissions(self, path: str, permission_slugs: builtins.list[str]) -> Role:
        body = RolePermissionsSet(permissions=list(permission_slugs))
        return await self._fetch(Role, "PUT", f"{path}/permissions", body=body)


class RolesService(_RoleEndpoints):
    """``/authorization/roles``: the environment's roles."""

    path = "/authorization/roles"

    def _role_path(self, slug: str) -> str:
        return f"{self.path}/{path_segment(slug)}"

    @operation("GET", "/authorization/roles")
    async def list(self) -> builtins.list[Role]:
        """Every environment role, in priority order."""
        return await self._roles(self.path)

    @operation("GET", "/authorization/roles/{slug}")
    async def get(self, slug: str) -> Role:
        return await self._fetch(Role, "GET", self._role_path(slug))

    @operation("POST", "/authorization/roles")
    async def create(self, role: RoleCreate) -> Role:
        return await self._fetch(Role, "POST", self.path, body=role)

    @operation("PATCH", "/authorization/roles/{slug}")
    async def update(self, slug: str, changes: RoleUpdate) -> Role:
        return await self._fetch(Role, "PATCH", self._role_path(slug), body=changes)

    @operation("POST", "/authorization/roles/{slug}/permissions")
    async def add_permission(self, slug: str, permission_slug: str) -> Role:
        return await self._add_permission(self._role_path(slug), permission_slug)

    @operation("PUT", "/authorization/roles/{slug}/permissions")
    async def set_permissions(self, slug: str, permission_slugs: builtins.list[str]) -> Role:
        return await self._set_permissions(self._role_path(slug), permission_slugs)


class OrganizationRolesService(_RoleEndpoints):
    """``/authorization/organizations/{id}/roles``: roles that apply to one organization."""

    @staticmethod
    def _roles_path(organization_id: str) -> str:
        return f"/authorization/organizations/{path_segment(organization_id)}/roles"

    def _role_path(self, organization_id: str, slug: str) -> str:
        return f"{self._roles_path(organization_id)}/{path_segment(slug)}"

    @operation("GET", "/authorization/organizations/{organizationId}/roles")
    async def list(self, organization_id: str) -> builtins.list[Role]:
        """The environment's roles, then the organization's custom roles."""
        return await self._roles(self._roles_path(organization_id))

    @operation("GET", "/authorization/organizations/{organizationId}/roles/{slug}")
    async def get(self, organization_id: str, slug: str) -> Role:
        return await self._fetch(Role, "GET", self._role_path(organization_id, slug))

    @operation("POST", "/authorization/organizations/{organizationId}/roles")
    async def create(self, organization_id: str, role: OrganizationRoleCreate) -> Role:
        return await self._fetch(Role, "POST", self._roles_path(organization_id), body=role)

    @operation("PATCH", "/authorization/organizations/{organizationId}/roles/{slug}")
    async def update(self, organization_id: str, slug: str, changes: RoleUpdate) -> Role:
        path = self._role_path(organization_id, slug)
        return await self._fetch(Role, "PATCH", path, body=changes)

    @operation("DELETE", "/authorization/organizations/{organizationId}/roles/{slug}")
    async def delete(self, organization_id: str, slug: str) -> None:
        await self._send("DELETE", self._role_path(organization_id, slug))

    @operation("POST", "/authorization/organizations/{organizationId}/roles/{slug}/permissions")
    async def add_permission(self, organization_id: str, slug: str, permission_slug: str) -> Role:
        return await self._add_permission(self._role_path(organization_id, slug), permission_slug)

    @operation("PUT", "/authorization/organizations/{organizationId}/roles/{slug}/permissions")
    async def set_permissions(
        self, organization_id: str, slug: str, permission_slugs: builtins.list[str]
    ) -> Role:
        path = self._role_path(organization_id, slug)
        return await self._set_permissions(path, permission_slugs)

    @operation(
        "DELETE",
        "/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}",
    )
    async def remove_permission(
        self, organization_id: str, slug: str, permission_slug: str
    ) -> Role:
        path = f"{self._role_path(organization_id, slug)}/permissions/"
        return await self._fetch(Role, "DELETE", path + path_segment(permission_slug))


class PermissionsService(ResourceService[Permission]):
    """``/authorization/permissions`` (addressed by slug)."""

    path = "/authorization/permissions"
    model = Permission

    @operation("GET", "/authorization/permissions")
    async def list(self, **params: Unpack[ListParams]) -> Page[Permission]:
        return await self._list(params)

    @operation("GET", "/authorization/permissions")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[Permission]:
        return self._cursor(params)

    @operation("GET", "/authorization/permissions")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[Permission]:
        return self._iterate(params)

    @operation("POST", "/authorization/permissions")
    async def create(self, permission: PermissionCreate) -> Permission:
        return await self._create(permission)

    @operation("PATCH", "/authorization/permissions/{slug}")
    async def update(self, slug: str, changes: PermissionUpdate) -> Permission:
        return await self._update(slug, changes, method="PATCH")

    @operation("DELETE", "/authorization/permissions/{slug}")
    async def delete(self, slug: str) -> None:
        await self._delete(slug)
