"""SSO connections, Directory Sync and Events against the emulator."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, Select
from ui_helpers import SIZE, current_view, jump, open_related, settle

from workos_tui.ui.screens.confirm import TypedConfirmScreen
from workos_tui.ui.screens.related import RelatedScreen


async def apply_filter(app: Any, pilot: Any, view: Any, widget_id: str, value: Any) -> None:
    widget = view.query_one(f"#{widget_id}")
    widget.focus()
    if isinstance(widget, Select):
        widget.value = value
    else:
        widget.value = value
        await pilot.press("enter")
    await settle(app, pilot)


async def test_connections_filters_detail_and_related_organization(console_factory: Any) -> None:
    app = console_factory(start_area="connections")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        total = len(view.items)
        assert total == 31
        await apply_filter(app, pilot, view, "filter-connection_type", "OktaSAML")
        assert view.items
        assert {c.connection_type for c in view.items} == {"OktaSAML"}
        await apply_filter(app, pilot, view, "filter-connection_type", Select.NULL)
        assert len(view.items) == total

        # State is not a server-side filter: it narrows the loaded rows.
        await apply_filter(app, pilot, view, "filter-state", "draft")
        assert view.visible_rows
        assert {view.items[i].state for i in view.visible_rows} == {"draft"}
        await apply_filter(app, pilot, view, "filter-state", Select.NULL)

        connection = view.items[0]
        await apply_filter(app, pilot, view, "filter-organization_id", connection.organization_id)
        assert {c.organization_id for c in view.items} == {connection.organization_id}
        await apply_filter(app, pilot, view, "filter-organization_id", "")
        domain = next(c.domains[0].domain for c in view.items if c.domains)
        await apply_filter(app, pilot, view, "filter-domain", domain)
        assert all(domain in [d.domain for d in c.domains] for c in view.items)

        detail = view.detail.plain_text()
        selected = view.selected
        assert f"Type: {selected.connection_type}" in detail
        assert f"State: {selected.state}" in detail
        assert f"Domains: {domain}" in detail
        assert f"Organization: {selected.organization_id}" in detail
        assert "Created: 20" in detail
        organization_id = view.selected.organization_id
        organizations = await open_related(app, pilot, 1)
        assert isinstance(app.screen, RelatedScreen)
        assert [org.id for org in organizations.items] == [organization_id]


async def test_delete_a_connection(console_factory: Any) -> None:
    app = console_factory(start_area="connections")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        name = view.selected.name
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press(*name, "enter")
        await settle(app, pilot)
        assert len(view.items) == 30
        assert all(c.name != name for c in view.items)


async def test_directories_to_users_and_groups_with_raw_attributes(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        directories = await jump(app, pilot, "dirs nakatomi")
        assert [d.name for d in directories.items] == ["Nakatomi Trading Google Workspace"]
        users = await open_related(app, pilot, 1)
        assert users.resource.key == "directory_users"
        assert len(users.items) == 6
        assert users.selected.raw_attributes
        sections = users.detail.plain_text()
        first_key = sorted(users.selected.raw_attributes)[0]
        assert "Raw: {" in sections
        assert f'"{first_key}"' in sections
        groups = await open_related(app, pilot, 1)
        assert groups.resource.key == "directory_groups"
        assert groups.scope == {"user": users.selected.id}
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        groups = await open_related(app, pilot, 2)
        assert groups.resource.key == "directory_groups"
        assert len(groups.items) == 3
        members = await open_related(app, pilot, 1)
        assert members.resource.key == "directory_users"
        assert members.scope == {"group": groups.selected.id}


async def test_events_filter_by_name_organization_and_time_range(console_factory: Any) -> None:
    app = console_factory(start_area="events")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert len(view.items) == 100
        assert view.has_more
        await apply_filter(app, pilot, view, "filter-events", "group.created, role.created")
        assert view.items
        assert {e.event for e in view.items} <= {"group.created", "role.created"}
        named = len(view.items)

        start = view.items[-1].created_at[:10]
        view.query_one("#filter-range-end", Input).value = start
        await apply_filter(app, pilot, view, "filter-range", start)
        assert view.items
        assert all(e.created_at.startswith(start) for e in view.items)
        assert len(view.items) <= named

        view.query_one("#filter-range-end", Input).value = ""
        await apply_filter(app, pilot, view, "filter-range", "")
        await apply_filter(app, pilot, view, "filter-events", "")
        unfiltered = len(view.items)
        with_org = next(e for e in view.items if e.data.get("organization_id"))
        organization_id = with_org.data["organization_id"]
        await apply_filter(app, pilot, view, "filter-organization_id", organization_id)
        assert with_org.id in {e.id for e in view.items}
        assert len(view.items) < unfiltered
        last = app.request_log.last()
        assert last is not None and last.query.get("organization_id") == organization_id
