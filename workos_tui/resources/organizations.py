"""Organizations: the customers of the application."""

from __future__ import annotations

from typing import Any

from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    api_model,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_list_of, format_short_timestamp, format_timestamp


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


ORGANIZATIONS = ResourceType(
    key="organizations",
    title="Organizations",
    singular="organization",
    aliases=("orgs", "org", "organisation", "organisations"),
    description="Customers of the application, with their domains.",
    list=service_cursor("organizations"),
    get=service_get("organizations"),
    create=service_create("organizations"),
    update=service_update("organizations"),
    delete=service_delete("organizations"),
    create_model=api_model("organizations", "OrganizationCreate"),
    update_model=api_model("organizations", "OrganizationUpdate"),
    columns=(
        Column("name", "Name", width=28),
        Column("id", "ID", width=30),
        Column("domains", "Domains", width=30, formatter=format_list_of("domain")),
        Column("created_at", "Created (UTC)", width=17, formatter=format_short_timestamp),
    ),
    search_param="search",
    filters=(Filter("domains", "Domains", kind="multi", placeholder="domains (a.com, b.com)"),),
    sections=(
        DetailSection(
            "Organization",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("External ID", "external_id"),
                DetailField("Stripe customer", "stripe_customer_id"),
                DetailField("Outside profiles", "allow_profiles_outside_organization"),
                DetailField("Metadata", "metadata"),
            ),
        ),
        DetailSection(
            "Domains",
            (
                DetailField("Domains", "domains", format_list_of("domain")),
                DetailField("States", "domains", format_list_of("state")),
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
    related=(
        Related("Domains", "domains", "organization_id", _id),
        Related("Memberships", "memberships", "organization_id", _id),
        Related("SSO connections", "connections", "organization_id", _id),
        Related("Directories", "directories", "organization_id", _id),
        Related("Users", "users", "organization_id", _id),
        Related("Invitations", "invitations", "organization_id", _id),
    ),
    name_field="name",
    dashboard_path="organizations/{id}",
)
