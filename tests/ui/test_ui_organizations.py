"""Organizations end to end against the emulator: list, page, filter, detail, CRUD, failures."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Button, Input
from ui_helpers import SIZE, current_view, settle, status_text

from workos_tui.ui.screens.confirm import TypedConfirmScreen
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.widgets.error_panel import ErrorPanel
from workos_tui.ui.widgets.form_field import FormField

SMALL = (120, 16)
"""A terminal that shows fewer organizations than the demo has."""


async def test_organizations_open_with_first_page(console_factory: Any) -> None:
    app = console_factory(page_size=5)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.resource.key == "organizations"
        # pages of 5 are fetched until the rows fill the screen (as it was laid out when they
        # came: the footer arrives after the first rows), not all 25 organizations
        on_screen = view.table.scrollable_content_region.height - 1
        assert on_screen < len(view.items) <= on_screen + 10 < 25
        assert len(view.items) % 5 == 0
        assert view.has_more
        assert view.table.row_count == len(view.items)
        assert view.detail.item is view.items[0]
        assert f"{len(view.items)} loaded · more available" in status_text(view)


async def test_moving_down_loads_the_next_pages_before_the_end(console_factory: Any) -> None:
    app = console_factory(page_size=5)
    async with app.run_test(size=SMALL) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        loaded = len(view.items)
        await pilot.press("end")
        await settle(app, pilot)
        # the last row is within half a page of the end: the next page was fetched already
        assert len(view.items) == loaded + 5
        for _ in range(30):
            await pilot.press("pagedown")
            await settle(app, pilot)
        assert not view.has_more
        assert len(view.items) == 25
        assert len({item.id for item in view.items}) == 25
        assert view.table.row_count == 25
        assert "25 loaded · all loaded" in status_text(view)


async def test_search_filter_and_quick_filter(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        search = view.query_one("#filter-search", Input)
        search.focus()
        search.value = "acme"
        await pilot.press("enter")
        await settle(app, pilot)
        assert [item.name for item in view.items] == ["Acme Rockets"]
        assert view.table.has_focus
        search.focus()
        search.value = ""
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(view.items) == 25
        view.focus_table()
        await pilot.press("slash", *"wonka")
        await pilot.pause()
        assert len(view.visible_rows) == 1
        assert view.table.row_count == 1
        assert view.selected.name == "Wonka Confections"


async def test_jump_opens_an_area_with_a_search(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"orgs globex", "enter")
        await settle(app, pilot)
        view = current_view(app)
        assert view.filter_values == {"__search__": "globex"}
        assert [item.name for item in view.items] == ["Globex Corporation"]


async def test_keys_typed_right_after_the_colon_go_to_the_jump(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        # all at once, as a terminal delivers fast typing or a paste: "e" would edit the row
        for key, character in [("colon", ":"), *[(c, c) for c in "users"], ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        assert current_view(app).resource.key == "users"
        # in a text field ":" is text, not a jump
        email = current_view(app).query_one("#filter-email", Input)
        email.focus()
        await pilot.press("a", "colon", "b")
        assert email.value == "a:b"
        assert email.has_focus


async def test_jump_from_a_related_list_leaves_it(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("1")  # the organization's domains
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        for key, character in [("colon", ":"), *[(c, c) for c in "users"], ("enter", "\r")]:
            app.post_message(events.Key(key, character))
        await settle(app, pilot)
        assert not isinstance(app.screen, RelatedScreen)
        assert current_view(app).resource.key == "users"
        assert current_view(app).table.has_focus


async def test_order_toggle_reverses_the_list(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        newest = [item.id for item in view.items]
        await pilot.press("o")
        await settle(app, pilot)
        assert [item.id for item in view.items] == list(reversed(newest))
        assert "oldest first" in status_text(view)


async def test_create_edit_and_delete_an_organization(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#input-name", Input).value = "Zeta Widgets"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "name" in str(form.query_one("#form-review").render())
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        assert view.items[0].name == "Zeta Widgets"
        assert len(view.items) == 26

        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-name", Input).value == "Zeta Widgets"
        form.query_one("#input-name", Input).value = "Zeta Widgets Ltd"
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = str(form.query_one("#form-review").render())
        assert "Zeta Widgets → Zeta Widgets Ltd" in review
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert view.items[0].name == "Zeta Widgets Ltd"
        assert view.table.get_row_at(0)[0] == "Zeta Widgets Ltd"

        await pilot.press("d")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, TypedConfirmScreen)
        assert confirm.query_one("#confirm-delete", Button).disabled
        await pilot.press(*"Zeta Widgets Ltd")
        assert not confirm.query_one("#confirm-delete", Button).disabled
        await pilot.press("enter")
        await settle(app, pilot)
        assert len(view.items) == 25
        assert all(item.name != "Zeta Widgets Ltd" for item in view.items)


async def test_invalid_input_is_caught_before_sending(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        sent_before = len(app.request_log)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#input-metadata", Input).value = "{not json"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.query_one("#field-name", FormField).has_class("-invalid")
        assert form.query_one("#field-metadata", FormField).has_class("-invalid")
        assert not form.query_one("#form-review").display
        assert len(app.request_log) == sent_before


async def test_a_failed_save_keeps_the_form_and_shows_field_errors(
    console_factory: Any, emulator: Any
) -> None:
    emulator.add_hook(
        "/organizations",
        method="POST",
        status=422,
        body={
            "code": "invalid_request_parameters",
            "message": "Validation failed",
            "errors": [{"field": "name", "code": "name_taken", "message": "is already taken"}],
        },
    )
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#input-name", Input).value = "Acme Rockets"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert app.screen is form
        assert form.query_one("#input-name", Input).value == "Acme Rockets"
        field = form.query_one("#field-name", FormField)
        assert field.has_class("-invalid")
        assert "already taken" in str(field.query_one(".field-error").render())
        assert "Validation failed" in str(form.query_one("#form-error").render())


async def test_a_server_error_shows_the_error_panel_and_retry_recovers(
    console_factory: Any, emulator: Any
) -> None:
    emulator.add_hook("/organizations", method="GET", status=500, count=4)
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        panel = view.query_one(ErrorPanel)
        assert panel.display
        assert "request id" in str(panel.query_one("#error-request-id").render())
        assert not view.items
        emulator.clear_hooks()
        await pilot.press("r")
        await settle(app, pilot)
        assert not panel.display
        assert len(view.items) == 25


async def test_related_domains_open_one_key_away(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        organization = view.selected
        await pilot.press("1")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, RelatedScreen)
        domains = screen.view
        assert [d.domain for d in domains.items] == [d.domain for d in organization.domains]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RelatedScreen)
