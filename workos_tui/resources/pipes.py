"""Pipes: data integrations (providers users connect accounts of) and a user's connected
accounts, listed through the user's data providers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from workos_tui.api.models.pipes import DataIntegrationCreate, DataIntegrationUpdate
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    Related,
    ResourceType,
    service_cursor,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.scoped import SCOPED_KEY, keyed_one_shot, split_key


async def _create(workos: Facade, model: BaseModel) -> Item:
    integration: Item = await workos.data_integrations.create(model)
    return integration


async def _update(workos: Facade, item_id: str, model: BaseModel) -> Item:
    integration: Item = await workos.data_integrations.update(item_id, model)
    return integration


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
    list=service_cursor("data_integrations"),
    get=service_get("data_integrations"),
    create=_create,
    update=_update,
    delete=service_delete("data_integrations"),
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


# For the UI engineer: append to USERS.related.
USER_RELATED = (Related("Connected accounts", "connected_accounts", "user_id", _id),)
