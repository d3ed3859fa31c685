"""Roles: the environment's roles, an organization's roles, and the permissions of a role."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.authorization import (
    OrganizationRoleCreate,
    RoleCreate,
    RolePermissionAdd,
    RolePermissionsSet,
    RoleUpdate,
)
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
    service_create,
    service_get,
    service_update,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.scoped import (
    SCOPED_KEY,
    SEPARATOR,
    fan_out,
    keyed,
    keyed_one_shot,
    split_key,
)
from workos_tui.resources.sources import OneShotSource, PageSource

ROLE_COLUMNS = (
    Column("name", "Name", width=22),
    Column("slug", "Slug", width=22),
    Column("type", "Type", width=16),
    Column("resource_type_slug", "Applies to", width=14),
    Column("permissions", "Permissions", width=40),
)
ROLE_SECTIONS = (
    DetailSection(
        "Role",
        (
            DetailField("Name", "name"),
            DetailField("Slug", "slug"),
            DetailField("ID", "id"),
            DetailField("Type", "type"),
            DetailField("Description", "description"),
            DetailField("Applies to", "resource_type_slug"),
            DetailField("Permissions", "permissions"),
            DetailField("Created", "created_at", format_timestamp),
            DetailField("Updated", "updated_at", format_timestamp),
        ),
    ),
)


def _list_roles(workos: Facade, _request: ListRequest) -> PageSource:
    async def fetch() -> Sequence[Any]:
        roles: list[Any] = await workos.roles.list()
        return roles

    return OneShotSource(fetch)


async def _add_permission(workos: Facade, role: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, RolePermissionAdd)
    if getattr(role, SCOPED_KEY, None):
        org, slug = split_key(getattr(role, SCOPED_KEY))
        updated: Item = await workos.organization_roles.add_permission(org, slug, data.slug)
    else:
        updated = await workos.roles.add_permission(role.slug, data.slug)
    return updated


async def _set_permissions(workos: Facade, role: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, RolePermissionsSet)
    if getattr(role, SCOPED_KEY, None):
        org, slug = split_key(getattr(role, SCOPED_KEY))
        updated: Item = await workos.organization_roles.set_permissions(org, slug, data.permissions)
    else:
        updated = await workos.roles.set_permissions(role.slug, data.permissions)
    return updated


def _is_custom(role: Any) -> bool:
    return getattr(role, "type", None) == "OrganizationRole"


PERMISSION_ACTIONS = (
    Action("add_permission", "Add a permission", _add_permission, input_model=RolePermissionAdd),
    Action(
        "set_permissions",
        "Set permissions",
        _set_permissions,
        input_model=RolePermissionsSet,
        prefill=lambda role: {"permissions": list(role.permissions)},
    ),
)


def _slug(role: Any) -> str | None:
    return getattr(role, "slug", None)


ROLES = ResourceType(
    key="roles",
    title="Roles",
    singular="role",
    aliases=("environment_roles",),
    description="The environment's roles and the permissions they grant.",
    list=_list_roles,
    get=service_get(lambda w: w.roles.get),
    create=service_create(lambda w: w.roles.create),
    update=service_update(lambda w: w.roles.update),
    create_model=RoleCreate,
    update_model=RoleUpdate,
    supports_order=False,
    columns=ROLE_COLUMNS,
    sections=ROLE_SECTIONS,
    related=(Related("Permissions", "role_permissions", "role_slug", _slug),),
    actions=PERMISSION_ACTIONS,
    id_field="slug",
    name_field="slug",
)


# -- organization roles ------------------------------------------------------------------------


class OrganizationRoleForm(OrganizationRoleCreate):
    """A custom role for the organization being browsed."""

    organization_id: str = Field(min_length=1, description="The organization the role is for.")


async def _list_org_roles(workos: Facade, organization_id: str) -> Sequence[Any]:
    roles: list[Any] = await workos.organization_roles.list(organization_id)
    return roles


async def _get_org_role(workos: Facade, key: str) -> Item:
    org, slug = split_key(key)
    role: Item = await workos.organization_roles.get(org, slug)
    return role


async def _create_org_role(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, OrganizationRoleForm)
    body = OrganizationRoleCreate(**model.model_dump(exclude={"organization_id"}))
    role: Item = await workos.organization_roles.create(model.organization_id, body)
    return role


async def _update_org_role(workos: Facade, key: str, model: BaseModel) -> Item:
    org, slug = split_key(key)
    assert isinstance(model, RoleUpdate)
    role: Item = await workos.organization_roles.update(org, slug, model)
    return role


async def _delete_org_role(workos: Facade, key: str) -> None:
    org, slug = split_key(key)
    await workos.organization_roles.delete(org, slug)


def _org_prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"organization_id": scope.get("organization_id", "")}


ORGANIZATION_ROLES = ResourceType(
    key="organization_roles",
    title="Organization roles",
    singular="organization role",
    aliases=("org_roles", "custom_roles"),
    filters=(Filter("organization_id", "Organization", placeholder="organization id (org_…)"),),
    description="Roles that apply to one organization: the environment's and its custom roles.",
    scope_params=("organization_id",),
    supports_order=False,
    list=fan_out(
        keyed_one_shot("organization_id", "slug", _list_org_roles),
        "organization_id",
        lambda w: w.organizations.cursor,
    ),
    get=_get_org_role,
    create=_create_org_role,
    update=_update_org_role,
    delete=_delete_org_role,
    create_model=OrganizationRoleForm,
    update_model=RoleUpdate,
    create_prefill=_org_prefill,
    columns=ROLE_COLUMNS,
    sections=ROLE_SECTIONS,
    related=(
        Related("Permissions", "role_permissions", "role_slug", lambda r: getattr(r, SCOPED_KEY)),
    ),
    actions=tuple(
        Action(
            a.key, a.title, a.run, input_model=a.input_model, prefill=a.prefill, applies=_is_custom
        )
        for a in PERMISSION_ACTIONS
    ),
    id_field=SCOPED_KEY,
    name_field="slug",
)


# -- a role's permissions ----------------------------------------------------------------------


def _list_role_permissions(workos: Facade, request: ListRequest) -> PageSource:
    """The role is a slug (environment role) or a scoped key (an organization's role)."""
    key = str(request.filters["role_slug"])

    async def fetch() -> Sequence[Any]:
        if "/" in key:
            role = await workos.organization_roles.get(*split_key(key))
        else:
            role = await workos.roles.get(key)
        wanted = set(role.permissions)
        return [
            keyed(p, key, "slug")
            async for p in workos.permissions.iterate(limit=100)
            if p.slug in wanted
        ]

    return OneShotSource(fetch)


async def _remove_from_role(workos: Facade, key: str) -> None:
    """Rows are keyed ``role/permission`` (an organization's role is ``organization/role``)."""
    role_key, _, permission = key.rpartition(SEPARATOR)
    if SEPARATOR in role_key:
        await workos.organization_roles.remove_permission(*split_key(role_key), permission)
        return
    role = await workos.roles.get(role_key)
    kept = [slug for slug in role.permissions if slug != permission]
    await workos.roles.set_permissions(role_key, kept)


ROLE_PERMISSIONS = ResourceType(
    key="role_permissions",
    title="Role permissions",
    singular="permission",
    top_level=False,
    scope_params=("role_slug",),
    supports_order=False,
    list=_list_role_permissions,
    delete=_remove_from_role,
    columns=(
        Column("slug", "Slug", width=24),
        Column("name", "Name", width=28),
        Column("resource_type_slug", "Resource type", width=16),
    ),
    related=(Related("Permission", "permissions", "slug", _slug),),
    id_field=SCOPED_KEY,
    name_field="slug",
)
