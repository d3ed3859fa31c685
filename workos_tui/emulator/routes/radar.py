"""Standalone Radar: risk assessment of an attempt, attempt updates, allow and block lists.

The verdict is ``block`` when the IP address, email, email domain or user agent is on a block
list (and not on the matching allow list), else ``allow``. Blocked IP addresses also make
AuthKit answer a password authentication with a Radar challenge (see ``authenticate``).
"""

from __future__ import annotations

import ipaddress
from typing import Any

from starlette.responses import Response

from ..errors import ApiError
from ..http import Ctx, Routes, empty, json_response

routes = Routes()

LIST_TYPES = frozenset(
    {"ip_address", "domain", "email", "device", "user_agent", "device_fingerprint", "country"}
)
ACTIONS = frozenset({"block", "allow"})
AUTH_METHODS = frozenset(
    {"Password", "Passkey", "Authenticator", "SMS_OTP", "Email_OTP", "Social", "SSO", "Other"}
)
ATTEMPT_ACTIONS = frozenset({"sign-up", "sign-in"})


def _bad(message: str) -> ApiError:
    return ApiError(400, {"message": message})


def _entry_key(list_type: str, action: str, entry: str) -> str:
    return f"{list_type}:{action}:{entry.lower()}"


def _check_entry(list_type: str, entry: str) -> None:
    if list_type == "ip_address":
        try:
            ipaddress.ip_address(entry)
        except ValueError:
            raise _bad(f"'{entry}' is not a valid IP address.") from None
    elif list_type == "email" and "@" not in entry:
        raise _bad(f"'{entry}' is not a valid email address.")
    elif list_type == "country" and (len(entry) != 2 or not entry.isalpha()):
        raise _bad("A country entry is an ISO 3166-1 alpha-2 code.")


def _list_params(ctx: Ctx) -> tuple[str, str, str]:
    list_type, action = ctx.params["type"], ctx.params["action"]
    if list_type not in LIST_TYPES:
        raise _bad(f"Unknown Radar list type '{list_type}'.")
    if action not in ACTIONS:
        raise _bad("The list action must be block or allow.")
    entry = ctx.json(status=400).get("entry")
    if not isinstance(entry, str) or not entry.strip():
        raise _bad("entry is required.")
    return list_type, action, entry.strip()


@routes.post("/radar/lists/{type}/{action}")
def add_list_entry(ctx: Ctx) -> Response:
    list_type, action, entry = _list_params(ctx)
    _check_entry(list_type, entry)
    key = _entry_key(list_type, action, entry)
    col = ctx.state["radar_list_entries"]
    if col.get(key) is not None:
        return json_response({"message": f"'{entry}' is already on the {action} list."})
    col.put({"id": key, "type": list_type, "action": action, "entry": entry})
    return empty(204)


@routes.delete("/radar/lists/{type}/{action}")
def delete_list_entry(ctx: Ctx) -> Response:
    list_type, action, entry = _list_params(ctx)
    key = _entry_key(list_type, action, entry)
    if ctx.state["radar_list_entries"].delete(key) is None:
        raise ApiError(404, {"message": f"'{entry}' is not on the {action} list."})
    return empty(204)


def _listed(ctx: Ctx, action: str, list_type: str, value: str | None) -> bool:
    if not value:
        return False
    return ctx.state["radar_list_entries"].get(_entry_key(list_type, action, value)) is not None


def _verdict(ctx: Ctx, body: dict[str, Any]) -> tuple[str, str | None]:
    email = body["email"]
    candidates = [
        ("ip_address", body["ip_address"]),
        ("email", email),
        ("domain", email.partition("@")[2]),
        ("user_agent", body["user_agent"]),
    ]
    for list_type, value in candidates:
        if _listed(ctx, "block", list_type, value) and not _listed(ctx, "allow", list_type, value):
            return "block", list_type
    return "allow", None


@routes.post("/radar/attempts")
def assess_attempt(ctx: Ctx) -> Response:
    body = ctx.json(status=400)
    for name in ("ip_address", "user_agent", "email", "auth_method", "action"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise _bad(f"{name} is required.")
    if body["auth_method"] not in AUTH_METHODS:
        raise _bad(f"Unknown auth_method '{body['auth_method']}'.")
    if body["action"] not in ATTEMPT_ACTIONS:
        raise _bad("action must be sign-up or sign-in.")
    verdict, list_type = _verdict(ctx, body)
    attempt = ctx.state.create(
        "radar_attempts",
        {
            "verdict": verdict,
            "email": body["email"],
            "ip_address": body["ip_address"],
            "challenge_status": None,
            "attempt_status": None,
        },
    )
    out: dict[str, Any] = {"verdict": verdict, "attempt_id": attempt["id"]}
    if list_type is None:
        out["reason"] = "No risk signals were detected."
    else:
        out["reason"] = f"The {list_type.replace('_', ' ')} is on a block list."
        out["control"] = "restriction"
        out["blocklist_type"] = list_type
    return json_response(out)


@routes.put("/radar/attempts/{id}")
def update_attempt(ctx: Ctx) -> Response:
    attempt = ctx.state["radar_attempts"].get(ctx.params["id"])
    if attempt is None:
        raise ApiError(404, {"message": f"Radar attempt not found: '{ctx.params['id']}'."})
    body = ctx.json(status=400)
    changes: dict[str, Any] = {
        k: body[k] for k in ("challenge_status", "attempt_status") if k in body
    }
    if not changes or any(v != "success" for v in changes.values()):
        raise _bad("Set challenge_status or attempt_status to 'success'.")
    attempt.update(changes)
    ctx.state.touch("radar_attempts", attempt)
    return empty(204)
