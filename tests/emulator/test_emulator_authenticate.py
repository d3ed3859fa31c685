"""AuthKit authentication over HTTP: every grant type, authorize (302), device authorization,
Radar challenges, session logout (302) and revocation."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.sessions import totp_code
from workos_tui.emulator.testing import EmulatorHandle, HostedForm

PASSWORD = "correct horse battery"
CALLBACK = "https://app.example.com/callback"


def _user(c: httpx.Client, email: str, *, verified: bool = True) -> dict[str, Any]:
    r = c.post(
        "/user_management/users",
        json={"email": email, "password": PASSWORD, "email_verified": verified},
    )
    assert r.status_code == 201, r.text
    user: dict[str, Any] = r.json()
    return user


def _auth(c: httpx.Client, grant_type: str, **fields: Any) -> httpx.Response:
    body = {"client_id": CLIENT_ID, "client_secret": "sk_test_default", "grant_type": grant_type}
    return c.post("/user_management/authenticate", json={**body, **fields})


def _password(c: httpx.Client, email: str, **extra: Any) -> httpx.Response:
    return _auth(c, "password", email=email, password=PASSWORD, **extra)


def _claims(token: str) -> dict[str, Any]:
    payload = token.split(".")[1]
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def _org(c: httpx.Client, name: str) -> str:
    r = c.post("/organizations", json={"name": name})
    assert r.status_code == 201, r.text
    org_id: str = r.json()["id"]
    return org_id


def _member(c: httpx.Client, user_id: str, org_id: str) -> None:
    r = c.post(
        "/user_management/organization_memberships",
        json={"user_id": user_id, "organization_id": org_id},
    )
    assert r.status_code == 201, r.text


def test_password_session_refresh_and_revoke(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "pat@auth.example")
        org = _org(c, "Auth Example")
        _member(c, user["id"], org)
        r = _password(c, user["email"], ip_address="198.51.100.7", user_agent="pytest")
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["user"]["id"] == user["id"] and body["organization_id"] == org
        assert body["authentication_method"] == "Password"
        claims = _claims(body["access_token"])
        assert claims["sub"] == user["id"] and claims["org_id"] == org
        session_id = claims["sid"]
        sessions = c.get(f"/user_management/users/{user['id']}/sessions").json()["data"]
        assert [s["id"] for s in sessions] == [session_id]
        assert (
            sessions[0]["auth_method"] == "password" and sessions[0]["ip_address"] == "198.51.100.7"
        )
        # Refresh rotates the refresh token.
        r = _auth(c, "refresh_token", refresh_token=body["refresh_token"])
        assert r.status_code == 200, r.text
        refreshed = r.json()
        assert refreshed["refresh_token"] != body["refresh_token"]
        assert _claims(refreshed["access_token"])["sid"] == session_id
        r = _auth(c, "refresh_token", refresh_token=body["refresh_token"])
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
        # Switching to an organization the user is not in.
        other = _org(c, "Elsewhere")
        r = _auth(
            c, "refresh_token", refresh_token=refreshed["refresh_token"], organization_id=other
        )
        assert r.status_code == 400 and r.json()["error"] == "organization_membership_not_found"
        r = _auth(
            c, "refresh_token", refresh_token=refreshed["refresh_token"], organization_id="org_x"
        )
        assert r.status_code == 400 and r.json()["error"] == "organization_not_found"
        # Revocation ends the session and its refresh tokens.
        r = c.post("/user_management/sessions/revoke", json={"session_id": session_id})
        assert r.status_code == 200
        r = _auth(c, "refresh_token", refresh_token=refreshed["refresh_token"])
        assert r.status_code == 400
        r = c.post("/user_management/sessions/revoke", json={"session_id": "session_missing"})
        assert r.status_code == 400 and "message" in r.json()
        r = c.post("/user_management/sessions/revoke", json={})
        assert r.status_code == 400
        events = c.get("/events", params={"events": "session.created,session.revoked"}).json()
        assert {e["event"] for e in events["data"]} >= {"session.created", "session.revoked"}


def test_password_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "err@auth.example")
        r = _auth(c, "password", email=user["email"], password="wrong password")
        assert r.status_code == 400 and r.json()["code"] == "invalid_credentials"
        r = _password(c, "nobody@auth.example")
        assert r.status_code == 400 and r.json()["code"] == "invalid_credentials"
        r = _password(c, user["email"], client_secret="sk_test_wrong")
        assert r.status_code == 400 and r.json()["error"] == "invalid_client"
        r = _password(c, user["email"], client_id="client_other")
        assert r.status_code == 400 and r.json()["error"] == "invalid_client"
        r = _auth(c, "password", email=user["email"])
        assert r.status_code == 422 and r.json()["code"] == "invalid_request_parameters"
        r = _auth(c, "client_credentials")
        assert r.status_code == 400 and r.json()["error"] == "invalid_request"
        r = c.post("/user_management/authenticate", json={"grant_type": "password"})
        assert r.status_code == 422


def test_email_verification_then_organization_selection(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "new@auth.example", verified=False)
        first, second = _org(c, "One"), _org(c, "Two")
        _member(c, user["id"], first)
        _member(c, user["id"], second)
        r = _password(c, user["email"])
        assert r.status_code == 403 and r.json()["code"] == "email_verification_required"
        pending = r.json()["pending_authentication_token"]
        ev = emulator.state["email_verifications"].get(r.json()["email_verification_id"])
        assert ev is not None
        wrong = _auth(
            c,
            "urn:workos:oauth:grant-type:email-verification:code",
            code="000000" if ev["code"] != "000000" else "111111",
            pending_authentication_token=pending,
        )
        assert wrong.status_code == 400 and wrong.json()["code"] == "invalid_one_time_code"
        pending = wrong.json()["pending_authentication_token"]
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:email-verification:code",
            code=ev["code"],
            pending_authentication_token=pending,
        )
        assert r.status_code == 403 and r.json()["code"] == "organization_selection_required"
        assert {o["id"] for o in r.json()["organizations"]} == {first, second}
        pending = r.json()["pending_authentication_token"]
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:organization-selection",
            organization_id="org_not_mine",
            pending_authentication_token=pending,
        )
        assert r.status_code == 400 and r.json()["code"] == "invalid_organization_id"
        r = _password(c, user["email"])
        assert r.status_code == 403 and r.json()["code"] == "organization_selection_required"
        pending = r.json()["pending_authentication_token"]
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:organization-selection",
            organization_id=second,
            pending_authentication_token=pending,
        )
        assert r.status_code == 200 and r.json()["organization_id"] == second
        assert c.get(f"/user_management/users/{user['id']}").json()["email_verified"] is True
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:organization-selection",
            organization_id=second,
            pending_authentication_token=pending,
        )
        assert r.status_code == 400 and r.json()["code"] == "invalid_pending_authentication_token"


def test_totp_challenge(emulator: EmulatorHandle) -> None:
    state = emulator.state
    with emulator.client() as c:
        user = _user(c, "mfa@auth.example")
        r = c.post(f"/user_management/users/{user['id']}/auth_factors", json={"type": "totp"})
        assert r.status_code == 201
        factor = r.json()["authentication_factor"]
        r = _password(c, user["email"])
        assert r.status_code == 403 and r.json()["code"] == "mfa_challenge"
        assert r.json()["authentication_factors"][0]["id"] == factor["id"]
        pending = r.json()["pending_authentication_token"]
        with state.lock:
            challenge = state.create(
                "auth_challenges",
                {"object": "authentication_challenge", "authentication_factor_id": factor["id"]},
            )
        code = totp_code(factor["totp"]["secret"], state.now_ms() // 1000)
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:mfa-totp",
            code=code,
            pending_authentication_token=pending,
            authentication_challenge_id="auth_challenge_missing",
        )
        assert r.status_code == 400 and r.json()["code"] == "user_mismatch"
        r = _password(c, user["email"])
        pending = r.json()["pending_authentication_token"]
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:mfa-totp",
            code=code,
            pending_authentication_token=pending,
            authentication_challenge_id=challenge["id"],
        )
        assert r.status_code == 200, r.text
        assert r.json()["user"]["id"] == user["id"] and "organization_id" not in r.json()


def test_magic_auth_code(emulator: EmulatorHandle) -> None:
    state = emulator.state
    with emulator.client() as c:
        user = _user(c, "magic@auth.example")
        with state.lock:
            state.create(
                "magic_auths",
                {
                    "object": "magic_auth",
                    "user_id": user["id"],
                    "email": user["email"],
                    "expires_at": "2999-01-01T00:00:00.000Z",
                    "code": "424242",
                },
            )
        magic = "urn:workos:oauth:grant-type:magic-auth:code"
        r = _auth(c, magic, code="000000", email=user["email"])
        assert r.status_code == 400 and r.json()["code"] == "invalid_one_time_code"
        r = _auth(c, magic, code="424242", email=user["email"])
        assert r.status_code == 200 and r.json()["authentication_method"] == "MagicAuth"
        r = _auth(c, magic, code="424242", email=user["email"])
        assert r.status_code == 400


def test_radar_email_and_sms_challenges(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "risky@auth.example")
        r = c.post("/radar/lists/ip_address/block", json={"entry": "192.0.2.66"})
        assert r.status_code in (201, 204)
        r = _password(c, user["email"], ip_address="192.0.2.66")
        assert r.status_code == 403 and r.json()["code"] == "radar_challenge"
        challenge_id = r.json()["radar_challenge_id"]
        pending = r.json()["pending_authentication_token"]
        r = c.get(f"/user_management/radar_challenges/{challenge_id}")
        assert r.status_code == 200 and r.json()["type"] == "email"
        assert c.get("/user_management/radar_challenges/radar_challenge_x").status_code == 404
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:radar-email-challenge:code",
            code=r.json()["code"],
            radar_challenge_id=challenge_id,
            pending_authentication_token=pending,
        )
        assert r.status_code == 200, r.text
        # SMS: send a challenge for a fresh pending token, then confirm it.
        r = _password(c, user["email"], ip_address="192.0.2.66")
        pending = r.json()["pending_authentication_token"]
        r = c.post(
            "/user_management/radar_challenges",
            json={
                "user_id": user["id"],
                "pending_authentication_token": pending,
                "phone_number": "+15555550100",
            },
        )
        assert r.status_code == 201 and r.json()["phone_number"] == "+15555550100"
        verification_id = r.json()["verification_id"]
        sms = emulator.state["radar_challenges"].get(verification_id)
        assert sms is not None
        r = _auth(
            c,
            "urn:workos:oauth:grant-type:radar-sms-challenge:code",
            code=sms["code"],
            verification_id=verification_id,
            pending_authentication_token=pending,
        )
        assert r.status_code == 200, r.text
        r = c.post(
            "/user_management/radar_challenges",
            json={
                "user_id": user["id"],
                "pending_authentication_token": "nope",
                "phone_number": "+1",
            },
        )
        assert r.status_code == 400


def _authorize(emulator: EmulatorHandle, **params: str) -> dict[str, list[str]]:
    query = {"client_id": CLIENT_ID, "redirect_uri": CALLBACK, "response_type": "code", **params}
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get("/user_management/authorize", params=query)
        if r.status_code == 200:  # the hosted sign-in page: sign in as it offers
            r = HostedForm.read(r.text).submit(anonymous)
    assert r.status_code == 302, r.text
    return parse_qs(urlsplit(r.headers["location"]).query)


def test_authorize_and_code_exchange_with_pkce(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "pkce@auth.example")
    verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    query = _authorize(
        emulator,
        provider="authkit",
        login_hint=user["email"],
        state="s1",
        code_challenge=challenge.decode(),
        code_challenge_method="S256",
    )
    assert query["state"] == ["s1"]
    with emulator.client() as c:
        r = _auth(
            c,
            "authorization_code",
            code=query["code"][0],
            code_verifier="wrong",
            client_secret=None,
        )
        assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    query = _authorize(
        emulator, provider="authkit", login_hint=user["email"], code_challenge=challenge.decode()
    )
    with emulator.client() as c:
        body = {
            "client_id": CLIENT_ID,
            "grant_type": "authorization_code",
            "code": query["code"][0],
            "code_verifier": verifier,
        }
        r = c.post("/user_management/authenticate", json=body)
        assert r.status_code == 200, r.text
        assert r.json()["user"]["email"] == user["email"]
        r = c.post("/user_management/authenticate", json=body)
        assert r.status_code == 400


def test_authorize_errors(emulator: EmulatorHandle) -> None:
    conn = next(c for c in emulator.state["connections"] if c["state"] == "active")
    assert "code" in _authorize(emulator, connection_id=conn["id"])
    assert "code" in _authorize(emulator, organization_id=conn["organization_id"])
    for params, code in (
        ({}, "invalid_request"),
        ({"provider": "MySpaceOAuth"}, "invalid_request"),
        ({"connection_id": "conn_missing"}, "invalid_connection"),
        ({"organization_id": "org_missing"}, "organization_not_found"),
    ):
        assert _authorize(emulator, **params)["error"] == [code]
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get("/user_management/authorize", params={"client_id": CLIENT_ID})
        assert r.status_code == 422


def test_device_flow(emulator: EmulatorHandle) -> None:
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.post("/user_management/authorize/device", json={"client_id": CLIENT_ID})
        assert r.status_code == 200
        device = r.json()
        assert device["user_code"] in device["verification_uri_complete"]
        r = anonymous.post("/user_management/authorize/device", json={"client_id": "client_x"})
        assert r.status_code == 400 and r.json()["error"] == "invalid_client"
        r = anonymous.post("/user_management/authorize/device", json={})
        assert r.status_code == 400
    grant = "urn:ietf:params:oauth:grant-type:device_code"
    with emulator.client() as c:
        body = {"client_id": CLIENT_ID, "grant_type": grant, "device_code": device["device_code"]}
        r = c.post("/user_management/authenticate", json=body)
        assert r.status_code == 400 and r.json()["error"] == "authorization_pending"
        r = c.post("/user_management/authenticate", json=body)
        assert r.status_code in (200, 403), r.text
        r = c.post("/user_management/authenticate", json=body)
        assert r.status_code == 400 and r.json()["error"] == "expired_token"


def test_logout_redirect(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = _user(c, "bye@auth.example")
        session_id = _claims(_password(c, user["email"]).json()["access_token"])["sid"]
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get(
            "/user_management/sessions/logout",
            params={"session_id": session_id, "return_to": "https://app.example.com/bye"},
        )
        assert r.status_code == 302 and r.headers["location"] == "https://app.example.com/bye"
        r = anonymous.get("/user_management/sessions/logout", params={"session_id": "session_x"})
        assert r.status_code == 422 and "message" in r.json()
    session = emulator.state["sessions"].get(session_id)
    assert session is not None and session["status"] == "revoked"
