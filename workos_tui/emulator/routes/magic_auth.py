"""Magic Auth codes (``/user_management/magic_auth``) and email changes
(``/user_management/users/{id}/email_change/send|confirm``).

No email leaves the emulator: the one-time codes are in the Magic Auth object (as the API
returns it) and, for email changes, in ``state["email_changes"]``.
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .. import ids, render
from ..errors import ApiError, error
from ..http import Ctx, Routes, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import check_email, fetch, optional_str

routes = Routes()

MAGIC_TTL_MS = 10 * 60_000
EMAIL_CHANGE_TTL_MS = 15 * 60_000
MAX_ATTEMPTS = 5


def _code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _sign_up(state: EmulatorState, email: str) -> Record:
    user = state.create(
        "users",
        {
            "object": "user",
            "first_name": None,
            "last_name": None,
            "name": None,
            "profile_picture_url": None,
            "email": email,
            "email_verified": False,
            "external_id": None,
            "metadata": {},
            "last_sign_in_at": None,
            "locale": None,
            "_organization_ids": [],
            "_password": None,
        },
    )
    state.emit("user.created", render.user(user))
    return user


def new_magic_auth(state: EmulatorState, user: Record, *, events: bool = True) -> Record:
    ms = state.now_ms()
    record = state.create(
        "magic_auths",
        {
            "object": "magic_auth",
            "user_id": user["id"],
            "email": user["email"],
            "expires_at": ids.iso(ms + MAGIC_TTL_MS),
            "code": _code(),
        },
    )
    if events:
        data = {k: v for k, v in public(record).items() if k != "code"}
        state.emit("magic_auth.created", data)
    return record


@routes.post("/user_management/magic_auth")
def create_magic_auth(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    raw = body.get("email")
    if not isinstance(raw, str) or not raw.strip():
        raise error(422, "email is required.", "invalid_request_parameters")
    email = check_email(raw).lower()
    token = optional_str(body, "invitation_token")
    if token is not None:
        ok = any(
            inv["state"] == "pending" and inv["email"].lower() == email
            for inv in (
                state["invitations"].get(i) for i in state["invitations"].index("token").get(token)
            )
            if inv is not None
        )
        if not ok:
            return json_response(
                {
                    "error": "invitation_invalid",
                    "error_description": "The invitation is not pending or is for another email.",
                },
                400,
            )
    uid = state["users"].index("email").first(email)
    user = state["users"].get(uid) if uid else None
    if user is None:
        user = _sign_up(state, email)
    return json_response(public(new_magic_auth(state, user)), 201)


@routes.get("/user_management/magic_auth/{id}")
def get_magic_auth(ctx: Ctx) -> Response:
    record = fetch(ctx.state, "magic_auths", ctx.params["id"], "Magic Auth")
    return json_response(public(record))


# -- email change ------------------------------------------------------------------------------


def _email_in_use(state: EmulatorState, email: str, user_id: str) -> bool:
    return any(u != user_id for u in state["users"].index("email").get(email))


@routes.post("/user_management/users/{id}/email_change/send")
def send_email_change(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    body = ctx.json()
    raw = body.get("new_email")
    if not isinstance(raw, str) or not raw.strip():
        raise error(422, "new_email is required.", "invalid_request_parameters")
    try:
        new_email = check_email(raw, "new_email").lower()
    except ApiError:
        raise error(422, "new_email must be a valid email address.", "invalid_email") from None
    if new_email == user["email"].lower():
        raise error(409, "The user already has this email address.", "email_change_not_needed")
    if _email_in_use(state, new_email, user["id"]):
        raise error(409, "This email address is not available.", "email_not_available")
    changes = state["email_changes"]
    for old in list(changes.index("user_id").get(user["id"])):
        changes.delete(old)
    ms = state.now_ms()
    change = state.create(
        "email_changes",
        {
            "object": "email_change",
            "user_id": user["id"],
            "new_email": new_email,
            "expires_at": ids.iso(ms + EMAIL_CHANGE_TTL_MS),
            "_code": _code(),
            "_attempts": 0,
            "_used": False,
        },
    )
    return json_response(_render_change(change, user))


def _render_change(change: Record, user: Record) -> dict[str, Any]:
    return {
        "object": "email_change",
        "user": render.user(user),
        "new_email": change["new_email"],
        "expires_at": change["expires_at"],
        "created_at": change["created_at"],
    }


@routes.post("/user_management/users/{id}/email_change/confirm")
def confirm_email_change(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["id"], "User")
    body = ctx.json()
    code = body.get("code")
    if not isinstance(code, str) or not code:
        raise error(422, "code is required.", "invalid_request_parameters")
    pending = state["email_changes"].index("user_id").get(user["id"])
    if not pending:
        raise error(409, "The user has no pending email change.", "no_pending_email_change")
    change = state["email_changes"].items[pending[-1]]
    if change["_used"]:
        raise error(409, "This code has already been used.", "email_change_code_previously_used")
    if change["_attempts"] >= MAX_ATTEMPTS:
        raise error(429, "Too many attempts; send a new code.", "email_change_too_many_attempts")
    if ids.parse_iso(change["expires_at"]) < state.now_ms():
        raise error(400, "The code has expired; send a new one.", "email_change_code_expired")
    change["_attempts"] += 1
    if not secrets.compare_digest(change["_code"], code):
        state["email_changes"].put(change)
        raise error(400, "The code is incorrect.", "email_change_code_incorrect")
    if _email_in_use(state, change["new_email"], user["id"]):
        raise error(409, "This email address is not available.", "email_not_available")
    change["_used"] = True
    state["email_changes"].put(change)
    user["email"] = change["new_email"]
    user["email_verified"] = True
    state.touch("users", user)
    state.emit("user.updated", render.user(user))
    return json_response({"object": "email_change_confirmation", "user": render.user(user)})
