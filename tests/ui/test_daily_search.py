"""Search across everything (issue 10): a list without a server-side search looks through every
page, with progress, a match cap and Escape to stop."""

from __future__ import annotations

from typing import Any

import httpx
from ui_helpers import SIZE, current_view, jump, settle, status_text

from workos_tui.emulator.testing import EmulatorHandle


def _rename_oldest_user(emulator: EmulatorHandle, first_name: str, last_name: str) -> str:
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    with httpx.Client(base_url=emulator.base_url, headers=headers) as client:
        oldest = client.get("/user_management/users", params={"limit": 1, "order": "asc"})
        user_id: str = oldest.json()["data"][0]["id"]
        renamed = client.put(
            f"/user_management/users/{user_id}",
            json={"first_name": first_name, "last_name": last_name},
        )
        assert renamed.status_code == 200, renamed.text
    return user_id


async def test_users_nora_finds_her_beyond_the_first_page(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    nora = _rename_oldest_user(emulator, "Nora", "Quillfeather")
    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = await jump(app, pilot, "users nora")
        assert view.resource.key == "users"
        found = [view.items[index] for index in view.visible_rows]
        assert nora in [user.id for user in found]
        assert [user.id for user in view.items].index(nora) >= 100  # beyond the first page
        assert not view.searching_all
        assert "shown" in status_text(view)


async def test_escape_stops_the_search_then_clears_the_filter(console_factory: Any) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        view.searching_all = True  # as if a search of all pages were on its way
        await pilot.press("escape")
        assert not view.searching_all
        view.apply_search("globex")
        await settle(app, pilot)
        assert view.quick_text == "globex"
        view.focus_table()
        await pilot.press("escape")
        await pilot.pause()
        assert view.quick_text == ""
        assert len(view.visible_rows) == len(view.items)


async def test_an_address_uses_the_servers_email_filter(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    nora = _rename_oldest_user(emulator, "Nora", "Quillfeather")
    headers = {"Authorization": f"Bearer {emulator.api_key}"}
    email = httpx.get(f"{emulator.base_url}/user_management/users/{nora}", headers=headers).json()[
        "email"
    ]
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = await jump(app, pilot, f"users {email}")
        assert [user.id for user in view.items] == [nora]  # one request, no page walk
        assert view.filter_values.get("email") == email
