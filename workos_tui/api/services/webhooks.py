"""Webhook endpoints (``/webhook_endpoints``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.webhooks import WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService


class WebhookEndpointsService(ResourceService[WebhookEndpoint]):
    """``/webhook_endpoints`` (the API has no single-endpoint GET)."""

    absent_operations = frozenset({"get"})
    """The API has no GET of one item by id here (``ResourceService.get`` is not an operation)."""

    path = "/webhook_endpoints"
    model = WebhookEndpoint

    @operation("GET", "/webhook_endpoints")
    async def list(self, **params: Unpack[ListParams]) -> Page[WebhookEndpoint]:
        return await self._list(params)

    @operation("GET", "/webhook_endpoints")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[WebhookEndpoint]:
        return self._cursor(params)

    @operation("GET", "/webhook_endpoints")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[WebhookEndpoint]:
        return self._iterate(params)

    @operation("POST", "/webhook_endpoints")
    async def create(self, endpoint: WebhookEndpointCreate) -> WebhookEndpoint:
        return await self._create(endpoint)

    @operation("PATCH", "/webhook_endpoints/{id}")
    async def update(self, endpoint_id: str, changes: WebhookEndpointUpdate) -> WebhookEndpoint:
        return await self._update(endpoint_id, changes, method="PATCH")

    @operation("DELETE", "/webhook_endpoints/{id}")
    async def delete(self, endpoint_id: str) -> None:
        await self._delete(endpoint_id)
