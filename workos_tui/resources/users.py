"""AuthKit users, with their sessions and linked identities."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    ListRequest,
    Related,
    ResourceType,
    api_model,
    lookup_or_list,
    scoped_cursor,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_short_timestamp, format_timestamp
from workos_tui.resources.sources import OneShotSource, PageSource
from workos_tui.resources.user_actions import SESSION_ACTIONS, USER_ACTIONS


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


def _user_id(item: Any) -> str | None:
    return getattr(item, "user_id", None)


USERS = ResourceType(
    key="users",
    title="Users",
    singular="user",
    aliases=("user", "people"),
    description="AuthKit users.",
    list=lookup_or_list(
        service_cursor(lambda w: w.users.cursor),
        "external_id",
        lambda w: w.users.get_by_external_id,
    ),
    get=service_get(lambda w: w.users.get),
    create=service_create(lambda w: w.users.create),
    update=service_update(lambda w: w.users.update),
    delete=service_delete(lambda w: w.users.delete),
    create_model=api_model("users", "UserCreate"),
    update_model=api_model("users", "UserUpdate"),
    columns=(
        Column("email", "Email", width=32),
        Column("name", "Name", width=22),
        Column("email_verified", "Verified", width=8),
        Column("id", "ID", width=30),
        Column("created_at", "Created (UTC)", width=17, formatter=format_short_timestamp),
    ),
    filters=(
        Filter("email", "Email", placeholder="exact email"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
        Filter("external_id", "External ID", placeholder="your id for them (looks up one)"),
    ),
    sections=(
        DetailSection(
            "User",
            (
                DetailField("Email", "email"),
                DetailField("Verified", "email_verified"),
                DetailField("Name", "name"),
                DetailField("First name", "first_name"),
                DetailField("Last name", "last_name"),
                DetailField("ID", "id"),
                DetailField("External ID", "external_id"),
                DetailField("Locale", "locale"),
                DetailField("Metadata", "metadata"),
            ),
        ),
        DetailSection(
            "Activity",
            (
                DetailField("Last sign-in", "last_sign_in_at", format_timestamp),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("Memberships", "memberships", "user_id", _id),
        Related("Identities", "identities", "user_id", _id),
        Related("Sessions", "sessions", "user_id", _id),
        Related("Invitations", "invitations", "email", lambda user: user.email),
        Related("MFA factors", "auth_factors", "user_id", _id),
    ),
    actions=USER_ACTIONS,
    name_field="email",
    dashboard_path="users/{id}",
)


SESSIONS = ResourceType(
    key="sessions",
    title="Sessions",
    singular="session",
    top_level=False,
    scope_params=("user_id",),
    list=scoped_cursor(lambda w: w.users.sessions_cursor, "user_id"),
    columns=(
        Column("status", "Status", width=9),
        Column("auth_method", "Method", width=12),
        Column("ip_address", "IP", width=16),
        Column("created_at", "Started (UTC)", width=17, formatter=format_short_timestamp),
        Column("expires_at", "Expires (UTC)", width=17, formatter=format_short_timestamp),
        Column("id", "ID", width=30),
    ),
    sections=(
        DetailSection(
            "Session",
            (
                DetailField("ID", "id"),
                DetailField("Status", "status"),
                DetailField("Method", "auth_method"),
                DetailField("IP address", "ip_address"),
                DetailField("User agent", "user_agent"),
                DetailField("Organization", "organization_id"),
                DetailField("Impersonator", "impersonator.email"),
                DetailField("Started", "created_at", format_timestamp),
                DetailField("Expires", "expires_at", format_timestamp),
                DetailField("Ended", "ended_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("User", "users", "id", _user_id),),
    actions=SESSION_ACTIONS,
)


def _list_identities(workos: Facade, request: ListRequest) -> PageSource:
    user_id = str(request.filters["user_id"])

    async def fetch() -> Sequence[Any]:
        identities: list[Any] = await workos.users.list_identities(user_id)
        return identities

    return OneShotSource(fetch)


IDENTITIES = ResourceType(
    key="identities",
    title="Identities",
    singular="identity",
    top_level=False,
    supports_order=False,
    scope_params=("user_id",),
    id_field="idp_id",
    list=_list_identities,
    columns=(
        Column("provider", "Provider", width=20),
        Column("type", "Type", width=12),
        Column("idp_id", "IdP id", width=40),
    ),
)
