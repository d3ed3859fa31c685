"""SSO connections."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.sso import Connection, ConnectionTypeFilter
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService


class ConnectionListParams(ListParams, total=False):
    """Filters of ``GET /connections``."""

    connection_type: ConnectionTypeFilter | None
    domain: str | None
    organization_id: str | None
    search: str | None


class ConnectionsService(ResourceService[Connection]):
    """``/connections``."""

    path = "/connections"
    model = Connection

    @operation("GET", "/connections")
    async def list(self, **params: Unpack[ConnectionListParams]) -> Page[Connection]:
        return await self._list(params)

    @operation("GET", "/connections")
    def cursor(self, **params: Unpack[ConnectionListParams]) -> Cursor[Connection]:
        return self._cursor(params)

    @operation("GET", "/connections")
    def iterate(self, **params: Unpack[ConnectionListParams]) -> AsyncIterator[Connection]:
        return self._iterate(params)

    @operation("DELETE", "/connections/{id}")
    async def delete(self, connection_id: str) -> None:
        await self._delete(connection_id)
