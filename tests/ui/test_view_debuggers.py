"""The SSO connection and directory sync debuggers in Pilot, against the demo emulator.

Acme Rockets' SAML connection was deactivated after its IdP certificate changed and fails every
sign-in since; its Okta SCIM directory is linked but silent for a week (emulator/demo_health.py).
"""

from __future__ import annotations

from typing import Any

from test_view_xray import select_row
from textual.widgets import HelpPanel, Input, Markdown, Select
from ui_helpers import SIZE, choose_action, current_view, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.screens.related import RelatedScreen
from workos_tui.ui.views.directory_debugger import DirectoryDebuggerView
from workos_tui.ui.views.sso_debugger import SsoDebuggerView
from workos_tui.ui.views.test_sign_in import TestSignInView


def _named(emulator: EmulatorHandle, collection: str, name: str) -> dict[str, Any]:
    return next(r for r in emulator.state[collection] if r["name"] == name)


async def test_the_broken_connection_is_flagged_from_its_row(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    conn = _named(emulator, "connections", "Acme Rockets Okta SAML")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_area("connections")
        await settle(app, pilot)
        await select_row(app, pilot, current_view(app), conn["id"])
        await choose_action(app, pilot, "debug")
        await settle(app, pilot)
        assert app.current_area == "sso-debugger"
        view = app.query_one(SsoDebuggerView)
        assert view.verdict_text == "Acme Rockets Okta SAML: 1 problem"
        texts = view.lines.texts()
        assert any("is inactive: 8 failed sign-ins since its last success" in t for t in texts)
        assert any("last failure 13 hours ago: connection_inactive" in t for t in texts)
        assert "  State: inactive" in texts
        assert any("Sign-ins (90 days): 8 succeeded, 8 failed" in t for t in texts)
        assert any("failed" in t and "invalid_saml_response" in t for t in texts)
        assert any("connection.deactivated" in t for t in texts)
        await pilot.press("f6")  # the test sign-in tool, this connection chosen
        await settle(app, pilot)
        assert app.current_area == "tool-test-sign-in"
        sign_in = app.query_one(TestSignInView)
        assert sign_in.query_one("#ts-flow", Select).value == "sso"
        assert sign_in.query_one("#ts-target", Select).value == f"connection:{conn['id']}"


async def test_the_stalled_directory_is_flagged_from_its_row(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    directory = _named(emulator, "directories", "Acme Rockets Okta SCIM")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.open_area("directories")
        await settle(app, pilot)
        await select_row(app, pilot, current_view(app), directory["id"])
        await choose_action(app, pilot, "debug")
        await settle(app, pilot)
        assert app.current_area == "directory-debugger"
        view = app.query_one(DirectoryDebuggerView)
        assert view.verdict_text == "Acme Rockets Okta SCIM: 1 problem"
        texts = view.lines.texts()
        assert any("looks stalled: linked, no sync event for over 24 hours" in t for t in texts)
        assert any("Users: 9 (9 active)" in t for t in texts)
        assert any("Groups: 3" in t for t in texts)
        assert any("each lists the group" in t for t in texts)
        assert any("Recent dsync events (13 in 90 days)" in t for t in texts)
        for _ in range(4):  # 24 hours → 48 → 72 → 1 week → 2 weeks: a week's silence is fine
            await pilot.press("h")
            await settle(app, pilot)
        assert view.verdict_text == "Acme Rockets Okta SCIM: No problems found"
        assert "  Stalled after: 336 hours without an event" in view.lines.texts()
        texts = view.lines.texts()
        view.lines.highlighted = next(k for k, t in enumerate(texts) if "Users: 9" in t)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, RelatedScreen)
        users = current_view(app)
        assert users.resource.key == "directory_users"
        assert len(users.items) == 9


async def test_debuggers_open_from_the_prompt_and_the_palette(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    conn = _named(emulator, "connections", "Acme Rockets Okta SAML")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *f"debug-sso {conn['id']}", "enter")
        await settle(app, pilot)
        assert app.query_one(SsoDebuggerView).verdict_text.startswith("Acme Rockets Okta SAML")
        await run_palette_command(app, pilot, "Health: debug a directory sync")
        await settle(app, pilot)
        assert app.current_area == "directory-debugger"
        view = app.query_one(DirectoryDebuggerView)
        view.query_one("#health-target", Input).value = "Acme Rockets Okta SCIM"
        await pilot.press("enter")
        await settle(app, pilot)
        assert view.verdict_text == "Acme Rockets Okta SCIM: 1 problem"
        view.query_one("#health-target", Input).focus()
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "Directory sync debugger" in help_text and "stalled" in help_text
        await run_palette_command(app, pilot, "Health: debug an SSO connection")
        await settle(app, pilot)
        assert app.current_area == "sso-debugger"
