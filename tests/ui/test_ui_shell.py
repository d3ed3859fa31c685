"""The shell: header markers, read-only, inspector, palette, help, export, copy, stale results."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from pydantic import SecretStr
from textual.widgets import HelpPanel, Input, Label, Select
from ui_helpers import SIZE, current_view, run_palette_command, settle

from workos_tui.api.environment import Environment
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.messages import PageLoaded
from workos_tui.ui.screens.export import ExportScreen
from workos_tui.ui.widgets.area_list import AreaList
from workos_tui.ui.widgets.environment_bar import EnvironmentBar
from workos_tui.ui.widgets.error_panel import ErrorPanel
from workos_tui.ui.widgets.request_inspector import RequestInspector
from workos_tui.ui.widgets.resource_view import ResourceView


def header_text(app: WorkOSConsole) -> str:
    bar = app.query_one(EnvironmentBar)
    return " ".join(str(label.render()) for label in bar.query(Label))


async def test_header_shows_profile_and_base_url_never_the_key(console_factory: Any) -> None:
    app = console_factory(base_url_label=None)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = header_text(app)
        assert "profile: emulator" in text
        assert app.environment.base_url in text
        assert "PRODUCTION" not in text
        assert "READ-ONLY" not in text
        assert "sk_test" not in text


async def test_live_keys_are_marked_production_and_errors_show_a_panel(emulator: Any) -> None:
    environment = Environment(
        name="prod", api_key=SecretStr("sk_live_abc123"), base_url=emulator.base_url
    )
    app = WorkOSConsole(environment, open_browser=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = header_text(app)
        assert "PRODUCTION" in text
        assert "sk_live" not in text
        view = current_view(app)
        panel = view.query_one(ErrorPanel)
        assert panel.display
        assert "API key rejected" in str(panel.query_one("#error-title").render())


async def test_read_only_hides_mutations(console_factory: Any) -> None:
    app = console_factory(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert "READ-ONLY" in header_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_request_inspector_shows_the_log_live(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        inspector = app.screen.query_one(RequestInspector)
        table = inspector.query_one("#inspector-table")
        assert table.row_count == 1
        row = [str(cell) for cell in table.get_row_at(0)]
        assert row[0] == "GET"
        assert row[1].startswith("/organizations")
        assert row[2] == "200"
        assert row[4].startswith("req_") or row[4] != "—"
        assert not any("sk_test" in cell for cell in row)
        await pilot.press("r")
        await settle(app, pilot)
        assert table.row_count == 2
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert not app.screen.query(RequestInspector)


async def test_area_list_and_palette_commands(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        titles = [str(app.query_one(AreaList).get_option_at_index(i).prompt) for i in range(8)]
        assert titles[:3] == ["Organizations", "Users", "Invitations"]
        await pilot.click(AreaList, offset=(2, 4))
        await settle(app, pilot)
        assert current_view(app).resource.key == "connections"

        await run_palette_command(app, pilot, "Users: open")
        await settle(app, pilot)
        assert current_view(app).resource.key == "users"

        before = app.theme
        await run_palette_command(app, pilot, "Theme: toggle")
        await settle(app, pilot)
        assert app.theme != before


async def test_help_panel_toggles(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def test_copy_id_and_json(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("y")
        assert app.clipboard == view.selected.id
        await pilot.press("Y")
        assert json.loads(app.clipboard)["id"] == view.selected.id
        await pilot.press("w")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(f"organizations/{view.selected.id}" in m for m in messages)


async def test_export_csv_json_ndjson_with_filters(console_factory: Any, tmp_path: Path) -> None:
    app = console_factory(start_area="connections")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        select = view.query_one("#filter-connection_type", Select)
        select.value = "OktaSAML"
        await settle(app, pilot)
        expected = {c.id for c in view.items}
        for export_format in ("csv", "json", "ndjson"):
            await pilot.press("x")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ExportScreen)
            screen.query_one("#export-format", Select).value = export_format
            await pilot.pause()
            target = tmp_path / f"connections.{export_format}"
            screen.query_one("#export-path", Input).value = str(target)
            await pilot.click("#export-start")
            await settle(app, pilot)
            assert "Done" in str(screen.query_one("#export-status").render())
            await pilot.press("escape")
            await pilot.pause()
            text = target.read_text(encoding="utf-8")
            if export_format == "csv":
                rows = list(csv.DictReader(text.splitlines()))
            elif export_format == "json":
                rows = json.loads(text)
            else:
                rows = [json.loads(line) for line in text.splitlines()]
            assert {row["id"] for row in rows} == expected


async def test_export_can_be_cancelled(console_factory: Any, emulator: Any, tmp_path: Path) -> None:
    app = console_factory(start_area="connections")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        emulator.add_hook("/connections", method="GET", latency_ms=3000, count=1)
        await pilot.press("x")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ExportScreen)
        target = tmp_path / "slow.csv"
        screen.query_one("#export-path", Input).value = str(target)
        await pilot.click("#export-start")
        await pilot.pause()
        assert screen.running
        await pilot.press("escape")
        await settle(app, pilot)
        assert not screen.running
        assert "cancelled" in str(screen.query_one("#export-status").render())
        assert not target.exists()


async def test_stale_pages_are_dropped(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        count = len(view.items)
        view.post_message(PageLoaded(view.generation - 1, view.items[:3], True))
        await pilot.pause()
        assert len(view.items) == count


async def test_switching_areas_faster_than_they_mount_focuses_the_last_one(
    console_factory: Any,
) -> None:
    """Opening areas back to back (a held key, a script) must not focus a half-built area."""
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.load_more_areas()
        keys = [key for key, _title in app.area_titles()]
        for key in keys:
            app.open_area(key)
        await settle(app, pilot)
        assert app.current_area == keys[-1]
        focused = app.focused
        assert focused is not None
        assert any(node.id == f"area-{keys[-1]}" for node in focused.ancestors_with_self)


async def test_main_areas_are_prepared_after_the_first_rows(console_factory: Any) -> None:
    app = console_factory(prepare_areas=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for _ in range(200):
            if app.idle_work_done:
                break
            await pilot.pause(0.05)
        await settle(app, pilot)
        assert app.idle_work_done and app.more_areas_loaded
        # every main area is mounted hidden with its first page; the first one kept the focus
        assert app.current_area == "organizations"
        assert current_view(app).table.has_focus
        for key in ("users", "connections", "directories", "events", "vault"):
            area = app.query_one(f"#area-{key}", ResourceView)
            assert not area.display
            assert area.items, key
        app.open_area("users")
        await pilot.pause()
        users = current_view(app)
        assert users.resource.key == "users" and users.display and users.items
        await settle(app, pilot)
        assert users.table.has_focus


async def test_areas_are_not_prepared_when_the_first_list_failed(emulator: Any) -> None:
    environment = Environment(
        name="bad", api_key=SecretStr("sk_test_not_a_key"), base_url=emulator.base_url
    )
    app = WorkOSConsole(environment, open_browser=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        for _ in range(200):
            if app.idle_work_done:
                break
            await pilot.pause(0.05)
        assert app.more_areas_loaded  # extension areas are listed all the same
        assert len(app.query_one("#area-content").children) == 1


async def test_prepared_console_keeps_its_long_lived_objects_out_of_collections(
    console_factory: Any,
) -> None:
    import gc

    app = console_factory(prepare_areas=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert gc.get_freeze_count() == 0  # tests/conftest.py unfreezes after every test
        for _ in range(200):
            if app.idle_work_done:
                break
            await pilot.pause(0.05)
        table = current_view(app).table
        assert gc.get_freeze_count() > 10_000
        assert not any(o is table for generation in (0, 1, 2) for o in gc.get_objects(generation))
