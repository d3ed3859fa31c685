"""Permissions, and the authorization resources roles are assigned on."""

from __future__ import annotations

from typing import Any

from workos_tui.api.models.authorization import (
    AuthorizationResourceCreate,
    AuthorizationResourceUpdate,
    PermissionCreate,
    PermissionUpdate,
)
from workos_tui.resources.access import RESOURCE_CHECK
from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    service_create,
    service_cursor,
    service_delete,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.role_assignments import RESOURCE_LINK

PERMISSIONS = ResourceType(
    key="permissions",
    title="Permissions",
    singular="permission",
    aliases=("perms",),
    description="What roles can grant (users:read, billing:manage, …).",
    list=service_cursor(lambda w: w.permissions.cursor),
    get=service_get(lambda w: w.permissions.get),
    create=service_create(lambda w: w.permissions.create),
    update=service_update(lambda w: w.permissions.update),
    delete=service_delete(lambda w: w.permissions.delete),
    create_model=PermissionCreate,
    update_model=PermissionUpdate,
    columns=(
        Column("slug", "Slug", width=24),
        Column("name", "Name", width=28),
        Column("resource_type_slug", "Resource type", width=16),
        Column("system", "System", width=7),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Permission",
            (
                DetailField("Slug", "slug"),
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("Description", "description"),
                DetailField("Resource type", "resource_type_slug"),
                DetailField("System", "system"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    id_field="slug",
    name_field="slug",
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


AUTHORIZATION_RESOURCES = ResourceType(
    key="authorization_resources",
    title="Authorization resources",
    singular="authorization resource",
    aliases=("authz_resources", "resources"),
    description="Workspaces, projects, … that roles are assigned on, as trees per organization.",
    list=service_cursor(lambda w: w.authorization_resources.cursor),
    get=service_get(lambda w: w.authorization_resources.get),
    create=service_create(lambda w: w.authorization_resources.create),
    update=service_update(lambda w: w.authorization_resources.update),
    delete=service_delete(lambda w: w.authorization_resources.delete),
    create_model=AuthorizationResourceCreate,
    update_model=AuthorizationResourceUpdate,
    columns=(
        Column("name", "Name", width=24),
        Column("resource_type_slug", "Type", width=14),
        Column("external_id", "External ID", width=20),
        Column("organization_id", "Organization", width=30),
        Column("id", "ID", width=40),
    ),
    filters=(
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
        Filter("resource_type_slug", "Type", placeholder="resource type (project)"),
        Filter("parent_resource_id", "Parent", placeholder="parent resource id"),
    ),
    sections=(
        DetailSection(
            "Resource",
            (
                DetailField("Name", "name"),
                DetailField("ID", "id"),
                DetailField("External ID", "external_id"),
                DetailField("Type", "resource_type_slug"),
                DetailField("Description", "description"),
                DetailField("Organization", "organization_id"),
                DetailField("Parent", "parent_resource_id"),
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("Children", "authorization_resources", "parent_resource_id", _id),
        Related("Organization", "organizations", "id", lambda r: r.organization_id),
        RESOURCE_LINK,
    ),
    actions=(RESOURCE_CHECK,),
    name_field="name",
)
