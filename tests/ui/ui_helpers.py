"""Helpers for Pilot tests: a console connected to the emulator over loopback HTTP."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr

from workos_tui.api.environment import Environment
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.widgets.resource_view import ResourceView

SIZE = (120, 40)


def emulator_environment(emulator: EmulatorHandle, **options: Any) -> Environment:
    return Environment(
        name="emulator",
        api_key=SecretStr(emulator.api_key),
        base_url=emulator.base_url,
        demo=True,
        **options,
    )


def make_console(emulator: EmulatorHandle, **options: Any) -> WorkOSConsole:
    environment_options = {
        key: options.pop(key) for key in ("read_only", "dashboard_url") if key in options
    }
    options.setdefault("open_browser", False)
    options.setdefault("base_url_label", "emulator")
    return WorkOSConsole(emulator_environment(emulator, **environment_options), **options)


async def settle(app: WorkOSConsole, pilot: Any) -> None:
    """Wait until every worker finished and the resulting messages were handled."""
    for _ in range(5):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in app.workers):
            break
    await pilot.pause()


def current_view(app: WorkOSConsole) -> ResourceView:
    view = app.current_resource_view()
    assert view is not None
    return view


def status_text(view: ResourceView) -> str:
    return str(view.query_one("#resource-status").render())
