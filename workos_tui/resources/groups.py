"""Groups of an organization's members, a group's members, and a membership's groups."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.groups import GroupCreate, GroupMemberAdd, GroupUpdate
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
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.group_roles import GROUP_ROLE_ACTIONS
from workos_tui.resources.role_assignments import GROUP_LINK, MEMBERSHIP_LINK
from workos_tui.resources.scoped import SCOPED_KEY, SEPARATOR, KeyedSource, fan_out, split_key
from workos_tui.resources.sources import PageSource

GROUP_COLUMNS = (
    Column("name", "Name", width=24),
    Column("description", "Description", width=30),
    Column("id", "ID", width=32),
    Column("created_at", "Created", width=20, formatter=format_timestamp),
)
GROUP_SECTIONS = (
    DetailSection(
        "Group",
        (
            DetailField("Name", "name"),
            DetailField("ID", "id"),
            DetailField("Description", "description"),
            DetailField("Organization", "organization_id"),
            DetailField("Created", "created_at", format_timestamp),
            DetailField("Updated", "updated_at", format_timestamp),
        ),
    ),
)


class GroupForm(GroupCreate):
    """A group in the organization being browsed."""

    organization_id: str = Field(min_length=1, description="The organization of the group.")


def _list_of_organization(workos: Facade, request: ListRequest) -> PageSource:
    organization_id = str(request.filters["organization_id"])
    source = workos.groups.cursor(organization_id, limit=request.limit, order=request.order)
    return KeyedSource(source, organization_id, "id")


_list = fan_out(_list_of_organization, "organization_id", lambda w: w.organizations.cursor)
"""One organization's groups from its row; every organization's from the sidebar."""


async def _get(workos: Facade, key: str) -> Item:
    group: Item = await workos.groups.get(*split_key(key))
    return group


async def _create(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, GroupForm)
    body = GroupCreate(**model.model_dump(exclude={"organization_id"}))
    group: Item = await workos.groups.create(model.organization_id, body)
    return group


async def _update(workos: Facade, key: str, model: BaseModel) -> Item:
    assert isinstance(model, GroupUpdate)
    group: Item = await workos.groups.update(*split_key(key), model)
    return group


async def _delete(workos: Facade, key: str) -> None:
    await workos.groups.delete(*split_key(key))


async def _add_member(workos: Facade, group: Any, data: BaseModel | None) -> Item:
    assert isinstance(data, GroupMemberAdd)
    updated: Item = await workos.groups.add_member(
        group.organization_id, group.id, data.organization_membership_id
    )
    return updated


def _prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"organization_id": scope.get("organization_id", "")}


GROUPS = ResourceType(
    key="groups",
    title="Groups",
    singular="group",
    aliases=("group",),
    filters=(Filter("organization_id", "Organization", placeholder="organization id (org_…)"),),
    description="Groups of an organization's members; roles given to a group apply to them.",
    scope_params=("organization_id",),
    list=_list,
    get=_get,
    create=_create,
    update=_update,
    delete=_delete,
    create_model=GroupForm,
    update_model=GroupUpdate,
    create_prefill=_prefill,
    columns=GROUP_COLUMNS,
    sections=GROUP_SECTIONS,
    related=(
        Related("Members", "group_members", "group", lambda g: getattr(g, SCOPED_KEY, None)),
        Related("Organization", "organizations", "id", lambda g: g.organization_id),
        GROUP_LINK,
    ),
    actions=(
        Action("add_member", "Add a member", _add_member, input_model=GroupMemberAdd),
        *GROUP_ROLE_ACTIONS,
    ),
    id_field=SCOPED_KEY,
    name_field="name",
)


def _list_members(workos: Facade, request: ListRequest) -> PageSource:
    group_key = str(request.filters["group"])
    org, group = split_key(group_key)
    source = workos.groups.members_cursor(org, group, limit=request.limit, order=request.order)
    return KeyedSource(source, group_key, "id")


async def _remove_member(workos: Facade, key: str) -> None:
    """Rows are keyed ``organization/group/membership``."""
    group_key, _, membership_id = key.rpartition(SEPARATOR)
    await workos.groups.remove_member(*split_key(group_key), membership_id)


GROUP_MEMBERS = ResourceType(
    key="group_members",
    title="Group members",
    singular="member",
    top_level=False,
    scope_params=("group",),
    list=_list_members,
    delete=_remove_member,
    columns=(
        Column("user_id", "User", width=30),
        Column("status", "Status", width=9),
        Column("id", "Membership ID", width=30),
        Column("created_at", "Since", width=20, formatter=format_timestamp),
    ),
    related=(
        Related("Membership", "memberships", "id", lambda m: m.id),
        Related("User", "users", "id", lambda m: m.user_id),
        Related("Groups", "membership_groups", "organization_membership_id", lambda m: m.id),
        MEMBERSHIP_LINK,
    ),
    id_field=SCOPED_KEY,
    name_field="id",
)

MEMBERSHIP_GROUPS = ResourceType(
    key="membership_groups",
    title="Membership groups",
    singular="group",
    top_level=False,
    scope_params=("organization_membership_id",),
    list=scoped_cursor(lambda w: w.groups.membership_cursor, "organization_membership_id"),
    columns=GROUP_COLUMNS,
    sections=GROUP_SECTIONS,
    related=(Related("Organization", "organizations", "id", lambda g: g.organization_id),),
    name_field="name",
)


MEMBERSHIP_RELATED = (
    Related("Groups", "membership_groups", "organization_membership_id", lambda m: m.id),
)
