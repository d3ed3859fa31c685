"""Standalone Connect: completing an external authentication (``POST /authkit/oauth2/complete``).

AuthKit sends the browser to your login page with an ``external_auth_id``; the emulator treats
every well-formed id (``ext_auth_…``) as a pending session, which can be completed once. The
user is upserted by ``external_id`` (your ``user.id``): users this endpoint created can have
their email changed by a later completion, other users cannot.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .. import ids, render
from ..errors import ApiError, error
from ..http import Ctx, Routes, json_response
from ..oauth import issue, with_query
from ..state import EmulatorState
from ..store import Record

routes = Routes()

EXTERNAL_AUTH_PREFIX = "ext_auth_"
COMPLETED_KIND = "external_auth"
COMPLETED_TTL_MS = 24 * 3_600_000
AUTHKIT_COMPLETE_URL = "https://auth.workos.example/oauth/authorize/complete"
RESERVED_CLAIMS = frozenset(
    {"sub", "iss", "aud", "exp", "iat", "nbf", "jti", "sid", "org_id", "role", "permissions"}
)
METADATA_MAX_KEYS, METADATA_MAX_KEY, METADATA_MAX_VALUE = 50, 40, 600


def _bad_request(message: str) -> ApiError:
    return ApiError(400, {"error": "Bad Request", "message": message})


def _coded(code: str, message: str) -> ApiError:
    return ApiError(400, {"code": code, "message": message})


def valid_email(value: str) -> bool:
    local, _, domain = value.partition("@")
    return bool(local) and "." in domain and not any(c.isspace() for c in value)


def email_taken(state: EmulatorState, email: str, user_id: str | None) -> bool:
    return any(u != user_id for u in state["users"].index("email").get(email))


def create_external_user(
    state: EmulatorState,
    email: str,
    external_id: str,
    *,
    first_name: str | None = None,
    last_name: str | None = None,
    name: str | None = None,
    metadata: dict[str, str] | None = None,
) -> Record:
    """A user created on behalf of an external system (no password), with ``user.created``."""
    user = state.create(
        "users",
        {
            "object": "user",
            "first_name": first_name,
            "last_name": last_name,
            "name": name or " ".join(p for p in (first_name, last_name) if p) or None,
            "profile_picture_url": None,
            "email": email,
            "email_verified": False,
            "external_id": external_id,
            "metadata": metadata or {},
            "last_sign_in_at": None,
            "locale": None,
            "_organization_ids": [],
            "_password": None,
            "_external_auth": True,
        },
    )
    state.emit("user.created", render.user(user))
    return user


def _body(ctx: Ctx) -> dict[str, Any]:
    try:
        return ctx.json(status=400)
    except ApiError as exc:
        raise _bad_request(str(exc)) from None


def _optional_str(data: dict[str, Any], name: str, where: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise _bad_request(f"{where}{name} must be a string.")
    return value


def _metadata(value: Any) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad_request("user.metadata must be an object.")
    if len(value) > METADATA_MAX_KEYS:
        raise _bad_request(f"user.metadata has more than {METADATA_MAX_KEYS} keys.")
    for key, item in value.items():
        if len(key) > METADATA_MAX_KEY:
            raise _bad_request(f"user.metadata key '{key[:50]}' is longer than 40 characters.")
        if not isinstance(item, str) or len(item) > METADATA_MAX_VALUE:
            raise _bad_request(f"user.metadata.{key} must be a string of at most 600 characters.")
    return dict(value)


def _consent_options(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad_request("user_consent_options must be an array.")
    for option in value:
        if not isinstance(option, dict):
            raise _bad_request("Each user consent option must be an object.")
        claim, label, choices = option.get("claim"), option.get("label"), option.get("choices")
        if not isinstance(claim, str) or not claim or not isinstance(label, str):
            raise _bad_request("A user consent option needs a claim and a label.")
        if option.get("type") != "enum":
            raise _bad_request("A user consent option's type must be 'enum'.")
        if not isinstance(choices, list) or not all(
            isinstance(c, dict) and isinstance(c.get("value"), str) for c in choices
        ):
            raise _bad_request("A user consent option's choices must be objects with a value.")
        if claim in RESERVED_CLAIMS:
            raise _bad_request(f'Claim "{claim}" is reserved and cannot be used.')
    return list(value)


def _upsert(state: EmulatorState, data: dict[str, Any]) -> Record:
    external_id, email = data["id"], data["email"]
    names = {k: _optional_str(data, k, "user.") for k in ("first_name", "last_name", "name")}
    metadata = _metadata(data.get("metadata"))
    users = state["users"]
    uid = users.index("external_id").first(external_id)
    if uid is None:
        if email_taken(state, email, None):
            raise _coded("email_not_available", "This email is used by another user.")
        return create_external_user(state, email, external_id, metadata=metadata, **names)
    user = users.items[uid]
    if user["email"].lower() != email.lower():
        if not user.get("_external_auth"):
            raise _coded(
                "email_change_not_allowed",
                "The email of a user not created by external authentication cannot change.",
            )
        if email_taken(state, email, uid):
            raise _coded("email_not_available", "This email is used by another user.")
        user["email"] = email
        user["email_verified"] = False
    for key, value in names.items():
        if value is not None:
            user[key] = value
    if metadata is not None:
        user["metadata"] = metadata
    state.touch("users", user)
    state.emit("user.updated", render.user(user))
    return user


@routes.post("/authkit/oauth2/complete")
def complete_external_auth(ctx: Ctx) -> Response:
    state = ctx.state
    body = _body(ctx)
    external_auth_id = body.get("external_auth_id")
    if not isinstance(external_auth_id, str) or not external_auth_id:
        raise _bad_request("external_auth_id must be a non-empty string.")
    data = body.get("user")
    if not isinstance(data, dict):
        raise _bad_request("user must be an object.")
    for name in ("id", "email"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise _bad_request(f"user.{name} must be a non-empty string.")
    consent = _consent_options(body.get("user_consent_options"))
    if not external_auth_id.startswith(EXTERNAL_AUTH_PREFIX):
        raise error(404, f"External authentication session not found: '{external_auth_id}'.")
    completed = state["auth_codes"].get(external_auth_id)
    if completed is not None and completed.get("kind") == COMPLETED_KIND:
        raise _coded(
            "external_auth_session_already_completed",
            "This external authentication session was already completed.",
        )
    if not valid_email(data["email"]):
        raise _coded("invalid_email", f"'{data['email']}' is not a valid email address.")
    user = _upsert(state, data)
    ms = state.now_ms()
    state["auth_codes"].put(
        {
            "id": external_auth_id,
            "kind": COMPLETED_KIND,
            "expires_ms": ms + COMPLETED_TTL_MS,
            "created_at": ids.iso(ms),
            "user_id": user["id"],
            "user_consent_options": consent,
        }
    )
    handoff = issue(state, "external_auth_handoff", {"user_id": user["id"]})
    return json_response({"redirect_uri": with_query(AUTHKIT_COMPLETE_URL, {"state": handoff})})
