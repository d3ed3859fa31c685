"""The emulated SSO flow over HTTP: authorize (the IdP page, then 302), token, profile, logout,
JWKS."""

from __future__ import annotations

import base64
import json
from urllib.parse import parse_qs, urlsplit

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import load_der_x509_certificate

from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle, HostedForm

CALLBACK = "https://app.example.com/callback"


def _b64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _authorize(emulator: EmulatorHandle, **params: str) -> dict[str, list[str]]:
    query = {
        "client_id": CLIENT_ID,
        "redirect_uri": CALLBACK,
        "response_type": "code",
        "state": "xyz",
        **params,
    }
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get("/sso/authorize", params=query)
        if r.status_code == 200:  # the identity provider's page: sign in as it offers
            r = HostedForm.read(r.text).submit(anonymous)
    assert r.status_code == 302, r.text
    location = r.headers["location"]
    assert location.startswith(CALLBACK + "?")
    return parse_qs(urlsplit(location).query)


def _active_connection(emulator: EmulatorHandle, ctype: str | None = None) -> dict[str, object]:
    return next(
        c
        for c in emulator.state["connections"]
        if c["state"] == "active" and (ctype is None or c["connection_type"] == ctype)
    )


def _exchange(emulator: EmulatorHandle, code: str) -> httpx.Response:
    body = {
        "client_id": CLIENT_ID,
        "client_secret": emulator.api_key,
        "code": code,
        "grant_type": "authorization_code",
    }
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        return anonymous.post("/sso/token", params=body, json=body)


def test_authorize_token_profile_round_trip(emulator: EmulatorHandle) -> None:
    conn = _active_connection(emulator)
    query = _authorize(emulator, connection=str(conn["id"]))
    assert query["state"] == ["xyz"]
    code = query["code"][0]
    r = _exchange(emulator, code)
    assert r.status_code == 200, r.text
    token = r.json()
    assert token["token_type"] == "Bearer" and token["expires_in"] > 0
    profile = token["profile"]
    assert profile["connection_id"] == conn["id"]
    assert profile["organization_id"] == conn["organization_id"]
    # The code is single-use.
    again = _exchange(emulator, code)
    assert again.status_code == 400 and again.json()["error"] == "invalid_grant"
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get(
            "/sso/profile", headers={"Authorization": f"Bearer {token['access_token']}"}
        )
        assert r.status_code == 200 and r.json() == profile
        assert anonymous.get("/sso/profile").status_code == 401
        bad = anonymous.get("/sso/profile", headers={"Authorization": "Bearer nope.nope.nope"})
        assert bad.status_code == 401 and bad.json() == {"error": "Unauthorized"}
        # An API key is not an access token.
        r = anonymous.get("/sso/profile", headers={"Authorization": f"Bearer {emulator.api_key}"})
        assert r.status_code == 401
    emulator.state["profiles"].delete(profile["id"])
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get(
            "/sso/profile", headers={"Authorization": f"Bearer {token['access_token']}"}
        )
    assert r.status_code == 404


def test_access_token_verifies_with_the_jwks(emulator: EmulatorHandle) -> None:
    query = _authorize(emulator, organization=str(_active_connection(emulator)["organization_id"]))
    access_token = _exchange(emulator, query["code"][0]).json()["access_token"]
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.get(f"/sso/jwks/{CLIENT_ID}")
        assert r.status_code == 200
        (key,) = r.json()["keys"]
        missing = anonymous.get("/sso/jwks/client_unknown")
        assert missing.status_code == 404 and "message" in missing.json()
    header_b64, payload_b64, signature_b64 = access_token.split(".")
    header = json.loads(_b64(header_b64))
    assert header == {"alg": "RS256", "typ": "JWT", "kid": key["kid"]}
    n = int.from_bytes(_b64(key["n"]), "big")
    e = int.from_bytes(_b64(key["e"]), "big")
    public_key = rsa.RSAPublicNumbers(e, n).public_key()
    public_key.verify(
        _b64(signature_b64),
        f"{header_b64}.{payload_b64}".encode(),
        padding.PKCS1v15(),
        hashes.SHA256(),
    )
    cert = load_der_x509_certificate(base64.b64decode(key["x5c"][0]))
    assert cert.public_key().public_numbers() == public_key.public_numbers()  # type: ignore[union-attr]
    claims = json.loads(_b64(payload_b64))
    assert claims["sub"].startswith("prof_") and claims["exp"] > claims["iat"]


def test_authorize_by_provider_domain_and_login_hint(emulator: EmulatorHandle) -> None:
    user = next(iter(emulator.state["users"]))
    query = _authorize(emulator, provider="GoogleOAuth", login_hint=user["email"])
    profile = _exchange(emulator, query["code"][0]).json()["profile"]
    assert profile["connection_type"] == "GoogleOAuth" and profile["organization_id"] is None
    assert profile["email"] == user["email"]
    conn = next(c for c in emulator.state["connections"] if c["state"] == "active" and c["domains"])
    query = _authorize(emulator, domain=conn["domains"][0]["domain"])
    assert "code" in query


def test_authorize_errors(emulator: EmulatorHandle) -> None:
    inactive = next(c for c in emulator.state["connections"] if c["state"] != "active")
    for params, code in (
        ({"connection": "conn_missing"}, "connection_invalid"),
        ({"connection": inactive["id"]}, "connection_invalid"),
        ({"organization": "org_missing"}, "organization_invalid"),
        ({"domain": "nowhere.invalid"}, "domain_invalid"),
        ({}, "invalid_request"),
    ):
        query = _authorize(emulator, **params)
        assert query["error"] == [code] and query["state"] == ["xyz"] and "code" not in query
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        base = {"client_id": CLIENT_ID, "redirect_uri": CALLBACK, "response_type": "code"}
        for broken in (
            {"client_id": "client_other"},
            {"redirect_uri": "not a url"},
            {"response_type": "token"},
        ):
            r = anonymous.get(
                "/sso/authorize", params={**base, **broken, "provider": "GoogleOAuth"}
            )
            assert r.status_code == 422 and "message" in r.json()
        r = anonymous.get("/sso/authorize", params={"client_id": CLIENT_ID})
        assert r.status_code == 422


def test_token_errors(emulator: EmulatorHandle) -> None:
    code = _authorize(emulator, provider="GitHubOAuth")["code"][0]
    body = {
        "client_id": CLIENT_ID,
        "client_secret": emulator.api_key,
        "code": code,
        "grant_type": "authorization_code",
    }
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        wrong_secret = {**body, "client_secret": "sk_test_wrong"}
        r = anonymous.post("/sso/token", params=wrong_secret, json=wrong_secret)
        assert r.status_code == 400 and r.json()["error"] == "invalid_client"
        other_grant = {**body, "grant_type": "password"}
        r = anonymous.post("/sso/token", json=other_grant)
        assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"
        r = anonymous.post("/sso/token", json={"client_id": CLIENT_ID})
        assert r.status_code == 422
        # The official SDKs send a form body.
        r = anonymous.post("/sso/token", data=body)
        assert r.status_code == 200 and r.json()["profile"]["connection_type"] == "GitHubOAuth"


def test_logout_authorize_and_redirect(emulator: EmulatorHandle) -> None:
    conn = next(
        (c for c in emulator.state["connections"] if c["connection_type"] == "GenericOIDC"),
        None,
    )
    if conn is None or conn["state"] != "active":
        conn = _active_connection(emulator)
        conn["connection_type"] = "GenericOIDC"
        emulator.state["connections"].put(conn)  # a tracked change: the rollback undoes it
    query = _authorize(emulator, connection=str(conn["id"]))
    profile = _exchange(emulator, query["code"][0]).json()["profile"]
    with emulator.client() as c:
        r = c.post("/sso/logout/authorize", json={"profile_id": profile["id"]})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["logout_url"].startswith(emulator.base_url + "/sso/logout?token=")
        r = c.post("/sso/logout/authorize", json={"profile_id": "prof_missing"})
        assert r.status_code == 404
        r = c.post("/sso/logout/authorize", json={})
        assert r.status_code == 400 and r.json()["error"] == "unauthorized_client"
    with httpx.Client() as anonymous:
        r = anonymous.get(body["logout_url"])
        assert r.status_code == 302 and r.headers["location"].startswith("https://")
        r = anonymous.get(emulator.base_url + "/sso/logout", params={"token": "forged"})
        assert r.status_code == 404 and "message" in r.json()


def test_logout_authorize_needs_an_oidc_connection(emulator: EmulatorHandle) -> None:
    query = _authorize(emulator, provider="GoogleOAuth")
    profile = _exchange(emulator, query["code"][0]).json()["profile"]
    with emulator.client() as c:
        r = c.post("/sso/logout/authorize", json={"profile_id": profile["id"]})
    assert r.status_code == 400 and r.json()["error"] == "connection_invalid"
