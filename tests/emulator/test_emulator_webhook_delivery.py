"""Webhook delivery: events POSTed to a loopback listener, signed as WorkOS signs (checked with
our verifier), retried with back-off, logged at ``/_emulate/webhook_deliveries`` and re-sent."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from workos_tui.api.webhooks import SignatureMismatchError, verify_event
from workos_tui.emulator.testing import EmulatorHandle, WebhookListener, webhook_listener
from workos_tui.emulator.webhook_delivery import RetryPolicy, WebhookDelivery, is_loopback_url

DEADLINE_S = 20.0


@pytest.fixture
def listener() -> Iterator[WebhookListener]:
    with webhook_listener() as serving:
        yield serving


@pytest.fixture
def deliveries(emulator: EmulatorHandle) -> Iterator[WebhookDelivery]:
    """The emulator's delivery queue with short retry delays, its log emptied."""
    queue: WebhookDelivery = emulator.server.app.state.webhooks
    saved = queue.policy
    queue.policy = RetryPolicy(max_attempts=4, first_delay_s=0.05, factor=2.0, timeout_s=5.0)
    queue.clear()
    try:
        yield queue
    finally:
        queue.clear()
        queue.policy = saved


def _wait(what: str, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + DEADLINE_S
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.02)


def _log(emulator: EmulatorHandle, **params: str) -> list[dict[str, Any]]:
    r = httpx.get(f"{emulator.base_url}/_emulate/webhook_deliveries", params=params)
    assert r.status_code == 200
    data: list[dict[str, Any]] = r.json()["data"]
    return data


def _endpoint(emulator: EmulatorHandle, url: str, events: list[str]) -> dict[str, Any]:
    with emulator.client() as c:
        r = c.post("/webhook_endpoints", json={"endpoint_url": url, "events": events})
    assert r.status_code == 201, r.text
    endpoint: dict[str, Any] = r.json()
    return endpoint


def test_events_are_delivered_signed(
    emulator: EmulatorHandle, deliveries: WebhookDelivery, listener: WebhookListener
) -> None:
    endpoint = _endpoint(emulator, listener.url, ["organization.created", "organization.updated"])
    with emulator.client() as c:
        org = c.post("/organizations", json={"name": "Webhook Co"}).json()
        assert c.put(f"/organizations/{org['id']}", json={"name": "Webhook Co 2"}).is_success
        assert c.post("/user_management/users", json={"email": "wh@hooks.example"}).is_success
        events = c.get(
            "/events",
            params={"organization_id": org["id"], "order": "asc"},
        ).json()["data"]
    wanted = [e for e in events if e["data"].get("id") == org["id"]]
    assert [e["event"] for e in wanted] == ["organization.created", "organization.updated"]
    # One delivery per subscribed event, logged as the event is recorded; none for the user.
    logged = _log(emulator, endpoint_id=endpoint["id"])
    assert [d["event_id"] for d in logged] == [e["id"] for e in wanted]
    _wait("two deliveries", lambda: len(listener.received) >= 2)
    got = {}
    for received in listener.received:
        event = verify_event(received.body, received.signature, endpoint["secret"])
        got[event["id"]] = event
        assert received.user_agent
    assert sorted(got) == sorted(e["id"] for e in wanted)
    for e in wanted:
        assert got[e["id"]] == e  # exactly the event GET /events shows
    with pytest.raises(SignatureMismatchError):
        verify_event(listener.received[0].body, listener.received[0].signature, "other secret")
    _wait(
        "the log to show them delivered",
        lambda: all(d["status"] == "delivered" for d in _log(emulator, endpoint_id=endpoint["id"])),
    )
    for d in _log(emulator, endpoint_id=endpoint["id"]):
        assert d["status_code"] == 200 and d["attempts"] == 1 and d["last_error"] is None
        assert d["endpoint_url"] == listener.url and d["delivered_at"] and d["created_at"]
        assert "secret" not in d


def test_failures_are_retried_then_delivered_and_can_be_resent(
    emulator: EmulatorHandle, deliveries: WebhookDelivery, listener: WebhookListener
) -> None:
    listener.statuses = [500, 503]
    endpoint = _endpoint(emulator, listener.url, ["organization.created"])
    with emulator.client() as c:
        assert c.post("/organizations", json={"name": "Flaky Listener Co"}).is_success
    (delivery,) = _log(emulator, endpoint_id=endpoint["id"])
    _wait(
        "the delivery to succeed",
        lambda: _log(emulator, endpoint_id=endpoint["id"])[0]["status"] == "delivered",
    )
    (delivery,) = _log(emulator, endpoint_id=endpoint["id"])
    assert delivery["attempts"] == 3 and delivery["status_code"] == 200
    assert [a["status_code"] for a in delivery["history"]] == [500, 503, 200]
    assert [a["error"] for a in delivery["history"]] == ["HTTP 500", "HTTP 503", None]
    assert len(listener.received) == 3
    bodies = {r.body for r in listener.received}
    assert len(bodies) == 1  # the same event each time, freshly signed
    for received in listener.received:
        verify_event(received.body, received.signature, endpoint["secret"])

    base = f"{emulator.base_url}/_emulate/webhook_deliveries"
    r = httpx.post(f"{base}/{delivery['id']}/resend")
    assert r.status_code == 202
    again = r.json()
    assert again["resent_from"] == delivery["id"] and again["event_id"] == delivery["event_id"]
    _wait(
        "the resent delivery",
        lambda: httpx.get(f"{base}/{again['id']}").json()["status"] == "delivered",
    )
    assert len(listener.received) == 4 and listener.received[3].body in bodies
    assert httpx.post(f"{base}/whdel_missing/resend").status_code == 404
    assert httpx.get(f"{base}/whdel_missing").status_code == 404


def test_a_listener_that_keeps_failing_is_given_up(
    emulator: EmulatorHandle, deliveries: WebhookDelivery, listener: WebhookListener
) -> None:
    listener.statuses = [500] * 10
    endpoint = _endpoint(emulator, listener.url, ["organization.created"])
    with emulator.client() as c:
        assert c.post("/organizations", json={"name": "Down Listener Co"}).is_success
    _wait(
        "the delivery to fail",
        lambda: _log(emulator, endpoint_id=endpoint["id"])[0]["status"] == "failed",
    )
    (delivery,) = _log(emulator, endpoint_id=endpoint["id"])
    assert delivery["attempts"] == deliveries.policy.max_attempts == len(listener.received)
    assert delivery["last_error"] == "HTTP 500" and delivery["next_attempt_at"] is None


def test_non_loopback_targets_are_skipped_and_disabled_endpoints_ignored(
    emulator: EmulatorHandle, deliveries: WebhookDelivery, listener: WebhookListener
) -> None:
    remote = _endpoint(emulator, "https://hooks.remote.example/workos", ["user.created"])
    off = _endpoint(emulator, listener.url, ["user.created"])
    with emulator.client() as c:
        assert c.patch(f"/webhook_endpoints/{off['id']}", json={"status": "disabled"}).is_success
        user = c.post("/user_management/users", json={"email": "skip@hooks.example"}).json()
    (skipped,) = _log(emulator, endpoint_id=remote["id"])
    assert skipped["status"] == "skipped" and skipped["attempts"] == 0
    assert "loopback" in skipped["last_error"] and skipped["history"] == []
    assert skipped["event"] == "user.created"
    assert _log(emulator, endpoint_id=off["id"]) == []
    # The demo's own (remote) endpoint for user.created is skipped the same way.
    demo = [d for d in _log(emulator, status="skipped") if d["endpoint_id"] != remote["id"]]
    assert demo and all(d["event_id"] == skipped["event_id"] for d in demo)
    assert user["email"] == "skip@hooks.example" and listener.received == []
    assert httpx.delete(f"{emulator.base_url}/_emulate/webhook_deliveries").status_code == 200
    assert _log(emulator) == []


def test_loopback_rule_and_back_off() -> None:
    for url in (
        "http://127.0.0.1:9/x",
        "http://127.8.9.10/x",
        "http://localhost:3000/hooks",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
    ):
        assert is_loopback_url(url), url
    for url in (
        "https://hooks.example.com/x",
        "http://10.0.0.1/",
        "http://localhost.evil.example/",
        "http://0.0.0.0/",
        "http://[::2]/",
    ):
        assert not is_loopback_url(url), url
    policy = RetryPolicy(first_delay_s=5.0, factor=5.0)
    assert [policy.delay(n) for n in (1, 2, 3)] == [5.0, 25.0, 125.0]


def test_remote_delivery_needs_the_command_line_flag() -> None:
    from workos_tui.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["emulator"]).allow_remote_webhooks is False
    assert parser.parse_args(["emulator", "--allow-remote-webhooks"]).allow_remote_webhooks
    assert WebhookDelivery().allow_remote is False
