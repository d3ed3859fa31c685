"""Webhook endpoints (``/webhook_endpoints``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.webhooks import WebhookEndpoint, WebhookEndpointCreate, WebhookEndpointUpdate
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService


class WebhookEndpointsService(ResourceService[WebhookEndpoint]):
    """``/webhook_endpoints`` (the API has no single-endpoint GET)."""

    path = "/webhook_endpoints"
    model = WebhookEndpoint

    async def list(self, **params: Unpack[ListParams]) -> Page[WebhookEndpoint]:
        return await self._list(params)

    def cursor(self, **params: Unpack[ListParams]) -> Cursor[WebhookEndpoint]:
        return self._cursor(params)

    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[WebhookEndpoint]:
        return self._iterate(params)

    async def create(self, endpoint: WebhookEndpointCreate) -> WebhookEndpoint:
        return await self._create(endpoint)

    async def update(self, endpoint_id: str, changes: WebhookEndpointUpdate) -> WebhookEndpoint:
        return await self._update(endpoint_id, changes, method="PATCH")

    async def delete(self, endpoint_id: str) -> None:
        await self._delete(endpoint_id)
