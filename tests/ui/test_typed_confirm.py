"""The typed confirmation names what it confirms: *Delete* by default, the caller's verb for
another change (the RBAC matrix's *Apply*, the environment diff's *Copy*, the API console's
*Send DELETE*: see their tests); a wrong value says nothing was done."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Button

from workos_tui.ui.screens.confirm import TypedConfirmScreen


async def _dialog(screen: TypedConfirmScreen, typed: str) -> tuple[str, bool, list[str]]:
    app: App[None] = App()
    async with app.run_test(notifications=True) as pilot:
        await app.push_screen(screen)
        await pilot.pause()
        await pilot.press(*typed)
        await pilot.pause()
        button = screen.query_one("#confirm-delete", Button)
        ready = not button.disabled
        await pilot.press("backspace", "enter")  # one character short: refused
        await pilot.pause()
        return str(button.label), ready, [n.message for n in app._notifications]


async def test_the_button_says_delete_by_default() -> None:
    label, ready, messages = await _dialog(TypedConfirmScreen("Delete Acme?", "", "acme"), "acme")
    assert label == "Delete" and ready
    assert messages == ["That is not 'acme': nothing was deleted."]


async def test_another_change_names_its_own_verb() -> None:
    screen = TypedConfirmScreen("Apply in PRODUCTION?", "", "apply", label="Apply")
    label, ready, messages = await _dialog(screen, "apply")
    assert label == "Apply" and ready
    assert messages == ["That is not 'apply': nothing was done."]
