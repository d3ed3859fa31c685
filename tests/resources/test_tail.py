"""The event tail's cursor, filters, subjects, rate and back-off (no UI), against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS, WorkOSClient
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.tail import (
    BACKLOG,
    Backoff,
    EventTail,
    RateMeter,
    Subject,
    TailFilter,
    event_subject,
)


@pytest.fixture
async def workos(emulator: EmulatorHandle) -> AsyncIterator[WorkOS]:
    environment = Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )
    async with WorkOSClient(environment) as client:
        yield WorkOS(client)


async def test_the_cursor_returns_only_what_arrived_since(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    tail = EventTail()
    backlog = await tail.poll(workos)
    assert [e.id for e in backlog] == list(emulator.state["events"].order[-BACKLOG:])
    assert await tail.poll(workos) == []
    with emulator.client() as http:
        org = http.post("/organizations", json={"name": "Cursor Co"}).json()
        http.post("/organizations", json={"name": "Cursor Two"})
    arrived = await tail.poll(workos)
    assert [e.event for e in arrived] == ["organization.created", "organization.created"]
    assert arrived[0].data["id"] == org["id"]
    assert event_subject(arrived[0]) == Subject(
        "organizations", org["id"], "Organization Cursor Co"
    )
    assert await tail.poll(workos) == []


async def test_prefix_types_filter_on_the_client_exact_ones_on_the_server(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    tail = EventTail(TailFilter.parse("dsync. authentication.*"))
    events = await tail.poll(workos)
    assert events and all(e.event.startswith(("dsync.", "authentication.")) for e in events)
    exact = EventTail(TailFilter.parse("user.created, organization.created"))
    assert exact.filter.exact_types == ["user.created", "organization.created"]
    events = await exact.poll(workos)
    assert {e.event for e in events} <= {"user.created", "organization.created"}
    assert len(events) == BACKLOG


def test_sign_in_events_are_about_their_user() -> None:
    from workos_tui.api.models.events import Event

    event = Event(
        id="event_1",
        event="authentication.sso_failed",
        data={"user_id": "user_1", "email": "a@b.example"},
        created_at="2026-01-01T00:00:00.000Z",
    )
    assert event_subject(event) == Subject("users", "user_1", "User user_1")
    flag = Event(id="event_2", event="flag.created", data={}, created_at=event.created_at)
    assert event_subject(flag) is None


def test_backoff_doubles_or_follows_retry_after_and_resets() -> None:
    backoff = Backoff(5.0, ceiling=60.0)
    assert backoff.rate_limited(None) == 10.0
    assert backoff.rate_limited(None) == 20.0
    assert backoff.rate_limited(45.0) == 45.0
    assert backoff.rate_limited(None) == 60.0
    backoff.succeeded()
    assert backoff.current == 5.0 and not backoff.backing_off


def test_rate_is_per_minute_over_the_trailing_window() -> None:
    meter = RateMeter(window=60.0)
    meter.start(0.0)
    meter.add(30.0, 15)
    assert meter.per_minute(30.0) == 30.0  # 15 events in the first 30 s
    meter.add(90.0, 6)
    assert meter.per_minute(100.0) == 6.0  # the first 15 left the window
