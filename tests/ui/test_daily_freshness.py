"""Fresh lists (issue 10): entering an area re-fetches its first page, a refresh keeps the rows."""

from __future__ import annotations

from typing import Any

import httpx
from ui_helpers import SIZE, current_view, jump, settle, status_text

from workos_tui.emulator.testing import EmulatorHandle


async def _create_user_from_outside(emulator: EmulatorHandle, email: str) -> str:
    async with httpx.AsyncClient(base_url=emulator.base_url) as client:
        response = await client.post(
            "/user_management/users",
            json={"email": email, "first_name": "Outside", "last_name": "Maker"},
            headers={"Authorization": f"Bearer {emulator.api_key}"},
        )
    assert response.status_code == 201, response.text
    user_id: str = response.json()["id"]
    return user_id


async def test_outside_change_appears_on_entry_without_r(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        users = current_view(app)
        users.table.move_cursor(row=2)
        await settle(app, pilot)
        kept = users.selected.id
        await jump(app, pilot, "organizations")
        email = "outside.maker@example.com"
        await _create_user_from_outside(emulator, email)
        view = await jump(app, pilot, "users")
        assert view is users
        emails = [user.email for user in view.items]
        assert email in emails
        assert view.selected.id == kept  # the cursor stayed on its user
        assert "as of " in status_text(view)


async def test_failed_refresh_keeps_rows_with_a_banner(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        before = len(view.items)
        assert before
        hook = {"method": "GET", "path": "/organizations", "status": 400, "count": 5}
        assert httpx.post(f"{emulator.base_url}/_emulate/hooks", json=hook).status_code == 201
        await pilot.press("r")
        await settle(app, pilot)
        assert len(view.items) == before
        assert view.table.display and view.table.row_count == before
        banner = view.query_one("#resource-banner")
        assert banner.display
        assert "Refresh failed" in str(banner.render())


async def test_watch_toggle_refreshes(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("W")
        await settle(app, pilot)
        assert view.watching
        assert "watching" in status_text(view)
        await pilot.press("W")
        assert not view.watching
