"""Retries, timeouts, dropped connections, rate limits and read-only mode, over real HTTP.

Faults come from the emulator's ``/_emulate/hooks``. The client sleeps through a recorder
(see conftest), so backoff never slows the suite.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from api_helpers import SleepRecorder, recorded

from workos_tui.api import (
    Environment,
    NetworkError,
    RateLimitedError,
    ReadOnlyError,
    RequestTimeoutError,
    ServerError,
    WorkOS,
)
from workos_tui.api.models import (
    OrganizationCreate,
    OrganizationUpdate,
    VaultObjectUpdate,
)
from workos_tui.emulator import Exchange
from workos_tui.emulator.testing import EmulatorHandle


async def test_get_retries_server_errors_then_succeeds(
    workos: WorkOS,
    emulator: EmulatorHandle,
    exchanges: Callable[[], list[Exchange]],
    sleeps: SleepRecorder,
) -> None:
    emulator.add_hook("/organizations", method="GET", status=500, count=2)
    page = await workos.organizations.list(limit=3)
    assert len(page.data) == 3
    assert len(await recorded(exchanges, "GET", "/organizations", at_least=3)) == 3
    record = workos.client.request_log.last()
    assert record is not None and record.attempts == 3 and record.status == 200
    assert len(sleeps.delays) == 2
    assert sleeps.delays[1] >= sleeps.delays[0] / 2  # exponential, with jitter


async def test_retry_budget_is_bounded(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    emulator.add_hook("/organizations", method="GET", status=503, count=20)
    with pytest.raises(ServerError) as caught:
        await workos.organizations.list()
    assert caught.value.status == 503
    hits = await recorded(exchanges, "GET", "/organizations", at_least=4)
    assert len(hits) == 4  # 1 + max_retries (3)


async def test_dropped_connection_is_retried(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    emulator.add_hook("/organizations", method="GET", drop=True, count=1)
    page = await workos.organizations.list(limit=2)
    assert len(page.data) == 2
    record = workos.client.request_log.last()
    assert record is not None and record.attempts == 2


async def test_dropped_connection_without_retries_is_a_network_error(
    environment: Environment, emulator: EmulatorHandle
) -> None:
    emulator.add_hook("/organizations", method="GET", drop=True, count=1)
    async with WorkOS.connect(environment, max_retries=0) as workos:
        with pytest.raises(NetworkError) as caught:
            await workos.organizations.list()
    assert caught.value.operation == "GET /organizations"


async def test_slow_answer_times_out_then_retry_succeeds(
    environment: Environment, emulator: EmulatorHandle, sleeps: SleepRecorder
) -> None:
    org_id = emulator.state["organizations"].order[0]
    emulator.add_hook(f"/organizations/{org_id}", method="GET", latency_ms=1500, count=1)
    async with WorkOS.connect(environment, read_timeout=0.3, sleep=sleeps) as workos:
        org = await workos.organizations.get(org_id)
        assert org.id == org_id
        record = workos.client.request_log.last()
        assert record is not None and record.attempts == 2


async def test_timeout_without_retries_is_typed(
    environment: Environment, emulator: EmulatorHandle
) -> None:
    org_id = emulator.state["organizations"].order[1]
    emulator.add_hook(f"/organizations/{org_id}", method="GET", latency_ms=1500, count=1)
    async with WorkOS.connect(environment, read_timeout=0.3, max_retries=0) as workos:
        with pytest.raises(RequestTimeoutError) as caught:
            await workos.organizations.get(org_id)
    assert caught.value.operation == f"GET /organizations/{org_id}"


async def test_rate_limit_honours_retry_after(
    workos: WorkOS, emulator: EmulatorHandle, sleeps: SleepRecorder
) -> None:
    emulator.state.hooks.add(
        method="GET",
        path="/organizations",
        status=429,
        body={"message": "Too many requests"},
        headers={"Retry-After": "7"},
        count=1,
    )
    page = await workos.organizations.list(limit=1)
    assert len(page.data) == 1
    assert sleeps.delays == [7.0]


async def test_rate_limit_beyond_the_patience_limit_is_raised(
    environment: Environment, emulator: EmulatorHandle, sleeps: SleepRecorder
) -> None:
    emulator.state.hooks.add(
        method="GET",
        path="/organizations",
        status=429,
        body={"message": "Slow down", "code": "rate_limited"},
        headers={"Retry-After": "120"},
        count=1,
    )
    async with WorkOS.connect(environment, sleep=sleeps, max_retry_after=30) as workos:
        with pytest.raises(RateLimitedError) as caught:
            await workos.organizations.list()
    assert caught.value.retry_after == 120.0
    assert caught.value.code == "rate_limited"
    assert sleeps.delays == []


async def test_post_is_retried_with_the_same_idempotency_key(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    emulator.add_hook("/organizations", method="POST", status=500, count=1)
    created = await workos.organizations.create(OrganizationCreate(name="Retry Co"))
    assert created.name == "Retry Co"
    posts = await recorded(exchanges, "POST", "/organizations", at_least=2)
    assert len(posts) == 2
    keys = {ex.request_headers.get("idempotency-key") for ex in posts}
    assert len(keys) == 1 and None not in keys


async def test_failed_put_is_sent_exactly_once(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    org = (await workos.organizations.list(limit=1)).data[0]
    path = f"/organizations/{org.id}"
    emulator.add_hook(path, method="PUT", status=500, count=5)
    with pytest.raises(ServerError):
        await workos.organizations.update(org.id, OrganizationUpdate(name="Never"))
    puts = await recorded(exchanges, "PUT", path)
    assert len(puts) == 1 and "idempotency-key" not in puts[0].request_headers


async def test_failed_delete_is_sent_exactly_once(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    org = (await workos.organizations.list(limit=1)).data[0]
    path = f"/organizations/{org.id}"
    emulator.add_hook(path, method="DELETE", status=502, count=5)
    with pytest.raises(ServerError):
        await workos.organizations.delete(org.id)
    assert len(await recorded(exchanges, "DELETE", path, at_least=1)) == 1


async def test_failed_vault_update_is_sent_exactly_once(
    workos: WorkOS, emulator: EmulatorHandle, exchanges: Callable[[], list[Exchange]]
) -> None:
    path = "/vault/v1/kv/secret_1"
    emulator.add_hook(path, method="PUT", status=500, count=5)
    with pytest.raises(ServerError):
        await workos.vault.update("secret_1", VaultObjectUpdate(value="v"))
    assert len(await recorded(exchanges, "PUT", path, at_least=1)) == 1


async def test_read_only_refuses_mutations_before_sending(
    environment: Environment, exchanges: Callable[[], list[Exchange]]
) -> None:
    read_only = dataclasses.replace(environment, read_only=True)
    async with WorkOS.connect(read_only) as workos:
        org = (await workos.organizations.list(limit=1)).data[0]  # reads still work
        attempts = [
            workos.organizations.create(OrganizationCreate(name="Nope")),
            workos.organizations.update(org.id, OrganizationUpdate(name="Nope")),
            workos.organizations.delete(org.id),
            workos.vault.create_data_key({"organization_id": org.id}),
        ]
        for attempt in attempts:
            with pytest.raises(ReadOnlyError) as caught:
                await attempt
            assert caught.value.method in {"POST", "PUT", "DELETE"}
            assert caught.value.operation in str(caught.value)
            assert "read-only" in str(caught.value)
        refused = [r for r in workos.client.request_log.records() if r.method != "GET"]
    assert len(refused) == 4 and all(r.attempts == 0 and r.status is None for r in refused)
    # Nothing but reads reached the server (a late GET of an earlier timed-out test may show).
    assert {ex.method for ex in exchanges()} == {"GET"}
