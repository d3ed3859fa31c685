"""Flows added to the console: organization domains as names, role assignments, Pipes and
Connect actions with their result dialog — driven with keys against the emulator over HTTP."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from textual.widgets import Input, Select, Static
from ui_helpers import SIZE, choose_action, current_view, settle, submit_form

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.confirm import TypedConfirmScreen
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.screens.result import MASK, ResultScreen
from workos_tui.ui.widgets.form_field import FormField
from workos_tui.ui.widgets.resource_view import ResourceView


async def open_link(app: WorkOSConsole, pilot: Any, target: str) -> ResourceView:
    """Press the number key of the selected row's related link to ``target``."""
    view = current_view(app)
    keys = [link.target for link in view.related_links()]
    assert target in keys, keys
    await pilot.press(str(keys.index(target) + 1))
    await settle(app, pilot)
    opened = current_view(app)
    assert opened.resource.key == target
    return opened


async def select(pilot: Any, view: ResourceView, wanted: Any) -> None:
    index = next(i for i, item in enumerate(view.items) if wanted(item))
    view.table.move_cursor(row=view.visible_rows.index(index))
    await pilot.pause()


async def user_by_email(app: WorkOSConsole, pilot: Any, email: str) -> ResourceView:
    """The users area filtered to one user, extension areas loaded."""
    app.load_more_areas()
    await settle(app, pilot)
    view = current_view(app)
    search = view.query_one("#filter-email", Input)
    search.focus()
    search.value = email
    await pilot.press("enter")
    await settle(app, pilot)
    assert [user.email for user in view.items] == [email]
    view.focus_table()
    return view


async def open_account_provider(
    app: WorkOSConsole, pilot: Any, state: Any, account: Any
) -> ResourceView:
    """The account's user's providers, with the account's provider selected."""
    slug = state["data_integrations"].items[account["_integration_id"]]["slug"]
    await user_by_email(app, pilot, state["users"].items[account["user_id"]]["email"])
    providers = await open_link(app, pilot, "connected_accounts")
    await select(pilot, providers, lambda p: p.slug == slug)
    return providers


def screen_text(app: WorkOSConsole) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


def notifications(app: WorkOSConsole) -> str:
    return "\n".join(f"{n.title} {n.message}" for n in app._notifications)


def logged(app: WorkOSConsole) -> str:
    return "\n".join(repr(record) for record in app.request_log.records())


# -- organizations: domains as a list of names -------------------------------------------------


async def test_organization_domains_are_names_with_a_state(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-domain_state", Select).value == "pending"
        sent = len(app.request_log)

        await submit_form(app, pilot, {"name": "Zeta", "domains": "zeta.com, not a domain"})
        assert app.screen is form
        assert form.query_one("#field-domains", FormField).has_class("-invalid")
        assert "not a domain" in str(form.query_one("#field-domains .field-error").render())
        assert len(app.request_log) == sent

        await submit_form(app, pilot, {"domains": "Zeta.com, zeta.io", "domain_state": "verified"})
        assert not isinstance(app.screen, FormScreen)
        created = view.items[0]
        assert created.name == "Zeta"
        assert {(d.domain, d.state) for d in created.domains} == {
            ("zeta.com", "verified"),
            ("zeta.io", "verified"),
        }

        # A domain another organization verified: the save fails, the form and input stay.
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        await submit_form(app, pilot, {"name": "Copycat", "domains": "zeta.com"})
        assert app.screen is form
        assert form.query_one("#input-domains", Input).value == "zeta.com"
        assert form.query_one("#field-domains", FormField).has_class("-invalid")
        assert "already verified" in str(form.query_one("#field-domains .field-error").render())
        await submit_form(app, pilot, {"domains": "copycat.dev"})
        assert view.items[0].name == "Copycat"
        assert [(d.domain, d.state) for d in view.items[0].domains] == [("copycat.dev", "pending")]

        # Editing shows the names; the domains kept keep their state, new ones get the form's.
        await select(pilot, view, lambda org: org.id == created.id)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-domains", Input).value == "zeta.com, zeta.io"
        await submit_form(app, pilot, {"domains": "zeta.com, zeta.dev"})
        assert not isinstance(app.screen, FormScreen)
        org = emulator.state["organizations"].items[created.id]
        domains = {
            d["domain"]: d["state"]
            for d in emulator.state["organization_domains"]
            if d["organization_id"] == org["id"]
        }
        assert domains == {"zeta.com": "verified", "zeta.dev": "pending"}


# -- role assignments of a membership ------------------------------------------------------------


async def test_assign_and_unassign_a_membership_role(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    direct = next(r for r in state["role_assignments"] if r["source"]["type"] == "direct")
    membership = state["organization_memberships"].items[direct["organization_membership_id"]]
    email = state["users"].items[membership["user_id"]]["email"]
    held = [
        r for r in state["role_assignments"] if r["organization_membership_id"] == membership["id"]
    ]
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await user_by_email(app, pilot, email)
        memberships = await open_link(app, pilot, "memberships")
        await select(pilot, memberships, lambda m: m.id == membership["id"])
        assignments = await open_link(app, pilot, "membership_role_assignments")
        assert sorted(a.id for a in assignments.items) == sorted(r["id"] for r in held)

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-organization_membership_id", Input).value == membership["id"]
        sent = len(app.request_log)
        await submit_form(app, pilot, {"role_slug": "org-auditor", "resource_external_id": "x"})
        assert app.screen is form
        assert "go together" in str(form.query_one("#form-error").render())
        assert len(app.request_log) == sent
        await submit_form(app, pilot, {"resource_external_id": ""})
        assert not isinstance(app.screen, FormScreen)
        new = next(a for a in assignments.items if a.role.slug == "org-auditor")
        assert new.resource.id == membership["organization_id"]
        assert new.resource.resource_type_slug == "organization"
        assert len(assignments.items) == len(held) + 1

        await select(pilot, assignments, lambda a: a.id == new.id)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press(*"org-auditor", "enter")
        await settle(app, pilot)
        assert all(a.id != new.id for a in assignments.items)
        assert state["role_assignments"].get(new.id) is None


# -- Pipes: a user's credentials --------------------------------------------------------------


async def test_access_token_is_hidden_until_revealed_and_never_logged(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    account = next(
        a
        for a in state["connected_accounts"]  # in id order (``items`` changes order on rollback)
        # the providers list asked without an organization shows the accounts without one
        if a["auth_method"] == "oauth" and a["state"] == "connected" and not a["organization_id"]
    )
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_account_provider(app, pilot, state, account)
        await choose_action(app, pilot, "access_token")
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        token = state["connected_accounts"].items[account["id"]]["_access_token"]
        assert dialog.entries[0].label == "Access token"
        assert MASK in dialog.shown_text(0)
        assert token not in screen_text(app)

        await pilot.press("v")
        await pilot.pause()
        assert dialog.shown_text(0) == token
        assert token in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert token not in screen_text(app)

        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == token
        assert "Copied access token." in notifications(app)
        assert token not in notifications(app)
        assert token not in logged(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ResultScreen)


async def test_connect_link_and_an_inactive_credential(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    account = next(a for a in state["connected_accounts"] if a["state"] != "connected")
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_account_provider(app, pilot, state, account)
        await choose_action(app, pilot, "credential")
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        assert "needs_reauthorization" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        await choose_action(app, pilot, "connect_link")
        assert isinstance(app.screen, FormScreen)
        await submit_form(app, pilot, {"return_to": "https://app.example/done"})
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        url = dialog.entries[0].value()
        assert url.startswith("https://") and "redirect_uri" in url
        await pilot.press("o")
        await pilot.pause()
        assert url in notifications(app)


async def test_read_only_profile_refuses_to_vend(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    account = next(a for a in state["connected_accounts"] if a["state"] == "connected")
    email = state["users"].items[account["user_id"]]["email"]
    app = console_factory(start_area="users", read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await user_by_email(app, pilot, email)
        providers = await open_link(app, pilot, "connected_accounts")
        await select(pilot, providers, lambda p: p.connected_account is not None)
        await choose_action(app, pilot, "credential")
        assert not isinstance(app.screen, ResultScreen)
        assert "read-only" in notifications(app)


# -- Connect: client secrets and the authorization URL -----------------------------------------


async def test_client_secret_is_shown_once_hidden_until_revealed(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    app_record = next(a for a in state["connect_applications"] if a["name"] == "Acme Console")
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.load_more_areas()
        await settle(app, pilot)
        await pilot.press("colon", *"applications", "enter")
        await settle(app, pilot)
        applications = current_view(app)
        assert applications.resource.key == "connect_applications"
        await select(pilot, applications, lambda a: a.id == app_record["id"])

        await choose_action(app, pilot, "new_secret")
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        labels = [entry.label for entry in dialog.entries]
        secret_index = labels.index("Client secret")
        secret = dialog.entries[secret_index].value()
        assert secret and secret not in screen_text(app)
        assert secret not in logged(app) and secret not in notifications(app)
        await pilot.click(f"#result-copy-{secret_index}")
        await pilot.pause()
        assert app.clipboard == secret
        await pilot.click("#result-reveal")
        await pilot.pause()
        assert secret in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()

        await choose_action(app, pilot, "authorization_url")
        form = app.screen
        assert isinstance(form, FormScreen)
        redirect = app_record["redirect_uris"][0]["uri"]
        assert form.query_one("#input-redirect_uri", Input).value == redirect
        await submit_form(app, pilot, {"state": "xyz"})
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        url = dialog.entries[0].value()
        assert "/user_management/authorize?" in url
        assert app_record["client_id"] in url and "state=xyz" in url
        await pilot.press("escape")
        await pilot.pause()

        # The application's client secrets: creating one shows its value the same way.
        secrets = await open_link(app, pilot, "client_secrets")
        count = len(secrets.items)
        await pilot.press("n")
        await pilot.pause()
        await submit_form(app, pilot, {})
        dialog = app.screen
        assert isinstance(dialog, ResultScreen)
        assert any(entry.is_secret for entry in dialog.entries)
        assert MASK in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(secrets.items) == count + 1


# -- start-up: the screens the row actions open are imported lazily --------------------------


def test_resource_actions_do_not_import_their_screens() -> None:
    code = (
        "import sys, workos_tui.ui.widgets.resource_view\n"
        "print(sorted(m for m in sys.modules if m.startswith('workos_tui.ui.screens.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = result.stdout
    for screen in ("form", "confirm", "export", "action_menu", "result"):
        assert f"workos_tui.ui.screens.{screen}'" not in loaded, loaded


async def test_role_assignments_on_a_resource(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    direct = next(r for r in state["role_assignments"] if r["source"]["type"] == "direct")
    resource_id = direct["_resource_id"]
    on_resource = [r for r in state["role_assignments"] if r["_resource_id"] == resource_id]
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        app.load_more_areas()
        await settle(app, pilot)
        await pilot.press("colon", *"authorization_resources", "enter")
        await settle(app, pilot)
        resources = current_view(app)
        await select(pilot, resources, lambda r: r.id == resource_id)
        assignments = await open_link(app, pilot, "resource_role_assignments")
        assert sorted(a.id for a in assignments.items) == sorted(r["id"] for r in on_resource)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-resource_id", Input).value == resource_id
        await submit_form(
            app,
            pilot,
            {
                "role_slug": "no-such-role",
                "organization_membership_id": direct["organization_membership_id"],
            },
        )
        assert app.screen is form  # the server refused: the input stays
        assert form.query_one("#input-role_slug", Input).value == "no-such-role"
        assert "does not exist" in str(form.query_one("#form-error").render())


async def test_install_an_api_key_keeps_it_out_of_the_log(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    state = emulator.state
    account = next(a for a in state["connected_accounts"] if a["auth_method"] == "api_key")
    app = console_factory(start_area="users")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        providers = await open_account_provider(app, pilot, state, account)
        slug = providers.selected.slug
        await choose_action(app, pilot, "install_api_key")
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-secret", Input).password
        await submit_form(app, pilot, {"secret": "lin_api_rotated_value_1234"})
        assert isinstance(app.screen, ResultScreen)
        record = state["connected_accounts"].items[account["id"]]
        assert record["_secret"] == "lin_api_rotated_value_1234"
        assert "lin_api_rotated_value_1234" not in logged(app) + notifications(app)
        await pilot.press("escape")
        await settle(app, pilot)
        await select(pilot, providers, lambda p: p.slug == slug)
        await choose_action(app, pilot, "credential")
        assert isinstance(app.screen, ResultScreen)
        assert app.screen.entries[0].value() == "lin_api_rotated_value_1234"
