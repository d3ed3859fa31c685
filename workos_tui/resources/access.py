"""Authorization seen from a member and from a resource.

* The **access check** (a membership's action): does this membership hold permission P on
  resource R? The answer comes from the API's check, and the reason beside it: the permissions
  the membership effectively holds on R, and which of its role assignments (direct or through a
  group) grant P.
* A membership's **resources**: the resources on which it holds a permission.
* A resource's **members**: the memberships holding a permission on it.
* A resource **by external id** (``organization/type/external id``): the same resource addressed
  the way an application names it, with its members and role assignments.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.authorization import (
    AuthorizationCheckRequest,
    AuthorizationResourceUpdate,
)
from workos_tui.resources.base import (
    Action,
    Column,
    Facade,
    Filter,
    Item,
    ListRequest,
    Related,
    ResourceType,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.results import ActionResult, plain
from workos_tui.resources.role_assignments import COLUMNS as ASSIGNMENT_COLUMNS
from workos_tui.resources.role_assignments import SECTIONS as ASSIGNMENT_SECTIONS
from workos_tui.resources.scoped import SCOPED_KEY, keyed
from workos_tui.resources.sources import OneShotSource, PageSource

EXTERNAL_KEY = "external_key"
ORGANIZATION = "organization"

# -- the access check ----------------------------------------------------------------------------


def _target_text(request: AuthorizationCheckRequest, organization_id: str) -> str:
    if request.resource_id:
        return request.resource_id
    if request.resource_external_id:
        return f"{request.resource_type_slug} {request.resource_external_id}"
    return f"the organization {organization_id}"


async def check_access(workos: Facade, membership: Any, form: BaseModel | None) -> ActionResult:
    """Ask the API, then explain: effective permissions and the assignments that grant it."""
    assert isinstance(form, AuthorizationCheckRequest)
    membership_id = str(membership.id)
    organization_id = str(membership.organization_id)
    request = form
    if not (request.resource_id or request.resource_external_id):
        request = form.model_copy(update={"resource_id": organization_id})
    allowed = await workos.role_assignments.check(membership_id, request)
    if request.resource_external_id and request.resource_type_slug:
        held = await workos.role_assignments.list_permissions_by_external_id(
            membership_id, request.resource_type_slug, request.resource_external_id, limit=100
        )
    else:
        held = await workos.role_assignments.list_permissions(
            membership_id, str(request.resource_id), limit=100
        )
    held_slugs = sorted(permission.slug for permission in held.data)
    assignments = await workos.role_assignments.list(membership_id, limit=100)
    roles = {role.slug: role for role in await workos.organization_roles.list(organization_id)}
    granting: list[str] = []
    others: list[str] = []
    for assignment in assignments.data:
        role = roles.get(assignment.role.slug)
        grants = role is not None and request.permission_slug in role.permissions
        on = assignment.resource.resource_type_slug or "?"
        where = assignment.resource.external_id or assignment.resource.id
        source = getattr(assignment.source, "type", None) or "direct"
        line = f"{assignment.role.slug} on {on} {where} ({source})"
        (granting if grants else others).append(line)
    target = _target_text(request, organization_id)
    verdict = "Yes: allowed" if allowed else "No: denied"
    why = (
        f"{request.permission_slug} is among the permissions held on {target}"
        if request.permission_slug in held_slugs
        else f"no role held on {target} (or on a parent) grants {request.permission_slug}"
    )
    return ActionResult(
        title=f"Can {membership.user_id} {request.permission_slug}?",
        entries=(
            plain("Answer", verdict),
            plain("Permission", request.permission_slug),
            plain("Resource", target),
            plain("Why", why),
            plain("Held on it", ", ".join(held_slugs) or "(none)"),
            plain("Granted by", "; ".join(granting) or "(no assignment grants it)"),
            plain("Other assignments", "; ".join(others) or "(none)"),
        ),
        note="The answer is the API's check; the reasons are read from the member's assignments.",
    )


class ResourceAccessCheck(BaseModel):
    """Who to check, and for which permission, on this resource."""

    organization_membership_id: str = Field(min_length=1, description="The member (om_…).")
    permission_slug: str = Field(min_length=1, description="The permission to check.")


async def _check_on_resource(workos: Facade, resource: Any, form: BaseModel | None) -> BaseModel:
    assert isinstance(form, ResourceAccessCheck)
    membership = await workos.organization_memberships.get(form.organization_membership_id)
    request = AuthorizationCheckRequest(
        permission_slug=form.permission_slug, resource_id=resource.id
    )
    return await check_access(workos, membership, request)


RESOURCE_CHECK = Action(
    "check_access",
    "Check a member's access to this resource",
    _check_on_resource,
    input_model=ResourceAccessCheck,
    mutates=False,
)
"""The access check from a resource's row (``permissions.AUTHORIZATION_RESOURCES``)."""


# -- a membership's resources ------------------------------------------------------------------

RESOURCE_COLUMNS = (
    Column("name", "Name", width=24),
    Column("resource_type_slug", "Type", width=14),
    Column("external_id", "External ID", width=20),
    Column("id", "ID", width=40),
)


def _nothing() -> PageSource:
    async def none() -> Sequence[Any]:
        return []

    return OneShotSource(none)


def _membership_resources(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    membership_id = str(filters.pop("organization_membership_id"))
    permission = filters.pop("permission_slug", None)
    if not permission:
        return _nothing()  # the API needs the permission: the filter bar asks for it
    parent = filters.get("parent_resource_id") or None

    async def fetch() -> Sequence[Any]:
        page = await workos.role_assignments.list_resources(
            membership_id,
            permission_slug=str(permission),
            parent_resource_id=parent,
            limit=request.limit,
        )
        return list(page.data)

    return OneShotSource(fetch)


MEMBERSHIP_RESOURCES = ResourceType(
    key="membership_resources",
    title="Resources of a member",
    singular="resource",
    description="Resources on which the member holds a permission: set the permission (f).",
    top_level=False,
    scope_params=("organization_membership_id",),
    supports_order=False,
    list=_membership_resources,
    columns=RESOURCE_COLUMNS,
    filters=(
        Filter("permission_slug", "Permission", placeholder="permission slug (required)"),
        Filter("parent_resource_id", "Parent", placeholder="parent resource id"),
    ),
    related=(Related("Resource", "authorization_resources", "id", lambda r: r.id),),
    name_field="name",
)


# -- a resource's members ---------------------------------------------------------------------

MEMBER_COLUMNS = (
    Column("user_id", "User", width=30),
    Column("status", "Status", width=9),
    Column("id", "Membership", width=30),
    Column("created_at", "Since", width=20, formatter=format_timestamp),
)
MEMBER_FILTERS = (
    Filter("permission_slug", "Permission", placeholder="permission slug (required)"),
    Filter("assignment", "Assignment", kind="select", choices=("direct", "indirect")),
)
MEMBER_RELATED = (
    Related("Membership", "memberships", "id", lambda m: m.id),
    Related("User", "users", "id", lambda m: m.user_id),
)


def _resource_members(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    resource_id = str(filters.pop("resource_id"))
    if not filters.get("permission_slug"):
        return _nothing()
    source: PageSource = workos.authorization_resources.memberships_cursor(
        resource_id, limit=request.limit, order=request.order, **filters
    )
    return source


RESOURCE_MEMBERS = ResourceType(
    key="resource_members",
    title="Members with a permission",
    singular="membership",
    description="Who holds a permission on the resource: set the permission (f).",
    top_level=False,
    scope_params=("resource_id",),
    list=_resource_members,
    columns=MEMBER_COLUMNS,
    filters=MEMBER_FILTERS,
    related=MEMBER_RELATED,
    name_field="id",
)


# -- a resource by external id ----------------------------------------------------------------


def external_key(resource: Any) -> str | None:
    """``organization/type/external id`` of a resource that has an external id."""
    external = getattr(resource, "external_id", None)
    if not external:
        return None
    return f"{resource.organization_id}/{resource.resource_type_slug}/{external}"


def split_external(key: str) -> tuple[str, str, str]:
    organization_id, type_slug, external_id = key.split("/", 2)
    return organization_id, type_slug, external_id


def _by_external(workos: Facade, request: ListRequest) -> PageSource:
    key = str(request.filters[EXTERNAL_KEY])

    async def fetch() -> Sequence[Any]:
        resource = await workos.authorization_resources.get_by_external_id(*split_external(key))
        return [keyed(resource, key, "id")]

    return OneShotSource(fetch)


def _owner(key: str) -> tuple[str, str, str]:
    """The external key of a row keyed ``organization/type/external/id``."""
    return split_external(key.rsplit("/", 1)[0])


async def _update_external(workos: Facade, key: str, model: BaseModel) -> Item:
    assert isinstance(model, AuthorizationResourceUpdate)
    owner = _owner(key)
    resource = await workos.authorization_resources.update_by_external_id(*owner, model)
    return keyed(resource, "/".join(owner), "id")


async def _delete_external(workos: Facade, key: str) -> None:
    await workos.authorization_resources.delete_by_external_id(*_owner(key))


EXTERNAL_RESOURCES = ResourceType(
    key="external_resources",
    title="Resource by external id",
    singular="resource",
    description="A resource addressed as the application names it: organization, type, id.",
    top_level=False,
    scope_params=(EXTERNAL_KEY,),
    supports_order=False,
    list=_by_external,
    update=_update_external,
    delete=_delete_external,
    update_model=AuthorizationResourceUpdate,
    columns=RESOURCE_COLUMNS,
    related=(
        Related(
            "Members with a permission", "external_resource_members", EXTERNAL_KEY, external_key
        ),
        Related("Role assignments", "external_role_assignments", EXTERNAL_KEY, external_key),
    ),
    id_field=SCOPED_KEY,
    name_field="name",
)


def _external_members(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    owner = split_external(str(filters.pop(EXTERNAL_KEY)))
    permission = filters.pop("permission_slug", None)
    if not permission:
        return _nothing()
    assignment = filters.get("assignment") or None

    async def fetch() -> Sequence[Any]:
        page = await workos.authorization_resources.list_memberships_by_external_id(
            *owner, permission_slug=str(permission), assignment=assignment, limit=request.limit
        )
        return list(page.data)

    return OneShotSource(fetch)


EXTERNAL_RESOURCE_MEMBERS = ResourceType(
    key="external_resource_members",
    title="Members with a permission",
    singular="membership",
    description="Who holds a permission on the resource: set the permission (f).",
    top_level=False,
    scope_params=(EXTERNAL_KEY,),
    supports_order=False,
    list=_external_members,
    columns=MEMBER_COLUMNS,
    filters=MEMBER_FILTERS,
    related=MEMBER_RELATED,
    name_field="id",
)


def _external_assignments(workos: Facade, request: ListRequest) -> PageSource:
    filters = dict(request.filters)
    owner = split_external(str(filters.pop(EXTERNAL_KEY)))
    role = filters.get("role_slug") or None

    async def fetch() -> Sequence[Any]:
        page = await workos.authorization_resources.list_role_assignments_by_external_id(
            *owner, role_slug=role, limit=request.limit
        )
        return list(page.data)

    return OneShotSource(fetch)


EXTERNAL_ROLE_ASSIGNMENTS = ResourceType(
    key="external_role_assignments",
    title="Role assignments",
    singular="role assignment",
    top_level=False,
    scope_params=(EXTERNAL_KEY,),
    supports_order=False,
    list=_external_assignments,
    columns=(Column("organization_membership_id", "Membership", width=30), *ASSIGNMENT_COLUMNS),
    filters=(Filter("role_slug", "Role", placeholder="role slug (admin)"),),
    sections=ASSIGNMENT_SECTIONS,
    related=(Related("Membership", "memberships", "id", lambda a: a.organization_membership_id),),
    name_field="role.slug",
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


MEMBERSHIP_RELATED = (
    Related("Resources", "membership_resources", "organization_membership_id", _id),
)
RESOURCE_RELATED = (
    Related("Members with a permission", "resource_members", "resource_id", _id),
    Related("By external id", "external_resources", EXTERNAL_KEY, external_key),
    Related("Parent", "authorization_resources", "id", lambda r: r.parent_resource_id),
)
