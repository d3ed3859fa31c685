"""The session inspector: the sealed-session vectors and Node iron seals pasted into the view,
and a refresh through the emulator's API of a session it signed in."""

from __future__ import annotations

import base64
import json
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from cryptography.fernet import Fernet
from pydantic import SecretStr
from sign_in_browser import follow_to_redirect
from test_view_test_sign_in import sign_in_console
from textual.widgets import Input, Static, TextArea
from ui_helpers import SIZE, settle

from workos_tui.api.client import WorkOSClient
from workos_tui.api.facade import WorkOS
from workos_tui.api.pkce import new_pkce
from workos_tui.api.sealed_session import unseal_session
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.views.session_inspector import SessionInspectorView

VECTORS = Path(__file__).resolve().parents[1] / "reference" / "vectors"
FERNET: dict[str, Any] = json.loads((VECTORS / "sealed-session.json").read_text())
IRON: dict[str, Any] = json.loads((VECTORS / "iron-session.json").read_text())


async def _open(app: WorkOSConsole, pilot: Any) -> SessionInspectorView:
    await settle(app, pilot)
    await pilot.press("colon", *"session", "enter")
    await settle(app, pilot)
    view = app.query_one(SessionInspectorView)
    assert view.display
    view.focus()  # (a panel opened by ':' is not focused yet: reported to the console's owner)
    await pilot.pause()
    assert view.query_one("#si-password", Input).password  # the password stays masked
    return view


async def _paste(view: SessionInspectorView, pilot: Any, sealed: str, password: str) -> None:
    view.query_one("#si-password", Input).value = password
    view.query_one("#si-seal", TextArea).load_text(sealed)
    await pilot.pause()


async def test_vectors_and_node_seals_through_the_view(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        for vector in FERNET["vectors"]:
            await _paste(view, pilot, vector["sdk_sealed"], vector["cookie_password"])
            assert view.verdict_text.startswith("✔ Opened: Fernet (the Python SDK)")
            user = vector["session_data"].get("user")
            if user:
                assert f"User          {user['email']} ({user['id']})" in view.details_text
            if "impersonator" in vector["session_data"]:
                assert "Impersonator  admin@example.com — reason: support" in view.details_text
        reasons = {"wrong_password": "password is wrong", "tampered_byte": "password is wrong"}
        for vector in FERNET["negative_vectors"]:
            await _paste(view, pilot, vector["sdk_sealed"], vector["cookie_password"])
            assert view.verdict_text.startswith("✘ Does not open"), vector["name"]
            expected = reasons.get(vector["name"], "not a sealed session")
            assert expected in view.verdict_text, (vector["name"], view.verdict_text)
        await _paste(view, pilot, FERNET["vectors"][0]["sdk_sealed"], "not a fernet key")
        assert "must be a Fernet key" in view.verdict_text
        for seal in IRON["seals"]:
            await _paste(view, pilot, seal["sealed"], IRON["password"])
            # the 60 s one has expired since it was made (the 14-day ones will, too)
            expires_ms = IRON["made_at_ms"] + seal["ttl_s"] * 1000
            expired = seal["ttl_s"] and expires_ms < (time.time() - 120) * 1000
            shown = "✘ Opened, but the seal has expired: iron" if expired else "✔ Opened: iron"
            assert view.verdict_text.startswith(shown), seal["name"]
            assert f"password id {seal['password_id'] or '(none)'}" in view.details_text
        await _paste(view, pilot, IRON["seals"][1]["sealed"], IRON["password"])  # no ttl
        await settle(app, pilot)
        assert "Signature     not checked: the profile has no client id" in str(
            view.query_one("#si-signature", Static).render()
        )
        details = view.details_text
        for line in (
            "Organization  org_01EHZNVPK3SFK441A1RGBFSHRT",
            "Role          admin (roles: admin)",
            "Permissions   posts:read, posts:write",
            "Impersonator  admin@example.com — reason: Ticket 4242 🚀",
            "Access token  EXPIRED: expires 2025-01-01 00:05:00 UTC",
        ):
            assert line in details
        assert IRON["password"] not in details
        assert IRON["session"]["refreshToken"] not in details
        await _paste(view, pilot, IRON["seals"][1]["sealed"], "x" * 40)
        assert "password is wrong, or the seal was altered" in view.verdict_text


async def _signed_in_session(emulator: EmulatorHandle, client_id: str) -> dict[str, Any]:
    """A real session from the emulator: authorize, play the browser, exchange the code."""
    from workos_tui.api.environment import Environment

    environment = Environment(
        name="t",
        api_key=SecretStr(emulator.api_key),
        base_url=emulator.base_url,
        client_id=client_id,
    )
    async with WorkOSClient(environment) as client:
        workos = WorkOS(client)
        pkce = new_pkce()
        redirect = "http://127.0.0.1:9/callback"
        url = workos.authentication.get_authorization_url(
            redirect_uri=redirect, provider="authkit", state="s", code_challenge=pkce.challenge
        )
        location = await follow_to_redirect(url, redirect)
        code = parse_qs(urlsplit(location).query)["code"][0]
        auth = await workos.authentication.authenticate_with_code(code, code_verifier=pkce.verifier)
    return {
        "access_token": auth.access_token.get_secret_value(),
        "refresh_token": auth.refresh_token.get_secret_value(),
        "user": auth.user.model_dump(mode="json"),
    }


async def test_refresh_through_the_api_seals_the_new_tokens(emulator: EmulatorHandle) -> None:
    from workos_tui.emulator.oauth import CLIENT_ID

    data = await _signed_in_session(emulator, CLIENT_ID)
    password = Fernet.generate_key().decode()
    sealed = Fernet(password).encrypt(json.dumps(data).encode()).decode()
    app = sign_in_console(emulator)
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        await _paste(view, pilot, sealed, password)
        assert view.verdict_text.startswith("✔ Opened: Fernet")
        assert "Access token  valid" in view.details_text
        await settle(app, pilot)  # the signature is checked against the environment's JWKS
        assert view.signature is not None and view.signature.verified
        assert "Signature     ✔ signed by the environment's key" in str(
            view.query_one("#si-signature", Static).render()
        )
        header, claims, signature = data["access_token"].split(".")
        forged_claims = json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))
        forged_claims["role"] = "owner"
        forged = base64.urlsafe_b64encode(json.dumps(forged_claims).encode()).rstrip(b"=")
        forged_data = {**data, "access_token": f"{header}.{forged.decode()}.{signature}"}
        forged_seal = Fernet(password).encrypt(json.dumps(forged_data).encode()).decode()
        await _paste(view, pilot, forged_seal, password)
        await settle(app, pilot)
        assert view.verdict_text.startswith("✔ Opened: Fernet")  # the seal itself is fine
        assert view.signature is not None and view.signature.outcome == "bad_signature"
        await _paste(view, pilot, sealed, password)
        await settle(app, pilot)
        await pilot.press("f8")
        await settle(app, pilot)
        assert view.verdict_text.startswith("✔ Refreshed through the API"), view.verdict_text
        new_seal = view.query_one("#si-seal", TextArea).text
        reopened = unseal_session(new_seal, password)
        assert reopened.seal_format == "fernet"
        assert reopened.refresh_token is not None and reopened.access_token is not None
        assert reopened.refresh_token.get_secret_value() != data["refresh_token"]
        assert reopened.user is not None and reopened.user["id"] == data["user"]["id"]
        await pilot.press("f9")
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Refresh token" in text
        assert reopened.refresh_token.get_secret_value() not in text


async def test_the_worked_example(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        await view.show_example()  # what the screenshot shows, read as of a fixed time
        await pilot.pause()
        assert view.verdict_text.startswith("✔ Opened: iron")
        assert "Access token  valid: expires 2025-01-01 00:05:00 UTC (in 3 min 0 s)" in (
            view.details_text
        )
        assert "Seal expires  2025-01-15 00:00:00 UTC (in 13 d 23 h)" in view.details_text


async def test_the_password_comes_from_the_environment_masked(emulator: EmulatorHandle) -> None:
    from ui_helpers import emulator_environment

    from workos_tui.ui.screens.result import MASK

    vector = FERNET["vectors"][1]
    environment = emulator_environment(
        emulator, cookie_password=SecretStr(vector["cookie_password"])
    )
    app = WorkOSConsole(environment, open_browser=False, prepare_areas=False)
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        field = view.query_one("#si-password", Input)
        assert field.password and field.value == vector["cookie_password"]
        view.query_one("#si-seal", TextArea).load_text(vector["sdk_sealed"])
        await pilot.pause()
        assert view.verdict_text.startswith("✔ Opened: Fernet")
        await pilot.press("f9")  # the tokens and the seal, masked in the result dialog
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert MASK in text and vector["session_data"]["refresh_token"] not in text
