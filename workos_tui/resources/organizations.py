"""Organizations: the customers of the application."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Item,
    LazyModel,
    Related,
    ResourceType,
    lookup_or_list,
    service_cursor,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_list_of, format_short_timestamp, format_timestamp
from workos_tui.resources.organization_actions import ORGANIZATION_ACTIONS
from workos_tui.resources.view_links import view_action


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


FORMS = "workos_tui.resources.organization_forms"


async def _create(workos: Facade, form: BaseModel) -> Item:
    """Domains are typed as names; the request carries them as ``domain_data``."""
    from workos_tui.api.models.organizations import OrganizationCreate
    from workos_tui.resources.organization_forms import OrganizationCreateForm

    body = form.to_create() if isinstance(form, OrganizationCreateForm) else form
    assert isinstance(body, OrganizationCreate)
    organization: Item = await workos.organizations.create(body)
    return organization


async def _update(workos: Facade, organization_id: str, form: BaseModel) -> Item:
    """Domains the organization keeps keep their state; new ones get the form's state."""
    from workos_tui.api.models.organizations import OrganizationUpdate
    from workos_tui.resources.organization_forms import OrganizationUpdateForm

    body = form
    if isinstance(form, OrganizationUpdateForm):
        current = None
        if "domains" in form.model_fields_set:
            current = await workos.organizations.get(organization_id)
        body = form.to_update(current)
    assert isinstance(body, OrganizationUpdate)
    organization: Item = await workos.organizations.update(organization_id, body)
    return organization


def _edit_prefill(organization: Any) -> Mapping[str, Any]:
    from workos_tui.resources.organization_forms import edit_prefill

    return edit_prefill(organization)


ORGANIZATIONS = ResourceType(
    key="organizations",
    title="Organizations",
    singular="organization",
    aliases=("orgs", "org", "organisation", "organisations"),
    description="Customers of the application, with their domains.",
    list=lookup_or_list(
        service_cursor(lambda w: w.organizations.cursor),
        "external_id",
        lambda w: w.organizations.get_by_external_id,
    ),
    get=service_get(lambda w: w.organizations.get),
    create=_create,
    update=_update,
    delete=service_delete(lambda w: w.organizations.delete),
    create_model=LazyModel(FORMS, "OrganizationCreateForm"),
    update_model=LazyModel(FORMS, "OrganizationUpdateForm"),
    edit_prefill=_edit_prefill,
    columns=(
        Column("name", "Name", width=28),
        Column("id", "ID", width=30),
        Column("domains", "Domains", width=30, formatter=format_list_of("domain")),
        Column("created_at", "Created (UTC)", width=17, formatter=format_short_timestamp),
    ),
    search_param="search",
    filters=(
        Filter("domains", "Domains", kind="multi", placeholder="domains (a.com, b.com)"),
        Filter("external_id", "External ID", placeholder="your id for it (looks up one)"),
    ),
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
        Related("Groups", "groups", "organization_id", _id),
        Related("Roles", "organization_roles", "organization_id", _id),
        Related("Authorization resources", "authorization_resources", "organization_id", _id),
    ),
    actions=(*ORGANIZATION_ACTIONS, view_action("xray", "X-ray (health check)", "xray")),
    name_field="name",
    dashboard_path="organizations/{id}",
)
