"""Role assignments: the roles a membership (or a group) holds on the organization or on a
resource, one key away from the membership, the group or the resource.

The API scopes a member's assignments by organization membership
(``/authorization/organization_memberships/{id}/role_assignments``) and a group's by group;
a resource lists the assignments made on it. Rows are keyed ``owner/assignment`` so that
unassigning (delete) can name both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from workos_tui.api.models.authorization import GroupRoleAssignmentCreate, RoleAssignmentCreate
from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Facade,
    Filter,
    Item,
    ListRequest,
    Related,
    ResourceType,
)
from workos_tui.resources.formatting import format_short_timestamp, format_timestamp
from workos_tui.resources.scoped import SCOPED_KEY, KeyedSource, keyed, split_key
from workos_tui.resources.sources import PageSource

MEMBERSHIP = "organization_membership_id"
ORGANIZATION_TYPE = "organization"


def _is_organization(assignment: Any) -> bool:
    return bool(assignment.resource.resource_type_slug == ORGANIZATION_TYPE)


COLUMNS = (
    Column("role.slug", "Role", width=18),
    Column("resource.resource_type_slug", "On", width=14),
    Column("resource.external_id", "Resource", width=22),
    Column("source.type", "Source", width=8),
    Column("resource.id", "Resource ID", width=30),
    Column("created_at", "Since (UTC)", width=17, formatter=format_short_timestamp),
)
SECTIONS = (
    DetailSection(
        "Role assignment",
        (
            DetailField("ID", "id"),
            DetailField("Role", "role.slug"),
            DetailField("Membership", MEMBERSHIP),
            DetailField("Group", "group_id"),
            DetailField("Source", "source.type"),
            DetailField("From group assignment", "source.group_role_assignment_id"),
        ),
    ),
    DetailSection(
        "Resource",
        (
            DetailField("Type", "resource.resource_type_slug"),
            DetailField("ID", "resource.id"),
            DetailField("External ID", "resource.external_id"),
        ),
    ),
    DetailSection(
        "Timestamps",
        (
            DetailField("Created", "created_at", format_timestamp),
            DetailField("Updated", "updated_at", format_timestamp),
        ),
    ),
)
TARGET_FILTERS = (Filter("resource_id", "Resource", placeholder="resource id (authz_resource_…)"),)


def _resource_link(assignment: Any) -> str | None:
    return None if _is_organization(assignment) else assignment.resource.id


# -- the form ----------------------------------------------------------------------------------


class _TargetForm(BaseModel):
    """Role and target; without a target the role applies to the whole organization."""

    model_config = ConfigDict(extra="forbid")

    role_slug: str = Field(min_length=1, description="The role to assign (e.g. admin).")
    resource_id: str | None = Field(
        default=None, description="The resource; leave empty for the whole organization."
    )
    resource_external_id: str | None = Field(
        default=None, description="Or the resource's external id (with its type)."
    )
    resource_type_slug: str | None = Field(
        default=None, description="The resource's type (with its external id)."
    )

    target_fields: ClassVar[tuple[str, ...]] = (
        "role_slug",
        "resource_id",
        "resource_external_id",
        "resource_type_slug",
    )

    @model_validator(mode="after")
    def _one_target(self) -> Self:
        external, type_slug = self.resource_external_id, self.resource_type_slug
        if self.resource_id is not None and (external is not None or type_slug is not None):
            raise PydanticCustomError(
                "target", "give the resource id, or its external id and type — not both"
            )
        if (external is None) != (type_slug is None):
            raise PydanticCustomError(
                "target", "the resource's external id and its type go together"
            )
        return self

    def target(self, organization_id: str) -> RoleAssignmentCreate:
        fields = self.model_dump(include=set(self.target_fields))
        by_external = self.resource_external_id is not None
        if self.resource_id is None and not by_external:
            fields["resource_id"] = organization_id
        return RoleAssignmentCreate(**fields)


class RoleAssignmentForm(_TargetForm):
    """Assign a role to an organization membership."""

    organization_membership_id: str = Field(
        min_length=1, description="The membership (om_…) that gets the role."
    )


class GroupRoleAssignmentForm(_TargetForm):
    """Assign a role to a group; its members inherit it."""

    group_id: str = Field(min_length=1, description="The group (group_…) that gets the role.")


# -- an organization membership's assignments --------------------------------------------------


class _ByMembership:
    """Rows keyed ``membership/assignment`` (each row names its own membership)."""

    def __init__(self, source: PageSource) -> None:
        self._source = source

    @property
    def has_more(self) -> bool:
        return self._source.has_more

    async def next_page(self) -> Sequence[Any]:
        rows = await self._source.next_page()
        return [keyed(row, row.organization_membership_id, "id") for row in rows]


def _list_for_membership(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    membership_id = str(filters.pop(MEMBERSHIP))
    cursor = workos.role_assignments.cursor(
        membership_id, limit=request.limit, order=request.order, **filters
    )
    return _ByMembership(cursor)


async def _assign(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, RoleAssignmentForm)
    membership_id = model.organization_membership_id
    membership = await workos.organization_memberships.get(membership_id)
    body = model.target(membership.organization_id)
    assignment: Item = await workos.role_assignments.assign(membership_id, body)
    return keyed(assignment, membership_id, "id")


async def _unassign(workos: Facade, key: str) -> None:
    await workos.role_assignments.remove_by_id(*split_key(key))


def _membership_prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {key: scope[key] for key in (MEMBERSHIP, "resource_id") if key in scope}


MEMBERSHIP_ROLE_ASSIGNMENTS = ResourceType(
    key="membership_role_assignments",
    title="Role assignments",
    singular="role assignment",
    aliases=("role_assignments", "assignments"),
    description="Roles a member holds on the organization and its resources; n assigns one.",
    top_level=False,
    scope_params=(MEMBERSHIP,),
    list=_list_for_membership,
    create=_assign,
    delete=_unassign,
    create_model=RoleAssignmentForm,
    create_prefill=_membership_prefill,
    columns=COLUMNS,
    filters=TARGET_FILTERS,
    sections=SECTIONS,
    related=(
        Related("Membership", "memberships", "id", lambda a: a.organization_membership_id),
        Related("Resource", "authorization_resources", "id", _resource_link),
    ),
    id_field=SCOPED_KEY,
    name_field="role.slug",
)


# -- the assignments made on a resource ----------------------------------------------------------


def _list_for_resource(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    resource_id = str(filters.pop("resource_id"))
    cursor = workos.authorization_resources.role_assignments_cursor(
        resource_id, limit=request.limit, order=request.order, **filters
    )
    return _ByMembership(cursor)


RESOURCE_ROLE_ASSIGNMENTS = ResourceType(
    key="resource_role_assignments",
    title="Role assignments",
    singular="role assignment",
    aliases=("resource_assignments",),
    description="Who holds which role on a resource; n assigns one to a membership.",
    top_level=False,
    scope_params=("resource_id",),
    list=_list_for_resource,
    create=_assign,
    delete=_unassign,
    create_model=RoleAssignmentForm,
    create_prefill=_membership_prefill,
    columns=(Column(MEMBERSHIP, "Membership", width=30), *COLUMNS[:2], *COLUMNS[3:]),
    filters=(Filter("role_slug", "Role", placeholder="role slug (admin)"),),
    sections=SECTIONS,
    related=(Related("Membership", "memberships", "id", lambda a: a.organization_membership_id),),
    id_field=SCOPED_KEY,
    name_field="role.slug",
)


# -- a group's assignments -----------------------------------------------------------------------


def _list_for_group(workos: Facade, request: ListRequest) -> PageSource:
    group_id = str(request.filters["group_id"])
    cursor = workos.group_role_assignments.cursor(
        group_id, limit=request.limit, order=request.order
    )
    return KeyedSource(cursor, group_id, "id")


async def _get_for_group(workos: Facade, key: str) -> Item:
    group_id, assignment_id = split_key(key)
    assignment: Item = await workos.group_role_assignments.get(group_id, assignment_id)
    return keyed(assignment, group_id, "id")


async def _assign_group(workos: Facade, model: BaseModel) -> Item:
    assert isinstance(model, GroupRoleAssignmentForm)
    body = GroupRoleAssignmentCreate(**model.model_dump(include=set(model.target_fields)))
    assignment: Item = await workos.group_role_assignments.create(model.group_id, body)
    return keyed(assignment, model.group_id, "id")


async def _unassign_group(workos: Facade, key: str) -> None:
    await workos.group_role_assignments.delete(*split_key(key))


def _group_prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"group_id": scope.get("group_id", "")}


GROUP_ROLE_ASSIGNMENTS = ResourceType(
    key="group_role_assignments",
    title="Group role assignments",
    singular="group role assignment",
    aliases=("group_assignments",),
    description="Roles a group holds; its members inherit them. n assigns one.",
    top_level=False,
    scope_params=("group_id",),
    list=_list_for_group,
    get=_get_for_group,
    create=_assign_group,
    delete=_unassign_group,
    create_model=GroupRoleAssignmentForm,
    create_prefill=_group_prefill,
    columns=(*COLUMNS[:3], *COLUMNS[4:]),
    sections=SECTIONS,
    related=(Related("Resource", "authorization_resources", "id", _resource_link),),
    id_field=SCOPED_KEY,
    name_field="role.slug",
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


MEMBERSHIP_LINK = Related("Role assignments", "membership_role_assignments", MEMBERSHIP, _id)
"""For a membership's rows (memberships, a group's members)."""
GROUP_LINK = Related("Role assignments", "group_role_assignments", "group_id", _id)
RESOURCE_LINK = Related("Role assignments", "resource_role_assignments", "resource_id", _id)
