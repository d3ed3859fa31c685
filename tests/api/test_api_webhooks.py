"""Webhook endpoints against the emulator over real HTTP; request ids on errors."""

from __future__ import annotations

import pytest

from workos_tui.api import ConflictError, NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import WebhookEndpointCreate, WebhookEndpointUpdate
from workos_tui.api.models.base import MASK


async def test_list_and_iterate(workos: WorkOS) -> None:
    page = await workos.webhook_endpoints.list(limit=2, order="asc")
    assert len(page.data) == 2 and page.has_more
    every = [e.id async for e in workos.webhook_endpoints.iterate(limit=2)]
    assert len(every) == len(set(every)) == 3
    cursor = workos.webhook_endpoints.cursor(limit=2)
    assert len(await cursor.next_page()) == 2 and cursor.has_more


async def test_secret_is_hidden(workos: WorkOS) -> None:
    endpoint = (await workos.webhook_endpoints.list()).data[0]
    assert endpoint.secret is not None and endpoint.secret.get_secret_value()
    secret = endpoint.secret.get_secret_value()
    for text in (repr(endpoint), str(endpoint.raw), str(endpoint.model_dump())):
        assert secret not in text
    assert endpoint.raw["secret"] == MASK


async def test_create_update_delete(workos: WorkOS) -> None:
    created = await workos.webhook_endpoints.create(
        WebhookEndpointCreate(endpoint_url="https://new.example/hook", events=["user.created"])
    )
    assert created.status == "enabled" and created.events == ["user.created"]
    updated = await workos.webhook_endpoints.update(
        created.id, WebhookEndpointUpdate(status="disabled")
    )
    assert updated.status == "disabled" and updated.endpoint_url == created.endpoint_url
    await workos.webhook_endpoints.delete(created.id)
    with pytest.raises(NotFoundError):
        await workos.webhook_endpoints.delete(created.id)


async def test_errors_carry_code_and_request_id(workos: WorkOS) -> None:
    existing = (await workos.webhook_endpoints.list()).data[0]
    with pytest.raises(ConflictError) as conflict:
        await workos.webhook_endpoints.create(
            WebhookEndpointCreate(endpoint_url=existing.endpoint_url, events=["user.created"])
        )
    assert conflict.value.code == "duplicate_endpoint"
    with pytest.raises(UnprocessableError) as bad_url:
        await workos.webhook_endpoints.update(
            existing.id, WebhookEndpointUpdate(endpoint_url="not a url")
        )
    assert bad_url.value.code == "invalid_url"
    with pytest.raises(NotFoundError) as missing:
        await workos.webhook_endpoints.update("we_nope", WebhookEndpointUpdate(status="enabled"))
    ids = {conflict.value.request_id, bad_url.value.request_id, missing.value.request_id}
    assert len(ids) == 3 and None not in ids
    assert missing.value.request_id in str(missing.value)
    logged = [r.request_id for r in workos.request_log.records() if r.status == 404]
    assert missing.value.request_id in logged
