"""Webhook deliveries in the console: a webhook endpoint's related list shows the emulator's
delivery log (status, HTTP status, attempts, last error), Resend sends one again, and a server
that is not the emulator gets a plain sentence instead of an error card."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from pydantic import SecretStr
from ui_helpers import SIZE, choose_action, current_view, settle

from workos_tui.api.environment import Environment
from workos_tui.api.services.emulator_deliveries import EMULATOR_ONLY
from workos_tui.emulator.testing import EmulatorHandle, WebhookListener, webhook_listener
from workos_tui.emulator.webhook_delivery import Delivery, RetryPolicy, WebhookDelivery
from workos_tui.resources import coverage
from workos_tui.resources.coverage import full_registry
from workos_tui.resources.webhook_deliveries import DeliveryLogAbsent
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.widgets.error_panel import ErrorPanel
from workos_tui.ui.widgets.resource_view import ResourceView

DEADLINE_S = 20.0


@pytest.fixture
def listener() -> Iterator[WebhookListener]:
    with webhook_listener("/hooks") as serving:
        yield serving


@pytest.fixture
def deliveries(emulator: EmulatorHandle) -> Iterator[WebhookDelivery]:
    """The emulator's delivery queue with short retry delays, its log emptied."""
    queue: WebhookDelivery = emulator.server.app.state.webhooks
    saved = queue.policy
    queue.policy = RetryPolicy(max_attempts=3, first_delay_s=0.05, factor=2.0, timeout_s=5.0)
    queue.clear()
    try:
        yield queue
    finally:
        queue.clear()
        queue.policy = saved


async def _until(what: str, ready: Callable[[], bool]) -> None:
    """Wait (yielding to the app's loop) until the emulator's worker threads got there."""
    deadline = time.monotonic() + DEADLINE_S
    while not ready():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def _logged(queue: WebhookDelivery, endpoint_id: str, status: str) -> list[Delivery]:
    return queue.deliveries(endpoint_id=endpoint_id, status=status)


def _endpoint(emulator: EmulatorHandle, url: str) -> str:
    with emulator.client() as c:
        r = c.post("/webhook_endpoints", json={"endpoint_url": url, "events": ["user.created"]})
    assert r.status_code == 201, r.text
    endpoint_id: str = r.json()["id"]
    return endpoint_id


def _create_user(emulator: EmulatorHandle, email: str) -> str:
    with emulator.client() as c:
        r = c.post("/user_management/users", json={"email": email})
    assert r.status_code == 201, r.text
    user_id: str = r.json()["id"]
    return user_id


def _rows(view: ResourceView) -> list[list[str]]:
    return [view.table.render_cells(view.items[index]) for index in view.visible_rows]


async def _select(app: WorkOSConsole, pilot: Any, view: ResourceView, item_id: str) -> None:
    row = next(
        row for row, index in enumerate(view.visible_rows) if view.items[index].id == item_id
    )
    view.table.move_cursor(row=row)
    view.focus_table()
    await settle(app, pilot)
    assert view.selected.id == item_id


async def _refresh(app: WorkOSConsole, pilot: Any) -> ResourceView:
    current_view(app).focus_table()
    await pilot.press("r")
    await settle(app, pilot)
    return current_view(app)


async def test_an_endpoints_deliveries_show_status_attempts_and_resend(
    console_factory: Any,
    emulator: EmulatorHandle,
    deliveries: WebhookDelivery,
    listener: WebhookListener,
) -> None:
    endpoint_id = _endpoint(emulator, listener.url)
    _create_user(emulator, "first-hook@deliveries.example")
    app = console_factory(registry=full_registry(), start_area="webhooks")
    async with app.run_test(size=SIZE) as pilot:
        await _until("the delivery", lambda: bool(_logged(deliveries, endpoint_id, "delivered")))
        await settle(app, pilot)
        endpoints = current_view(app)
        await _select(app, pilot, endpoints, endpoint_id)
        await pilot.press("1")  # the endpoint's first related list: its deliveries
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        view = current_view(app)
        assert view.resource.key == "webhook_deliveries"
        (delivered,) = _logged(deliveries, endpoint_id, "delivered")
        event_id = str(delivered.event["id"])
        assert _rows(view) == [
            [event_id, "user.created", "delivered", "200", "1", "—", _row_time(delivered)]
        ]

        # The listener fails every attempt: three tries, then failed, with the last error.
        with listener.lock:
            listener.statuses = [500, 500, 500]
        _create_user(emulator, "second-hook@deliveries.example")
        await _until("the failure", lambda: bool(_logged(deliveries, endpoint_id, "failed")))
        view = await _refresh(app, pilot)
        (failed,) = _logged(deliveries, endpoint_id, "failed")
        rows = _rows(view)
        assert rows[0][1:6] == ["user.created", "failed", "500", "3", "HTTP 500"]
        assert rows[1][2] == "delivered"  # newest first
        await _select(app, pilot, view, failed.id)
        history = "; ".join(f"#{a.number}  {_second(a.at_ms)}  HTTP 500" for a in failed.history)
        assert f"History: {history}" in view.detail.plain_text().splitlines()

        # Resend: a new delivery of the same event, delivered now that the listener answers.
        await choose_action(app, pilot, "resend")
        await _until(
            "the resent delivery",
            lambda: any(
                d.resent_from == failed.id for d in _logged(deliveries, endpoint_id, "delivered")
            ),
        )
        view = await _refresh(app, pilot)
        resent = next(item for item in view.items if item.resent_from == failed.id)
        assert resent.event_id == failed.event["id"]
        assert resent.status == "delivered" and resent.attempts == 1
        assert [row[2] for row in _rows(view)] == ["delivered", "failed", "delivered"]
    assert len(listener.received) == 5  # 1 delivered, 3 failed attempts, 1 resent


def _second(ms: int) -> str:
    from workos_tui.emulator import ids

    return ids.iso(ms)[:19].replace("T", " ")


def _row_time(delivery: Delivery) -> str:
    return _second(delivery.created_ms)


@pytest.fixture
def not_an_emulator() -> Iterator[str]:
    """A loopback server answering every request 404, as WorkOS does for a path it lacks."""

    class Handler(BaseHTTPRequestHandler):
        def _not_found(self) -> None:
            body = json.dumps({"message": "Not Found"}).encode()
            self.send_response(404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _not_found

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


async def test_a_server_without_a_delivery_log_says_so_plainly(not_an_emulator: str) -> None:
    environment = Environment(
        name="elsewhere", api_key=SecretStr("sk_test_elsewhere"), base_url=not_an_emulator
    )
    app = WorkOSConsole(
        environment,
        registry=full_registry(),
        open_browser=False,
        detail_delay=0.0,
        base_url_label="elsewhere",
        prepare_areas=False,
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"webhook-deliveries", "enter")
        await settle(app, pilot)
        view = current_view(app)
        assert view.resource.key == "webhook_deliveries"
        assert [type(item) for item in view.items] == [DeliveryLogAbsent]
        assert _rows(view)[0][0] == EMULATOR_ONLY
        assert not any(panel.display for panel in view.query(ErrorPanel))
        await pilot.press("a")  # no Resend on that row
        await settle(app, pilot)
        messages = [n.message for n in app._notifications]
        assert "No actions apply to this row." in messages


def test_the_delivery_log_is_left_out_of_the_api_coverage_with_a_reason() -> None:
    assert "emulator_deliveries" not in coverage.facade_services()
    assert len(coverage.EMULATOR_ONLY_SERVICES["emulator_deliveries"]) > 15
