"""Test sign-in, end to end against the emulator: the test plays the browser.

The view builds the authorization URL (PKCE S256 and a state for AuthKit; a state for SSO),
listens on 127.0.0.1 at a free port, and the test follows the URL (a direct redirect or the
emulator's sign-in form) and then calls the loopback callback, as the browser would. The view
exchanges the code and shows the user or profile; tokens only in the result dialog, masked.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from sign_in_browser import follow_to_redirect
from textual.widgets import Select, Static
from ui_helpers import SIZE, emulator_environment, settle

from workos_tui.api.pkce import code_challenge
from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.views.test_sign_in import TestSignInView


def sign_in_console(emulator: EmulatorHandle) -> WorkOSConsole:
    environment = emulator_environment(emulator, client_id=CLIENT_ID)
    return WorkOSConsole(
        environment,
        open_browser=False,
        detail_delay=0.0,
        base_url_label="emulator",
        prepare_areas=False,
    )


async def _open(app: WorkOSConsole, pilot: Any) -> TestSignInView:
    await settle(app, pilot)
    await pilot.press("colon", *"test-sign-in", "enter")
    await settle(app, pilot)
    view = app.query_one(TestSignInView)
    assert view.display
    view.focus()  # (a panel opened by ':' is not focused yet: reported to the console's owner)
    await pilot.pause()
    return view


async def _url_shown(view: TestSignInView, pilot: Any) -> str:
    for _ in range(500):  # the listener starts in a worker; the URL is posted when it listens
        if view.authorization_url is not None:
            return view.authorization_url
        await pilot.pause()
    raise AssertionError("no authorization URL")


async def _browse(app: WorkOSConsole, pilot: Any, view: TestSignInView) -> dict[str, str]:
    url = await _url_shown(view, pilot)
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    callback = await follow_to_redirect(url, query["redirect_uri"])
    async with httpx.AsyncClient(timeout=30) as browser:
        page = await browser.get(callback)  # the loopback server, in the app's event loop
    assert page.status_code == 200 and "Signed in" in page.text
    await settle(app, pilot)
    return query


def _first(select: Select[str], kind: str) -> str:
    values = [value for _label, value in select._options if str(value).startswith(kind)]
    assert values, kind
    return str(values[0])


async def test_authkit_sign_in_with_pkce_through_an_organization(
    emulator: EmulatorHandle,
) -> None:
    app = sign_in_console(emulator)
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        target = view.query_one("#ts-target", Select)
        target.value = _first(target, "organization:")
        await pilot.press("f5")
        query = await _browse(app, pilot, view)
        assert query["code_challenge_method"] == "S256"
        assert len(query["code_challenge"]) == 43 and query["state"]
        assert query["organization_id"] == str(target.value).partition(":")[2]
        redirect = urlsplit(query["redirect_uri"])
        assert (redirect.hostname, redirect.path) == ("127.0.0.1", "/callback") and redirect.port
        assert view.status_text.startswith("✔ Signed in"), view.status_text
        summary = view.result_summary()
        assert summary["user"]["email"] and summary["organization_id"] == query["organization_id"]
        assert summary["access_token_claims"]["org_id"] == query["organization_id"]
        shown = str(view.query_one("#ts-result", Static).render())
        tokens = (view.outcome.access_token.get_secret_value(),)
        assert all(token not in shown for token in tokens)
        await pilot.press("f9")  # the tokens, in the result dialog, masked
        await pilot.pause()
        dialog = app.screen
        text = " ".join(str(s.render()) for s in dialog.query(Static))
        assert "Access token" in text and all(token not in text for token in tokens)


async def test_sso_sign_in_through_a_connection_shows_the_profile(
    emulator: EmulatorHandle,
) -> None:
    app = sign_in_console(emulator)
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        view.query_one("#ts-flow", Select).value = "sso"
        target = view.query_one("#ts-target", Select)
        target.value = _first(target, "connection:")  # the list starts with active ones
        assert "· active (" in next(str(label) for label, v in target._options if v == target.value)
        await pilot.press("f5")
        query = await _browse(app, pilot, view)
        assert "code_challenge" not in query  # the SSO API has no PKCE
        assert view.status_text.startswith("✔ Signed in"), view.status_text
        profile = view.result_summary()["profile"]
        assert profile["connection_id"] == str(target.value).partition(":")[2]


async def test_a_wrong_state_is_refused(emulator: EmulatorHandle) -> None:
    app = sign_in_console(emulator)
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        view.query_one("#ts-target", Select).value = "provider:authkit"
        await pilot.press("f5")
        url = await _url_shown(view, pilot)
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]
        async with httpx.AsyncClient(timeout=30) as browser:
            await browser.get(f"{redirect}?code=forged&state=not-the-state")
        await settle(app, pilot)
        assert view.status_text.startswith("✘ Sign-in failed: The state does not match")
        assert view.outcome is None


def test_code_challenge_is_s256_of_the_verifier() -> None:
    import base64
    import hashlib

    verifier = "a" * 43
    digest = hashlib.sha256(verifier.encode()).digest()
    assert code_challenge(verifier) == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
