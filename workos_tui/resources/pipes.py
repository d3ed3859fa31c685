"""Pipes: data integrations (providers users connect accounts of) and a user's connected
accounts, listed through the user's data providers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field, SecretStr

from workos_tui.api.models.pipes import (
    ApiKeyUpsert,
    AuthorizeRequest,
    DataIntegrationCreate,
    DataIntegrationUpdate,
)
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    Related,
    ResourceType,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.pipes_setup import SETUP_ACTIONS
from workos_tui.resources.results import ActionResult, link, plain, present
from workos_tui.resources.results import secret as secret_entry
from workos_tui.resources.scoped import SCOPED_KEY, keyed_one_shot, split_key


def _set_enabled(enabled: bool) -> Any:
    async def run(workos: Facade, item: Any, _input: BaseModel | None) -> Item:
        changed: Item = await workos.data_integrations.update(
            item.slug, DataIntegrationUpdate(enabled=enabled)
        )
        return changed

    return run


DATA_INTEGRATIONS = ResourceType(
    key="data_integrations",
    title="Data integrations",
    singular="data integration",
    aliases=("pipes", "integrations", "providers"),
    description="Pipes providers (GitHub, Slack, custom…) users connect their accounts of.",
    list=service_cursor(lambda w: w.data_integrations.cursor),
    get=service_get(lambda w: w.data_integrations.get),
    create=service_create(lambda w: w.data_integrations.create),
    update=service_update(lambda w: w.data_integrations.update),
    delete=service_delete(lambda w: w.data_integrations.delete),
    create_model=DataIntegrationCreate,
    update_model=DataIntegrationUpdate,
    columns=(
        Column("slug", "Slug", width=16),
        Column("enabled", "Enabled", width=8),
        Column("state", "State", width=10),
        Column("auth_methods", "Auth methods", width=26),
        Column("credentials.type", "Credentials", width=12),
        Column("scopes", "Scopes", width=28),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Integration",
            (
                DetailField("Slug", "slug"),
                DetailField("ID", "id"),
                DetailField("Provider", "integration_type"),
                DetailField("Description", "description"),
                DetailField("Enabled", "enabled"),
                DetailField("State", "state"),
                DetailField("Scopes", "scopes"),
                DetailField("Auth methods", "auth_methods"),
                DetailField("Redirect URI", "redirect_uri"),
            ),
        ),
        DetailSection(
            "Credentials",
            (
                DetailField("Type", "credentials.type"),
                DetailField("Client ID", "credentials.client_id"),
                DetailField("Client secret", "credentials.redacted_client_secret"),
                DetailField("Installed for user", "installation.user_id"),
                DetailField("API key", "installation.api_key_last_4"),
                DetailField("Custom provider", "custom_provider.name"),
                DetailField("Authorization URL", "custom_provider.authorization_url"),
            ),
        ),
        DetailSection(
            "Timestamps",
            (
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    actions=(
        Action("disable", "Disable", _set_enabled(False), applies=lambda i: i.enabled),
        Action("enable", "Enable", _set_enabled(True), applies=lambda i: not i.enabled),
    ),
    name_field="slug",
    id_field="slug",
)


async def _providers(workos: Facade, user_id: str) -> Sequence[Any]:
    rows: list[Any] = await workos.connected_accounts.data_providers(user_id)
    return rows


async def _disconnect(workos: Facade, item_id: str) -> None:
    user_id, slug = split_key(item_id)
    await workos.connected_accounts.delete(user_id, slug)


def _account(item: Any) -> Any:
    return getattr(item, "connected_account", None)


def _owner(provider: Any) -> tuple[str, str, str | None]:
    """``(user_id, slug, organization_id)`` of a row of a user's providers."""
    user_id, slug = split_key(getattr(provider, SCOPED_KEY))
    account = _account(provider)
    return user_id, slug, getattr(account, "organization_id", None)


def _inactive(title: str, error: str | None) -> ActionResult:
    return ActionResult(
        title=title,
        entries=present((plain("Active", False), plain("Reason", error or "unknown"))),
        note="No credential was vended: the user has to connect (or reconnect) the account.",
    )


async def _access_token(workos: Facade, provider: Any, _input: BaseModel | None) -> Item:
    """Vend the user's OAuth access token (WorkOS refreshes it when needed)."""
    user_id, slug, organization_id = _owner(provider)
    answer = await workos.data_integrations.token(slug, user_id, organization_id)
    title = f"{provider.name} access token"
    token = answer.access_token
    if not answer.active or token is None:
        return _inactive(title, answer.error)
    return ActionResult(
        title=title,
        entries=present(
            (
                secret_entry("Access token", token.access_token),
                plain("Expires", format_timestamp(token.expires_at)),
                plain("Scopes", token.scopes),
                plain("Missing scopes", token.missing_scopes),
            )
        ),
        note="Hidden until revealed; copy it with c. It is not logged.",
    )


async def _credential(workos: Facade, provider: Any, _input: BaseModel | None) -> Item:
    """Vend the user's credential: an access token, an API key or a client-credentials token."""
    user_id, slug, organization_id = _owner(provider)
    answer = await workos.data_integrations.credentials(slug, user_id, organization_id)
    title = f"{provider.name} credential"
    credential = answer.credential
    if not answer.active or credential is None:
        return _inactive(title, answer.error)
    return ActionResult(
        title=title,
        entries=present(
            (
                secret_entry("Credential", credential.value),
                plain("Auth method", credential.auth_method),
                plain("Expires", format_timestamp(credential.expires_at)),
                plain("Scopes", credential.scopes),
                plain("Missing scopes", credential.missing_scopes),
            )
        ),
        note="Hidden until revealed; copy it with c. It is not logged.",
    )


class ConnectLinkForm(BaseModel):
    """Start the provider's OAuth flow on the user's behalf."""

    return_to: str | None = Field(default=None, description="Where to return after connecting.")
    organization_id: str | None = Field(
        default=None, description="Connect within this organization (optional)."
    )


async def _connect_link(workos: Facade, provider: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, ConnectLinkForm)
    user_id, slug, _organization_id = _owner(provider)
    request = AuthorizeRequest(
        user_id=user_id, organization_id=data.organization_id, return_to=data.return_to
    )
    answer = await workos.data_integrations.authorize_url(slug, request)
    return ActionResult(
        title=f"Connect {provider.name}",
        entries=(link("URL", answer.url),),
        note="Send it to the user: opening it connects their account to the provider.",
    )


class ApiKeyForm(BaseModel):
    """Install (or rotate) the user's API key for the provider."""

    secret: SecretStr = Field(min_length=1, description="The API key (hidden as you type).")
    organization_id: str | None = Field(
        default=None, description="Install within this organization (optional)."
    )


async def _install_api_key(workos: Facade, provider: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, ApiKeyForm)
    user_id, slug, _organization_id = _owner(provider)
    install = ApiKeyUpsert(
        user_id=user_id, organization_id=data.organization_id, secret=data.secret
    )
    await workos.data_integrations.upsert_api_key(slug, install)
    return ActionResult(
        title=f"{provider.name} API key installed",
        entries=(plain("User", user_id), plain("Provider", slug)),
        reload=True,
    )


def _supports(method: str) -> Any:
    return lambda provider: method in (getattr(provider, "auth_methods", None) or [])


def _connected_with(method: str | None) -> Any:
    def applies(provider: Any) -> bool:
        account = _account(provider)
        if account is None:
            return False
        return method is None or getattr(account, "auth_method", None) == method

    return applies


def _org_prefill(provider: Any) -> Mapping[str, Any]:
    account = _account(provider)
    return {"organization_id": getattr(account, "organization_id", None) or ""}


ACCOUNT_ACTIONS = (
    Action(
        "access_token",
        "Get access token",
        _access_token,
        mutates=False,
        applies=_connected_with("oauth"),
    ),
    Action(
        "credential", "Get credential", _credential, mutates=False, applies=_connected_with(None)
    ),
    Action(
        "connect_link",
        "Connect link (OAuth)",
        _connect_link,
        input_model=ConnectLinkForm,
        prefill=_org_prefill,
        mutates=False,
        applies=_supports("oauth"),
    ),
    Action(
        "install_api_key",
        "Install API key",
        _install_api_key,
        input_model=ApiKeyForm,
        prefill=_org_prefill,
        applies=_supports("api_key"),
    ),
    *SETUP_ACTIONS,
)


CONNECTED_ACCOUNTS = ResourceType(
    key="connected_accounts",
    title="Connected accounts",
    singular="connected account",
    aliases=("data_providers", "user_integrations"),
    description="A user's providers and the accounts they connected; disconnect removes tokens.",
    top_level=False,
    supports_order=False,
    scope_params=("user_id",),
    list=keyed_one_shot("user_id", "slug", _providers),
    delete=_disconnect,
    actions=ACCOUNT_ACTIONS,
    columns=(
        Column("name", "Provider", width=16),
        Column("connected_account.state", "State", width=22),
        Column("connected_account.auth_method", "Auth method", width=18),
        Column("connected_account.scopes", "Scopes", width=26),
        Column("connected_account.updated_at", "Updated", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Provider",
            (
                DetailField("Name", "name"),
                DetailField("Slug", "slug"),
                DetailField("Description", "description"),
                DetailField("Credentials", "credentials_type"),
                DetailField("Auth methods", "auth_methods"),
            ),
        ),
        DetailSection(
            "Connected account",
            (
                DetailField("ID", "connected_account.id"),
                DetailField("State", "connected_account.state"),
                DetailField("Auth method", "connected_account.auth_method"),
                DetailField("Scopes", "connected_account.scopes"),
                DetailField("Organization", "connected_account.organization_id"),
                DetailField("API key", "connected_account.api_key_last_4"),
                DetailField("Client ID", "connected_account.client_id"),
                DetailField("Connected", "connected_account.created_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("Data integration", "data_integrations", "slug", lambda p: p.slug),),
    name_field="name",
    id_field=SCOPED_KEY,
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


USER_RELATED = (Related("Connected accounts", "connected_accounts", "user_id", _id),)
