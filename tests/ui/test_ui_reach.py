"""Every resource type is reachable: related links past the ninth through the related menu
(0 / m), ':' for every type (areas, lists that need an owner, lists that do not), and the areas
that walk every organization (groups, organization roles, API keys)."""

from __future__ import annotations

from typing import Any

from ui_helpers import SIZE, current_view, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.screens.related_menu import RelatedMenuScreen


async def _with_extensions(app: WorkOSConsole, pilot: Any) -> None:
    await settle(app, pilot)
    app.load_more_areas()
    await settle(app, pilot)
    current_view(app).focus_table()
    await pilot.pause()


async def test_the_related_menu_reaches_links_past_the_ninth(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await _with_extensions(app, pilot)
        organizations = current_view(app)
        links = organizations.related_links()
        assert len(links) > 9
        last = links[-1]
        await pilot.press("0")
        await pilot.pause()
        menu = app.screen
        assert isinstance(menu, RelatedMenuScreen)
        assert [link.title for link in menu.links] == [link.title for link in links]
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        assert current_view(app).resource.key == last.target
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, RelatedMenuScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_authorized_applications_are_one_menu_away(console_factory: Any) -> None:
    """Before the menu, the tenth link of an organization had no key at all."""
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await _with_extensions(app, pilot)
        targets = [link.target for link in current_view(app).related_links()]
        index = targets.index("organization_authorized_applications")
        assert index >= 9
        await pilot.press("m")
        await pilot.pause()
        await pilot.press(*["down"] * index, "enter")
        await settle(app, pilot)
        assert current_view(app).resource.key == "organization_authorized_applications"


async def test_groups_roles_and_api_keys_open_with_the_demos_rows(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for typed, key in (
            ("groups", "groups"),
            ("api-keys", "organization_api_keys"),
            ("organization-roles", "organization_roles"),
        ):
            await pilot.press("colon", *typed, "enter")
            await settle(app, pilot)
            view = current_view(app)
            assert view.resource.key == key and app.current_area == key
            assert view.items, typed
        groups = {g["id"] for g in emulator.state["groups"]}
        await pilot.press("colon", *"groups", "enter")
        await settle(app, pilot)
        assert {g.id for g in current_view(app).items} <= groups


async def test_colon_opens_lists_reached_from_rows(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    organization_id = emulator.state["organizations"].order[0]
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *f"domains {organization_id}", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        view = current_view(app)
        assert view.resource.key == "domains"
        assert {d.organization_id for d in view.items} == {organization_id}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("colon", *"sessions", "enter")
        await settle(app, pilot)
        assert app.screen is app.screen_stack[0]
        messages = [n.message for n in app._notifications]
        assert any(":sessions <user_id>" in message for message in messages), messages


async def test_the_palette_opens_the_related_menu(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Organizations: related lists")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedMenuScreen)


def test_a_jumps_argument_scopes_the_list_by_its_id_prefix() -> None:
    from workos_tui.resources.memberships import MEMBERSHIPS
    from workos_tui.ui.jump import parse_jump, plan_jump

    def scope(text: str) -> dict[str, str]:
        jump = parse_jump(text)
        assert jump is not None
        return dict(plan_jump(MEMBERSHIPS, jump).scope)

    assert scope(":memberships org_01X") == {"organization_id": "org_01X"}
    assert scope(":memberships user_01Y") == {"user_id": "user_01Y"}
    assert scope(":memberships whatever") == {"user_id": "whatever"}


async def test_the_access_check_shows_its_answer_and_why(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    from ui_helpers import choose_action, submit_form

    from workos_tui.ui.screens.result import ResultScreen

    state = emulator.state
    direct = next(r for r in state["role_assignments"] if r["source"]["type"] == "direct")
    membership = state["organization_memberships"].items[direct["organization_membership_id"]]
    role = next(
        r for r in state["roles"] if r["slug"] == direct["role"]["slug"] and r["permissions"]
    )
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *f"memberships {membership['user_id']}", "enter")
        await settle(app, pilot)
        view = current_view(app)
        index = next(i for i, m in enumerate(view.items) if m.id == membership["id"])
        view.table.move_cursor(row=view.visible_rows.index(index))
        await pilot.pause()
        await choose_action(app, pilot, "check_access")
        await submit_form(
            app,
            pilot,
            {"permission_slug": role["permissions"][0], "resource_id": direct["_resource_id"]},
        )
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        answers = {entry.label: entry.value() for entry in dialog.entries}
        assert answers["Answer"] == "Yes: allowed"
        assert direct["role"]["slug"] in answers["Granted by"]
