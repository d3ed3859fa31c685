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
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.results import ActionResult, link, plain, present
from workos_tui.resources.results import secret as secret_entry
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


async def _new_secret(workos: Facade, app: Any, _input: BaseModel | None) -> Item:
    """A new client secret, shown once in the result dialog (hidden until revealed)."""
    created = await workos.connect_applications.create_client_secret(app.id)
    value = created.secret.get_secret_value() if created.secret is not None else ""
    return ActionResult(
        title=f"New client secret for {app.name}",
        entries=present(
            (
                plain("Client ID", app.client_id),
                secret_entry("Client secret", value) if value else None,
                plain("Secret ID", created.id),
                plain("Hint", created.secret_hint),
            )
        ),
        note="The secret is shown this once: copy it now. It is hidden until revealed.",
    )


class AuthorizationUrlForm(BaseModel):
    """Build the URL that starts an OAuth authorization for the application."""

    redirect_uri: str = Field(
        min_length=1, description="Where the user returns; one of the application's redirect URIs."
    )
    organization_id: str | None = Field(
        default=None, description="Sign in to this organization (optional)."
    )
    state: str | None = Field(default=None, description="An opaque value returned to you.")


def _redirect_prefill(app: Any) -> Mapping[str, Any]:
    uris = list(getattr(app, "redirect_uris", None) or [])
    default = next((u for u in uris if u.default), uris[0] if uris else None)
    return {"redirect_uri": default.uri if default is not None else ""}


async def _authorization_url(workos: Facade, app: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, AuthorizationUrlForm)
    url: str = workos.authentication.get_authorization_url(
        redirect_uri=data.redirect_uri,
        provider="authkit",
        client_id=app.client_id,
        organization_id=data.organization_id,
        state=data.state,
    )
    return ActionResult(
        title=f"Authorization URL for {app.name}",
        entries=(link("URL", url), plain("Client ID", app.client_id)),
        note="Open it in a browser to sign in and authorize the application.",
    )


def _is_oauth(app: Any) -> bool:
    return getattr(app, "application_type", None) == "oauth"


CONNECT_APPLICATIONS = ResourceType(
    key="connect_applications",
    title="Applications",
    singular="application",
    aliases=("applications", "apps", "connect"),
    description="Connect OAuth and machine-to-machine applications.",
    list=service_cursor(lambda w: w.connect_applications.cursor),
    get=service_get(lambda w: w.connect_applications.get),
    create=service_create(lambda w: w.connect_applications.create),
    update=service_update(lambda w: w.connect_applications.update),
    delete=service_delete(lambda w: w.connect_applications.delete),
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
    actions=(
        Action("new_secret", "New client secret", _new_secret),
        Action(
            "authorization_url",
            "Authorization URL",
            _authorization_url,
            input_model=AuthorizationUrlForm,
            prefill=_redirect_prefill,
            mutates=False,
            applies=_is_oauth,
        ),
    ),
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
    list=scoped_cursor(lambda w: w.authorized_applications.organization_cursor, "organization_id"),
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
