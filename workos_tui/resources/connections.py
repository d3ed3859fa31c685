"""SSO connections: filter by type, state, domain and organization."""

from __future__ import annotations

from typing import get_args

from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    service_cursor,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_list_of, format_timestamp
from workos_tui.resources.view_links import view_action


def _literal_choices(name: str) -> tuple[str, ...]:
    """The values of one of the SSO models' Literal types (imported on first use)."""
    from workos_tui.api.models import sso

    return tuple(str(choice) for choice in get_args(getattr(sso, name)))


CONNECTIONS = ResourceType(
    key="connections",
    title="SSO connections",
    singular="connection",
    aliases=("sso", "connection"),
    description="Single sign-on connections of organizations.",
    list=service_cursor(lambda w: w.connections.cursor),
    get=service_get(lambda w: w.connections.get),
    delete=service_delete(lambda w: w.connections.delete),
    columns=(
        Column("name", "Name", width=26),
        Column("connection_type", "Type", width=16),
        Column("state", "State", width=10),
        Column("organization_id", "Organization", width=22),
        Column("domains", "Domains", width=24, formatter=format_list_of("domain")),
        Column("id", "ID", width=30),
    ),
    search_param="search",
    filters=(
        Filter(
            "connection_type",
            "Type",
            kind="select",
            choices=lambda: _literal_choices("ConnectionTypeFilter"),
        ),
        Filter(
            "state",
            "State",
            kind="select",
            choices=lambda: _literal_choices("ConnectionState"),
            server=False,
        ),
        Filter("domain", "Domain", placeholder="domain"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
    ),
    sections=(
        DetailSection(
            "Connection",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Type", "connection_type"),
                DetailField("State", "state"),
                DetailField("Status", "status"),
                DetailField("Domains", "domains", format_list_of("domain")),
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
    related=(Related("Organization", "organizations", "id", lambda c: c.organization_id),),
    actions=(view_action("debug", "Debug (SSO debugger)", "sso-debugger"),),
    name_field="name",
    dashboard_path="sso/connections/{id}",
)
