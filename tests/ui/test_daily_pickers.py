"""Pickers instead of pasted ids (issue 10): fields naming another object offer its objects."""

from __future__ import annotations

from typing import Any

from ui_helpers import SIZE, current_view, settle

from workos_tui.api.models.common import Picks
from workos_tui.api.models.invitations import InvitationSend
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.forms import form_fields
from workos_tui.ui.widgets.object_picker import ObjectPicker


def test_fields_naming_objects_declare_what_they_pick() -> None:
    picks = {spec.name: spec.picks for spec in form_fields(InvitationSend)}
    assert picks["organization_id"] == Picks("organizations")
    assert picks["role_slug"] == Picks("roles", "slug")
    assert picks["inviter_user_id"] == Picks("users")
    assert picks["email"] is None


async def _pick(app: Any, pilot: Any, field: str, typed: str) -> str:
    picker = app.screen.query_one(f"#input-{field}", ObjectPicker)
    picker.focus()
    await settle(app, pilot)
    await pilot.press(*typed)
    await pilot.pause(0.3)  # the picker looks up once typing pauses
    await settle(app, pilot)
    assert picker.is_open, f"no choices for {typed!r} in {field}"
    await pilot.press("enter")
    await pilot.pause()
    assert picker.value
    return picker.value


async def test_an_invitation_is_sent_without_typing_any_id(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(start_area="invitations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await settle(app, pilot)
        email = app.screen.query_one("#input-email")
        email.focus()
        await pilot.press(*"picked@example.com")
        organization = await _pick(app, pilot, "organization_id", "acme")
        role = await _pick(app, pilot, "role_slug", "admin")
        inviter = await _pick(app, pilot, "inviter_user_id", "grace")
        assert organization.startswith("org_")
        assert role == "admin"
        assert inviter.startswith("user_")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        sent = view.items[0]
        assert sent.email == "picked@example.com"
        assert (sent.organization_id, sent.role_slug, sent.inviter_user_id) == (
            organization,
            role,
            inviter,
        )
