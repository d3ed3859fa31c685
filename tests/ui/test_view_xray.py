"""Organization X-ray in Pilot, against the demo emulator over HTTP.

The demo's Acme Rockets is in trouble on purpose (emulator/demo_health.py): an inactive SAML
connection failing every sign-in, a linked directory silent for a week, a failed domain, an
expired invitation and an API key about to expire.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import HelpPanel, Input, Markdown
from ui_helpers import SIZE, choose_action, current_view, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.views.sso_debugger import SsoDebuggerView
from workos_tui.ui.views.xray import XrayView


async def select_row(app: WorkOSConsole, pilot: Any, view: Any, item_id: str) -> None:
    row = next(r for r, k in enumerate(view.visible_rows) if view.items[k].id == item_id)
    view.table.move_cursor(row=row)
    view.focus_table()
    await settle(app, pilot)
    assert view.selected.id == item_id


def _org(emulator: EmulatorHandle, name: str) -> dict[str, Any]:
    return next(o for o in emulator.state["organizations"] if o["name"] == name)


async def _xray(app: WorkOSConsole, pilot: Any) -> XrayView:
    await settle(app, pilot)
    view = app.query_one(XrayView)
    assert view.display
    return view


def _line_index(view: XrayView, fragment: str) -> int:
    texts = view.lines.texts()
    return next(k for k, text in enumerate(texts) if fragment in text)


async def test_xray_opens_from_the_jump_prompt_and_flags_acme(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"xray Acme", "enter")
        view = await _xray(app, pilot)
        assert app.current_area == "xray"
        assert view.verdict_text == "Acme Rockets: 3 problems, 2 warnings"
        text = "\n".join(view.lines.texts())
        assert "Acme Rockets Okta SAML is inactive: 8 failed sign-ins" in text
        assert "connection_inactive: The SSO connection is inactive." in text
        assert "Acme Rockets Okta SCIM looks stalled" in text
        assert "acme-rockets-launch.example failed verification: add TXT" in text
        assert "Invitation to leo.abebe@acme-rockets.example expired" in text
        assert "API key Launch telemetry expires in 5 days" in text
        assert "Audit-log retention: 30 days" in text


async def test_badges_and_findings_drill_into_the_records(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    org = _org(emulator, "Acme Rockets")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.jump_to(f"xray {org['id']}")
        view = await _xray(app, pilot)
        view.lines.highlighted = _line_index(view, "SSO connections:")
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        related = current_view(app)
        assert related.resource.key == "connections"
        assert related.scope == {"organization_id": org["id"]}
        assert {item.organization_id for item in related.items} == {org["id"]}
        await pilot.press("escape")
        await settle(app, pilot)
        view.lines.highlighted = _line_index(view, "Okta SAML is inactive")
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_area == "sso-debugger"
        debugger = app.query_one(SsoDebuggerView)
        assert debugger.verdict_text.startswith("Acme Rockets Okta SAML:")


async def test_xray_from_an_organization_row_and_the_palette(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    org = _org(emulator, "Northwind Traders")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await select_row(app, pilot, current_view(app), org["id"])
        await choose_action(app, pilot, "xray")
        view = await _xray(app, pilot)
        assert view.target == org["id"]
        assert view.verdict_text.startswith("Northwind Traders: ")
        app.open_area("organizations")
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Health: X-ray an organization")
        await settle(app, pilot)
        assert app.current_area == "xray"
        view.query_one("#health-target", Input).focus()
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "Organization X-ray" in help_text and ":xray NAME" in help_text


async def test_unknown_organization_is_said(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.jump_to("xray no-such-company-anywhere")
        view = await _xray(app, pilot)
        assert view.verdict_text == "Nothing matches 'no-such-company-anywhere'."


async def test_escape_cancels_a_slow_reading_and_its_answer_is_dropped(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    org = _org(emulator, "Acme Rockets")
    emulator.add_hook("/organizations/*/audit_logs_retention", latency_ms=1500, count=1)
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.jump_to(f"xray {org['id']}")
        await pilot.pause()
        view = app.query_one(XrayView)
        for _ in range(200):  # the reading has started (the first requests are on their way)
            await pilot.pause()
            if view.loading_diagnosis:
                break
        assert view.verdict_text.startswith(f"Reading {org['id']}")
        view.lines.focus()
        await pilot.press("escape")
        await settle(app, pilot)
        assert view.verdict_text == f"Cancelled reading {org['id']}."
        assert view.result is None and view.lines.option_count == 0
        await pilot.press("ctrl+r")  # read again: the answer arrives
        await settle(app, pilot)
        assert view.verdict_text == "Acme Rockets: 3 problems, 2 warnings"
