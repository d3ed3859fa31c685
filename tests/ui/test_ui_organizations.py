"""Organizations end to end against the emulator: list, page, filter, detail, CRUD, failures."""

from __future__ import annotations

from typing import Any

from ui_helpers import SIZE, current_view, settle


async def test_organizations_open_with_first_page(console_factory: Any) -> None:
    app = console_factory(page_size=5)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.resource.key == "organizations"
        assert len(view.items) == 5
        assert view.has_more
        assert view.table.row_count == 5
        assert view.detail.item is view.items[0]
