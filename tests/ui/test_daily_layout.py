"""A layout that fits any terminal (issue 10): breakpoints, toggles, columns fitted to the width."""

from __future__ import annotations

from typing import Any

from ui_helpers import current_view, settle

from workos_tui.ui.widgets.area_list import AreaList
from workos_tui.ui.widgets.key_bar import KeyBar


async def test_80x24_organizations_show_name_and_id_and_footer_keys(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert not app.query_one(AreaList).display or not app.query_one(AreaList).region.width
        assert not view.detail.region.width  # the detail pane waits for F3
        table = view.table
        header = table.render_line(0).text
        assert "Name" in header and "ID" in header, header
        first = table.render_line(1).text
        organization = view.items[0]
        assert organization.name[:6] in first
        assert organization.id[:8] in first  # the id column is on screen (cut with "…")
        assert table.region.right <= 80
        bar = app.query_one(KeyBar)
        keys = " ".join(bar.render_line(y).text for y in range(bar.region.height))
        assert bar.region.bottom <= 24
        for description in ("New", "Quick filter", "Zoom"):
            assert description in keys, keys
        await pilot.press("f3")
        await pilot.pause()
        assert view.detail.region.width
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.query_one(AreaList).region.width
        await pilot.press("z")
        await pilot.pause()
        assert not view.detail.region.width and not app.query_one(AreaList).region.width


async def test_wide_terminal_shows_sidebar_and_detail(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert view.detail.region.width and app.query_one(AreaList).region.width
        await pilot.press("f3")
        await pilot.pause()
        assert not view.detail.region.width


async def test_enter_shows_the_row_full_screen_with_a_folding_json_tree(
    console_factory: Any,
) -> None:
    from textual.widgets import Tree

    from workos_tui.ui.screens.detail_view import DetailScreen

    app = console_factory(start_area="organizations")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        organization = view.items[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        tree = app.screen.query_one(Tree)
        labels = [str(node.label) for node in tree.root.children]
        assert any(label.startswith("id: ") and organization.id in label for label in labels)
        assert organization.id in app.screen.query_one("#detail-view-fields").plain_text()
        await pilot.press("C")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, DetailScreen)


async def test_s_sorts_the_loaded_rows_by_the_next_column(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("s")  # by the first column (Name), A → Z
        await pilot.pause()
        names = [view.items[index].name.lower() for index in view.visible_rows]
        assert names == sorted(names)
        assert "Name ▲" in view.table.render_line(0).text
        await pilot.press("S")
        await pilot.pause()
        names = [view.items[index].name.lower() for index in view.visible_rows]
        assert names == sorted(names, reverse=True)


async def test_a_roomy_terminal_shows_every_area_name_on_one_line(console_factory: Any) -> None:
    app = console_factory(start_area="organizations")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        areas = app.query_one(AreaList)
        app.load_more_areas()  # every area, "Authorization resources" the longest name
        await settle(app, pilot)
        titles = [title for _, title in app.area_titles()]
        assert areas.region.width == 24
        assert areas.region.width > max(len(title) for title in titles)  # and its border
        await pilot.resize_terminal(120, 40)
        await settle(app, pilot)
        assert areas.region.width == 18  # the list keeps its room in a medium terminal
