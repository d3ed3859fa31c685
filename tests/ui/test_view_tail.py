"""Live event tail in Pilot, against the demo emulator over HTTP."""

from __future__ import annotations

from typing import Any

from textual.widgets import HelpPanel, Input, Markdown
from ui_helpers import SIZE, current_view, run_palette_command, settle

from workos_tui.api.client import WorkOSClient
from workos_tui.api.environment import Environment
from workos_tui.api.requestlog import RequestLog
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.tail import BACKLOG
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.views.event_tail import EventTailView

INTERVAL = 0.25


async def _tail(app: WorkOSConsole, pilot: Any) -> EventTailView:
    await settle(app, pilot)
    view = app.query_one(EventTailView)
    assert view.display
    return view


def _rows(view: EventTailView) -> list[list[str]]:
    return [view.table.get_row_at(k) for k in range(view.table.row_count)]


async def test_an_organization_created_during_the_tail_appears_and_enter_opens_it(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"tail", "enter")
        view = await _tail(app, pilot)
        assert app.current_area == "tail"
        newest = emulator.state["events"].order[-1]
        assert view.table.row_count == BACKLOG
        assert view.events[-1].id == newest  # newest at the bottom
        view.poll_every(INTERVAL)
        with emulator.client() as http:
            created = http.post("/organizations", json={"name": "Tail Test Rockets"})
        assert created.status_code == 201, created.text
        org_id = created.json()["id"]
        await pilot.pause(2 * INTERVAL)
        await settle(app, pilot)
        rows = _rows(view)
        row = next(k for k, cells in enumerate(rows) if cells[1] == "organization.created")
        assert "Tail Test Rockets" in rows[row][2]
        assert row == len(rows) - 1
        assert "events" in view.status_text and "/min" in view.status_text
        view.table.move_cursor(row=row)
        view.table.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        related = current_view(app)
        assert related.resource.key == "organizations"
        assert [item.id for item in related.items] == [org_id]


async def test_filters_pause_and_palette(console_factory: Any, emulator: EmulatorHandle) -> None:
    org = next(o for o in emulator.state["organizations"] if o["name"] == "Acme Rockets")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Events: follow live")
        view = await _tail(app, pilot)
        view.query_one("#tail-types", Input).value = "dsync."
        view.query_one("#tail-org", Input).value = org["id"]
        view.query_one("#tail-org", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert view.events
        assert all(e.event.startswith("dsync.") for e in view.events)
        assert all(e.data.get("organization_id") == org["id"] for e in view.events)
        view.table.focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert view.paused and view.status_text.startswith("Paused")
        before = len(view.events)
        view.poll_every(INTERVAL)
        with emulator.client() as http:
            http.post("/organizations", json={"name": "Not Followed While Paused"})
        await pilot.pause(2 * INTERVAL)
        await settle(app, pilot)
        assert len(view.events) == before
        await pilot.press("space")
        await settle(app, pilot)
        assert not view.paused and view.status_text.startswith("Following")
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "Live event tail" in help_text and "429" in help_text


async def test_a_429_stretches_the_interval_until_a_poll_succeeds(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    def no_retries(environment: Environment, log: RequestLog) -> WorkOSClient:
        return WorkOSClient(environment, request_log=log, max_retries=0)

    app = console_factory(client_factory=no_retries)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.jump_to("tail")
        view = await _tail(app, pilot)
        view.poll_every(50)  # the polls below are the test's own
        emulator.add_hook("/events", method="GET", status=429, count=1)
        view.poll_now()
        await settle(app, pilot)
        assert view.backoff.current == 100
        assert "Rate limited (429): next poll in 100 s" in view.status_text
        view.poll_now()
        await settle(app, pilot)
        assert view.backoff.current == 50
        assert view.status_text.startswith("Following · every 50 s")
