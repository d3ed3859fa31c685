"""Organization groups, their members (organization memberships), and a membership's groups."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .. import authz, render
from ..errors import error, not_found
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, require_str

routes = Routes()
NAME_MAX = 256
MAX_GROUPS_PER_MEMBERSHIP = 100


def group_body(group: Record) -> Record:
    out = public(group)
    out.setdefault("description", None)
    return out


def _name(body: dict[str, Any]) -> str:
    name = require_str(body, "name")
    if len(name) > NAME_MAX:
        raise error(422, f"name must be at most {NAME_MAX} characters.")
    return name


def _group(ctx: Ctx) -> Record:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    group = ctx.state["groups"].get(ctx.params["groupId"])
    if group is None or group["organization_id"] != org["id"]:
        raise not_found("Group", ctx.params["groupId"])
    return group


def add_member(state: EmulatorState, group: Record, om_id: str) -> None:
    """Put a membership in a group (it inherits the group's role assignments)."""
    group["_member_ids"] = sorted({*group["_member_ids"], om_id})
    state.touch("groups", group)
    gcol = state["group_role_assignments"]
    for gra_id in gcol.index("group_id").get(group["id"]):
        authz.inherit(state, gcol.items[gra_id], [om_id])


@routes.get("/organizations/{organizationId}/groups")
def list_groups(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    ids = ctx.state["groups"].index("organization_id").get(org["id"])
    return list_page(ctx, "groups", candidates=ids, render=group_body)


@routes.post("/organizations/{organizationId}/groups")
def create_group(ctx: Ctx) -> Response:
    state = ctx.state
    org = fetch(state, "organizations", ctx.params["organizationId"], "Organization")
    group = state.create(
        "groups",
        {
            "object": "group",
            "organization_id": org["id"],
            "name": _name(ctx.json()),
            "description": None,
            "_member_ids": [],
        },
    )
    state.emit("group.created", group_body(group))
    return json_response(group_body(group), 201)


@routes.get("/organizations/{organizationId}/groups/{groupId}")
def get_group(ctx: Ctx) -> Response:
    return json_response(group_body(_group(ctx)))


@routes.patch("/organizations/{organizationId}/groups/{groupId}")
def update_group(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    body = ctx.json()
    if "name" in body:
        group["name"] = _name(body)
    state.touch("groups", group)
    state.emit("group.updated", group_body(group))
    return json_response(group_body(group))


@routes.delete("/organizations/{organizationId}/groups/{groupId}")
def delete_group(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    gcol = state["group_role_assignments"]
    for gra_id in list(gcol.index("group_id").get(group["id"])):
        authz.delete_group_assignment(state, gcol.items[gra_id])
    state["groups"].delete(group["id"])
    state.emit("group.deleted", group_body(group))
    return empty(204)


@routes.get("/organizations/{organizationId}/groups/{groupId}/organization-memberships")
def list_group_members(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    return list_page(
        ctx,
        "organization_memberships",
        candidates=group["_member_ids"],
        render=lambda om: render.membership(state, om),
    )


@routes.post("/organizations/{organizationId}/groups/{groupId}/organization-memberships")
def add_group_member(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    om_id = require_str(ctx.json(), "organization_membership_id")
    om = fetch(state, "organization_memberships", om_id, "Organization membership")
    if om["organization_id"] != group["organization_id"]:
        raise error(422, "The membership belongs to another organization.")
    if om_id not in group["_member_ids"]:
        if len(state["groups"].index("_member_ids").get(om_id)) >= MAX_GROUPS_PER_MEMBERSHIP:
            raise error(
                400,
                f"A membership can be in at most {MAX_GROUPS_PER_MEMBERSHIP} groups.",
                "group_membership_limit_exceeded",
            )
        add_member(state, group, om_id)
        state.emit(
            "group.member_added",
            {"group_id": group["id"], "organization_membership_id": om_id},
            group["organization_id"],
        )
    return json_response(group_body(group))


@routes.delete("/organizations/{organizationId}/groups/{groupId}/organization-memberships/{omId}")
def remove_group_member(ctx: Ctx) -> Response:
    state = ctx.state
    group = _group(ctx)
    om_id = ctx.params["omId"]
    if om_id not in group["_member_ids"]:
        raise not_found("Group member", om_id)
    group["_member_ids"] = [m for m in group["_member_ids"] if m != om_id]
    state.touch("groups", group)
    for gra_id in state["group_role_assignments"].index("group_id").get(group["id"]):
        authz.disinherit(state, gra_id, om_id)
    state.emit(
        "group.member_removed",
        {"group_id": group["id"], "organization_membership_id": om_id},
        group["organization_id"],
    )
    return empty(204)


@routes.get("/user_management/organization_memberships/{omId}/groups")
def list_membership_groups(ctx: Ctx) -> Response:
    om = fetch(ctx.state, "organization_memberships", ctx.params["omId"], "Organization membership")
    ids = ctx.state["groups"].index("_member_ids").get(om["id"])
    return list_page(ctx, "groups", candidates=ids, render=group_body)
