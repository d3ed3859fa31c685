"""Organization domains (add, verify, delete) and switching profiles from the palette."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import SecretStr
from textual.widgets import Input, OptionList
from ui_helpers import (
    SIZE,
    choose_action,
    current_view,
    open_related,
    run_palette_command,
    settle,
    submit_form,
)

from workos_tui.api.environment import Environment
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.screens.profile_picker import ProfilePickerScreen
from workos_tui.ui.widgets.environment_bar import EnvironmentBar


async def test_domains_add_verify_delete(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        organization = current_view(app).selected
        domains = await open_related(app, pilot, 1)
        count = len(domains.items)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-organization_id", Input).value == organization.id
        await submit_form(app, pilot, {"domain": "brand-new.example"})
        assert len(domains.items) == count + 1
        added = [d.domain for d in domains.items].index("brand-new.example")
        domains.table.move_cursor(row=added)
        await pilot.pause()
        assert domains.selected.state != "verified"
        await choose_action(app, pilot, "verify")
        await settle(app, pilot)
        assert domains.selected.domain == "brand-new.example"
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"brand-new.example", "enter")
        await settle(app, pilot)
        assert "brand-new.example" not in [d.domain for d in domains.items]


class TwoProfiles:
    def __init__(self, emulator: Any) -> None:
        self.emulator = emulator

    def names(self) -> Sequence[str]:
        return ["emulator", "staging"]

    def load(self, name: str) -> Environment:
        return Environment(
            name=name,
            api_key=SecretStr(self.emulator.api_key),
            base_url=self.emulator.base_url,
            read_only=name == "staging",
        )


async def test_switch_profile_from_the_palette(console_factory: Any, emulator: Any) -> None:
    app = console_factory(profiles=TwoProfiles(emulator))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Profile: switch")
        picker = app.screen
        assert isinstance(picker, ProfilePickerScreen)
        options = picker.query_one(OptionList)
        options.highlighted = options.get_option_index("staging")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.environment.name == "staging"
        bar = app.query_one(EnvironmentBar)
        text = " ".join(str(label.render()) for label in bar.query("Label"))
        assert "profile: staging" in text and "READ-ONLY" in text
        view = current_view(app)
        assert view.context.environment.name == "staging"
        assert len(view.items) == 25
