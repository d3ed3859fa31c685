"""Connect applications, their client secrets (a new value is shown once) and the applications
users authorized (per organization and per user)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.connect import ConnectApplicationCreate, ConnectApplicationUpdate
from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Item,
    ListRequest,
    Related,
    ResourceType,
    scoped_cursor,
    service_cursor,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.scoped import (
    SCOPED_KEY,
    keyed,
    keyed_one_shot,
    scoped_key,
    split_key,
)
from workos_tui.resources.sources import PageSource


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


async def _create(workos: Facade, model: BaseModel) -> Item:
    app: Item = await workos.connect_applications.create(model)
    return app


async def _update(workos: Facade, item_id: str, model: BaseModel) -> Item:
    app: Item = await workos.connect_applications.update(item_id, model)
    return app


async def _new_secret(workos: Facade, app: Any, _input: BaseModel | None) -> Item:
    secret: Item = await workos.connect_applications.create_client_secret(app.id)
    return secret


CONNECT_APPLICATIONS = ResourceType(
    key="connect_applications",
    title="Applications",
    singular="application",
    aliases=("applications", "apps", "connect"),
    description="Connect OAuth and machine-to-machine applications.",
    list=service_cursor("connect_applications"),
    get=service_get("connect_applications"),
    create=_create,
    update=_update,
    delete=service_delete("connect_applications"),
    create_model=ConnectApplicationCreate,
    update_model=ConnectApplicationUpdate,
    filters=(
        Filter(
            "registration_types",
            "Registration",
            kind="multi",
            choices=("authenticated", "dynamic"),
        ),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
    ),
    columns=(
        Column("name", "Name", width=26),
        Column("application_type", "Type", width=6),
        Column("client_id", "Client ID", width=34),
        Column("organization_id", "Organization", width=30),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Application",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Client ID", "client_id"),
                DetailField("Type", "application_type"),
                DetailField("Description", "description"),
                DetailField("Scopes", "scopes"),
                DetailField("First party", "is_first_party"),
                DetailField("Dynamically registered", "was_dynamically_registered"),
                DetailField("PKCE", "uses_pkce"),
                DetailField("Organization", "organization_id"),
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
    actions=(Action("new_secret", "New client secret", _new_secret),),
    related=(
        Related("Client secrets", "client_secrets", "application_id", _id),
        Related(
            "Organization", "organizations", "id", lambda a: getattr(a, "organization_id", None)
        ),
    ),
    name_field="name",
)


async def _secrets(workos: Facade, application_id: str) -> Sequence[Any]:
    rows: list[Any] = await workos.connect_applications.list_client_secrets(application_id)
    return rows


async def _create_secret(workos: Facade, model: BaseModel) -> Item:
    application_id = str(getattr(model, "application_id", ""))
    secret: Item = await workos.connect_applications.create_client_secret(application_id)
    return keyed(secret, application_id, "id")


async def _delete_secret(workos: Facade, item_id: str) -> None:
    await workos.connect_applications.delete_client_secret(item_id)


class ClientSecretForm(BaseModel):
    """Create a client secret: its value is shown once."""

    application_id: str = Field(min_length=1, description="The application the secret is for.")


def _prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"application_id": scope.get("application_id", "")}


CLIENT_SECRETS = ResourceType(
    key="client_secrets",
    title="Client secrets",
    singular="client secret",
    aliases=("secrets",),
    description="Client secrets of a Connect application; a new value is shown once.",
    top_level=False,
    supports_order=False,
    scope_params=("application_id",),
    list=keyed_one_shot("application_id", "id", _secrets),
    create=_create_secret,
    delete=_delete_secret,
    create_model=ClientSecretForm,
    create_prefill=_prefill,
    columns=(
        Column("secret_hint", "Hint", width=10),
        Column("id", "ID", width=34),
        Column("last_used_at", "Last used", width=20, formatter=format_timestamp),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Client secret",
            (
                DetailField("ID", "id"),
                DetailField("Hint", "secret_hint"),
                DetailField("Value (shown once)", "secret"),
                DetailField("Last used", "last_used_at", format_timestamp),
                DetailField("Created", "created_at", format_timestamp),
            ),
        ),
    ),
    secret_fields=("secret",),
)

AUTH_COLUMNS = (
    Column("application.name", "Application", width=26),
    Column("application.client_id", "Client ID", width=34),
    Column("granted_scopes", "Granted scopes", width=26),
    Column("user_id", "User", width=30),
)
AUTH_SECTIONS = (
    DetailSection(
        "Authorization",
        (
            DetailField("ID", "id"),
            DetailField("Application", "application.name"),
            DetailField("Application ID", "application.id"),
            DetailField("Client ID", "application.client_id"),
            DetailField("Granted scopes", "granted_scopes"),
            DetailField("OAuth resource", "oauth_resource"),
            DetailField("User", "user_id"),
        ),
    ),
)
AUTH_RELATED = (
    Related("Application", "connect_applications", "id", lambda a: a.application.id),
    Related("User", "users", "id", lambda a: getattr(a, "user_id", None)),
)


def _user_grants(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    user_id = str(filters.pop("user_id"))
    cursor = workos.authorized_applications.user_cursor(user_id, limit=request.limit)
    return _WithUser(cursor, user_id)


class _WithUser:
    """Rows of one user's grants, keyed ``user/application`` and carrying ``user_id``."""

    def __init__(self, source: PageSource, user_id: str) -> None:
        self._source = source
        self._user_id = user_id

    @property
    def has_more(self) -> bool:
        return self._source.has_more

    async def next_page(self) -> Sequence[Any]:
        rows = list(await self._source.next_page())
        for row in rows:
            row.user_id = self._user_id
            setattr(row, SCOPED_KEY, scoped_key(self._user_id, row.application.id))
        return rows


async def _revoke(workos: Facade, item_id: str) -> None:
    user_id, application_id = split_key(item_id)
    await workos.authorized_applications.revoke(user_id, application_id)


ORGANIZATION_AUTHORIZED_APPLICATIONS = ResourceType(
    key="organization_authorized_applications",
    title="Authorized applications",
    singular="authorized application",
    aliases=("org_authorized_apps",),
    description="Connect applications users of an organization authorized.",
    top_level=False,
    scope_params=("organization_id",),
    list=scoped_cursor("authorized_applications", "organization_cursor", "organization_id"),
    columns=AUTH_COLUMNS,
    sections=AUTH_SECTIONS,
    related=AUTH_RELATED,
    name_field="application.name",
)

USER_AUTHORIZED_APPLICATIONS = ResourceType(
    key="user_authorized_applications",
    title="Authorized applications",
    singular="authorized application",
    aliases=("user_authorized_apps",),
    description="Connect applications a user authorized; revoking removes the grant.",
    top_level=False,
    scope_params=("user_id",),
    list=_user_grants,
    delete=_revoke,
    columns=AUTH_COLUMNS[:3],
    sections=AUTH_SECTIONS,
    related=AUTH_RELATED,
    name_field="application.name",
    id_field=SCOPED_KEY,
)

# For the UI engineer: append to ORGANIZATIONS.related / USERS.related.
ORGANIZATION_RELATED = (
    Related(
        "Authorized applications", "organization_authorized_applications", "organization_id", _id
    ),
)
USER_RELATED = (Related("Authorized applications", "user_authorized_applications", "user_id", _id),)
