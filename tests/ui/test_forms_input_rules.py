"""Forms against the emulator: a Connect application edit round-trips, an emptied required field
is a field error, an emptied optional field is sent as the API clears it (or explained), and
over-long input is a field error; nothing invalid reaches the server."""

from __future__ import annotations

import json
from typing import Any

import pytest
from textual.widgets import Button, Input
from ui_helpers import SIZE, current_view, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.catalog import default_registry, load_extensions
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.confirm import TypedConfirmScreen
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.widgets.form_field import FormField

SAFE = {"GET", "HEAD"}


def mutations(emulator: EmulatorHandle, start: int) -> list[Any]:
    return [x for x in emulator.log.since(start) if x.method not in SAFE]


async def select_named(app: WorkOSConsole, pilot: Any, name: str) -> Any:
    view = current_view(app)
    row = next(row for row, i in enumerate(view.visible_rows) if view.items[i].name == name)
    view.table.move_cursor(row=row)
    view.focus_table()
    await settle(app, pilot)
    assert view.selected.name == name
    return view.selected


async def review(app: WorkOSConsole, pilot: Any, values: dict[str, str]) -> FormScreen:
    form = app.screen
    assert isinstance(form, FormScreen)
    for name, value in values.items():
        form.query_one(f"#input-{name}", Input).value = value
    await pilot.press("ctrl+s")
    await pilot.pause()
    return form


def field_error(form: FormScreen, name: str) -> str:
    field = form.query_one(f"#field-{name}", FormField)
    assert field.has_class("-invalid"), f"{name} shows no error"
    return str(field.query_one(".field-error").render())


async def test_a_connect_application_edit_round_trips(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    registry = default_registry()
    load_extensions(registry)
    app = console_factory(registry=registry, start_area="connect_applications")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        selected = await select_named(app, pilot, "Partner Analytics")
        with emulator.client() as http:
            before = http.get(f"/connect/applications/{selected.id}").json()
        assert len(before["redirect_uris"]) == 2
        await pilot.press("e")
        await settle(app, pilot)
        form = await review(app, pilot, {"name": "Partner Analytics EU"})
        shown = str(form.query_one("#form-review").render())
        assert "Partner Analytics → Partner Analytics EU" in shown
        start = len(emulator.log)
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        sent = mutations(emulator, start)
        assert [(x.method, json.loads(x.request_body)) for x in sent] == [
            ("PUT", {"name": "Partner Analytics EU"})
        ]
        with emulator.client() as http:
            after = http.get(f"/connect/applications/{selected.id}").json()
        assert after["name"] == "Partner Analytics EU"
        unchanged = {"name", "updated_at"}
        assert {k: v for k, v in after.items() if k not in unchanged} == {
            k: v for k, v in before.items() if k not in unchanged
        }
        assert current_view(app).selected.name == "Partner Analytics EU"


async def test_emptying_a_required_field_is_a_field_error_and_sends_nothing(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select_named(app, pilot, "Nakatomi Trading")
        start = len(emulator.log)
        await pilot.press("e")
        await settle(app, pilot)
        form = await review(app, pilot, {"name": ""})
        assert "cannot be empty" in field_error(form, "name")
        assert not form.query_one("#form-review").display
        assert not form.query_one("#form-confirm", Button).display
        await pilot.press("escape")
        await settle(app, pilot)
        assert mutations(emulator, start) == []


async def test_an_emptied_optional_field_is_cleared_or_explained(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        organization = await select_named(app, pilot, "Nakatomi Trading")
        assert organization.external_id and organization.stripe_customer_id
        start = len(emulator.log)
        await pilot.press("e")
        await settle(app, pilot)
        # the API cannot clear a Stripe customer id: the field says so, nothing is sent
        form = await review(app, pilot, {"stripe_customer_id": ""})
        assert "cannot clear" in field_error(form, "stripe_customer_id")
        assert not form.query_one("#form-review").display
        # an external id can be cleared: it is sent as null
        form = await review(
            app,
            pilot,
            {"stripe_customer_id": organization.stripe_customer_id, "external_id": ""},
        )
        review_text = str(form.query_one("#form-review").render())
        assert f"external_id: {organization.external_id} → (empty)" in review_text
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        sent = mutations(emulator, start)
        assert [(x.method, json.loads(x.request_body)) for x in sent] == [
            ("PUT", {"external_id": None})
        ]
        with emulator.client() as http:
            after = http.get(f"/organizations/{organization.id}").json()
        assert after["external_id"] is None
        assert after["stripe_customer_id"] == organization.stripe_customer_id


TOO_LONG = [
    pytest.param("organizations", {"name": "N" * 100_000}, "name", "100,000", id="org-name"),
    pytest.param(
        "users", {"email": "a" * 300 + "@example.com"}, "email", "before @", id="email-312"
    ),
    pytest.param(
        "users",
        {"email": "ada@example.com", "first_name": "F" * 100_000},
        "first_name",
        "at most 256",
        id="first-name",
    ),
]


@pytest.mark.parametrize(("area", "values", "field", "words"), TOO_LONG)
async def test_over_long_input_is_a_field_error_and_sends_nothing(
    area: str,
    values: dict[str, str],
    field: str,
    words: str,
    console_factory: Any,
    emulator: EmulatorHandle,
) -> None:
    assert len(values.get("email", "")) in (0, 15, 312)
    app = console_factory(start_area=area)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        start = len(emulator.log)
        await pilot.press("n")
        await settle(app, pilot)
        form = await review(app, pilot, values)
        assert words in field_error(form, field)
        assert not form.query_one("#form-review").display
        await pilot.press("escape")
        await settle(app, pilot)
        assert mutations(emulator, start) == []


async def test_the_delete_dialog_keeps_its_buttons_on_screen_with_a_very_long_name(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    with emulator.client() as http:
        created = http.post("/organizations", json={"name": "Z" * 5000}).json()
    app = console_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.selected.id == created["id"]
        view.focus_table()
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, TypedConfirmScreen)
        screen_region = dialog.region
        for button in dialog.query(Button):
            assert screen_region.contains_region(button.region), f"{button.id} is off screen"
        assert "…" in "".join(str(s.render()) for s in dialog.query("Static"))
        # a name nobody can type: the id confirms instead
        dialog.query_one("#confirm-typed", Input).value = created["id"]
        await pilot.pause()
        assert not dialog.query_one("#confirm-delete", Button).disabled
        await pilot.press("escape")
        await settle(app, pilot)
        # the edit form's title is cut too: its buttons stay on screen
        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        review_button = form.query_one("#form-review-button", Button)
        assert form.region.contains_region(review_button.region)
        await pilot.press("escape")
        await settle(app, pilot)
