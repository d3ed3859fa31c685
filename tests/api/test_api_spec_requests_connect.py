"""Every request the service layer sends for Connect applications, client secrets, authorized
applications, Pipes and data providers matches the WorkOS spec, and every operation of those
tags is exercised."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr
from spec_capture import Call, capture_and_validate
from spec_check import SpecChecker

from workos_tui.api.models import (
    ApiKeyInstallationInput,
    ApiKeyUpsert,
    AuthorizeRequest,
    ClientCredentialsUpsert,
    ConnectApplicationCreate,
    ConnectApplicationUpdate,
    ConnectedAccountInput,
    ConnectRedirectUriInput,
    CustomProviderInput,
    DataIntegrationCreate,
    DataIntegrationUpdate,
    IntegrationCredentialsInput,
    OrganizationConfigurationUpdate,
)

TAGS = (
    "applications",
    "application.client-secrets",
    "organizations.authorized-applications",
    "user-management.users.authorized-applications",
    "pipes",
    "pipes.provider",
    "user-management.data-providers",
)
SECRET = SecretStr("s3cret-value")
REDIRECT = ConnectRedirectUriInput(uri="https://a.example/cb", default=True)

CALLS: dict[str, Call] = {
    "apps.list": lambda w: w.connect_applications.list(
        limit=5, order="asc", registration_types=["dynamic", "authenticated"], organization_id="o"
    ),
    "apps.get": lambda w: w.connect_applications.get("client_1"),
    "apps.create_oauth": lambda w: w.connect_applications.create(
        ConnectApplicationCreate(
            name="A",
            application_type="oauth",
            is_first_party=False,
            organization_id="org_1",
            redirect_uris=[REDIRECT],
            uses_pkce=True,
            scopes=["openid"],
            description="d",
        )
    ),
    "apps.create_m2m": lambda w: w.connect_applications.create(
        ConnectApplicationCreate(name="M", application_type="m2m", organization_id="org_1")
    ),
    "apps.update": lambda w: w.connect_applications.update(
        "conn_app_1", ConnectApplicationUpdate(name="B", description=None, redirect_uris=[REDIRECT])
    ),
    "apps.delete": lambda w: w.connect_applications.delete("conn_app_1"),
    "secrets.list": lambda w: w.connect_applications.list_client_secrets("conn_app_1"),
    "secrets.create": lambda w: w.connect_applications.create_client_secret("conn_app_1"),
    "secrets.delete": lambda w: w.connect_applications.delete_client_secret("secret_1"),
    "authorized.org": lambda w: w.authorized_applications.list_for_organization("org_1", limit=5),
    "authorized.user": lambda w: w.authorized_applications.list_for_user("user_1", order="desc"),
    "authorized.revoke": lambda w: w.authorized_applications.revoke("user_1", "conn_app_1"),
    "pipes.list": lambda w: w.data_integrations.list(limit=10, after="data_integration_1"),
    "pipes.get": lambda w: w.data_integrations.get("github"),
    "pipes.create": lambda w: w.data_integrations.create(
        DataIntegrationCreate(
            provider="crm",
            description="d",
            enabled=True,
            scopes=["a"],
            auth_methods=["oauth", "api_key"],
            config={"k": "v"},
            credentials=IntegrationCredentialsInput(
                type="custom", client_id="c", client_secret=SECRET
            ),
            api_key=ApiKeyInstallationInput(user_id="user_1", secret=SECRET),
            custom_provider=CustomProviderInput(
                name="CRM",
                authorization_url="https://crm.example/a",
                token_url="https://crm.example/t",
                authenticate_via="basic_auth_header",
            ),
        )
    ),
    "pipes.update": lambda w: w.data_integrations.update(
        "crm",
        DataIntegrationUpdate(
            description=None, enabled=False, scopes=None, custom_provider=CustomProviderInput()
        ),
    ),
    "pipes.delete": lambda w: w.data_integrations.delete("crm"),
    "pipes.api_key": lambda w: w.data_integrations.upsert_api_key(
        "linear", ApiKeyUpsert(user_id="user_1", organization_id="org_1", secret=SECRET)
    ),
    "pipes.client_credentials": lambda w: w.data_integrations.upsert_client_credentials(
        "crm",
        ClientCredentialsUpsert(user_id="user_1", client_id="c", client_secret=SECRET, config={}),
    ),
    "pipes.authorize": lambda w: w.data_integrations.authorize_url(
        "github", AuthorizeRequest(user_id="user_1", return_to="https://app.example/done")
    ),
    "pipes.credentials": lambda w: w.data_integrations.credentials("github", "user_1", "org_1"),
    "pipes.token": lambda w: w.data_integrations.token("github", "user_1"),
    "provider.list": lambda w: w.data_integrations.organization_configurations("org_1"),
    "provider.configure": lambda w: w.data_integrations.configure_for_organization(
        "org_1",
        "slack",
        OrganizationConfigurationUpdate(
            enabled=True, scopes=None, client_id="c", client_secret=SECRET
        ),
    ),
    "accounts.get": lambda w: w.connected_accounts.get("user_1", "github", "org_1"),
    "accounts.create": lambda w: w.connected_accounts.create(
        "user_1",
        "github",
        ConnectedAccountInput(
            access_token=SECRET,
            refresh_token=SECRET,
            expires_at="2026-01-01T00:00:00.000Z",
            scopes=["repo"],
            state="connected",
        ),
    ),
    "accounts.update": lambda w: w.connected_accounts.update(
        "user_1", "github", ConnectedAccountInput(state="needs_reauthorization"), "org_1"
    ),
    "accounts.delete": lambda w: w.connected_accounts.delete("user_1", "github"),
    "accounts.providers": lambda w: w.connected_accounts.data_providers("user_1", "org_1"),
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
    assert len(expected) == 28
    assert covered == expected


async def test_secrets_are_sent_in_clear_only_on_the_wire() -> None:
    body = DataIntegrationCreate(
        provider="x",
        credentials=IntegrationCredentialsInput(type="custom", client_id="c", client_secret=SECRET),
    ).to_body()
    assert body["credentials"]["client_secret"] == SECRET.get_secret_value()
