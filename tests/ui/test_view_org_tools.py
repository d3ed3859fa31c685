"""From an organization's row: an Admin Portal link (intent chosen) and a widget token, each in
the result dialog with the secret masked until revealed."""

from __future__ import annotations

from typing import Any

from ui_helpers import SIZE, choose_action, current_view, settle, submit_form

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.screens.result import MASK, ResultScreen


def _labels(dialog: ResultScreen) -> dict[str, int]:
    return {entry.label: index for index, entry in enumerate(dialog.entries)}


async def test_admin_portal_link_with_an_intent(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        current_view(app).focus_table()  # (the first area is not focused yet in the shared tree)
        await pilot.pause()
        organization = current_view(app).selected
        await choose_action(app, pilot, "admin_portal")
        assert isinstance(app.screen, FormScreen)
        await submit_form(app, pilot, {"intent": "sso"})
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        index = _labels(dialog)
        assert MASK in dialog.shown_text(index["Link"])
        assert "(5 minutes after it was made)" in dialog.shown_text(index["Expires"])
        assert dialog.shown_text(index["Intent"]) == "sso"
        await pilot.press("v")
        await pilot.pause()
        link = dialog.shown_text(index["Link"])
        assert link.startswith("https://") and "intent=sso" in link
        assert organization is not None and organization.name in str(dialog.result.title)


async def test_widget_token_for_a_member(console_factory: Any, emulator: EmulatorHandle) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        current_view(app).focus_table()  # (the first area is not focused yet in the shared tree)
        await pilot.pause()
        organization = current_view(app).selected
        assert organization is not None
        memberships = emulator.state["organization_memberships"]
        member = next(
            m
            for m in memberships
            if m["organization_id"] == organization.id and m["status"] == "active"
        )
        await choose_action(app, pilot, "widget_token")
        assert isinstance(app.screen, FormScreen)
        await submit_form(app, pilot, {"user_id": member["user_id"]})
        dialog = app.screen
        assert isinstance(dialog, ResultScreen), app.screen
        index = _labels(dialog)["Token"]
        assert MASK in dialog.shown_text(index)
        await pilot.press("v")
        await pilot.pause()
        assert dialog.shown_text(index).count(".") == 2  # a JWT, once revealed
