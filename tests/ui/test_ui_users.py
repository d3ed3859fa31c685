"""Users with memberships, invitations, sessions and identities, against the emulator."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input
from ui_helpers import (
    SIZE,
    choose_action,
    current_view,
    jump,
    open_related,
    settle,
    status_text,
    submit_form,
)

from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.screens.related import RelatedScreen


async def test_users_page_past_the_first_page(console_factory: Any) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.resource.key == "users"
        assert len(view.items) == 100
        for _ in range(5):
            await pilot.press("pagedown")
            await settle(app, pilot)
        assert len(view.items) >= 200
        assert view.table.cursor_row > 100
        assert len({user.id for user in view.items}) == len(view.items)


async def test_users_filter_by_email_and_jump_quick_filter(console_factory: Any) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        email = view.items[3].email
        search = view.query_one("#filter-email", Input)
        search.focus()
        search.value = email
        await pilot.press("enter")
        await settle(app, pilot)
        assert [user.email for user in view.items] == [email]
        # Users have no server-side search: a jump argument filters the loaded rows.
        search.focus()
        search.value = ""
        await pilot.press("enter")
        await settle(app, pilot)
        view = await jump(app, pilot, "users globex")
        assert view.visible_rows
        assert all("globex" in view.items[i].email for i in view.visible_rows)
        assert "shown" in status_text(view)


async def test_create_edit_delete_user_and_a_failed_save(
    console_factory: Any, emulator: Any
) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await pilot.pause()
        await submit_form(app, pilot, {"email": "new.person@example.com", "first_name": "New"})
        assert view.items[0].email == "new.person@example.com"

        emulator.add_hook("/user_management/users/*", method="PUT", status=500, count=5)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        await submit_form(app, pilot, {"last_name": "Person"})
        assert app.screen is form
        assert form.query_one("#input-last_name", Input).value == "Person"
        assert "WorkOS failed" in str(form.query_one("#form-error").render())
        emulator.clear_hooks()
        await pilot.click("#form-review-button")
        await pilot.pause()
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        assert view.items[0].last_name == "Person"

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press(*"new.person@example.com", "enter")
        await settle(app, pilot)
        assert all(user.email != "new.person@example.com" for user in view.items)


async def test_memberships_add_change_role_deactivate_reactivate_remove(
    console_factory: Any,
) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        users = current_view(app)
        user = users.selected
        memberships = await open_related(app, pilot, 1)
        assert isinstance(app.screen, RelatedScreen)
        assert memberships.scope == {"user_id": user.id}
        assert len(memberships.items) == 1
        existing = memberships.items[0].organization_id

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-user_id", Input).value == user.id
        other_org = await app.context.workos.organizations.list(limit=5)
        target = next(org.id for org in other_org.data if org.id != existing)
        await submit_form(app, pilot, {"organization_id": target})
        assert len(memberships.items) == 2
        added = next(m for m in memberships.items if m.organization_id == target)
        memberships.table.move_cursor(row=memberships.items.index(added))
        await pilot.pause()

        await pilot.press("e")
        await pilot.pause()
        await submit_form(app, pilot, {"role_slug": "admin"})
        assert memberships.selected.role.slug == "admin"

        await choose_action(app, pilot, "deactivate")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert memberships.selected.status == "inactive"

        await choose_action(app, pilot, "reactivate")
        await settle(app, pilot)
        assert memberships.selected.status == "active"

        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*memberships.selected.id, "enter")
        await settle(app, pilot)
        assert [m.organization_id for m in memberships.items] == [existing]


async def test_invitations_send_resend_revoke(console_factory: Any) -> None:
    app = console_factory(start_area="invitations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await pilot.pause()
        await submit_form(app, pilot, {"email": "invitee@example.com"})
        assert view.items[0].email == "invitee@example.com"
        assert view.items[0].state == "pending"

        await choose_action(app, pilot, "resend")
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert view.selected.state == "pending"
        await choose_action(app, pilot, "revoke")
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert view.selected.state == "revoked"


async def test_sessions_and_identities_of_a_user(console_factory: Any) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        users = current_view(app)
        with_identity = next(
            index for index, user in enumerate(users.items) if user.email.startswith("elena.novak")
        )
        users.table.move_cursor(row=with_identity)
        await pilot.pause()
        identities = await open_related(app, pilot, 2)
        assert identities.resource.key == "identities"
        assert len(identities.items) == 1
        await pilot.press("escape")
        await pilot.pause()
        with_session = next(
            index for index, user in enumerate(users.items) if user.email.startswith("uma.weber")
        )
        users.table.move_cursor(row=with_session)
        await pilot.pause()
        sessions = await open_related(app, pilot, 3)
        assert sessions.resource.key == "sessions"
        assert len(sessions.items) == 1
        assert sessions.detail.item is sessions.items[0]
