"""Short-lived tokens for the browser: widget session tokens and Client API tokens.

Both are RS256 JWTs signed with the emulator's key (verifiable with ``/sso/jwks/{clientId}``),
issued for a user and, when given, an organization the user is an active member of.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from .. import jws
from ..errors import ApiError, error, not_found
from ..http import Ctx, Routes, json_response
from ..oauth import CLIENT_ID, ISSUER, now_s
from ..sessions import membership_of
from ..state import EmulatorState

routes = Routes()

WIDGET_TOKEN_TTL_S = 3_600
CLIENT_TOKEN_TTL_S = 600
WIDGET_SCOPES = (
    "widgets:users-table:manage",
    "widgets:domain-verification:manage",
    "widgets:sso:manage",
    "widgets:api-keys:manage",
    "widgets:dsync:manage",
    "widgets:audit-log-streaming:manage",
    "widgets:pipes:manage",
)


def _invalid(messages: list[str]) -> ApiError:
    """A request validation failure, shaped as the spec's ``{message: [...], error}``."""
    return ApiError(400, {"message": messages, "error": "Bad Request"})


def _body(ctx: Ctx) -> dict[str, Any]:
    try:
        return ctx.json(status=400)
    except ApiError as exc:
        raise _invalid([str(exc)]) from None


def _subject(state: EmulatorState, user_id: str, org_id: str | None) -> None:
    """404 for an unknown user or organization, 422 when the user is not a member."""
    if state["users"].get(user_id) is None:
        raise not_found("User", user_id)
    if org_id is None:
        return
    if state["organizations"].get(org_id) is None:
        raise not_found("Organization", org_id)
    if membership_of(state, user_id, org_id) is None:
        raise error(
            422,
            f"User '{user_id}' is not an active member of organization '{org_id}'.",
            "organization_membership_not_found",
        )


def _token(state: EmulatorState, audience: str, ttl_s: int, **claims: Any) -> str:
    issued = now_s(state)
    payload: dict[str, Any] = {
        "iss": f"{ISSUER}/user_management/{CLIENT_ID}",
        "aud": audience,
        "jti": state.new_id("jti"),
        "iat": issued,
        "exp": issued + ttl_s,
    }
    payload.update({k: v for k, v in claims.items() if v is not None})
    return jws.sign(state, payload)


@routes.post("/widgets/token")
def widget_token(ctx: Ctx) -> Response:
    body = _body(ctx)
    problems: list[str] = []
    user_id, org_id, scopes = body.get("user_id"), body.get("organization_id"), body.get("scopes")
    if not isinstance(user_id, str) or not user_id:
        problems.append("user_id must be a string")
    if org_id is not None and (not isinstance(org_id, str) or not org_id):
        problems.append("organization_id must be a string")
    if scopes is not None and (
        not isinstance(scopes, list) or any(s not in WIDGET_SCOPES for s in scopes)
    ):
        problems.append(
            "each value in scopes must be one of the following values: " + ", ".join(WIDGET_SCOPES)
        )
    if problems:
        raise _invalid(problems)
    assert isinstance(user_id, str)
    if scopes and org_id is None:
        raise ApiError(400, {"message": "organization_id is required when scopes are provided."})
    _subject(ctx.state, user_id, org_id)
    token = _token(
        ctx.state,
        "workos:widgets",
        WIDGET_TOKEN_TTL_S,
        sub=user_id,
        org_id=org_id,
        permissions=list(scopes or []),
    )
    return json_response({"token": token}, 201)


@routes.post("/client/token")
def client_api_token(ctx: Ctx) -> Response:
    try:
        body = ctx.json(status=400)
    except ApiError as exc:
        raise ApiError(400, {"message": str(exc)}) from None
    for name in ("organization_id", "user_id"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise ApiError(400, {"message": f"{name} must be a non-empty string."})
    user_id, org_id = body["user_id"], body["organization_id"]
    _subject(ctx.state, user_id, org_id)
    token = _token(ctx.state, "workos:client-api", CLIENT_TOKEN_TTL_S, sub=user_id, org_id=org_id)
    return json_response({"token": token}, 201)
