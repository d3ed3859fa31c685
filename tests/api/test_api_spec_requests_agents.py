"""Every request the service layer sends for agents, widgets, the Client API and Standalone
Connect completion matches the WorkOS spec, and every operation of those tags is covered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from spec_capture import Call, capture_and_validate
from spec_check import SpecChecker

from workos_tui.api.models import (
    ClaimAttemptLink,
    ClaimAttemptUser,
    ExternalAuthComplete,
    ExternalAuthUser,
    UserConsentChoice,
    UserConsentOption,
)

TAGS = ("agents", "widgets", "client", "workos-connect")

CALLS: dict[str, Call] = {
    "agents.get": lambda w: w.agents.get_registration("agent_reg_1"),
    "agents.api_key": lambda w: w.agents.validate_api_key("sk_agent_1"),
    "agents.access_token": lambda w: w.agents.validate_access_token(
        "eyJ.a.b", audience="https://api.example.com"
    ),
    "agents.link": lambda w: w.agents.link_claim_attempt(
        ClaimAttemptLink(
            claim_attempt_token="cla_tkn_1",
            user=ClaimAttemptUser(email="a@b.example", external_id="u1"),
            organization_id="org_1",
        )
    ),
    "widgets.token": lambda w: w.widgets.get_token(
        "user_1", organization_id="org_1", scopes=["widgets:users-table:manage"]
    ),
    "widgets.user_only": lambda w: w.widgets.get_token("user_1"),
    "client.token": lambda w: w.client_api.get_token("org_1", "user_1"),
    "connect.complete": lambda w: w.external_auth.complete(
        ExternalAuthComplete(
            external_auth_id="ext_auth_1",
            user=ExternalAuthUser(
                id="u1",
                email="a@b.example",
                first_name="A",
                last_name="B",
                name="A B",
                metadata={"k": "v"},
            ),
            user_consent_options=[
                UserConsentOption(
                    claim="tos",
                    label="Terms",
                    choices=[UserConsentChoice(value="yes", label="Yes")],
                )
            ],
        )
    ),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    problems, covered = await capture_and_validate(checker, CALLS)
    assert problems == []
    expected = {
        (method.upper(), path)
        for path, item in checker.spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and (op.get("tags") or [""])[0] in TAGS
    }
    assert len(expected) == 6
    assert covered == expected
