"""A list page with one item that does not fit its model (issue 9, item 8), in the console.

The emulator serves a real organizations page in which one item has a wrong-typed field. Before,
the whole list was an error; now the other rows show, the odd row is marked, a notice names the
field and the detail pane shows the item's raw JSON.
"""

from __future__ import annotations

import copy
from typing import Any

import httpx
from textual.widgets import Static
from ui_helpers import SIZE, current_view, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.widgets.error_panel import ErrorPanel
from workos_tui.ui.widgets.resource_table import UNRECOGNISED_MARK


async def test_one_odd_organization_is_marked_and_the_rest_show(
    emulator: EmulatorHandle, console_factory: Any
) -> None:
    with emulator.client() as client:
        page = client.get("/organizations", params={"limit": 100, "order": "desc"}).json()
    served = copy.deepcopy(page)
    odd_index = next(n for n, item in enumerate(served["data"]) if item["domains"])
    odd = served["data"][odd_index]
    odd["domains"][0]["state"] = 42  # the spec says a string
    hook = {"method": "GET", "path": "/organizations", "status": 200, "body": served, "count": 1}
    assert httpx.post(f"{emulator.base_url}/_emulate/hooks", json=hook).status_code == 201

    app = console_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.resource.key == "organizations"
        assert not [panel for panel in view.query(ErrorPanel) if panel.display]
        assert view.table.row_count == len(served["data"])
        for row, raw in enumerate(served["data"]):
            first_cell = view.table.get_row_at(row)[0]
            assert first_cell.startswith(UNRECOGNISED_MARK) == (row == odd_index), first_cell
            assert raw["name"] in first_cell
        notices = [notification.message for notification in app._notifications]
        assert "1 item of Organizations has an unrecognised shape: domains[0].state" in notices

        view.table.move_cursor(row=odd_index)
        await settle(app, pilot)
        assert view.detail.item.id == odd["id"]
        shown = str(view.detail.query_one("#detail-sections").render())
        assert "Unrecognised shape" in shown and "domains[0].state" in shown
        raw_json = view.detail.query_one("#detail-json", Static)
        assert raw_json.display and '"state": 42' in raw_json.content.code
