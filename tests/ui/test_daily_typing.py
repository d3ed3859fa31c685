"""Keys typed fast land where they were meant (issue 10): right after a form opens, and while
the console starts and prepares its areas."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input
from ui_helpers import SIZE, current_view, settle

from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.form import FormScreen


def type_at_once(app: WorkOSConsole, *keys: str) -> None:
    """Queue every key before any is handled, as a paste or a fast typist in a terminal does
    (Pilot's ``press`` waits for each key to be handled)."""
    names = {"colon": ":", "space": " ", "tab": "\t", "enter": "\r"}
    for key in keys:
        character = names.get(key, key if len(key) == 1 else None)
        app.post_message(events.Key(key, character))


async def test_keys_typed_as_a_form_opens_fill_its_fields_in_order(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # no pause: "n" opens the form while the rest is already typed (a paste, a fast typist)
        type_at_once(app, "n", *"Newt", "tab", *"Comer")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        values = form.raw_values()
        first, second = [spec.name for spec in form.specs[:2]]
        assert values[first] == "Newt", values
        assert values[second] == "Comer", values


async def test_a_jump_typed_while_the_console_starts_lands_in_the_jump_input(
    console_factory: Any,
) -> None:
    app = console_factory(start_area="organizations", prepare_areas=True)
    async with app.run_test(size=SIZE) as pilot:
        # typed at once, while the first rows load and the areas are prepared behind
        type_at_once(app, "colon", *"organizations", "space", "Z", "Z")
        await pilot.pause()
        jump = app.query_one("#jump", Input)
        assert jump.value == "organizations ZZ"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is app.screen_stack[0]  # no New form opened by a stray "n"
        view = current_view(app)
        assert view.resource.key == "organizations"
        assert view.filter_values.get("__search__") == "ZZ"
