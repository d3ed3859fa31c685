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
    options.setdefault("detail_delay", 0.0)  # the detail pane follows the cursor at once
    options.setdefault("base_url_label", "emulator")
    # areas are prepared in the background only where a test asks: requests stay countable
    options.setdefault("prepare_areas", False)
    return WorkOSConsole(emulator_environment(emulator, **environment_options), **options)


async def settle(app: WorkOSConsole, pilot: Any) -> None:
    """Wait until no worker is pending or running and the resulting messages were handled.

    Deterministic: it waits on worker completion and message processing, never on a clock.
    """
    from textual.worker import WorkerState

    quiet_rounds = 0
    for _ in range(100):
        await pilot.pause()
        busy = [
            worker
            for worker in app.workers
            if worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
        ]
        if busy:
            quiet_rounds = 0
            await app.workers.wait_for_complete(busy)
        else:
            quiet_rounds += 1
            if quiet_rounds >= 3:
                break
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def current_view(app: WorkOSConsole) -> ResourceView:
    view = app.current_resource_view()
    assert view is not None
    return view


def status_text(view: ResourceView) -> str:
    return str(view.query_one("#resource-status").render())


async def fill_form(app: WorkOSConsole, pilot: Any, values: dict[str, Any]) -> None:
    """Type values into the open form (inputs, selects, switches)."""
    from textual.widgets import Input, Select, Switch

    form = app.screen
    for name, value in values.items():
        widget = form.query_one(f"#input-{name}")
        if isinstance(widget, Switch):
            widget.value = bool(value)
        elif isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, Input):
            widget.value = str(value)
    await pilot.pause()


async def submit_form(app: WorkOSConsole, pilot: Any, values: dict[str, Any]) -> None:
    """Fill the open form, review it and confirm the save; wait for the save to finish."""
    await fill_form(app, pilot, values)
    await pilot.press("ctrl+s")
    await pilot.pause()
    await pilot.click("#form-confirm")
    await settle(app, pilot)


async def choose_action(app: WorkOSConsole, pilot: Any, key: str) -> None:
    """Open the actions menu (a) and run the action with ``key``."""
    from textual.widgets import OptionList

    await pilot.press("a")
    await pilot.pause()
    options = app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(key)
    await pilot.press("enter")
    await settle(app, pilot)


async def open_related(app: WorkOSConsole, pilot: Any, number: int) -> ResourceView:
    await pilot.press(str(number))
    await settle(app, pilot)
    view = app.current_resource_view()
    assert view is not None
    return view


async def jump(app: WorkOSConsole, pilot: Any, text: str) -> ResourceView:
    await pilot.press("colon", *text, "enter")
    await settle(app, pilot)
    return current_view(app)


async def run_palette_command(app: WorkOSConsole, pilot: Any, name: str) -> None:
    """Open the palette, type ``name``, wait for it to be the highlighted hit, run it."""
    from textual.command import CommandList

    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*name)
    for _ in range(200):
        await pilot.pause()
        hits = app.screen.query(CommandList)
        if hits and hits.first().option_count:
            command_list = hits.first()
            highlighted = command_list.highlighted
            if highlighted is not None:
                prompt = str(command_list.get_option_at_index(highlighted).prompt)
                if name in prompt:
                    break
    await pilot.press("enter")
    await settle(app, pilot)
