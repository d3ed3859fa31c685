"""API keys owned by organizations or by users: list, create, validate, expire, delete."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from starlette.responses import Response

from .. import ids
from ..errors import ApiError, error
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, require_str

routes = Routes()


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _field_error(status: int, field: str, code: str, message: str) -> ApiError:
    errors = [{"field": field, "code": code}]
    return error(status, message, "invalid_request_parameters", errors=errors)


def _permissions(body: dict[str, Any], status: int) -> list[str]:
    value = body.get("permissions")
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(p, str) for p in value):
        raise _field_error(status, "permissions", "invalid_type", "permissions must be strings.")
    return list(value)


def _expires_at(body: dict[str, Any], status: int) -> str | None:
    value = body.get("expires_at")
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return ids.iso(ids.parse_iso(value))
    except ValueError:
        raise _field_error(
            status, "expires_at", "invalid_date", "expires_at must be an ISO 8601 timestamp."
        ) from None


def new_api_key(
    state: EmulatorState,
    owner: Record,
    name: str,
    permissions: list[str],
    expires_at: str | None,
    value: str | None = None,
) -> tuple[Record, str]:
    """Store a key for ``owner`` (``{"type", "id"[, "organization_id"]}``): (record, value)."""
    value = value or "sk_" + secrets.token_urlsafe(30)
    record = state.create(
        "api_keys",
        {
            "object": "api_key",
            "owner": owner,
            "name": name,
            "obfuscated_value": f"sk_...{value[-4:]}",
            "last_used_at": None,
            "expires_at": expires_at,
            "permissions": permissions,
            "_owner_id": owner["id"],
            "_digest": digest(value),
        },
    )
    return record, value


def _created(ctx: Ctx, owner: Record, body: dict[str, Any], status: int) -> Response:
    name = require_str(body, "name", status=status)
    record, value = new_api_key(
        ctx.state, owner, name, _permissions(body, status), _expires_at(body, status)
    )
    ctx.state.emit("api_key.created", public(record), owner.get("organization_id") or owner["id"])
    return json_response({**public(record), "value": value}, 201)


@routes.get("/organizations/{organizationId}/api_keys")
def list_organization_api_keys(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    candidates = ctx.state["api_keys"].index("_owner_id").get(org["id"])
    return list_page(ctx, "api_keys", candidates=candidates)


@routes.post("/organizations/{organizationId}/api_keys")
def create_organization_api_key(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    return _created(ctx, {"type": "organization", "id": org["id"]}, ctx.json(), 422)


@routes.get("/user_management/users/{userId}/api_keys")
def list_user_api_keys(ctx: Ctx) -> Response:
    user = fetch(ctx.state, "users", ctx.params["userId"], "User")
    candidates = ctx.state["api_keys"].index("_owner_id").get(user["id"])
    org_id = ctx.query.get("organization_id")
    predicate = (lambda r: r["owner"].get("organization_id") == org_id) if org_id else None
    return list_page(ctx, "api_keys", candidates=candidates, predicate=predicate)


@routes.post("/user_management/users/{userId}/api_keys")
def create_user_api_key(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["userId"], "User")
    body = ctx.json(status=400)
    require_str(body, "name", status=400)
    org_id = require_str(body, "organization_id", status=400)
    if org_id not in user.get("_organization_ids", []):
        raise error(
            422,
            f"The user is not a member of the organization '{org_id}'.",
            "organization_membership_not_found",
        )
    owner = {"type": "user", "id": user["id"], "organization_id": org_id}
    return _created(ctx, owner, body, 400)


@routes.post("/api_keys/validations")
def validate_api_key(ctx: Ctx) -> Response:
    value = require_str(ctx.json(), "value")
    col = ctx.state["api_keys"]
    wanted = digest(value)
    now = ids.iso(ctx.state.now_ms())
    for record in col:
        if record["_digest"] == wanted:
            expires = record.get("expires_at")
            if expires is not None and expires <= now:
                break
            record["last_used_at"] = now
            col.put(record)
            return json_response({"api_key": public(record)})
    return json_response({"api_key": None})


@routes.delete("/api_keys/{id}")
def delete_api_key(ctx: Ctx) -> Response:
    record = fetch(ctx.state, "api_keys", ctx.params["id"], "API key")
    ctx.state["api_keys"].delete(record["id"])
    owner = record["owner"]
    ctx.state.emit("api_key.revoked", public(record), owner.get("organization_id") or owner["id"])
    return empty(204)


@routes.post("/api_keys/{id}/expire")
def expire_api_key(ctx: Ctx) -> Response:
    state = ctx.state
    record = fetch(state, "api_keys", ctx.params["id"], "API key")
    body = ctx.json(required=False)
    now = ids.iso(state.now_ms())
    current = record.get("expires_at")
    if current is not None and current <= now:
        raise error(409, "The API key has already expired.", "api_key_already_expired")
    when = _expires_at(body, 422) or now
    record["expires_at"] = when
    state.touch("api_keys", record)
    owner = record["owner"]
    event = {**public(record), "previous_attributes": {"expires_at": current}}
    state.emit("api_key.updated", event, owner.get("organization_id") or owner["id"])
    return json_response(public(record))
