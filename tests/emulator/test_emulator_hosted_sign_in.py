"""Hosted sign-in against the demo data, driven like a browser and an AuthKit app.

``GET /user_management/authorize`` (AuthKit) and ``GET /sso/authorize`` (an identity provider)
show a page; its form posts back and redirects to the app with a code. The official ``workos``
SDK, when installed, builds the authorize URL and exchanges the code (it is the judge of what
the responses must look like); otherwise plain HTTP does.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle, HostedForm

try:
    import workos
except ImportError:  # pragma: no cover - the test extra installs it
    workos = None  # type: ignore[assignment]

CALLBACK = "http://localhost:3000/auth/callback"
VERIFIER = "Zr3hYqk0n6l2xq8cD1v9J4pW7sT5mB0aE3gF6hK2uN8"


def _challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _query(**params: str) -> dict[str, str]:
    return {"client_id": CLIENT_ID, "redirect_uri": CALLBACK, "response_type": "code", **params}


def _page(browser: httpx.Client, path: str, **params: str) -> HostedForm:
    r = browser.get(path, params=_query(**params))
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    form = HostedForm.read(r.text)
    assert form.action == "/_emulate/authorize"
    return form


def _code(r: httpx.Response, state: str | None = None) -> str:
    assert r.status_code == 302, r.text
    location = r.headers["location"]
    assert location.startswith(CALLBACK + "?")
    query = parse_qs(urlsplit(location).query)
    assert query.get("state") == ([state] if state else None)
    return query["code"][0]


def _authenticate(emulator: EmulatorHandle, **body: Any) -> httpx.Response:
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        return anonymous.post(
            "/user_management/authenticate", json={"client_id": CLIENT_ID, **body}
        )


def _has_mfa(emulator: EmulatorHandle, user_id: str) -> bool:
    return bool(emulator.state["auth_factors"].index("user_id").get(user_id))


@pytest.mark.skipif(workos is None, reason="the official workos SDK is not installed")
def test_authkit_pkce_sign_in_and_refresh_with_the_official_sdk(emulator: EmulatorHandle) -> None:
    """The demo's first account has an unverified email and an MFA factor: hosted AuthKit
    handles both on its pages, so the code authenticates at once."""
    assert workos is not None
    public = workos.WorkOSClient(client_id=CLIENT_ID, base_url=emulator.base_url, is_public=True)
    auth = public.user_management.get_authorization_url_with_pkce(
        redirect_uri=CALLBACK, provider="authkit"
    )
    with httpx.Client(base_url=emulator.base_url) as browser:
        r = browser.get(auth["url"])
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        form = HostedForm.read(r.text)
        assert form.fields["code_challenge_method"] == "S256"
        first = emulator.state["users"].items[emulator.state["users"].order[0]]
        assert form.fields["user_id"] == first["id"]  # the first account, selected
        assert not first["email_verified"] and _has_mfa(emulator, first["id"])
        code = _code(form.submit(browser), auth["state"])
    signed_in = public.user_management.authenticate_with_code_pkce(
        code=code, code_verifier=auth["code_verifier"]
    )
    assert signed_in.user.id == first["id"] and signed_in.user.email_verified
    assert signed_in.access_token and signed_in.refresh_token
    refreshed = public.user_management.authenticate_with_refresh_token(
        refresh_token=signed_in.refresh_token
    )
    assert refreshed.user.id == first["id"]
    assert refreshed.refresh_token != signed_in.refresh_token
    assert emulator.state["users"].items[first["id"]]["email_verified"] is True


def test_pkce_verifier_is_checked(emulator: EmulatorHandle) -> None:
    with httpx.Client(base_url=emulator.base_url) as browser:
        params = {"provider": "authkit", "code_challenge": _challenge(VERIFIER), "state": "s1"}
        codes = [
            _code(_page(browser, "/user_management/authorize", **params).submit(browser), "s1")
            for _ in range(3)
        ]
    grant = {"grant_type": "authorization_code"}
    r = _authenticate(emulator, **grant, code=codes[0], code_verifier="not-the-verifier")
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"
    r = _authenticate(emulator, **grant, code=codes[1], client_secret=emulator.api_key)
    assert r.status_code == 400 and r.json()["error"] == "invalid_grant"  # verifier missing
    r = _authenticate(emulator, **grant, code=codes[2], code_verifier=VERIFIER)
    assert r.status_code == 200, r.text
    assert r.json()["authentication_method"] == "Password"
    r = _authenticate(emulator, **grant, code=codes[2], code_verifier=VERIFIER)
    assert r.status_code == 400  # a code works once


def _two_org_user(emulator: EmulatorHandle) -> dict[str, Any]:
    state = emulator.state
    oms = state["organization_memberships"]
    for user_id in state["users"].order:
        if len(oms.index("user_id").get(user_id)) == 2:
            return dict(state["users"].items[user_id])
    raise AssertionError("the demo has users in two organizations")


def test_login_hint_and_organization_choice(emulator: EmulatorHandle) -> None:
    user = _two_org_user(emulator)
    with httpx.Client(base_url=emulator.base_url) as browser:
        form = _page(
            browser, "/user_management/authorize", provider="authkit", login_hint=user["email"]
        )
        assert form.fields["user_id"] == user["id"] and form.fields["email"] == ""
        r = form.submit(browser)
        assert r.status_code == 200  # hosted AuthKit asks which organization
        choice = HostedForm.read(r.text)
        orgs = [value for value, _ in choice.options["organization_id"]]
        assert len(orgs) == 2 and choice.fields["user_id"] == user["id"]
        code = _code(choice.submit(browser, organization_id=orgs[1]))
    r = _authenticate(
        emulator, grant_type="authorization_code", code=code, client_secret=emulator.api_key
    )
    assert r.status_code == 200, r.text
    assert r.json()["organization_id"] == orgs[1] and r.json()["user"]["id"] == user["id"]


def test_organization_id_lists_members_and_refuses_others(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org_id = state["organizations"].order[0]
    members = {
        state["organization_memberships"].items[m]["user_id"]
        for m in state["organization_memberships"].index("organization_id").get(org_id)
    }
    outsider = next(u for u in state["users"].order if u not in members)
    with httpx.Client(base_url=emulator.base_url) as browser:
        form = _page(
            browser, "/user_management/authorize", provider="authkit", organization_id=org_id
        )
        listed = {value for value, _ in form.options["user_id"]}
        assert listed and listed <= members
        r = form.submit(browser, email=state["users"].items[outsider]["email"])
        assert r.status_code == 400 and "not a member" in r.text
        r = form.submit(browser, email="nobody@nowhere.example")
        assert r.status_code == 400 and "No account has this email" in r.text
        code = _code(form.submit(browser))
    r = _authenticate(
        emulator, grant_type="authorization_code", code=code, client_secret=emulator.api_key
    )
    assert r.status_code == 200 and r.json()["organization_id"] == org_id


def test_sign_up_screen(emulator: EmulatorHandle) -> None:
    with httpx.Client(base_url=emulator.base_url) as browser:
        form = _page(
            browser, "/user_management/authorize", provider="authkit", screen_hint="sign-up"
        )
        assert {"email", "first_name", "last_name"} <= set(form.fields)
        taken = emulator.state["users"].items[emulator.state["users"].order[0]]["email"]
        r = form.submit(browser, email=taken)
        assert r.status_code == 400 and "already exists" in r.text
        code = _code(
            form.submit(
                browser, email="new.person@signup.example", first_name="New", last_name="Person"
            )
        )
    r = _authenticate(
        emulator, grant_type="authorization_code", code=code, client_secret=emulator.api_key
    )
    assert r.status_code == 200, r.text
    user = r.json()["user"]
    assert user["email"] == "new.person@signup.example" and user["email_verified"] is True
    assert user["first_name"] == "New"


def test_hostile_values_are_escaped(emulator: EmulatorHandle) -> None:
    hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    with emulator.client() as c:
        r = c.post(
            "/user_management/users",
            json={"email": "hostile@evil.example", "first_name": hostile, "last_name": "&amp;"},
        )
        assert r.status_code == 201
    with httpx.Client(base_url=emulator.base_url) as browser:
        r = browser.get(
            "/user_management/authorize",
            params=_query(provider="authkit", login_hint="hostile@evil.example", state=hostile),
        )
    assert r.status_code == 200
    assert "<script>" not in r.text and "<img" not in r.text and "&amp;amp;" in r.text
    form = HostedForm.read(r.text)
    assert form.fields["state"] == hostile  # the value survives, escaped
    assert any(hostile in label for _, label in form.options["user_id"])


def test_bad_requests(emulator: EmulatorHandle) -> None:
    with httpx.Client(base_url=emulator.base_url) as browser:
        r = browser.get("/user_management/authorize", params=_query(provider="MySpaceOAuth"))
        assert r.status_code == 302 and "error=invalid_request" in r.headers["location"]
        r = browser.get(
            "/user_management/authorize",
            params=_query(provider="authkit", code_challenge="x", code_challenge_method="plain"),
        )
        assert r.status_code == 302 and "error=invalid_request" in r.headers["location"]
        form = _page(browser, "/user_management/authorize", provider="authkit")
        r = form.submit(browser, redirect_uri="javascript:alert(1)")
        assert r.status_code == 422  # the form's fields are checked again
        r = form.submit(browser, user_id="user_missing")
        assert r.status_code == 400 and "Choose an account" in r.text
        assert browser.post("/_emulate/authorize", data={"flow": "x"}).status_code == 400


def test_sso_identity_provider_page_to_profile(emulator: EmulatorHandle) -> None:
    state = emulator.state
    conn = next(c for c in state["connections"] if c["state"] == "active")
    with httpx.Client(base_url=emulator.base_url) as browser:
        form = _page(browser, "/sso/authorize", connection=conn["id"], state="xyz")
        assert form.fields["flow"] == "sso"
        picked = form.fields["user_id"]
        code = _code(form.submit(browser), "xyz")
        other = _code(form.submit(browser, email="outside.idp@idp.example"), "xyz")
    picked_email = state["users"].items[picked]["email"]
    if workos is not None:
        sdk = workos.WorkOSClient(
            api_key=emulator.api_key, client_id=CLIENT_ID, base_url=emulator.base_url
        )
        result = sdk.sso.get_profile_and_token(code=code)
        assert result.profile.email == picked_email
        assert result.profile.connection_id == conn["id"]
        assert sdk.sso.get_profile_and_token(code=other).profile.email == "outside.idp@idp.example"
    body = {
        "client_id": CLIENT_ID,
        "client_secret": emulator.api_key,
        "grant_type": "authorization_code",
    }
    with httpx.Client(base_url=emulator.base_url) as anonymous:
        r = anonymous.post("/sso/token", data={**body, "code": code})
        if workos is None:
            assert r.status_code == 200 and r.json()["profile"]["email"] == picked_email
        else:
            assert r.status_code == 400  # the SDK spent the code
