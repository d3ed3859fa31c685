"""Pipes set-up an admin does by hand: an organization's provider configurations (enable a
provider for one customer, with its own OAuth client), and a user's connected account (read it,
import or change its tokens, install client credentials).

The connected-account actions extend ``pipes.ACCOUNT_ACTIONS``; the organization's providers are
one key away from the organization.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field, SecretStr

from workos_tui.api.models.pipes import ConnectedAccountInput, OrganizationConfigurationUpdate
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    Related,
    ResourceType,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.results import ActionResult, plain, present
from workos_tui.resources.scoped import SCOPED_KEY, keyed, keyed_one_shot, split_key

# -- a user's connected account ------------------------------------------------------------------


def _where(provider: Any) -> tuple[str, str, str | None]:
    """``(user_id, slug, organization_id)`` of a row of a user's providers."""
    user_id, slug = split_key(getattr(provider, SCOPED_KEY))
    account = getattr(provider, "connected_account", None)
    return user_id, slug, getattr(account, "organization_id", None)


async def _details(workos: Facade, provider: Any, _form: BaseModel | None) -> BaseModel:
    user_id, slug, organization_id = _where(provider)
    account = await workos.connected_accounts.get(user_id, slug, organization_id)
    return ActionResult(
        title=f"{provider.name} account of {user_id}",
        entries=present(
            (
                plain("ID", account.id),
                plain("State", account.state),
                plain("Auth method", account.auth_method),
                plain("Scopes", ", ".join(account.scopes)),
                plain("Organization", account.organization_id),
                plain("API key", account.api_key_last_4 and f"…{account.api_key_last_4}"),
                plain("Client ID", account.client_id),
                plain("Connected", format_timestamp(account.created_at)),
            )
        ),
    )


class AccountTokens(ConnectedAccountInput):
    """Tokens for the account, optionally within an organization."""

    organization_id: str | None = Field(default=None, description="The organization's id.")


async def _import_tokens(workos: Facade, provider: Any, form: BaseModel | None) -> Item:
    assert isinstance(form, AccountTokens)
    user_id, slug, _ = _where(provider)
    body = ConnectedAccountInput(**form.model_dump(exclude={"organization_id"}))
    if getattr(provider, "connected_account", None) is None:
        return await workos.connected_accounts.create(user_id, slug, body, form.organization_id)
    return await workos.connected_accounts.update(user_id, slug, body, form.organization_id)


class ClientCredentialsForm(BaseModel):
    """The user's client id and secret for the provider."""

    client_id: str = Field(min_length=1, description="The client id.")
    client_secret: SecretStr = Field(min_length=1, description="The client secret.")
    organization_id: str | None = Field(default=None, description="The organization's id.")


async def _install_credentials(workos: Facade, provider: Any, form: BaseModel | None) -> Item:
    from workos_tui.api.models.pipes import ClientCredentialsUpsert

    assert isinstance(form, ClientCredentialsForm)
    user_id, slug, _ = _where(provider)
    install = ClientCredentialsUpsert(
        user_id=user_id,
        organization_id=form.organization_id,
        client_id=form.client_id,
        client_secret=form.client_secret,
    )
    return await workos.data_integrations.upsert_client_credentials(slug, install)


def _organization(provider: Any) -> Mapping[str, Any]:
    return {"organization_id": _where(provider)[2] or ""}


def _supports(method: str) -> Any:
    return lambda provider: method in (getattr(provider, "auth_methods", None) or [])


SETUP_ACTIONS = (
    Action(
        "account_details",
        "Account details",
        _details,
        mutates=False,
        applies=lambda p: getattr(p, "connected_account", None) is not None,
    ),
    Action(
        "import_tokens",
        "Import or change OAuth tokens",
        _import_tokens,
        input_model=AccountTokens,
        prefill=_organization,
        applies=_supports("oauth"),
    ),
    Action(
        "install_client_credentials",
        "Install client credentials",
        _install_credentials,
        input_model=ClientCredentialsForm,
        prefill=_organization,
        applies=_supports("client_credentials"),
    ),
)


# -- an organization's provider configurations ------------------------------------------------


async def _configurations(workos: Facade, organization_id: str) -> Sequence[Any]:
    rows: list[Any] = await workos.data_integrations.organization_configurations(organization_id)
    return rows


async def _configure(workos: Facade, key: str, model: BaseModel) -> Item:
    assert isinstance(model, OrganizationConfigurationUpdate)
    organization_id, slug = split_key(key)
    configured = await workos.data_integrations.configure_for_organization(
        organization_id, slug, model
    )
    return keyed(configured, organization_id, "slug")


def _configuration_prefill(configuration: Any) -> Mapping[str, Any]:
    return {"enabled": configuration.enabled, "scopes": configuration.scopes}


ORGANIZATION_PROVIDERS = ResourceType(
    key="organization_providers",
    title="Provider configurations",
    singular="provider configuration",
    aliases=("organization_data_integrations",),
    description="Pipes providers as configured for one organization (e enables or sets them).",
    top_level=False,
    scope_params=("organization_id",),
    supports_order=False,
    list=keyed_one_shot("organization_id", "slug", _configurations),
    update=_configure,
    update_model=OrganizationConfigurationUpdate,
    edit_prefill=_configuration_prefill,
    columns=(
        Column("name", "Provider", width=16),
        Column("slug", "Slug", width=16),
        Column("enabled", "Enabled", width=8),
        Column("credentials.type", "Credentials", width=14),
        Column("scopes", "Scopes", width=28),
        Column("updated_at", "Updated", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Configuration",
            (
                DetailField("Provider", "name"),
                DetailField("Slug", "slug"),
                DetailField("Enabled", "enabled"),
                DetailField("Scopes", "scopes"),
                DetailField("Credentials", "credentials.type"),
                DetailField("Client ID", "credentials.client_id"),
                DetailField("Settings", "config"),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("Data integration", "data_integrations", "slug", lambda c: c.slug),),
    id_field=SCOPED_KEY,
    name_field="name",
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


ORGANIZATION_RELATED = (
    Related("Provider configurations", "organization_providers", "organization_id", _id),
)
