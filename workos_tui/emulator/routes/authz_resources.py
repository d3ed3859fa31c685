"""Authorization resources (by id and by external id), checks and effective permissions."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .. import authz, render
from ..errors import error
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, require_str
from .roles import DESCRIPTION_MAX, NAME_MAX

routes = Routes()
BY_EXTERNAL_ID = (
    "/authorization/organizations/{organization_id}/resources/{resource_type_slug}/{external_id}"
)
MEMBERSHIP = "/authorization/organization_memberships/{organization_membership_id}"
EXTERNAL_ID_MAX = 128


def _by_id(ctx: Ctx) -> Record:
    rid = ctx.params["resource_id"]
    return fetch(ctx.state, "authorization_resources", rid, "Authorization resource")


def _by_external_id(ctx: Ctx) -> Record:
    p = ctx.params
    return authz.fetch_resource_by_external_id(
        ctx.state, p["organization_id"], p["resource_type_slug"], p["external_id"]
    )


def _text(body: dict[str, Any], name: str, limit: int) -> str | None:
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or len(value) > limit):
        raise error(422, f"{name} must be a string of at most {limit} characters.")
    return value


def _parent_id(state: EmulatorState, body: dict[str, Any], org_id: str) -> str | None:
    """The parent the body names (``None``: the organization itself)."""
    target = authz.resolve_target(state, body, org_id, required=False, prefix="parent_resource_")
    return None if target["id"] == org_id else target["id"]


def _names_parent(body: dict[str, Any]) -> bool:
    return any(
        k in body
        for k in ("parent_resource_id", "parent_resource_external_id", "parent_resource_type_slug")
    )


@routes.get("/authorization/resources")
def list_resources(ctx: Ctx) -> Response:
    state = ctx.state
    col = state["authorization_resources"]
    q = ctx.query
    org_id = q.get("organization_id")
    type_slug = q.get("resource_type_slug")
    external_id = q.get("resource_external_id")
    if external_id and not (org_id and type_slug):
        raise error(
            400,
            "Filtering by resource_external_id needs organization_id and resource_type_slug.",
            "missing_organization_id_or_resource_type_slug",
        )
    parent = q.get("parent_resource_id")
    parent_type, parent_external = q.get("parent_resource_type_slug"), q.get("parent_external_id")
    if parent and (parent_type or parent_external):
        raise error(422, "parent_resource_id excludes the parent's type and external id.")
    if bool(parent_type) != bool(parent_external):
        raise error(422, "parent_resource_type_slug and parent_external_id go together.")
    candidates = None
    if external_id and org_id and type_slug:
        found = authz.resource_by_external_id(state, org_id, type_slug, external_id)
        candidates = [found["id"]] if found else []
    elif parent_type and parent_external:
        suffix = f"|{parent_type}|{parent_external}"
        keys = [
            k
            for k in col.index("_key").lists
            if k.endswith(suffix) and (not org_id or k.startswith(org_id + "|"))
        ]
        parents = [rid for k in keys for rid in col.index("_key").get(k)]
        candidates = sorted(c for p in parents for c in col.index("parent_resource_id").get(p))
    elif parent:
        candidates = col.index("parent_resource_id").get(parent)
    elif org_id:
        candidates = col.index("organization_id").get(org_id)

    def keep(r: Record) -> bool:
        return (not org_id or r["organization_id"] == org_id) and (
            not type_slug or r["resource_type_slug"] == type_slug
        )

    return list_page(ctx, "authorization_resources", candidates=candidates, predicate=keep)


@routes.post("/authorization/resources")
def create_resource(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    org_id = require_str(body, "organization_id")
    fetch(state, "organizations", org_id, "Organization")
    type_slug = require_str(body, "resource_type_slug")
    external_id = require_str(body, "external_id")
    if len(external_id) > EXTERNAL_ID_MAX or not external_id.isascii():
        raise error(422, f"external_id must be up to {EXTERNAL_ID_MAX} ASCII characters.")
    name = require_str(body, "name")
    if len(name) > NAME_MAX:
        raise error(422, f"name must be at most {NAME_MAX} characters.")
    key = authz.resource_key(org_id, type_slug, external_id)
    if state["authorization_resources"].index("_key").first(key) is not None:
        raise error(
            409,
            f"A {type_slug} resource with external_id '{external_id}' already exists.",
            "authorization_resource_external_id_conflict",
        )
    parent_id = _parent_id(state, body, org_id)
    resource = state.create(
        "authorization_resources",
        {
            "object": "authorization_resource",
            "name": name,
            "description": _text(body, "description", DESCRIPTION_MAX),
            "organization_id": org_id,
            "parent_resource_id": parent_id,
            "external_id": external_id,
            "resource_type_slug": type_slug,
            "_key": key,
        },
    )
    return json_response(public(resource), 201)


def _update(ctx: Ctx, resource: Record) -> Response:
    state = ctx.state
    body = ctx.json()
    if "name" in body:
        name = _text(body, "name", NAME_MAX)
        if not name:
            raise error(422, "name must be a non-empty string.")
        resource["name"] = name
    if "description" in body:
        resource["description"] = _text(body, "description", DESCRIPTION_MAX)
    if _names_parent(body):
        parent_id = _parent_id(state, body, resource["organization_id"])
        if parent_id is not None:
            parent = state["authorization_resources"].items[parent_id]
            if resource["id"] in authz.ancestors(state, parent):
                raise error(422, "A resource cannot be nested inside itself.")
        resource["parent_resource_id"] = parent_id
    state.touch("authorization_resources", resource)
    return json_response(public(resource))


def _delete(ctx: Ctx, resource: Record) -> Response:
    state = ctx.state
    col = state["authorization_resources"]
    cascade = ctx.query.get("cascade_delete", "false").lower() == "true"
    doomed = [resource["id"]]
    for rid in doomed:  # grows while walking: every descendant
        doomed.extend(col.index("parent_resource_id").get(rid))
    acol, gcol = state["role_assignments"], state["group_role_assignments"]
    assigned = [a for rid in doomed for a in acol.index("_resource_id").get(rid)]
    group_assigned = [g for rid in doomed for g in gcol.index("_resource_id").get(rid)]
    if not cascade and (len(doomed) > 1 or assigned or group_assigned):
        raise error(
            409,
            "The resource has child resources or role assignments; use cascade_delete=true.",
            "resource_has_dependents",
        )
    for gid in group_assigned:
        authz.delete_group_assignment(state, gcol.items[gid])
    for aid in assigned:
        acol.delete(aid)
    for rid in reversed(doomed):
        col.delete(rid)
    return empty(204)


@routes.get("/authorization/resources/{resource_id}")
def get_resource(ctx: Ctx) -> Response:
    return json_response(public(_by_id(ctx)))


@routes.patch("/authorization/resources/{resource_id}")
def update_resource(ctx: Ctx) -> Response:
    return _update(ctx, _by_id(ctx))


@routes.delete("/authorization/resources/{resource_id}")
def delete_resource(ctx: Ctx) -> Response:
    return _delete(ctx, _by_id(ctx))


@routes.get(BY_EXTERNAL_ID)
def get_resource_by_external_id(ctx: Ctx) -> Response:
    return json_response(public(_by_external_id(ctx)))


@routes.patch(BY_EXTERNAL_ID)
def update_resource_by_external_id(ctx: Ctx) -> Response:
    return _update(ctx, _by_external_id(ctx))


@routes.delete(BY_EXTERNAL_ID)
def delete_resource_by_external_id(ctx: Ctx) -> Response:
    return _delete(ctx, _by_external_id(ctx))


# -- who can, what can -------------------------------------------------------------------------


def _memberships_with(ctx: Ctx, resource: Record) -> Response:
    state = ctx.state
    permission = ctx.query.get("permission_slug")
    if not permission:
        raise error(422, "permission_slug is required.")
    assignment = ctx.query.get("assignment", "indirect")
    if assignment not in ("direct", "indirect"):
        raise error(422, "assignment must be direct or indirect.")
    scope = authz.ancestors(state, resource)
    direct = assignment == "direct"

    def allowed(om: Record) -> bool:
        return permission in authz.membership_permissions(state, om, scope, direct_only=direct)

    ids = (
        state["organization_memberships"].index("organization_id").get(resource["organization_id"])
    )
    return list_page(
        ctx,
        "organization_memberships",
        candidates=ids,
        predicate=allowed,
        render=lambda om: render.membership(state, om),
    )


@routes.get("/authorization/resources/{resource_id}/organization_memberships")
def list_resource_memberships(ctx: Ctx) -> Response:
    return _memberships_with(ctx, _by_id(ctx))


@routes.get(BY_EXTERNAL_ID + "/organization_memberships")
def list_resource_memberships_by_external_id(ctx: Ctx) -> Response:
    return _memberships_with(ctx, _by_external_id(ctx))


def _membership(ctx: Ctx) -> Record:
    om_id = ctx.params["organization_membership_id"]
    return fetch(ctx.state, "organization_memberships", om_id, "Organization membership")


@routes.post(MEMBERSHIP + "/check")
def check(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    body = ctx.json()
    permission = require_str(body, "permission_slug")
    target = authz.resolve_target(state, body, om["organization_id"], required=True)
    resource = state["authorization_resources"].get(target["id"])
    scope = authz.ancestors(state, resource) if resource else [om["organization_id"]]
    granted = authz.membership_permissions(state, om, scope)
    return json_response({"authorized": permission in granted})


def _effective(ctx: Ctx, om: Record, resource: Record) -> Response:
    state = ctx.state
    if resource["organization_id"] != om["organization_id"]:
        raise error(422, "The resource belongs to another organization.")
    granted = authz.membership_permissions(state, om, authz.ancestors(state, resource))
    index = state["permissions"].index("slug")
    ids = sorted(pid for slug in granted for pid in index.get(slug))
    return list_page(ctx, "permissions", candidates=ids)


@routes.get(MEMBERSHIP + "/resources/{resource_id}/permissions")
def effective_permissions(ctx: Ctx) -> Response:
    return _effective(ctx, _membership(ctx), _by_id(ctx))


@routes.get(MEMBERSHIP + "/resources/{resource_type_slug}/{external_id}/permissions")
def effective_permissions_by_external_id(ctx: Ctx) -> Response:
    om = _membership(ctx)
    p = ctx.params
    resource = authz.fetch_resource_by_external_id(
        ctx.state, om["organization_id"], p["resource_type_slug"], p["external_id"]
    )
    return _effective(ctx, om, resource)


@routes.get(MEMBERSHIP + "/resources")
def resources_for_membership(ctx: Ctx) -> Response:
    state = ctx.state
    om = _membership(ctx)
    permission = ctx.query.get("permission_slug")
    if not permission:
        raise error(422, "permission_slug is required.")
    query: dict[str, Any] = dict(ctx.query)
    if not _names_parent(query):
        raise error(
            400,
            "Give parent_resource_id, or parent_resource_external_id and "
            "parent_resource_type_slug.",
            "bad_request",
        )
    parent = authz.resolve_target(
        state, query, om["organization_id"], required=True, prefix="parent_resource_"
    )
    col = state["authorization_resources"]
    top = parent["id"] == om["organization_id"]
    index = col.index("organization_id" if top else "parent_resource_id")

    def allowed(r: Record) -> bool:
        if top and r["parent_resource_id"] is not None:
            return False
        return permission in authz.membership_permissions(state, om, authz.ancestors(state, r))

    return list_page(
        ctx, "authorization_resources", candidates=index.get(parent["id"]), predicate=allowed
    )
