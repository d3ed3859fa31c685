"""Every request the service layer sends for the Admin Portal, AuthKit configuration
(redirect URIs, CORS origins, JWT template), MFA, Magic Auth and email changes matches the
WorkOS spec, and every operation of those areas is exercised.

Same method as ``test_api_spec_requests_config.py``: a capturing transport, openapi-core.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest
from pydantic import SecretStr
from spec_capture import capture_and_validate
from spec_check import SpecChecker

from workos_tui.api import WorkOS
from workos_tui.api.models import (
    AuthenticationFactorChallenge,
    AuthenticationFactorEnroll,
    CorsOriginCreate,
    JwtTemplateUpdate,
    MagicAuthCreate,
    PortalLinkCreate,
    RedirectUriCreate,
)

Call = Callable[[WorkOS], Awaitable[object]]

CALLS: dict[str, Call] = {
    "admin_portal.generate_link": lambda w: w.admin_portal.generate_link(
        PortalLinkCreate(
            organization="org_1",
            intent="sso",
            return_url="https://a.example/r",
            success_url="https://a.example/s",
            it_contact_emails=["it@a.example"],
        )
    ),
    "redirect_uris.list": lambda w: w.redirect_uris.list(limit=5, order="asc", after="redir_1"),
    "redirect_uris.create": lambda w: w.redirect_uris.create(
        RedirectUriCreate(uri="https://a.example/cb")
    ),
    "redirect_uris.delete": lambda w: w.redirect_uris.delete("redir_1"),
    "cors_origins.list": lambda w: w.cors_origins.list(limit=3, order="normal", before="c"),
    "cors_origins.create": lambda w: w.cors_origins.create(
        CorsOriginCreate(origin="https://a.example")
    ),
    "jwt_template.get": lambda w: w.jwt_template.get(),
    "jwt_template.update": lambda w: w.jwt_template.update(JwtTemplateUpdate(content="{}")),
    "mfa.enroll_totp": lambda w: w.mfa.enroll_factor(
        AuthenticationFactorEnroll(
            type="totp", totp_issuer="Acme", totp_user="a@a.example", user_id="user_1"
        )
    ),
    "mfa.enroll_sms": lambda w: w.mfa.enroll_factor(
        AuthenticationFactorEnroll(type="sms", phone_number="+15555550123")
    ),
    "mfa.get_factor": lambda w: w.mfa.get_factor("auth_factor_1"),
    "mfa.delete_factor": lambda w: w.mfa.delete_factor("auth_factor_1"),
    "mfa.challenge_factor": lambda w: w.mfa.challenge_factor("auth_factor_1"),
    "mfa.challenge_sms": lambda w: w.mfa.challenge_factor(
        "auth_factor_1", AuthenticationFactorChallenge(sms_template="Code {{code}}")
    ),
    "mfa.verify_challenge": lambda w: w.mfa.verify_challenge("auth_challenge_1", "123456"),
    "magic_auth.create": lambda w: w.magic_auth.create(
        MagicAuthCreate(
            email="a@a.example",
            invitation_token=SecretStr("tok"),
            ip_address="203.0.113.1",
            user_agent="ua",
        )
    ),
    "magic_auth.get": lambda w: w.magic_auth.get("magic_auth_1"),
    "email_changes.send": lambda w: w.email_changes.send("user_1", "b@a.example"),
    "email_changes.confirm": lambda w: w.email_changes.confirm("user_1", "123456"),
}

EXPECTED_OPERATIONS = {
    ("POST", "/portal/generate_link"),
    ("GET", "/user_management/redirect_uris"),
    ("POST", "/user_management/redirect_uris"),
    ("DELETE", "/user_management/redirect_uris/{id}"),
    ("GET", "/user_management/cors_origins"),
    ("POST", "/user_management/cors_origins"),
    ("GET", "/user_management/jwt_template"),
    ("PUT", "/user_management/jwt_template"),
    ("POST", "/auth/factors/enroll"),
    ("GET", "/auth/factors/{id}"),
    ("DELETE", "/auth/factors/{id}"),
    ("POST", "/auth/factors/{id}/challenge"),
    ("POST", "/auth/challenges/{id}/verify"),
    ("POST", "/user_management/magic_auth"),
    ("GET", "/user_management/magic_auth/{id}"),
    ("POST", "/user_management/users/{id}/email_change/send"),
    ("POST", "/user_management/users/{id}/email_change/confirm"),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    problems, covered = await capture_and_validate(checker, CALLS)
    assert problems == []
    assert covered == EXPECTED_OPERATIONS
