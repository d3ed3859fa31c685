"""Organization memberships and invitations (User Management)."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .. import ids, render
from ..errors import error, not_found
from ..http import Ctx, Routes, empty, json_response
from ..state import EmulatorState
from ..store import Record
from .common import (
    check_email,
    combine,
    fetch,
    index_candidates,
    list_page,
    optional_str,
    require_str,
)
from .users import delete_membership

routes = Routes()
STATUSES = ("active", "inactive", "pending")
BUILTIN_ROLES = ("member", "admin")
DAY_MS = 86_400_000


def valid_roles(state: EmulatorState, org_id: str) -> set[str]:
    roles = set(BUILTIN_ROLES)
    roles.update(r["slug"] for r in state["roles"] if r.get("_organization_id") in (None, org_id))
    return roles


def _role_slugs(state: EmulatorState, body: dict[str, Any], org_id: str) -> list[str] | None:
    slugs: list[str] | None = None
    if body.get("role_slugs") is not None:
        raw = body["role_slugs"]
        if not isinstance(raw, list) or not raw or not all(isinstance(s, str) for s in raw):
            raise error(
                422,
                "role_slugs must be a non-empty array of strings.",
                "invalid_request_parameters",
            )
        if len(raw) > 1:
            raise error(
                422,
                "Multiple roles are not enabled for this environment.",
                "multiple_roles_not_enabled",
            )
        slugs = list(raw)
    elif body.get("role_slug") is not None:
        slugs = [require_str(body, "role_slug")]
    if slugs is not None:
        allowed = valid_roles(state, org_id)
        for slug in slugs:
            if slug not in allowed:
                raise error(422, f"Role '{slug}' does not exist.", "invalid_role")
    return slugs


@routes.get("/user_management/organization_memberships")
def list_memberships(ctx: Ctx) -> Response:
    state = ctx.state
    col = state["organization_memberships"]
    user_id = ctx.query.get("user_id")
    org_id = ctx.query.get("organization_id")
    if not user_id and not org_id:
        raise error(
            400, "Provide user_id or organization_id.", "missing_user_id_or_organization_id"
        )
    statuses = ctx.query_list("statuses")
    for status in statuses:
        if status not in STATUSES:
            raise error(400, f"Invalid status '{status}'.", "invalid_request_parameters")
    lists = []
    if user_id:
        lists.append(col.index("user_id").get(user_id))
    if org_id:
        lists.append(col.index("organization_id").get(org_id))
    candidates = combine(lists)
    wanted = set(statuses)
    return list_page(
        ctx,
        "organization_memberships",
        candidates=candidates,
        predicate=(lambda r: r["status"] in wanted) if wanted else None,
        render=lambda r: render.membership(state, r),
    )


@routes.post("/user_management/organization_memberships")
def create_membership(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    user_id = require_str(body, "user_id")
    org_id = require_str(body, "organization_id")
    user = fetch(state, "users", user_id, "User")
    org = fetch(state, "organizations", org_id, "Organization")
    slugs = _role_slugs(state, body, org_id) or ["member"]
    col = state["organization_memberships"]
    if any(col.items[m]["user_id"] == user_id for m in col.index("organization_id").get(org_id)):
        raise error(
            422, "The user is already a member of this organization.", "invalid_request_parameters"
        )
    om = state.create(
        "organization_memberships",
        {
            "object": "organization_membership",
            "user_id": user["id"],
            "organization_id": org["id"],
            "status": "active",
            "directory_managed": False,
            "custom_attributes": {},
            "role": {"slug": slugs[0]},
            "roles": [{"slug": s} for s in slugs],
        },
    )
    user["_organization_ids"] = [*user.get("_organization_ids", []), org["id"]]
    state["users"].put(user)
    state.emit("organization_membership.created", render.membership_event(om), org["id"])
    return json_response(render.membership(state, om), 201)


@routes.get("/user_management/organization_memberships/{id}")
def get_membership(ctx: Ctx) -> Response:
    om = fetch(ctx.state, "organization_memberships", ctx.params["id"], "Organization membership")
    return json_response(render.membership(ctx.state, om))


@routes.put("/user_management/organization_memberships/{id}")
def update_membership(ctx: Ctx) -> Response:
    state = ctx.state
    om = fetch(state, "organization_memberships", ctx.params["id"], "Organization membership")
    slugs = _role_slugs(state, ctx.json(required=False), om["organization_id"])
    if slugs is not None:
        om["role"] = {"slug": slugs[0]}
        om["roles"] = [{"slug": s} for s in slugs]
    state.touch("organization_memberships", om)
    state.emit(
        "organization_membership.updated", render.membership_event(om), om["organization_id"]
    )
    return json_response(render.membership(state, om))


@routes.delete("/user_management/organization_memberships/{id}")
def remove_membership(ctx: Ctx) -> Response:
    om = fetch(ctx.state, "organization_memberships", ctx.params["id"], "Organization membership")
    delete_membership(ctx.state, om)
    return empty(200)


def _set_status(ctx: Ctx, status: str) -> Response:
    state = ctx.state
    om = fetch(state, "organization_memberships", ctx.params["id"], "Organization membership")
    if om["status"] == "pending":
        verb = "deactivate" if status == "inactive" else "reactivate"
        raise error(
            400,
            f"Cannot {verb} a pending organization membership.",
            f"cannot_{verb}_pending_organization_membership",
        )
    if om["status"] != status:
        om["status"] = status
        state.touch("organization_memberships", om)
        state.emit(
            "organization_membership.updated", render.membership_event(om), om["organization_id"]
        )
    return json_response(render.membership(state, om))


@routes.put("/user_management/organization_memberships/{id}/deactivate")
def deactivate_membership(ctx: Ctx) -> Response:
    return _set_status(ctx, "inactive")


@routes.put("/user_management/organization_memberships/{id}/reactivate")
def reactivate_membership(ctx: Ctx) -> Response:
    return _set_status(ctx, "active")


# -- invitations ------------------------------------------------------------------------------


def _invitation(state: EmulatorState, inv: Record) -> Record:
    """Current view: a pending invitation past ``expires_at`` reads as ``expired``."""
    if inv["state"] == "pending" and ids.parse_iso(inv["expires_at"]) < state.now_ms():
        inv["state"] = "expired"
        state.touch("invitations", inv)
    return render.any_record(inv)


@routes.get("/user_management/invitations")
def list_invitations(ctx: Ctx) -> Response:
    candidates = index_candidates(
        ctx, "invitations", {"email": "email", "organization_id": "organization_id"}
    )
    return list_page(ctx, "invitations", candidates=candidates, render=render.any_record)


@routes.post("/user_management/invitations")
def create_invitation(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    email = check_email(require_str(body, "email")).lower()
    org_id = optional_str(body, "organization_id")
    if org_id is not None:
        fetch(state, "organizations", org_id, "Organization")
    inviter = optional_str(body, "inviter_user_id")
    if inviter is not None:
        fetch(state, "users", inviter, "User")
    days = body.get("expires_in_days", 7)
    if not isinstance(days, int) or isinstance(days, bool):
        raise error(422, "expires_in_days must be an integer.", "invalid_request_parameters")
    if days < 1:
        raise error(400, "expires_in_days must be at least 1.", "expires_in_days_too_short")
    if days > 30:
        raise error(400, "expires_in_days must be at most 30.", "expires_in_days_too_long")
    role = optional_str(body, "role_slug")
    if role is not None and org_id is not None and role not in valid_roles(state, org_id):
        raise error(400, f"Role '{role}' does not exist.", "invalid_role")
    col = state["invitations"]
    for iid in col.index("email").get(email):
        other = col.items[iid]
        if other["state"] == "pending" and other["organization_id"] == org_id:
            code = "email_already_invited_to_organization" if org_id else "email_already_invited"
            raise error(400, "This email already has a pending invitation.", code)
    uid = state["users"].index("email").first(email)
    if (
        uid is not None
        and org_id is not None
        and org_id in state["users"].items[uid].get("_organization_ids", [])
    ):
        raise error(400, "The user is already a member.", "user_already_organization_member")
    token = secrets.token_urlsafe(18)
    _, ms, _ = state.stamp()
    inv = state.create(
        "invitations",
        {
            "object": "invitation",
            "email": email,
            "state": "pending",
            "accepted_at": None,
            "revoked_at": None,
            "expires_at": ids.iso(ms + days * DAY_MS),
            "organization_id": org_id,
            "inviter_user_id": inviter,
            "accepted_user_id": None,
            "role_slug": role,
            "token": token,
            "accept_invitation_url": f"https://auth.workos.example/invite?invitation_token={token}",
        },
    )
    state.emit("invitation.created", render.invitation_event(inv), org_id)
    return json_response(render.any_record(inv), 201)


@routes.get("/user_management/invitations/by_token/{token}")
def get_invitation_by_token(ctx: Ctx) -> Response:
    token = ctx.params["token"]
    iid = ctx.state["invitations"].index("token").first(token)
    if iid is None:
        raise not_found("Invitation", token)
    return json_response(_invitation(ctx.state, ctx.state["invitations"].items[iid]))


@routes.get("/user_management/invitations/{id}")
def get_invitation(ctx: Ctx) -> Response:
    inv = fetch(ctx.state, "invitations", ctx.params["id"], "Invitation")
    return json_response(_invitation(ctx.state, inv))


@routes.post("/user_management/invitations/{id}/accept")
def accept_invitation(ctx: Ctx) -> Response:
    state = ctx.state
    inv = fetch(state, "invitations", ctx.params["id"], "Invitation")
    current = _invitation(state, inv)
    if current["state"] != "pending":
        raise error(400, f"The invitation is {current['state']}.", "invite_not_pending")
    uid = state["users"].index("email").first(inv["email"])
    now = ids.iso(state.now_ms())
    inv.update(state="accepted", accepted_at=now, accepted_user_id=uid)
    state.touch("invitations", inv)
    state.emit("invitation.accepted", render.invitation_event(inv), inv["organization_id"])
    return json_response(render.any_record(inv))


@routes.post("/user_management/invitations/{id}/resend")
def resend_invitation(ctx: Ctx) -> Response:
    state = ctx.state
    inv = fetch(state, "invitations", ctx.params["id"], "Invitation")
    current = _invitation(state, inv)
    codes = {
        "expired": "invite_expired",
        "revoked": "invite_revoked",
        "accepted": "invite_accepted",
    }
    if current["state"] in codes:
        raise error(400, f"The invitation is {current['state']}.", codes[current["state"]])
    inv["expires_at"] = ids.iso(state.now_ms() + 7 * DAY_MS)
    state.touch("invitations", inv)
    state.emit("invitation.resent", render.invitation_event(inv), inv["organization_id"])
    return json_response(render.any_record(inv))


@routes.post("/user_management/invitations/{id}/revoke")
def revoke_invitation(ctx: Ctx) -> Response:
    state = ctx.state
    inv = fetch(state, "invitations", ctx.params["id"], "Invitation")
    current = _invitation(state, inv)
    if current["state"] != "pending":
        raise error(400, f"The invitation is {current['state']}.", "invite_not_pending")
    inv.update(state="revoked", revoked_at=ids.iso(state.now_ms()))
    state.touch("invitations", inv)
    state.emit("invitation.revoked", render.invitation_event(inv), inv["organization_id"])
    return json_response(render.any_record(inv))
