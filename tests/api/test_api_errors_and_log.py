"""Typed errors and the request log, over real HTTP; the API key must never leak."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import SecretStr

from workos_tui.api import (
    AuthenticationError,
    Environment,
    NotFoundError,
    RequestRecord,
    WorkOS,
    WorkOSError,
)
from workos_tui.api.models import OrganizationCreate
from workos_tui.emulator.testing import EmulatorHandle

WRONG_KEY = "sk_test_definitely_not_valid_4242"


async def test_wrong_key_is_an_authentication_error_that_hides_the_key(
    environment: Environment,
) -> None:
    wrong = dataclasses.replace(environment, api_key=SecretStr(WRONG_KEY))
    async with WorkOS.connect(wrong) as workos:
        with pytest.raises(AuthenticationError) as caught:
            await workos.organizations.list()
        texts = [str(caught.value), repr(caught.value), repr(workos), repr(workos.client)]
        texts += [repr(r) for r in workos.client.request_log.records()]
        texts += [repr(wrong), repr(workos.organizations)]
    assert caught.value.status == 401 and caught.value.operation == "GET /organizations"
    record = workos.client.request_log.last()
    assert record is not None and record.attempts == 1  # 401 is not retried
    for text in texts:
        assert WRONG_KEY not in text


async def test_not_found_carries_status_code_request_and_operation(
    workos: WorkOS,
) -> None:
    with pytest.raises(NotFoundError) as caught:
        await workos.users.get("user_does_not_exist")
    error = caught.value
    assert error.status == 404 and error.method == "GET"
    assert error.path == "/user_management/users/user_does_not_exist"
    assert error.message


async def test_request_log_records_everything_but_the_key(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    published: list[RequestRecord] = []
    unsubscribe = workos.client.request_log.subscribe(published.append)
    await workos.organizations.list(limit=2, search="a")
    created = await workos.organizations.create(OrganizationCreate(name="Logged Inc"))
    with pytest.raises(WorkOSError):
        await workos.organizations.get("org_missing")
    unsubscribe()
    await workos.organizations.get(created.id)

    listed, posted, missing = published
    assert (listed.method, listed.path, listed.query) == (
        "GET",
        "/organizations",
        {"limit": "2", "search": "a"},
    )
    assert listed.status == 200 and listed.attempts == 1 and listed.duration_ms > 0
    assert listed.environment == "emulator" and listed.ok
    assert posted.method == "POST" and posted.status == 201
    assert missing.status == 404 and missing.error and "org_missing" in missing.error
    assert len(workos.client.request_log.records()) == 4  # unsubscribed, still logged
    everything = repr(workos.client.request_log.records()) + repr(workos)
    assert emulator.api_key not in everything
