"""API keys of an organization or of a user; a new key's value is shown once."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.api_keys import (
    ApiKeyExpire,
    OrganizationApiKeyCreate,
    UserApiKeyCreate,
)
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Item,
    Related,
    ResourceType,
    scoped_cursor,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.scoped import fan_out


class OrganizationApiKeyForm(OrganizationApiKeyCreate):
    """Create an API key owned by an organization."""

    organization_id: str = Field(min_length=1, description="The organization owning the key.")


class UserApiKeyForm(UserApiKeyCreate):
    """Create an API key owned by a user."""

    user_id: str = Field(min_length=1, description="The user owning the key.")


async def _create_for_organization(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, OrganizationApiKeyForm)
    fields = model.model_dump(exclude={"organization_id"}, exclude_none=True)
    organization_id = model.organization_id
    key: Item = await workos.api_keys.create_for_organization(
        organization_id, OrganizationApiKeyCreate(**fields)
    )
    return key


async def _create_for_user(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, UserApiKeyForm)
    fields = model.model_dump(exclude={"user_id"}, exclude_none=True)
    key: Item = await workos.api_keys.create_for_user(model.user_id, UserApiKeyCreate(**fields))
    return key


async def _delete(workos: Facade, item_id: str) -> None:
    await workos.api_keys.delete(item_id)


async def _expire(workos: Facade, item: Any, form: BaseModel | None) -> Item:
    expires_at = getattr(form, "expires_at", None)
    key: Item = await workos.api_keys.expire(item.id, expires_at)
    return key


def _scope(name: str) -> Any:
    def prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
        return {name: scope.get(name, "")}

    return prefill


def _owner_id(item: Any) -> str | None:
    owner = getattr(item, "owner", None)
    return getattr(owner, "id", None)


def _owner_organization(item: Any) -> str | None:
    owner = getattr(item, "owner", None)
    if getattr(owner, "type", None) == "organization":
        return getattr(owner, "id", None)
    return getattr(owner, "organization_id", None)


COLUMNS = (
    Column("name", "Name", width=26),
    Column("obfuscated_value", "Key", width=14),
    Column("permissions", "Permissions", width=24),
    Column("expires_at", "Expires", width=20, formatter=format_timestamp),
    Column("last_used_at", "Last used", width=20, formatter=format_timestamp),
    Column("id", "ID", width=34),
)
SECTIONS = (
    DetailSection(
        "API key",
        (
            DetailField("Name", "name"),
            DetailField("ID", "id"),
            DetailField("Key", "obfuscated_value"),
            DetailField("Value (shown once)", "value"),
            DetailField("Permissions", "permissions"),
            DetailField("Owner", "owner.type"),
            DetailField("Owner ID", "owner.id"),
            DetailField("Organization", "owner.organization_id"),
        ),
    ),
    DetailSection(
        "Timestamps",
        (
            DetailField("Expires", "expires_at", format_timestamp),
            DetailField("Last used", "last_used_at", format_timestamp),
            DetailField("Created", "created_at", format_timestamp),
            DetailField("Updated", "updated_at", format_timestamp),
        ),
    ),
)
ACTIONS = (
    Action(
        "expire",
        "Expire key",
        _expire,
        input_model=ApiKeyExpire,
        confirm=True,
        applies=lambda k: getattr(k, "expires_at", None) is None,
    ),
)

ORGANIZATION_API_KEYS = ResourceType(
    key="organization_api_keys",
    title="API keys",
    singular="API key",
    aliases=("api_keys", "org_api_keys", "keys"),
    filters=(Filter("organization_id", "Organization", placeholder="organization id (org_…)"),),
    description="API keys owned by organizations (every organization's, or one's from its row).",
    scope_params=("organization_id",),
    list=fan_out(
        scoped_cursor(lambda w: w.api_keys.organization_cursor, "organization_id"),
        "organization_id",
        lambda w: w.organizations.cursor,
    ),
    create=_create_for_organization,
    delete=_delete,
    create_model=OrganizationApiKeyForm,
    create_prefill=_scope("organization_id"),
    columns=COLUMNS,
    sections=SECTIONS,
    actions=ACTIONS,
    related=(Related("Organization", "organizations", "id", _owner_id),),
    name_field="name",
    secret_fields=("value",),
)

USER_API_KEYS = ResourceType(
    key="user_api_keys",
    title="User API keys",
    singular="API key",
    aliases=("user_keys",),
    description="API keys owned by a user within one of their organizations.",
    top_level=False,
    scope_params=("user_id",),
    list=scoped_cursor(lambda w: w.api_keys.user_cursor, "user_id"),
    create=_create_for_user,
    delete=_delete,
    create_model=UserApiKeyForm,
    create_prefill=_scope("user_id"),
    filters=(Filter("organization_id", "Organization", placeholder="organization id (org_…)"),),
    columns=COLUMNS,
    sections=SECTIONS,
    actions=ACTIONS,
    related=(
        Related("User", "users", "id", _owner_id),
        Related("Organization", "organizations", "id", _owner_organization),
    ),
    name_field="name",
    secret_fields=("value",),
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


ORGANIZATION_RELATED = (Related("API keys", "organization_api_keys", "organization_id", _id),)
USER_RELATED = (Related("API keys", "user_api_keys", "user_id", _id),)
