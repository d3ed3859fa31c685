"""Directory Sync: directories, directory users and directory groups (read-mostly)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.directories import Directory, DirectoryGroup, DirectoryUser
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService


class DirectoryListParams(ListParams, total=False):
    """Filters of ``GET /directories``."""

    organization_id: str | None
    search: str | None
    domain: str | None


class DirectoriesService(ResourceService[Directory]):
    """``/directories``."""

    path = "/directories"
    model = Directory

    @operation("GET", "/directories")
    async def list(self, **params: Unpack[DirectoryListParams]) -> Page[Directory]:
        return await self._list(params)

    @operation("GET", "/directories")
    def cursor(self, **params: Unpack[DirectoryListParams]) -> Cursor[Directory]:
        return self._cursor(params)

    @operation("GET", "/directories")
    def iterate(self, **params: Unpack[DirectoryListParams]) -> AsyncIterator[Directory]:
        return self._iterate(params)

    @operation("DELETE", "/directories/{id}")
    async def delete(self, directory_id: str) -> None:
        """Delete a directory (WorkOS answers 202: deletion continues in the background)."""
        await self._delete(directory_id)


class DirectoryUserListParams(ListParams, total=False):
    """Filters of ``GET /directory_users`` (give a directory or a group)."""

    directory: str | None
    group: str | None
    idp_id: str | None
    email: str | None


class DirectoryUsersService(ResourceService[DirectoryUser]):
    """``/directory_users``."""

    path = "/directory_users"
    model = DirectoryUser

    @operation("GET", "/directory_users")
    async def list(self, **params: Unpack[DirectoryUserListParams]) -> Page[DirectoryUser]:
        return await self._list(params)

    @operation("GET", "/directory_users")
    def cursor(self, **params: Unpack[DirectoryUserListParams]) -> Cursor[DirectoryUser]:
        return self._cursor(params)

    @operation("GET", "/directory_users")
    def iterate(self, **params: Unpack[DirectoryUserListParams]) -> AsyncIterator[DirectoryUser]:
        return self._iterate(params)


class DirectoryGroupListParams(ListParams, total=False):
    """Filters of ``GET /directory_groups`` (give a directory or a user)."""

    directory: str | None
    user: str | None


class DirectoryGroupsService(ResourceService[DirectoryGroup]):
    """``/directory_groups``."""

    path = "/directory_groups"
    model = DirectoryGroup

    @operation("GET", "/directory_groups")
    async def list(self, **params: Unpack[DirectoryGroupListParams]) -> Page[DirectoryGroup]:
        return await self._list(params)

    @operation("GET", "/directory_groups")
    def cursor(self, **params: Unpack[DirectoryGroupListParams]) -> Cursor[DirectoryGroup]:
        return self._cursor(params)

    @operation("GET", "/directory_groups")
    def iterate(self, **params: Unpack[DirectoryGroupListParams]) -> AsyncIterator[DirectoryGroup]:
        return self._iterate(params)
