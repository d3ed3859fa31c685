"""Groups of an organization, their members, and the groups of a membership."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.groups import Group, GroupCreate, GroupMemberAdd, GroupUpdate
from ..models.memberships import OrganizationMembership
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import Service, path_segment


class GroupsService(Service):
    """``/organizations/{id}/groups``, and the groups of an organization membership."""

    @staticmethod
    def _path(organization_id: str, *suffix: str) -> str:
        parts = [path_segment(organization_id), "groups", *map(path_segment, suffix)]
        return "/organizations/" + "/".join(parts)

    def _members_path(self, organization_id: str, group_id: str, *suffix: str) -> str:
        members = self._path(organization_id, group_id) + "/organization-memberships"
        return "/".join([members, *map(path_segment, suffix)])

    @staticmethod
    def _membership_groups_path(membership_id: str) -> str:
        return f"/user_management/organization_memberships/{path_segment(membership_id)}/groups"

    @operation("GET", "/organizations/{organizationId}/groups")
    async def list(self, organization_id: str, **params: Unpack[ListParams]) -> Page[Group]:
        return await self._fetch_page(Group, self._path(organization_id), params)

    @operation("GET", "/organizations/{organizationId}/groups")
    def cursor(self, organization_id: str, **params: Unpack[ListParams]) -> Cursor[Group]:
        return self._make_cursor(Group, self._path(organization_id), params)

    @operation("GET", "/organizations/{organizationId}/groups")
    def iterate(self, organization_id: str, **params: Unpack[ListParams]) -> AsyncIterator[Group]:
        return self._iterate_all(Group, self._path(organization_id), params)

    @operation("GET", "/organizations/{organizationId}/groups/{groupId}")
    async def get(self, organization_id: str, group_id: str) -> Group:
        return await self._fetch(Group, "GET", self._path(organization_id, group_id))

    @operation("POST", "/organizations/{organizationId}/groups")
    async def create(self, organization_id: str, group: GroupCreate) -> Group:
        return await self._fetch(Group, "POST", self._path(organization_id), body=group)

    @operation("PATCH", "/organizations/{organizationId}/groups/{groupId}")
    async def update(self, organization_id: str, group_id: str, changes: GroupUpdate) -> Group:
        path = self._path(organization_id, group_id)
        return await self._fetch(Group, "PATCH", path, body=changes)

    @operation("DELETE", "/organizations/{organizationId}/groups/{groupId}")
    async def delete(self, organization_id: str, group_id: str) -> None:
        await self._send("DELETE", self._path(organization_id, group_id))

    @operation("GET", "/organizations/{organizationId}/groups/{groupId}/organization-memberships")
    async def list_members(
        self, organization_id: str, group_id: str, **params: Unpack[ListParams]
    ) -> Page[OrganizationMembership]:
        path = self._members_path(organization_id, group_id)
        return await self._fetch_page(OrganizationMembership, path, params)

    @operation("GET", "/organizations/{organizationId}/groups/{groupId}/organization-memberships")
    def members_cursor(
        self, organization_id: str, group_id: str, **params: Unpack[ListParams]
    ) -> Cursor[OrganizationMembership]:
        path = self._members_path(organization_id, group_id)
        return self._make_cursor(OrganizationMembership, path, params)

    @operation("POST", "/organizations/{organizationId}/groups/{groupId}/organization-memberships")
    async def add_member(self, organization_id: str, group_id: str, membership_id: str) -> Group:
        """Add an organization membership to the group; returns the group."""
        body = GroupMemberAdd(organization_membership_id=membership_id)
        path = self._members_path(organization_id, group_id)
        return await self._fetch(Group, "POST", path, body=body)

    @operation(
        "DELETE",
        "/organizations/{organizationId}/groups/{groupId}/organization-memberships/{omId}",
    )
    async def remove_member(self, organization_id: str, group_id: str, membership_id: str) -> None:
        await self._send("DELETE", self._members_path(organization_id, group_id, membership_id))

    @operation("GET", "/user_management/organization_memberships/{omId}/groups")
    async def list_for_membership(
        self, membership_id: str, **params: Unpack[ListParams]
    ) -> Page[Group]:
        """The groups an organization membership belongs to."""
        path = self._membership_groups_path(membership_id)
        return await self._fetch_page(Group, path, params)

    @operation("GET", "/user_management/organization_memberships/{omId}/groups")
    def membership_cursor(self, membership_id: str, **params: Unpack[ListParams]) -> Cursor[Group]:
        return self._make_cursor(Group, self._membership_groups_path(membership_id), params)
