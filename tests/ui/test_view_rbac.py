"""RBAC matrix in Pilot, against the demo emulator over HTTP."""

from __future__ import annotations

from typing import Any

from textual.widgets import Button, HelpPanel, Markdown
from ui_helpers import SIZE, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.confirm import ConfirmScreen
from workos_tui.ui.views.rbac_matrix import RbacMatrixView


async def _matrix(app: WorkOSConsole, pilot: Any) -> RbacMatrixView:
    await settle(app, pilot)
    view = app.query_one(RbacMatrixView)
    assert view.display and view.matrix is not None
    return view


def _role(emulator: EmulatorHandle, slug: str, org_id: str = "") -> list[str]:
    path = (
        f"/authorization/organizations/{org_id}/roles/{slug}"
        if org_id
        else f"/authorization/roles/{slug}"
    )
    with emulator.client() as http:
        response = http.get(path)
    assert response.status_code == 200, response.text
    permissions: list[str] = response.json()["permissions"]
    return permissions


async def test_a_toggle_changes_the_role_after_confirmation(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"rbac", "enter")
        view = await _matrix(app, pilot)
        assert app.current_area == "rbac"
        assert view.status_text.startswith("11 permissions x 7 roles")
        assert view.cell_at("billing:read", "member") == "·"
        assert view.cell_at("users:read", "member") == "✔"
        view.move_to("billing:read", "member")
        view.table.focus()
        await pilot.press("space")
        await pilot.pause()
        assert view.cell_at("billing:read", "member") == "+ ✔"
        assert "1 staged on 1 role(s)" in view.status_text
        assert _role(emulator, "member") == ["users:read"]  # nothing sent yet
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "member:\n  + billing:read" in app.screen.body
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert _role(emulator, "member") == ["users:read", "billing:read"]
        assert view.cell_at("billing:read", "member") == "✔"
        assert "staged" not in view.status_text


async def test_an_organization_adds_its_custom_roles(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    auditor_role = next(r for r in emulator.state["roles"] if r["slug"] == "org-auditor")
    org = emulator.state["organizations"].items[auditor_role["_organization_id"]]
    custom = [r for r in emulator.state["roles"] if r.get("_organization_id") == org["id"]]
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.jump_to(f"rbac {org['id']}")
        view = await _matrix(app, pilot)
        assert view.matrix is not None
        org_columns = [c for c in view.matrix.columns if c.scope == "organization"]
        assert sorted(c.role.slug for c in org_columns) == sorted(r["slug"] for r in custom)
        auditor = next(c for c in org_columns if c.role.slug == "org-auditor")
        assert view.cell_at("audit-logs:read", auditor.key) == "✔"
        view.move_to("audit-logs:read", auditor.key)
        view.table.focus()
        await pilot.press("space", "ctrl+s")
        await settle(app, pilot)
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert _role(emulator, "org-auditor", org["id"]) == []


async def test_read_only_refuses_with_a_message(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Roles: edit the permission matrix")
        view = await _matrix(app, pilot)
        view.move_to("billing:read", "viewer")
        view.table.focus()
        await pilot.press("space", "ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmScreen)
        assert view.status_text.startswith("Read-only profile")
        assert _role(emulator, "viewer") == ["users:read", "audit-logs:read"]
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "RBAC matrix" in help_text and "set-permissions" in help_text


async def test_production_asks_to_type_apply() -> None:
    from pydantic import SecretStr

    from workos_tui.api.environment import Environment
    from workos_tui.emulator import EmulatorServer, create_app, demo_state
    from workos_tui.ui.screens.confirm import TypedConfirmScreen

    live_key = "sk_live_rbac_test"
    server = EmulatorServer(create_app(demo_state(), api_keys={live_key}), port=0)
    server.start()
    try:
        environment = Environment(
            name="production", api_key=SecretStr(live_key), base_url=server.base_url
        )
        app = WorkOSConsole(environment, open_browser=False, prepare_areas=False, detail_delay=0.0)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            app.jump_to("rbac")
            view = await _matrix(app, pilot)
            view.move_to("billing:read", "member")
            view.table.focus()
            await pilot.press("space", "ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, TypedConfirmScreen)
            assert app.screen.question.endswith("in PRODUCTION?")
            assert str(app.screen.query_one("#confirm-delete", Button).label) == "Apply"
            await pilot.press(*"apply", "enter")
            await settle(app, pilot)
        role = next(r for r in server.app.state.data["roles"] if r["slug"] == "member")
        assert role["permissions"] == ["users:read", "billing:read"]
    finally:
        server.stop()
