"""User Management users: CRUD, identities, sessions, auth factors, email verification and
password resets."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
from typing import Any

from starlette.responses import Response

from .. import ids, render
from ..errors import error, not_found
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import (
    check_email,
    check_metadata,
    combine,
    fetch,
    list_page,
    optional_bool,
    optional_str,
    require_str,
)

routes = Routes()
HOUR_MS = 3_600_000


def _hash(password: str) -> str:
    salt = os.urandom(8)
    return base64.b64encode(salt + hashlib.sha256(salt + password.encode()).digest()).decode()


def _check_password(body: dict[str, Any]) -> str | None:
    password = body.get("password")
    if password is not None and body.get("password_hash") is not None:
        raise error(
            400,
            "Provide either password or password_hash, not both.",
            "password_and_password_hash_provided",
        )
    if body.get("password_hash") is not None:
        if body.get("password_hash_type") is None:
            raise error(400, "password_hash requires password_hash_type.", "invalid_password_hash")
        return str(body["password_hash"])
    if password is None:
        return None
    if not isinstance(password, str) or len(password) < 8:
        raise error(
            400,
            "Password does not meet strength requirements.",
            "password_strength_error",
            errors=[{"code": "password_too_short", "message": "Use at least 8 characters."}],
        )
    return _hash(password)


def _user_taken(state: EmulatorState, email: str, user_id: str | None) -> bool:
    return any(u != user_id for u in state["users"].index("email").get(email))


def _external_taken(state: EmulatorState, external_id: str | None, user_id: str | None) -> bool:
    if external_id is None:
        return False
    return any(u != user_id for u in state["users"].index("external_id").get(external_id))


@routes.get("/user_management/users")
def list_users(ctx: Ctx) -> Response:
    col = ctx.state["users"]
    lists: list[list[str]] = []
    email = ctx.query.get("email")
    if email:
        lists.append(col.index("email").get(email))
    org_id = ctx.query.get("organization_id") or ctx.query.get("organization")
    if org_id:
        lists.append(col.index("_organization_ids").get(org_id))
    candidates = combine(lists)
    return list_page(ctx, "users", candidates=candidates, render=render.user)


@routes.post("/user_management/users")
def create_user(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    email = check_email(require_str(body, "email"))
    metadata = check_metadata(body.get("metadata"))
    external_id = optional_str(body, "external_id")
    first = optional_str(body, "first_name")
    last = optional_str(body, "last_name")
    name = optional_str(body, "name")
    verified = optional_bool(body, "email_verified")
    password_hash = _check_password(body)
    if _user_taken(state, email, None):
        raise error(
            400,
            "User could not be created.",
            "user_creation_error",
            errors=[{"code": "email_not_available", "message": "This email is not available."}],
        )
    if _external_taken(state, external_id, None):
        raise error(
            422, "The external_id is already used by another user.", "invalid_request_parameters"
        )
    user = state.create(
        "users",
        {
            "object": "user",
            "first_name": first,
            "last_name": last,
            "name": name or " ".join(p for p in (first, last) if p) or None,
            "profile_picture_url": None,
            "email": email,
            "email_verified": bool(verified),
            "external_id": external_id,
            "metadata": metadata or {},
            "last_sign_in_at": None,
            "locale": None,
            "_organization_ids": [],
            "_password": password_hash,
        },
    )
    state.emit("user.created", render.user(user))
    return json_response(render.user(user), 201)


@routes.get("/user_management/users/external_id/{external_id}")
def get_user_by_external_id(ctx: Ctx) -> Response:
    external_id = ctx.params["external_id"]
    uid = ctx.state["users"].index("external_id").first(external_id)
    if uid is None:
        raise not_found("User", external_id)
    return json_response(render.user(ctx.state["users"].items[uid]))


@routes.get("/user_management/users/{id}")
def get_user(ctx: Ctx) -> Response:
    return json_response(render.user(fetch(ctx.state, "users", ctx.params["id"], "User")))


@routes.put("/user_management/users/{id}")
def update_user(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    body = ctx.json()
    changes: Record = {}
    if "email" in body:
        email = check_email(require_str(body, "email"))
        if email.lower() != user["email"].lower() and _user_taken(state, email, user["id"]):
            raise error(422, "This email is not available.", "invalid_request_parameters")
        if email.lower() != user["email"].lower():
            changes["email_verified"] = False
        changes["email"] = email
    for field in ("first_name", "last_name", "name", "locale"):
        if field in body:
            changes[field] = optional_str(body, field)
    if "email_verified" in body:
        changes["email_verified"] = bool(optional_bool(body, "email_verified"))
    if "metadata" in body:
        changes["metadata"] = check_metadata(body["metadata"]) or {}
    if "external_id" in body:
        external_id = optional_str(body, "external_id")
        if _external_taken(state, external_id, user["id"]):
            raise error(400, "The external_id is already used.", "external_id_already_used")
        changes["external_id"] = external_id
    password_hash = _check_password(body)
    if password_hash is not None:
        changes["_password"] = password_hash
    user.update(changes)
    if any(k in changes for k in ("first_name", "last_name")) and "name" not in changes:
        user["name"] = " ".join(p for p in (user["first_name"], user["last_name"]) if p) or None
    state.touch("users", user)
    state.emit("user.updated", render.user(user))
    return json_response(render.user(user))


def delete_membership(state: EmulatorState, om: Record) -> None:
    state["organization_memberships"].delete(om["id"])
    user = state["users"].get(om["user_id"])
    if user is not None:
        user["_organization_ids"] = [
            o for o in user.get("_organization_ids", []) if o != om["organization_id"]
        ]
        state["users"].put(user)
    state.emit(
        "organization_membership.deleted", render.membership_event(om), om["organization_id"]
    )


@routes.delete("/user_management/users/{id}")
def delete_user(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    mcol = state["organization_memberships"]
    for mid in list(mcol.index("user_id").get(user["id"])):
        delete_membership(state, mcol.items[mid])
    for collection in ("sessions", "auth_factors"):
        col = state[collection]
        for rid in list(col.index("user_id").get(user["id"])):
            col.delete(rid)
    state["users"].delete(user["id"])
    state.emit("user.deleted", render.user(user))
    return empty(200)


@routes.get("/user_management/users/{id}/identities")
def user_identities(ctx: Ctx) -> Response:
    user = fetch(ctx.state, "users", ctx.params["id"], "User")
    return json_response(list(user.get("_identities", [])))


@routes.get("/user_management/users/{id}/sessions")
def user_sessions(ctx: Ctx) -> Response:
    user = fetch(ctx.state, "users", ctx.params["id"], "User")
    ids_ = ctx.state["sessions"].index("user_id").get(user["id"])

    def render_session(s: Record) -> Record:
        out = public(s)
        if out.get("organization_id") is None:
            out.pop("organization_id", None)
        return out

    return list_page(ctx, "sessions", candidates=ids_, render=render_session)


@routes.get("/user_management/users/{userlandUserId}/auth_factors")
def list_auth_factors(ctx: Ctx) -> Response:
    user = fetch(ctx.state, "users", ctx.params["userlandUserId"], "User", status=422)
    ids_ = ctx.state["auth_factors"].index("user_id").get(user["id"])
    return list_page(ctx, "auth_factors", candidates=ids_)


@routes.post("/user_management/users/{userlandUserId}/auth_factors")
def enroll_auth_factor(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["userlandUserId"], "User", status=422)
    body = ctx.json()
    if body.get("type") != "totp":
        raise error(
            422,
            "type must be 'totp'.",
            "invalid_request_parameters",
            errors=[{"field": "type", "code": "invalid_enum_value"}],
        )
    issuer = optional_str(body, "totp_issuer") or "WorkOS"
    account = optional_str(body, "totp_user") or user["email"]
    secret = optional_str(body, "totp_secret") or base64.b32encode(os.urandom(20)).decode()
    factor = state.create(
        "auth_factors",
        {
            "object": "authentication_factor",
            "type": "totp",
            "user_id": user["id"],
            "totp": {"issuer": issuer, "user": account},
            "_secret": secret,
        },
    )
    uri = f"otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}"
    enrolled = public(factor)
    enrolled["totp"] = {
        "issuer": issuer,
        "user": account,
        "secret": secret,
        "qr_code": "data:image/png;base64," + base64.b64encode(uri.encode()).decode(),
        "uri": uri,
    }
    _, ms, now = state.stamp()
    challenge = {
        "object": "authentication_challenge",
        "id": ids.prefixed("auth_challenge", ms, state.rng),
        "expires_at": ids.iso(ms + 600_000),
        "authentication_factor_id": factor["id"],
        "created_at": now,
        "updated_at": now,
    }
    return json_response(
        {"authentication_factor": enrolled, "authentication_challenge": challenge}, 201
    )


# -- email verification ---------------------------------------------------------------------


@routes.post("/user_management/users/{id}/email_verification/send")
def send_verification(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    if user["email_verified"]:
        raise error(400, "The email address is already verified.", "email_already_verified")
    _, ms, _ = state.stamp()
    ev = state.create(
        "email_verifications",
        {
            "object": "email_verification",
            "user_id": user["id"],
            "email": user["email"],
            "expires_at": ids.iso(ms + 24 * HOUR_MS),
            "code": f"{secrets.randbelow(1_000_000):06d}",
        },
    )
    event = public(ev)
    event.pop("code")
    state.emit("email_verification.created", event)
    return json_response({"user": render.user(user)})


@routes.post("/user_management/users/{id}/email_verification/confirm")
def confirm_verification(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    code = require_str(ctx.json(), "code")
    if user["email_verified"]:
        raise error(400, "The email address was already verified.", "email_previously_verified")
    pending = state["email_verifications"].index("user_id").get(user["id"])
    latest = state["email_verifications"].items[pending[-1]] if pending else None
    if latest is None or latest["code"] != code:
        state.emit(
            "authentication.email_verification_failed",
            {
                "type": "email_verification",
                "status": "failed",
                "ip_address": None,
                "user_agent": ctx.request.headers.get("user-agent"),
                "user_id": user["id"],
                "email": user["email"],
                "error": {"code": "email_verification_code_incorrect", "message": "Wrong code."},
            },
        )
        raise error(400, "The verification code is incorrect.", "email_verification_code_incorrect")
    user["email_verified"] = True
    state.touch("users", user)
    state.emit(
        "authentication.email_verification_succeeded",
        {
            "type": "email_verification",
            "status": "succeeded",
            "ip_address": None,
            "user_agent": ctx.request.headers.get("user-agent"),
            "user_id": user["id"],
            "email": user["email"],
        },
    )
    state.emit("user.updated", render.user(user))
    return json_response({"user": render.user(user)})


@routes.get("/user_management/email_verification/{id}")
def get_email_verification(ctx: Ctx) -> Response:
    ev = fetch(ctx.state, "email_verifications", ctx.params["id"], "Email verification")
    return json_response(public(ev))


# -- password reset ---------------------------------------------------------------------------


@routes.post("/user_management/password_reset")
def create_password_reset(ctx: Ctx) -> Response:
    state = ctx.state
    email = check_email(require_str(ctx.json(), "email"))
    uid = state["users"].index("email").first(email)
    if uid is None:
        raise error(404, f"User not found: '{email}'.", "entity_not_found")
    user = state["users"].items[uid]
    _, ms, _ = state.stamp()
    token = secrets.token_urlsafe(24)
    reset = state.create(
        "password_resets",
        {
            "object": "password_reset",
            "user_id": user["id"],
            "email": user["email"],
            "expires_at": ids.iso(ms + HOUR_MS),
            "password_reset_token": token,
            "password_reset_url": f"https://auth.workos.example/reset-password?token={token}",
        },
    )
    out = public(reset)
    out.pop("updated_at", None)
    event = {k: out[k] for k in ("object", "id", "user_id", "email", "expires_at", "created_at")}
    state.emit("password_reset.created", event)
    return json_response(out, 201)


@routes.get("/user_management/password_reset/{id}")
def get_password_reset(ctx: Ctx) -> Response:
    reset = fetch(ctx.state, "password_resets", ctx.params["id"], "Password reset")
    out = public(reset)
    out.pop("updated_at", None)
    return json_response(out)


@routes.post("/user_management/password_reset/confirm")
def confirm_password_reset(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    token = require_str(body, "token")
    password = require_str(body, "new_password")
    rid = state["password_resets"].index("password_reset_token").first(token)
    reset = state["password_resets"].get(rid) if rid else None
    if reset is None or ids.parse_iso(reset["expires_at"]) < state.now_ms():
        raise error(
            400,
            "The password reset token is invalid or expired.",
            "password_reset_error",
            errors=[{"code": "password_reset_token_invalid", "message": "Invalid token."}],
        )
    user = fetch(state, "users", reset["user_id"], "User")
    hashed = _check_password({"password": password})
    user["_password"] = hashed
    state.touch("users", user)
    state["password_resets"].delete(reset["id"])
    event = {k: reset[k] for k in ("object", "id", "user_id", "email", "expires_at", "created_at")}
    state.emit("password_reset.succeeded", event)
    return json_response({"user": render.user(user)})
