"""SVG snapshots of each area's main screen at a fixed size, on the fixed demo data.

The base URL is shown under a fixed label (its port changes every run) and every timestamp is
rendered absolute, so the screens are deterministic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea
from ui_helpers import settle

from workos_tui.ui.app import WorkOSConsole

SNAPSHOT_SIZE = (120, 36)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lists say "as of hh:mm:ss": the same time on every run."""
    from datetime import datetime

    from workos_tui.ui.widgets import resource_freshness

    monkeypatch.setattr(resource_freshness, "clock", lambda: datetime(2025, 1, 1, 12, 0, 0))


def opened(area: str, *keys: str) -> Callable[[Pilot[Any]], Any]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, WorkOSConsole)
        await settle(app, pilot)
        app.load_more_areas()  # normally right after the first rows; make it certain here
        await settle(app, pilot)
        if area != "organizations":
            app.open_area(area)
            await settle(app, pilot)
        if keys:
            await pilot.press(*keys)
            await settle(app, pilot)
        # A blinking cursor is drawn or not by the clock: stop it on every screen's inputs.
        for screen in app.screen_stack:
            for text_input in screen.query(TextArea):
                text_input.cursor_blink = False
            for line_input in screen.query(Input):
                line_input.cursor_blink = False
        view = app.current_resource_view()
        if view is not None and not keys:
            view.focus_table()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()

    return run_before


@pytest.mark.parametrize(
    "area",
    ["organizations", "users", "invitations", "connections", "directories", "events", "vault"],
)
def test_area_main_screen(area: str, console_factory: Any, snap_compare: Any) -> None:
    app = console_factory()
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=opened(area))


def test_vault_crypto_panel(console_factory: Any, snap_compare: Any) -> None:
    app = console_factory()
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=opened("vault-crypto"))


def test_organization_related_domains(console_factory: Any, snap_compare: Any) -> None:
    app = console_factory()
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=opened("organizations", "1"))


def test_organization_create_form(console_factory: Any, snap_compare: Any) -> None:
    app = console_factory()
    assert snap_compare(app, terminal_size=SNAPSHOT_SIZE, run_before=opened("organizations", "n"))
