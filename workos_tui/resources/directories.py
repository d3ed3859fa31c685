"""Directory Sync: directories, and their users and groups with raw attributes."""

from __future__ import annotations

from typing import Any

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
from workos_tui.resources.formatting import (
    format_json_block,
    format_list_of,
    format_short_timestamp,
    format_timestamp,
)
from workos_tui.resources.view_links import view_action


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


DIRECTORIES = ResourceType(
    key="directories",
    title="Directories",
    singular="directory",
    aliases=("dirs", "directory", "dsync"),
    description="Directory Sync connections (SCIM, Google Workspace, …).",
    list=service_cursor(lambda w: w.directories.cursor),
    get=service_get(lambda w: w.directories.get),
    delete=service_delete(lambda w: w.directories.delete),
    columns=(
        Column("name", "Name", width=26),
        Column("type", "Type", width=18),
        Column("state", "State", width=10),
        Column("organization_id", "Organization", width=22),
        Column("domain", "Domain", width=22),
        Column("id", "ID", width=30),
    ),
    search_param="search",
    filters=(
        Filter("domain", "Domain", placeholder="domain"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
    ),
    sections=(
        DetailSection(
            "Directory",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Type", "type"),
                DetailField("State", "state"),
                DetailField("Domain", "domain"),
                DetailField("Organization", "organization_id"),
                DetailField("External key", "external_key"),
                DetailField("Active users", "metadata.users.active"),
                DetailField("Inactive users", "metadata.users.inactive"),
                DetailField("Groups", "metadata.groups"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("Users", "directory_users", "directory", _id),
        Related("Groups", "directory_groups", "directory", _id),
        Related("Organization", "organizations", "id", lambda d: d.organization_id),
    ),
    actions=(view_action("debug", "Debug (directory sync debugger)", "directory-debugger"),),
    name_field="name",
    dashboard_path="directory-sync/{id}",
)


DIRECTORY_USERS = ResourceType(
    key="directory_users",
    title="Directory users",
    singular="directory user",
    top_level=False,
    scope_params=("directory", "group"),
    list=service_cursor(lambda w: w.directory_users.cursor),
    get=service_get(lambda w: w.directory_users.get),
    columns=(
        Column("email", "Email", width=30),
        Column("first_name", "First", width=12),
        Column("last_name", "Last", width=14),
        Column("state", "State", width=9),
        Column("idp_id", "IdP id", width=16),
        Column("id", "ID", width=30),
    ),
    filters=(
        Filter("email", "Email", placeholder="email"),
        Filter("idp_id", "IdP id", placeholder="IdP id"),
    ),
    sections=(
        DetailSection(
            "Directory user",
            (
                DetailField("Email", "email"),
                DetailField("First name", "first_name"),
                DetailField("Last name", "last_name"),
                DetailField("Username", "username"),
                DetailField("Job title", "job_title"),
                DetailField("State", "state"),
                DetailField("Role", "role.slug"),
                DetailField("Groups", "groups", format_list_of("name")),
                DetailField("ID", "id"),
                DetailField("IdP id", "idp_id"),
                DetailField("Directory", "directory_id"),
                DetailField("Created", "created_at", format_timestamp),
            ),
        ),
        DetailSection(
            "Attributes",
            (
                DetailField("Custom", "custom_attributes", format_json_block),
                DetailField("Raw", "raw_attributes", format_json_block),
            ),
        ),
    ),
    related=(
        Related("Groups", "directory_groups", "user", _id),
        Related("Directory", "directories", "id", lambda u: u.directory_id),
    ),
    name_field="email",
)


DIRECTORY_GROUPS = ResourceType(
    key="directory_groups",
    title="Directory groups",
    singular="directory group",
    top_level=False,
    scope_params=("directory", "user"),
    list=service_cursor(lambda w: w.directory_groups.cursor),
    get=service_get(lambda w: w.directory_groups.get),
    columns=(
        Column("name", "Name", width=30),
        Column("idp_id", "IdP id", width=20),
        Column("id", "ID", width=32),
        Column("created_at", "Created (UTC)", width=17, formatter=format_short_timestamp),
    ),
    sections=(
        DetailSection(
            "Directory group",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("IdP id", "idp_id"),
                DetailField("Directory", "directory_id"),
                DetailField("Organization", "organization_id"),
                DetailField("Created", "created_at", format_timestamp),
            ),
        ),
        DetailSection("Attributes", (DetailField("Raw", "raw_attributes", format_json_block),)),
    ),
    related=(
        Related("Users", "directory_users", "group", _id),
        Related("Directory", "directories", "id", lambda g: g.directory_id),
    ),
    name_field="name",
)
