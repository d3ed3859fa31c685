"""Role assignments of organization memberships and of groups, and a resource's assignments."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .. import authz
from ..errors import error, not_found
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page

routes = Routes()
MEMBERSHIP = "/authorization/organization_memberships/{organization_membership_id}"
GROUP = "/authorization/groups/{group_id}"


def _membership(ctx: Ctx) -> Record:
    om_id = ctx.params["organization_membership_id"]
    return fetch(ctx.state, "organization_memberships", om_id, "Organization membership")


def _group(ctx: Ctx) -> Record:
    return fetch(ctx.state, "groups", ctx.params["group_id"], "Group")


def assignment_body(state: EmulatorState, record: Record) -> Record:
    """A membership's role assignment as the API answers it: ``source.group`` names the group
    an inherited role comes from (``{id, name}``) and is null for a direct one, as today's SDKs
    expect (our spec copy predates the key; extra properties are allowed there)."""
    out = public(record)
    group: Record | None = None
    gra = state["group_role_assignments"].get(record.get("_gra_id") or "")
    if gra is not None:
        found = state["groups"].get(gra["group_id"])
        group = {"id": gra["group_id"], "name": found["name"] if found else ""}
    out["source"] = {**out["source"], "group": group}
    return out


def _matches(record: Record, role: Record, target: Record) -> bool:
    return bool(record["role"]["slug"] == role["slug"] and record["_resource_id"] == target["id"])


# -- organization memberships ------------------------------------------------------------------


@routes.get(MEMBERSHIP + "/role_assignments")
def list_membership_assignments(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    ids = state["role_assignments"].index("organization_membership_id").get(om["id"])
    query: dict[str, Any] = dict(ctx.query)
    wanted: str | None = None
    if any(k in query for k in ("resource_id", "resource_external_id", "resource_type_slug")):
        target = authz.resolve_target(
            state, query, om["organization_id"], required=True, status=404
        )
        wanted = target["id"]
    return list_page(
        ctx,
        "role_assignments",
        candidates=ids,
        predicate=(lambda r: r["_resource_id"] == wanted) if wanted else None,
        render=lambda r: assignment_body(state, r),
    )


@routes.post(MEMBERSHIP + "/role_assignments")
def assign_role(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    body = ctx.json()
    role = authz.assignable_role(state, body, om["organization_id"])
    target = authz.resolve_target(state, body, om["organization_id"], required=True)
    authz.check_role_fits(role, target)
    col = state["role_assignments"]
    for aid in col.index("organization_membership_id").get(om["id"]):
        existing = col.items[aid]
        if existing["source"]["type"] == "direct" and _matches(existing, role, target):
            return json_response(assignment_body(state, existing), 201)
    created = authz.new_assignment(state, om["id"], role, target)
    return json_response(assignment_body(state, created), 201)


@routes.delete(MEMBERSHIP + "/role_assignments")
def remove_role_by_criteria(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    body = ctx.json()
    role = authz.assignable_role(state, body, om["organization_id"])
    target = authz.resolve_target(state, body, om["organization_id"], required=True)
    col = state["role_assignments"]
    for aid in list(col.index("organization_membership_id").get(om["id"])):
        existing = col.items[aid]
        if existing["source"]["type"] == "direct" and _matches(existing, role, target):
            col.delete(aid)
            return empty(204)
    raise not_found("Role assignment", f"{role['slug']} on {target['id']}")


@routes.delete(MEMBERSHIP + "/role_assignments/{role_assignment_id}")
def remove_role_by_id(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    aid = ctx.params["role_assignment_id"]
    assignment = state["role_assignments"].get(aid)
    if assignment is None or assignment["organization_membership_id"] != om["id"]:
        raise not_found("Role assignment", aid)
    if assignment["source"]["type"] != "direct":
        raise error(403, "The assignment is inherited from a group; remove it from the group.")
    state["role_assignments"].delete(aid)
    return empty(204)


# -- groups ------------------------------------------------------------------------------------


def _group_assignment(
    state: EmulatorState, group: Record, entry: dict[str, Any]
) -> tuple[Record, Record]:
    role = authz.assignable_role(state, entry, group["organization_id"])
    target = authz.resolve_target(state, entry, group["organization_id"], required=False)
    authz.check_role_fits(role, target)
    return role, target


def _new_group_assignment(
    state: EmulatorState, group: Record, role: Record, target: Record
) -> Record:
    gra = state.create(
        "group_role_assignments",
        {
            "object": "group_role_assignment",
            "group_id": group["id"],
            "role": {"slug": role["slug"]},
            "resource": dict(target),
            "_resource_id": target["id"],
        },
    )
    authz.inherit(state, gra, group["_member_ids"])
    return gra


def _group_assignments(state: EmulatorState, group: Record) -> list[Record]:
    col = state["group_role_assignments"]
    return [col.items[a] for a in col.index("group_id").get(group["id"])]


@routes.get(GROUP + "/role_assignments")
def list_group_assignments(ctx: Ctx) -> Response:
    group = _group(ctx)
    ids = ctx.state["group_role_assignments"].index("group_id").get(group["id"])
    return list_page(ctx, "group_role_assignments", candidates=ids)


@routes.post(GROUP + "/role_assignments")
def create_group_assignment(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    role, target = _group_assignment(state, group, ctx.json())
    if any(_matches(g, role, target) for g in _group_assignments(state, group)):
        raise error(
            409,
            f"The group already has role '{role['slug']}' on that resource.",
            "duplicate_group_role_assignment",
        )
    return json_response(public(_new_group_assignment(state, group, role, target)), 201)


@routes.put(GROUP + "/role_assignments")
def replace_group_assignments(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    entries = ctx.json().get("role_assignments")
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise error(422, "role_assignments must be an array of objects.")
    wanted = [_group_assignment(state, group, e) for e in entries]
    keep: set[str] = set()
    for role, target in wanted:
        same = [g for g in _group_assignments(state, group) if _matches(g, role, target)]
        keep.add(same[0]["id"] if same else _new_group_assignment(state, group, role, target)["id"])
    for gra in _group_assignments(state, group):
        if gra["id"] not in keep:
            authz.delete_group_assignment(state, gra)
    kept = [public(g) for g in reversed(_group_assignments(state, group))]
    return json_response({"object": "list", "data": kept, "list_metadata": _no_cursors()})


def _no_cursors() -> dict[str, None]:
    return {"before": None, "after": None}


@routes.delete(GROUP + "/role_assignments")
def remove_group_assignments_by_criteria(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    role, target = _group_assignment(state, group, ctx.json())
    matching = [g for g in _group_assignments(state, group) if _matches(g, role, target)]
    if not matching:
        raise not_found("Group role assignment", f"{role['slug']} on {target['id']}")
    for gra in matching:
        authz.delete_group_assignment(state, gra)
    return empty(204)


def _one_group_assignment(ctx: Ctx) -> Record:
    group = _group(ctx)
    gra = ctx.state["group_role_assignments"].get(ctx.params["role_assignment_id"])
    if gra is None or gra["group_id"] != group["id"]:
        raise not_found("Group role assignment", ctx.params["role_assignment_id"])
    return gra


@routes.get(GROUP + "/role_assignments/{role_assignment_id}")
def get_group_assignment(ctx: Ctx) -> Response:
    return json_response(public(_one_group_assignment(ctx)))


@routes.delete(GROUP + "/role_assignments/{role_assignment_id}")
def delete_group_assignment(ctx: Ctx) -> Response:
    authz.delete_group_assignment(ctx.state, _one_group_assignment(ctx))
    return empty(204)


# -- a resource's assignments ------------------------------------------------------------------


def resource_assignments(ctx: Ctx, resource: Record) -> Response:
    ids = ctx.state["role_assignments"].index("_resource_id").get(resource["id"])
    role_slug = ctx.query.get("role_slug")
    return list_page(
        ctx,
        "role_assignments",
        candidates=ids,
        predicate=(lambda r: r["role"]["slug"] == role_slug) if role_slug else None,
        render=lambda r: assignment_body(ctx.state, r),
    )


@routes.get("/authorization/resources/{resource_id}/role_assignments")
def list_resource_assignments(ctx: Ctx) -> Response:
    rid = ctx.params["resource_id"]
    return resource_assignments(
        ctx, fetch(ctx.state, "authorization_resources", rid, "Authorization resource")
    )


@routes.get(
    "/authorization/organizations/{organization_id}/resources/{resource_type_slug}"
    "/{external_id}/role_assignments"
)
def list_resource_assignments_by_external_id(ctx: Ctx) -> Response:
    p = ctx.params
    resource = authz.fetch_resource_by_external_id(
        ctx.state, p["organization_id"], p["resource_type_slug"], p["external_id"]
    )
    return resource_assignments(ctx, resource)
