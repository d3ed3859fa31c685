"""Environment diff in Pilot: the console's emulator against a second one given as a profile."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx
import pytest
from pydantic import SecretStr
from textual.widgets import Button, HelpPanel, Markdown
from ui_helpers import SIZE, run_palette_command, settle

from workos_tui.api.environment import Environment
from workos_tui.emulator import DEFAULT_API_KEY, EmulatorServer, create_app, demo_state
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen
from workos_tui.ui.views.env_diff import EnvDiffView


class TwoProfiles:
    def __init__(self, current: Environment, other: Environment) -> None:
        self.by_name = {current.name: current, other.name: other}

    def names(self) -> Sequence[str]:
        return list(self.by_name)

    def load(self, name: str) -> Environment:
        return self.by_name[name]


@pytest.fixture
def staging() -> Iterator[EmulatorServer]:
    server = EmulatorServer(create_app(demo_state()), port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


async def test_envdiff_lists_the_differences_side_by_side(
    console_factory: Any, emulator: EmulatorHandle, staging: EmulatorServer
) -> None:
    headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
    with httpx.Client(base_url=staging.base_url, headers=headers) as http:
        http.post("/user_management/cors_origins", json={"origin": "https://staging.example"})
        http.put("/feature-flags/ai-summaries/enable")
    other = Environment(
        name="staging",
        api_key=SecretStr(DEFAULT_API_KEY),
        base_url=staging.base_url,
        read_only=True,
    )
    current = Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )
    app = console_factory(profiles=TwoProfiles(current, other))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"envdiff emulator staging", "enter")
        await settle(app, pilot)
        view = app.query_one(EnvDiffView)
        assert app.current_area == "envdiff"
        assert view.status_text.startswith(
            "emulator → staging: 2 differences (1 added, 0 removed, 1 changed)"
        )
        assert view.rows() == [
            ["+", "CORS origins", "https://staging.example", "—", "present"],
            ["~", "Feature flags", "ai-summaries", "enabled=False", "enabled=True"],
        ]
        # copy the CORS origin from B (staging) to A (the console's own emulator), reviewed
        view.table.move_cursor(row=0)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.body == "Create CORS origin https://staging.example: "
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        origins = [o["origin"] for o in emulator.state["cors_origins"]]
        assert "https://staging.example" in origins
        assert view.rows() == [
            ["~", "Feature flags", "ai-summaries", "enabled=False", "enabled=True"],
        ]
        # staging is read-only: nothing is copied into it
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert view.status_text == "Read-only profile staging: nothing was copied."
        await pilot.press("s")
        await pilot.pause()
        assert len(view.rows()) == len(view.entries) > 2
        app.jump_to("envdiff nowhere")
        await settle(app, pilot)
        assert view.status_text.startswith("No profile called 'nowhere'")
        await run_palette_command(app, pilot, "Profiles: compare two environments")
        await settle(app, pilot)
        view.table.focus()
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "Environment diff" in help_text and ":envdiff PROFILE_A PROFILE_B" in help_text


async def test_copying_into_production_asks_for_the_items_key(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    live_key = "sk_live_envdiff_test"
    server = EmulatorServer(create_app(demo_state(), api_keys={live_key}), port=0)
    server.start()
    try:
        with httpx.Client(
            base_url=server.base_url, headers={"Authorization": f"Bearer {live_key}"}
        ) as http:
            http.put("/feature-flags/ai-summaries/enable")
        production = Environment(
            name="production", api_key=SecretStr(live_key), base_url=server.base_url
        )
        current = Environment(
            name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
        )
        app = console_factory(profiles=TwoProfiles(current, production))
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            app.jump_to("envdiff production")  # one name: the current profile against it
            await settle(app, pilot)
            view = app.query_one(EnvDiffView)
            assert view.rows() == [
                ["~", "Feature flags", "ai-summaries", "enabled=False", "enabled=True"],
            ]
            view.table.focus()
            await pilot.press("right_square_bracket")
            await settle(app, pilot)
            assert isinstance(app.screen, TypedConfirmScreen)
            assert app.screen.expected == "ai-summaries"
            assert str(app.screen.query_one("#confirm-delete", Button).label) == "Copy"
            await pilot.press(*"ai-summaries", "enter")
            await settle(app, pilot)
            flag = next(
                f for f in server.app.state.data["feature_flags"] if f["slug"] == "ai-summaries"
            )
            assert flag["enabled"] is False
            assert view.status_text.startswith("current and production: the same")
    finally:
        server.stop()
