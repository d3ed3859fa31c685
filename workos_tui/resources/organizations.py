"""Organizations: the customers of the application."""

from __future__ import annotations

from typing import Any

from workos_tui.api.models.organizations import OrganizationCreate, OrganizationUpdate
from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Item,
    Related,
    ResourceType,
    service_cursor,
)
from workos_tui.resources.formatting import format_list_of, format_timestamp


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


async def _get(workos: Facade, item_id: str) -> Item:
    organization: Item = await workos.organizations.get(item_id)
    return organization


async def _create(workos: Facade, model: Any) -> Item:
    organization: Item = await workos.organizations.create(model)
    return organization


async def _update(workos: Facade, item_id: str, model: Any) -> Item:
    organization: Item = await workos.organizations.update(item_id, model)
    return organization


async def _delete(workos: Facade, item_id: str) -> None:
    await workos.organizations.delete(item_id)


ORGANIZATIONS = ResourceType(
    key="organizations",
    title="Organizations",
    singular="organization",
    aliases=("orgs", "org", "organisation", "organisations"),
    description="Customers of the application, with their domains.",
    list=service_cursor("organizations"),
    get=_get,
    create=_create,
    update=_update,
    delete=_delete,
    create_model=OrganizationCreate,
    update_model=OrganizationUpdate,
    columns=(
        Column("name", "Name", width=28),
        Column("id", "ID", width=30),
        Column("domains", "Domains", width=30, formatter=format_list_of("domain")),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
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
