"""Organization memberships: add, change role, deactivate, reactivate, remove."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    api_model,
    service_action,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_list_of, format_short_timestamp, format_timestamp
from workos_tui.resources.membership_actions import MEMBERSHIP_ACTIONS

MEMBERSHIP_STATUSES = ("active", "inactive", "pending")


def _scope_prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {key: scope[key] for key in ("user_id", "organization_id") if key in scope}


MEMBERSHIPS = ResourceType(
    key="memberships",
    title="Memberships",
    singular="membership",
    aliases=("organization_memberships",),
    top_level=False,
    scope_params=("user_id", "organization_id"),
    list=service_cursor(lambda w: w.organization_memberships.cursor),
    get=service_get(lambda w: w.organization_memberships.get),
    create=service_create(lambda w: w.organization_memberships.create),
    update=service_update(lambda w: w.organization_memberships.update),
    delete=service_delete(lambda w: w.organization_memberships.delete),
    create_model=api_model("memberships", "OrganizationMembershipCreate"),
    update_model=api_model("memberships", "OrganizationMembershipUpdate"),
    create_prefill=_scope_prefill,
    columns=(
        Column("organization_name", "Organization", width=22),
        Column("user.email", "User", width=28),
        Column("role.slug", "Role", width=10),
        Column("status", "Status", width=9),
        Column("id", "ID", width=30),
        Column("created_at", "Since (UTC)", width=17, formatter=format_short_timestamp),
    ),
    filters=(
        Filter("statuses", "Statuses", kind="multi", placeholder="statuses (active, inactive)"),
        Filter("user_id", "User", placeholder="user id (user_…)"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
    ),
    sections=(
        DetailSection(
            "Membership",
            (
                DetailField("ID", "id"),
                DetailField("Status", "status"),
                DetailField("Role", "role.slug"),
                DetailField("Roles", "roles", format_list_of("slug")),
                DetailField("Directory managed", "directory_managed"),
                DetailField("User", "user_id"),
                DetailField("Organization", "organization_id"),
                DetailField("Organization name", "organization_name"),
                DetailField("Custom attributes", "custom_attributes"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("User", "users", "id", lambda m: m.user_id),
        Related("Organization", "organizations", "id", lambda m: m.organization_id),
        # Declared in role_assignments (an extension area, registered once it is loaded).
        Related(
            "Role assignments",
            "membership_role_assignments",
            "organization_membership_id",
            lambda m: m.id,
        ),
    ),
    actions=(
        Action(
            "deactivate",
            "Deactivate membership",
            service_action(lambda w: w.organization_memberships.deactivate),
            confirm=True,
            applies=lambda m: getattr(m, "status", None) == "active",
        ),
        Action(
            "reactivate",
            "Reactivate membership",
            service_action(lambda w: w.organization_memberships.reactivate),
            applies=lambda m: getattr(m, "status", None) == "inactive",
        ),
        *MEMBERSHIP_ACTIONS,
    ),
    name_field="id",
)
