"""Pipes over real HTTP: integrations, organization configurations, installs, credentials,
tokens, connected accounts and data providers."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from workos_tui.api import ConflictError, NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import (
    ApiKeyInstallationInput,
    ApiKeyUpsert,
    AuthorizeRequest,
    ClientCredentialsUpsert,
    ConnectedAccountInput,
    CustomProviderInput,
    DataIntegrationCreate,
    DataIntegrationUpdate,
    IntegrationCredentialsInput,
    OrganizationConfigurationUpdate,
)
from workos_tui.emulator.testing import EmulatorHandle


def _user(emulator: EmulatorHandle) -> str:
    return str(list(emulator.state["users"])[5]["id"])


async def test_integrations_crud(workos: WorkOS, emulator: EmulatorHandle) -> None:
    page = await workos.data_integrations.list(limit=3)
    assert len(page.data) == 3 and page.has_more
    assert len([i async for i in workos.data_integrations.iterate(limit=2)]) == 4
    assert len(await workos.data_integrations.cursor(limit=2).next_page()) == 2
    gh = await workos.data_integrations.get("github")
    assert gh.credentials is not None and gh.credentials.type == "custom"
    created = await workos.data_integrations.create(
        DataIntegrationCreate(
            provider="hubspot",
            credentials=IntegrationCredentialsInput(
                type="custom", client_id="cid", client_secret=SecretStr("hush-1234")
            ),
        )
    )
    assert created.credentials is not None
    assert created.credentials.redacted_client_secret == "****1234"
    keyed = await workos.data_integrations.create(
        DataIntegrationCreate(
            provider="openai",
            auth_methods=["api_key"],
            api_key=ApiKeyInstallationInput(user_id=_user(emulator), secret=SecretStr("sk-12345")),
        )
    )
    assert keyed.installation is not None and keyed.installation.api_key_last_4 == "2345"
    custom = await workos.data_integrations.create(
        DataIntegrationCreate(provider="wiki", custom_provider=CustomProviderInput(name="Wiki"))
    )
    assert custom.custom_provider is not None and custom.custom_provider.name == "Wiki"
    updated = await workos.data_integrations.update(
        "wiki",
        DataIntegrationUpdate(
            enabled=False, custom_provider=CustomProviderInput(pkce_enabled=True)
        ),
    )
    assert not updated.enabled and updated.custom_provider is not None
    await workos.data_integrations.delete("hubspot")
    with pytest.raises(NotFoundError):
        await workos.data_integrations.get("hubspot")
    with pytest.raises(ConflictError):
        await workos.data_integrations.create(DataIntegrationCreate(provider="github"))


async def test_organization_configurations(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = list(emulator.state["organizations"])[2]["id"]
    configs = await workos.data_integrations.organization_configurations(org_id)
    assert {c.slug for c in configs} == {"github", "slack", "linear", "acme-crm"}
    changed = await workos.data_integrations.configure_for_organization(
        org_id,
        "slack",
        OrganizationConfigurationUpdate(
            enabled=False, client_id="cid", client_secret=SecretStr("s-9876")
        ),
    )
    assert not changed.enabled and changed.credentials is not None
    assert changed.credentials.client_secret_last_four == "9876"
    with pytest.raises(NotFoundError):
        await workos.data_integrations.organization_configurations("org_nope")


async def test_installs_credentials_tokens(workos: WorkOS, emulator: EmulatorHandle) -> None:
    user = _user(emulator)
    account = await workos.data_integrations.upsert_api_key(
        "linear", ApiKeyUpsert(user_id=user, secret=SecretStr("key-4321"))
    )
    assert account.auth_method == "api_key" and account.api_key_last_4 == "4321"
    vended = await workos.data_integrations.credentials("linear", user)
    assert vended.active and vended.credential is not None
    assert vended.credential.value.get_secret_value() == "key-4321"
    assert "key-4321" not in repr(vended)
    cc = await workos.data_integrations.upsert_client_credentials(
        "acme-crm",
        ClientCredentialsUpsert(user_id=user, client_id="c", client_secret=SecretStr("s-1")),
    )
    assert cc.auth_method == "client_credentials"
    with pytest.raises(UnprocessableError) as mismatch:
        await workos.data_integrations.upsert_api_key(
            "github", ApiKeyUpsert(user_id=user, secret=SecretStr("x"))
        )
    assert mismatch.value.code == "auth_method_mismatch"
    url = await workos.data_integrations.authorize_url("github", AuthorizeRequest(user_id=user))
    assert url.url.startswith("https://github.com/")
    missing = await workos.data_integrations.token("github", user)
    assert not missing.active and missing.error == "not_installed"


async def test_connected_accounts(workos: WorkOS, emulator: EmulatorHandle) -> None:
    user = _user(emulator)
    created = await workos.connected_accounts.create(
        user,
        "github",
        ConnectedAccountInput(access_token=SecretStr("gho_abc"), scopes=["repo"]),
    )
    assert created.state == "connected" and created.auth_method == "oauth"
    token = await workos.data_integrations.token("github", user)
    assert token.active and token.access_token is not None
    assert token.access_token.access_token.get_secret_value() == "gho_abc"
    assert token.access_token.missing_scopes == ["read:user"]
    with pytest.raises(ConflictError):
        await workos.connected_accounts.create(
            user, "github", ConnectedAccountInput(access_token=SecretStr("again"))
        )
    changed = await workos.connected_accounts.update(
        user, "github", ConnectedAccountInput(state="needs_reauthorization")
    )
    assert changed.state == "needs_reauthorization"
    assert (await workos.connected_accounts.get(user, "github")).id == created.id
    providers = await workos.connected_accounts.data_providers(user)
    github = next(p for p in providers if p.slug == "github")
    assert github.connected_account is not None and github.connected_account.id == created.id
    await workos.connected_accounts.delete(user, "github")
    with pytest.raises(NotFoundError):
        await workos.connected_accounts.get(user, "github")
    account = next(a for a in emulator.state["connected_accounts"] if a["organization_id"])
    scoped = await workos.connected_accounts.get(
        account["user_id"], "slack", organization_id=account["organization_id"]
    )
    assert scoped.id == account["id"]
    org_providers = await workos.connected_accounts.data_providers(
        account["user_id"], organization_id=account["organization_id"]
    )
    assert any(p.connected_account for p in org_providers)
