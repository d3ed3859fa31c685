"""SSO, AuthKit authentication and Radar services against the emulator over HTTP."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api import BadRequestError, Environment, ForbiddenError, WorkOS
from workos_tui.api.errors import AuthenticationError, NotFoundError, ValidationError
from workos_tui.api.models import RadarAttemptCreate, RadarAttemptUpdate
from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle, HostedForm

CALLBACK = "https://app.example.com/callback"


@pytest.fixture
async def client_workos(emulator: EmulatorHandle) -> WorkOS:
    environment = Environment(
        name="emulator",
        api_key=SecretStr(emulator.api_key),
        base_url=emulator.base_url,
        client_id=CLIENT_ID,
    )
    return WorkOS.connect(environment, max_retries=0)


def _follow(url: str) -> dict[str, list[str]]:
    """Open the authorize URL as a browser and sign in as the page offers."""
    with httpx.Client() as browser:
        r = browser.get(url)
        if r.status_code == 200:  # the hosted sign-in (or identity provider's) page
            form = HostedForm.read(r.text)
            r = browser.post(str(r.url.join(form.action)), data=form.fields)
    assert r.status_code == 302, r.text
    return parse_qs(urlsplit(r.headers["location"]).query)


async def test_sso_flow(emulator: EmulatorHandle, client_workos: WorkOS) -> None:
    async with client_workos as workos:
        conn = next(c for c in emulator.state["connections"] if c["state"] == "active")
        url = workos.sso.get_authorization_url(
            redirect_uri=CALLBACK, connection=conn["id"], state="s", provider_scopes=["a", "b"]
        )
        query = _follow(url)
        token = await workos.sso.get_profile_and_token(query["code"][0])
        assert token.profile.connection_id == conn["id"]
        assert "eyJ" not in repr(token)
        profile = await workos.sso.get_profile(token.access_token)
        assert profile.id == token.profile.id
        with pytest.raises(AuthenticationError):
            await workos.sso.get_profile("not-a-token")
        with pytest.raises(BadRequestError):
            await workos.sso.get_profile_and_token(query["code"][0])
        jwks = await workos.sso.get_jwks()
        assert jwks.keys[0].alg == "RS256" and jwks.keys[0].x5t_s256
        assert workos.sso.get_jwks_url().endswith(f"/sso/jwks/{CLIENT_ID}")
        with pytest.raises(NotFoundError):
            await workos.sso.get_jwks("client_unknown")
        with pytest.raises(ValidationError):
            workos.sso.get_authorization_url(redirect_uri=CALLBACK)
        with pytest.raises(BadRequestError):
            await workos.sso.authorize_logout(profile.id)  # not a GenericOIDC connection
        conn["connection_type"] = "GenericOIDC"
        emulator.state["connections"].put(conn)  # a tracked change: the rollback undoes it
        query = _follow(
            workos.sso.get_authorization_url(redirect_uri=CALLBACK, connection=conn["id"])
        )
        oidc = await workos.sso.get_profile_and_token(query["code"][0])
        logout = await workos.sso.authorize_logout(oidc.profile.id)
        r = httpx.get(workos.sso.get_logout_url(logout.logout_token))
        assert r.status_code == 302
        with pytest.raises(NotFoundError):
            await workos.sso.authorize_logout("prof_missing")


async def test_authkit_flows(emulator: EmulatorHandle, client_workos: WorkOS) -> None:
    async with client_workos as workos:
        from workos_tui.api.models import UserCreate

        user = await workos.users.create(
            UserCreate(email="svc@auth.example", password="correct horse", email_verified=True)
        )
        auth = await workos.authentication.authenticate_with_password(
            user.email, SecretStr("correct horse"), ip_address="198.51.100.1"
        )
        assert auth.user.id == user.id and "correct horse" not in repr(auth)
        refreshed = await workos.authentication.authenticate_with_refresh_token(auth.refresh_token)
        assert refreshed.access_token.get_secret_value()
        with pytest.raises(BadRequestError):
            await workos.authentication.authenticate_with_password(user.email, "wrong")
        url = workos.authentication.get_authorization_url(
            redirect_uri=CALLBACK, provider="authkit", login_hint=user.email
        )
        code = _follow(url)["code"][0]
        by_code = await workos.authentication.authenticate_with_code(code)
        assert by_code.user.id == user.id
        device = await workos.authentication.authorize_device()
        with pytest.raises(BadRequestError) as pending:
            await workos.authentication.authenticate_with_device_code(device.device_code)
        assert pending.value.status == 400
        sessions = await workos.users.list_sessions(user.id)
        session_id = sessions.data[0].id
        await workos.authentication.revoke_session(session_id)
        with pytest.raises(BadRequestError):
            await workos.authentication.revoke_session("session_missing")
        other = next(s for s in sessions.data if s.id != session_id)
        r = httpx.get(workos.authentication.get_logout_url(other.id, return_to=CALLBACK))
        assert r.status_code == 302 and r.headers["location"] == CALLBACK
        # Radar: a blocked IP asks for an email challenge.
        assert await workos.radar.add_list_entry("ip_address", "block", "192.0.2.9") is True
        assert await workos.radar.add_list_entry("ip_address", "block", "192.0.2.9") is False
        with pytest.raises(ForbiddenError) as forbidden:
            await workos.authentication.authenticate_with_password(
                user.email, "correct horse", ip_address="192.0.2.9"
            )
        assert forbidden.value.code == "radar_challenge"
        # The error does not carry the pending token yet: continue with one from plain HTTP.
        with emulator.client() as c:
            body = c.post(
                "/user_management/authenticate",
                json={
                    "client_id": CLIENT_ID,
                    "client_secret": emulator.api_key,
                    "grant_type": "password",
                    "email": user.email,
                    "password": "correct horse",
                    "ip_address": "192.0.2.9",
                },
            ).json()
        challenge = await workos.authentication.get_radar_challenge(body["radar_challenge_id"])
        done = await workos.authentication.authenticate_with_radar_email_challenge(
            challenge.code, challenge.id, body["pending_authentication_token"]
        )
        assert done.user.id == user.id
        with pytest.raises(NotFoundError):
            await workos.authentication.get_radar_challenge("radar_challenge_missing")


async def test_radar_service(workos: WorkOS) -> None:
    attempt = RadarAttemptCreate(
        ip_address="203.0.113.5",
        user_agent="pytest",
        email="a@blocked.example",
        auth_method="Password",
        action="sign-in",
    )
    assessed = await workos.radar.assess(attempt)
    assert assessed.verdict == "allow"
    await workos.radar.add_list_entry("domain", "block", "blocked.example")
    assessed = await workos.radar.assess(attempt)
    assert assessed.verdict == "block" and assessed.blocklist_type == "domain"
    await workos.radar.update_attempt(
        assessed.attempt_id, RadarAttemptUpdate(attempt_status="success")
    )
    with pytest.raises(NotFoundError):
        await workos.radar.update_attempt(
            "radar_att_missing", RadarAttemptUpdate(attempt_status="success")
        )
    with pytest.raises(BadRequestError):
        await workos.radar.update_attempt(assessed.attempt_id, RadarAttemptUpdate())
    await workos.radar.remove_list_entry("domain", "block", "blocked.example")
    with pytest.raises(NotFoundError):
        await workos.radar.remove_list_entry("domain", "block", "blocked.example")
    with pytest.raises(BadRequestError):
        await workos.radar.add_list_entry("ip_address", "block", "not-an-ip")
