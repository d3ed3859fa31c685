"""``Idempotency-Key``: a POST repeated with the same key gets the first answer and creates
nothing; the same key with another request is a 400; keys expire.

The retry tests drive the console's real ``WorkOSClient`` (which sends one key for every
attempt of a POST) against a slow emulator (the latency hook), with a short read timeout.
"""

from __future__ import annotations

import time
import uuid

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, RequestTimeoutError, WorkOS
from workos_tui.api.models import OrganizationCreate
from workos_tui.emulator.idempotency import MISMATCH_CODE
from workos_tui.emulator.testing import EmulatorHandle


async def _no_sleep(seconds: float) -> None:
    return None


def _environment(emulator: EmulatorHandle) -> Environment:
    return Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )


def _named(emulator: EmulatorHandle, name: str) -> list[str]:
    return [o["id"] for o in emulator.state["organizations"] if o["name"] == name]


def _keys_sent(emulator: EmulatorHandle, start: int, path: str) -> list[str]:
    return [
        ex.request_headers.get("idempotency-key", "")
        for ex in emulator.log.since(start)
        if ex.method == "POST" and ex.path == path
    ]


async def test_a_timed_out_create_retried_with_the_same_key_leaves_one_record(
    emulator: EmulatorHandle,
) -> None:
    # The first attempt is still being answered when the client gives up and retries; the
    # retry creates the organization, and the first attempt, when it wakes, finds its key.
    emulator.add_hook("/organizations", method="POST", latency_ms=1200, count=1)
    start = len(emulator.log)
    async with WorkOS.connect(_environment(emulator), read_timeout=0.3, sleep=_no_sleep) as workos:
        org = await workos.organizations.create(OrganizationCreate(name="Retried Once Inc."))
        record = workos.client.request_log.last()
    assert record is not None and record.attempts == 2
    assert emulator.server.wait_idle(5)
    assert _named(emulator, "Retried Once Inc.") == [org.id]
    keys = _keys_sent(emulator, start, "/organizations")
    assert len(keys) == 2 and keys[0] == keys[1] != ""


async def test_every_attempt_timing_out_still_creates_exactly_one_record(
    emulator: EmulatorHandle,
) -> None:
    # The reported case: one save, four attempts, all too slow for the client.
    emulator.add_hook("/organizations", method="POST", latency_ms=1000)
    async with WorkOS.connect(_environment(emulator), read_timeout=0.2, sleep=_no_sleep) as workos:
        with pytest.raises(RequestTimeoutError):
            await workos.organizations.create(OrganizationCreate(name="Slow Save LLC"))
        record = workos.client.request_log.last()
    assert record is not None and record.attempts == 4
    assert emulator.server.wait_idle(5)
    assert len(_named(emulator, "Slow Save LLC")) == 1


def test_same_key_same_body_replays_the_first_answer(emulator: EmulatorHandle) -> None:
    key = str(uuid.uuid4())
    with emulator.client(headers={"Idempotency-Key": key}) as c:
        first = c.post("/organizations", json={"name": "Replay Corp"})
        # Same body written differently (key order, spacing) is the same request.
        again = c.post(
            "/organizations",
            content=b'{ "name" : "Replay Corp" }',
            headers={"Content-Type": "application/json"},
        )
        listed = c.get("/organizations", params={"search": "Replay Corp"}).json()["data"]
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert [o["id"] for o in listed] == [first.json()["id"]]


def test_same_key_with_another_request_is_a_400(emulator: EmulatorHandle) -> None:
    key = str(uuid.uuid4())
    with emulator.client(headers={"Idempotency-Key": key}) as c:
        assert c.post("/organizations", json={"name": "First Body Ltd"}).status_code == 201
        other = c.post("/organizations", json={"name": "Second Body Ltd"})
        elsewhere = c.post("/user_management/users", json={"email": "idem@first.example"})
    assert other.status_code == 400 and other.json()["code"] == MISMATCH_CODE
    assert elsewhere.status_code == 400 and elsewhere.json()["code"] == MISMATCH_CODE
    assert _named(emulator, "Second Body Ltd") == []
    assert not emulator.state["users"].index("email").get("idem@first.example")


def test_errors_are_replayed_too_but_other_keys_run_anew(emulator: EmulatorHandle) -> None:
    key = str(uuid.uuid4())
    with emulator.client() as c:
        bad = c.post("/organizations", json={"name": ""}, headers={"Idempotency-Key": key})
        again = c.post("/organizations", json={"name": ""}, headers={"Idempotency-Key": key})
        one = c.post("/organizations", json={"name": "Twice Co"}, headers={"Idempotency-Key": "a"})
        two = c.post("/organizations", json={"name": "Twice Co"}, headers={"Idempotency-Key": "b"})
        none = c.post("/organizations", json={"name": "Twice Co"})
    assert bad.status_code == again.status_code == 422 and again.json() == bad.json()
    assert len({one.json()["id"], two.json()["id"], none.json()["id"]}) == 3


def test_keys_expire(emulator: EmulatorHandle) -> None:
    store = emulator.state.idempotency
    assert store.ttl_s == 24 * 3600  # as WorkOS documents
    store.ttl_s = 0.2
    try:
        with emulator.client(headers={"Idempotency-Key": "expiring-key"}) as c:
            first = c.post("/organizations", json={"name": "Expiry Inc."}).json()
            time.sleep(0.3)
            later = c.post("/organizations", json={"name": "Expiry Inc."})
    finally:
        store.ttl_s = 24 * 3600
    assert later.status_code == 201 and later.json()["id"] != first["id"]
    assert len(_named(emulator, "Expiry Inc.")) == 2


def test_unauthorised_requests_do_not_spend_a_key(emulator: EmulatorHandle) -> None:
    headers = {"Idempotency-Key": "auth-first"}
    with httpx.Client(base_url=emulator.base_url, headers=headers) as anonymous:
        assert anonymous.post("/organizations", json={"name": "Auth Co"}).status_code == 401
    with emulator.client(headers=headers) as c:
        assert c.post("/organizations", json={"name": "Auth Co"}).status_code == 201
    assert len(_named(emulator, "Auth Co")) == 1
