"""Agents, widget and Client API tokens and Standalone Connect completion over HTTP; error
bodies kept on typed errors."""

from __future__ import annotations

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api import (
    BadRequestError,
    ConflictError,
    Environment,
    ForbiddenError,
    NotFoundError,
    UnprocessableError,
    WorkOS,
    WorkOSClient,
)
from workos_tui.api.models import (
    ClaimAttemptLink,
    ClaimAttemptUser,
    ExternalAuthComplete,
    ExternalAuthUser,
    OrganizationMembershipCreate,
    UserConsentChoice,
    UserConsentOption,
    UserCreate,
)
from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.routes.agents import agent_access_token, register_agent
from workos_tui.emulator.testing import EmulatorHandle


async def test_agents_service(emulator: EmulatorHandle, workos: WorkOS) -> None:
    regs = {r["status"]: r for r in emulator.state["agent_registrations"]}
    verified = regs["verified"]
    registration = await workos.agents.get_registration(verified["id"])
    assert registration.status == "verified" and registration.claim is not None
    assert registration.claim.claim_completion is not None
    with pytest.raises(NotFoundError):
        await workos.agents.get_registration("agent_reg_missing")
    ok = await workos.agents.validate_api_key(SecretStr(verified["_api_key"]))
    assert ok.valid and ok.registration_id == verified["id"]
    assert not (await workos.agents.validate_api_key("sk_agent_unknown")).valid
    token = agent_access_token(emulator.state, verified, audience="https://api.example.com")
    assert (await workos.agents.validate_access_token(token)).valid
    wrong = await workos.agents.validate_access_token(token, audience="https://x.example.com")
    assert not wrong.valid and wrong.expires_at is None
    org = next(iter(emulator.state["organizations"]))
    fresh = register_agent(emulator.state, org["id"])
    linked = await workos.agents.link_claim_attempt(
        ClaimAttemptLink(
            claim_attempt_token=fresh["_claim_token"],
            user=ClaimAttemptUser(email="agent.owner@svc.example", external_id="svc-owner"),
        )
    )
    assert linked.id == fresh["id"] and linked.organizations == []
    assert linked.user_code.get_secret_value() not in repr(linked)
    with pytest.raises(ConflictError) as already:
        await workos.agents.link_claim_attempt(
            ClaimAttemptLink(
                claim_attempt_token=verified["_claim_token"],
                user=ClaimAttemptUser(email="agent.owner@svc.example", external_id="svc-owner"),
            )
        )
    assert already.value.code == "already_claimed"
    assert already.value.body == {"code": "already_claimed", "message": already.value.message}
    with pytest.raises(BadRequestError) as invalid:
        await workos.agents.link_claim_attempt(
            ClaimAttemptLink(
                claim_attempt_token="cla_tkn_missing",
                user=ClaimAttemptUser(email="a@svc.example", external_id="x"),
            )
        )
    assert invalid.value.code == "invalid_claim"


async def test_conflict_body_lists_organizations(emulator: EmulatorHandle, workos: WorkOS) -> None:
    user = await workos.users.create(UserCreate(email="two.orgs@svc.example", external_id="two"))
    orgs = list(emulator.state["organizations"])[:2]
    for org in orgs:
        await workos.organization_memberships.create(
            OrganizationMembershipCreate(user_id=user.id, organization_id=org["id"])
        )
    fresh = register_agent(emulator.state, orgs[0]["id"])
    link = ClaimAttemptLink(
        claim_attempt_token=fresh["_claim_token"],
        user=ClaimAttemptUser(email=user.email, external_id="two"),
    )
    with pytest.raises(ConflictError) as choose:
        await workos.agents.link_claim_attempt(link)
    body = choose.value.body
    assert body is not None and choose.value.code == "organization_selection_required"
    assert {o["id"] for o in body["organizations"]} == {o["id"] for o in orgs}
    link.organization_id = orgs[1]["id"]
    assert (await workos.agents.link_claim_attempt(link)).user_code


async def test_widget_client_and_external_auth(emulator: EmulatorHandle, workos: WorkOS) -> None:
    om = next(om for om in emulator.state["organization_memberships"] if om["status"] == "active")
    widget = await workos.widgets.get_token(
        om["user_id"], organization_id=om["organization_id"], scopes=["widgets:sso:manage"]
    )
    assert widget.token.get_secret_value().startswith("eyJ")
    assert "eyJ" not in repr(widget)
    assert (await workos.widgets.get_token(om["user_id"])).token.get_secret_value()
    with pytest.raises(BadRequestError) as no_org:
        await workos.widgets.get_token(om["user_id"], scopes=["widgets:sso:manage"])
    assert no_org.value.body is not None
    with pytest.raises(NotFoundError):
        await workos.widgets.get_token("user_missing")
    client_token = await workos.client_api.get_token(om["organization_id"], om["user_id"])
    assert client_token.token.get_secret_value()
    stranger = await workos.users.create(UserCreate(email="stranger@svc.example"))
    with pytest.raises(UnprocessableError):
        await workos.client_api.get_token(om["organization_id"], stranger.id)
    with pytest.raises(NotFoundError):
        await workos.client_api.get_token("org_missing", om["user_id"])
    completion = ExternalAuthComplete(
        external_auth_id="ext_auth_svc",
        user=ExternalAuthUser(
            id="app-svc-1", email="app.svc@svc.example", metadata={"team": "core"}
        ),
        user_consent_options=[
            UserConsentOption(
                claim="tos_accepted",
                label="Terms",
                choices=[UserConsentChoice(value="accepted", label="I accept")],
            )
        ],
    )
    done = await workos.external_auth.complete(completion)
    assert done.redirect_uri.get_secret_value().startswith("https://")
    created = await workos.users.get_by_external_id("app-svc-1")
    assert created.metadata == {"team": "core"}
    with pytest.raises(BadRequestError) as again:
        await workos.external_auth.complete(completion)
    assert again.value.code == "external_auth_session_already_completed"
    with pytest.raises(NotFoundError):
        await workos.external_auth.complete(
            ExternalAuthComplete(
                external_auth_id="nope", user=ExternalAuthUser(id="x", email="x@svc.example")
            )
        )


async def test_forbidden_sign_in_keeps_the_pending_token(emulator: EmulatorHandle) -> None:
    environment = Environment(
        name="emulator",
        api_key=SecretStr(emulator.api_key),
        base_url=emulator.base_url,
        client_id=CLIENT_ID,
    )
    async with WorkOS.connect(environment, max_retries=0) as workos:
        user = await workos.users.create(
            UserCreate(email="pending@svc.example", password="correct horse", email_verified=True)
        )
        orgs = list(emulator.state["organizations"])[:2]
        for org in orgs:
            await workos.organization_memberships.create(
                OrganizationMembershipCreate(user_id=user.id, organization_id=org["id"])
            )
        with pytest.raises(ForbiddenError) as forbidden:
            await workos.authentication.authenticate_with_password(user.email, "correct horse")
        error = forbidden.value
        assert error.code == "organization_selection_required"
        assert error.body is not None
        pending = error.body["pending_authentication_token"]
        assert {o["id"] for o in error.body["organizations"]} == {o["id"] for o in orgs}
        assert pending not in str(error) and pending not in repr(error)
        error.body["pending_authentication_token"] = "changed"  # a copy: the error keeps its own
        assert error.body["pending_authentication_token"] == pending
        auth = await workos.authentication.authenticate_with_organization_selection(
            orgs[1]["id"], pending
        )
        assert auth.user.id == user.id and auth.organization_id == orgs[1]["id"]


async def test_api_key_echoed_in_an_error_body_is_redacted() -> None:
    key = "sk_test_echoed_secret_key"

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            400,
            json={
                "message": f"bad key {key}",
                "code": "echo",
                "details": {"seen": [f"Bearer {key}"], key: "as a key"},
            },
        )

    environment = Environment(name="t", api_key=SecretStr(key))
    client = WorkOSClient(environment, transport=httpx.MockTransport(echo), max_retries=0)
    async with WorkOS(client) as workos:
        with pytest.raises(BadRequestError) as caught:
            await workos.agents.get_registration("agent_reg_1")
    error = caught.value
    assert error.body is not None
    for text in (str(error.body), str(error), repr(error), error.message):
        assert key not in text
    assert error.body["details"]["seen"] == ["Bearer [api key redacted]"]
    assert "details" not in repr(error) and "details" not in str(error)


async def test_errors_without_a_json_object_body_have_none() -> None:
    def plain(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="upstream down")

    environment = Environment(name="t", api_key=SecretStr("sk_test_x"))
    client = WorkOSClient(environment, transport=httpx.MockTransport(plain), max_retries=0)
    async with WorkOS(client) as workos:
        with pytest.raises(Exception) as caught:
            await workos.agents.get_registration("agent_reg_1")
    assert getattr(caught.value, "body", "missing") is None
