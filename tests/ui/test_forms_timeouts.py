"""A change that times out is not reported as failed: the request reached the server (which, in
these tests, applies it after the client gave up), so the console says the outcome is unknown,
keeps the form as typed and offers to reload."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Button, Input
from ui_helpers import SIZE, current_view, settle

from workos_tui.api import WorkOSClient
from workos_tui.api.environment import Environment
from workos_tui.api.requestlog import RequestLog
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen
from workos_tui.ui.screens.form import FormScreen

TIMEOUT = 0.5
LATE_MS = 1500
"""The emulator answers (and applies the change) after the client stopped waiting."""


def impatient_client(environment: Environment, log: RequestLog) -> WorkOSClient:
    return WorkOSClient(environment, request_log=log, read_timeout=TIMEOUT, max_retries=0)


def organization_names(emulator: EmulatorHandle) -> list[str]:
    assert emulator.server.wait_idle(), "the late request did not finish"
    with emulator.client() as http:
        rows = http.get("/organizations", params={"limit": 100}).json()["data"]
    return [row["name"] for row in rows]


def notified(app: WorkOSConsole) -> str:
    return " | ".join(f"{n.title}: {n.message}" for n in app._notifications)


@pytest.mark.parametrize("mode", ["create", "edit"])
async def test_a_timed_out_save_keeps_the_form_and_says_the_outcome_is_unknown(
    mode: str, console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(client_factory=impatient_client)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        view.focus_table()
        method = "POST" if mode == "create" else "PUT"
        emulator.add_hook("/organizations*", method=method, latency_ms=LATE_MS, count=1)
        await pilot.press("n" if mode == "create" else "e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#input-name", Input).value = "Late Corp"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#form-confirm")
        await settle(app, pilot)

        assert app.screen is form, "the form closed"
        assert form.query_one("#input-name", Input).value == "Late Corp"
        error = str(form.query_one("#form-error").render())
        assert "outcome is unknown" in error
        assert "The server may have applied it — reload to check" in error
        assert "failed" not in error.lower()
        assert form.query_one("#form-reload", Button).display
        assert "Late Corp" in organization_names(emulator)  # it was applied

        await pilot.click("#form-reload")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        assert "Late Corp" in [item.name for item in view.items]


async def test_a_timed_out_delete_is_not_called_failed_and_offers_a_reload(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(client_factory=impatient_client)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        view.focus_table()
        doomed = view.selected
        emulator.add_hook("/organizations/*", method="DELETE", latency_ms=LATE_MS, count=1)
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press(*doomed.name, "enter")
        await settle(app, pilot)

        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        shown = " ".join(str(widget.render()) for widget in dialog.query("Label, Static"))
        assert "Delete: outcome unknown" in shown
        assert "The server may have applied it — reload to check" in shown
        assert "Delete failed" not in notified(app)
        assert str(dialog.query_one("#confirm-yes", Button).label) == "Reload"
        assert doomed.name not in organization_names(emulator)  # it was applied

        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert doomed.id not in [item.id for item in view.items]


async def test_a_timed_out_action_that_changes_nothing_is_a_plain_timeout(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(client_factory=impatient_client)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        emulator.add_hook(
            "/organizations/*/audit_log_configuration", method="GET", latency_ms=LATE_MS, count=1
        )
        view.run_extra_action("audit_logs")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert "Timed out" in notified(app)
        assert "outcome unknown" not in notified(app)
        assert emulator.server.wait_idle()
