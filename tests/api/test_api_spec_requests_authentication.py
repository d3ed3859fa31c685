"""Every request the service layer sends (or URL it builds) for SSO, AuthKit authentication,
session tokens and Radar matches the WorkOS spec, and every operation of those tags is covered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import httpx
import pytest
from pydantic import SecretStr
from spec_capture import Call, SpecRequest
from spec_check import SpecChecker

from workos_tui.api import Environment, WorkOS, WorkOSClient, WorkOSError
from workos_tui.api.models import RadarAttemptCreate, RadarAttemptUpdate

TAGS = ("sso", "user-management.authentication", "user-management.session-tokens", "radar")
CB = "https://app.example.com/cb"
G = "authentication"

CALLS: dict[str, Call] = {
    "sso.token": lambda w: w.sso.get_profile_and_token("code_1", client_id="client_1"),
    "sso.profile": lambda w: w.sso.get_profile("eyJ.token"),
    "sso.logout_authorize": lambda w: w.sso.authorize_logout("prof_1"),
    "sso.jwks": lambda w: w.sso.get_jwks("client_1"),
    "auth.password": lambda w: w.authentication.authenticate_with_password(
        "a@b.c", "pw", ip_address="1.2.3.4", user_agent="x", invitation_token="inv"
    ),
    "auth.code": lambda w: w.authentication.authenticate_with_code("c", code_verifier="v"),
    "auth.refresh": lambda w: w.authentication.authenticate_with_refresh_token(
        "r", organization_id="org_1"
    ),
    "auth.magic": lambda w: w.authentication.authenticate_with_magic_auth("a@b.c", "123456"),
    "auth.email": lambda w: w.authentication.authenticate_with_email_verification("1", "p"),
    "auth.totp": lambda w: w.authentication.authenticate_with_totp("1", "p", "auth_challenge_1"),
    "auth.org": lambda w: w.authentication.authenticate_with_organization_selection("org_1", "p"),
    "auth.radar_email": lambda w: w.authentication.authenticate_with_radar_email_challenge(
        "1", "radar_challenge_1", "p"
    ),
    "auth.radar_sms": lambda w: w.authentication.authenticate_with_radar_sms_challenge(
        "1", "p", verification_id="v", phone_number="+1555"
    ),
    "auth.device_code": lambda w: w.authentication.authenticate_with_device_code("d"),
    "auth.device": lambda w: w.authentication.authorize_device(),
    "auth.radar_send": lambda w: w.authentication.send_radar_sms_challenge(
        "user_1", "p", "+1555", ip_address="1.2.3.4"
    ),
    "auth.radar_get": lambda w: w.authentication.get_radar_challenge("radar_challenge_1"),
    "auth.revoke": lambda w: w.authentication.revoke_session("session_1"),
    "radar.assess": lambda w: w.radar.assess(
        RadarAttemptCreate(
            ip_address="1.2.3.4",
            user_agent="x",
            email="a@b.c",
            auth_method="Password",
            action="sign-in",
            signals_id="s",
        )
    ),
    "radar.update": lambda w: w.radar.update_attempt(
        "radar_att_1", RadarAttemptUpdate(challenge_status="success")
    ),
    "radar.add": lambda w: w.radar.add_list_entry("ip_address", "block", "1.2.3.4"),
    "radar.remove": lambda w: w.radar.remove_list_entry("email", "allow", "a@b.c"),
}


def _urls(workos: WorkOS) -> list[str]:
    sso, auth = workos.sso, workos.authentication
    return [
        sso.get_authorization_url(
            redirect_uri=CB,
            organization="org_1",
            state="s",
            login_hint="a@b.c",
            domain_hint="b.c",
            nonce="n",
            prompt="login",
            provider_scopes=["openid", "email"],
        ),
        sso.get_authorization_url(redirect_uri=CB, provider="GoogleOAuth"),
        sso.get_logout_url("eyJ.logout"),
        auth.get_authorization_url(
            redirect_uri=CB,
            provider="authkit",
            state="s",
            screen_hint="sign-up",
            code_challenge="abc",
            max_age=0,
            provider_scopes=["openid"],
        ),
        auth.get_authorization_url(redirect_uri=CB, connection_id="conn_1", organization_id="o"),
        auth.get_logout_url("session_1", return_to=CB),
    ]


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


class _HostedRequest(SpecRequest):
    def __init__(self, request: httpx.Request, host_url: str) -> None:
        super().__init__(request)
        self.host_url = host_url


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    # Captured under each operation's own server (SSO logout lives on auth.workos.com).
    problems, covered = await _capture(checker, CALLS)
    environment = Environment(name="spec", api_key=SecretStr("sk_test_spec"), client_id="c_1")
    async with WorkOS(WorkOSClient(environment)) as workos:
        for url in _urls(workos):
            request = httpx.Request("GET", url)
            template = checker.template_for(request.url.path)
            assert template is not None, url
            covered.add(("GET", template))
            host = checker.host_for("GET", template)
            for error in checker.openapi.request_validator.iter_errors(
                _HostedRequest(request, host)
            ):
                problems.append(f"{url}: {error}")
    assert problems == []
    expected = {
        (method.upper(), path)
        for path, item in checker.spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and (op.get("tags") or [""])[0] in TAGS
    }
    assert len(expected) == 17
    assert covered == expected


async def _capture(
    checker: SpecChecker, calls: dict[str, Call]
) -> tuple[list[str], set[tuple[str, str]]]:
    sent: dict[str, list[httpx.Request]] = {}
    current = ""

    def capture(request: httpx.Request) -> httpx.Response:
        sent.setdefault(current, []).append(request)
        return httpx.Response(200, json={})  # parsing may fail (DecodeError): only requests count

    environment = Environment(name="spec", api_key=SecretStr("sk_test_spec"), client_id="c_1")
    client = WorkOSClient(environment, transport=httpx.MockTransport(capture), max_retries=0)
    problems: list[str] = []
    covered: set[tuple[str, str]] = set()
    async with WorkOS(client) as workos:
        for name, call in calls.items():
            current = name
            with contextlib.suppress(WorkOSError):
                await call(workos)
            if not sent.get(name):
                problems.append(f"{name} sent no request")
            for request in sent.get(name, []):
                template = checker.template_for(request.url.path)
                if template is None:
                    problems.append(f"{name}: {request.url.path} is not in the spec")
                    continue
                covered.add((request.method, template))
                host = checker.host_for(request.method, template)
                for error in checker.openapi.request_validator.iter_errors(
                    _HostedRequest(request, host)
                ):
                    problems.append(f"{name}: {request.method} {request.url}: {error}")
    return problems, covered
