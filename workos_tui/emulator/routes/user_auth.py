"""Device authorization, Radar challenges, session logout (302) and revocation (the browser's
authorize pages are in :mod:`.authorize`)."""

from __future__ import annotations

from starlette.responses import Response

from .. import ids
from ..errors import ApiError, error
from ..http import Ctx, Routes, empty, json_response, public
from ..oauth import CLIENT_ID, issue, oauth_error, redirect, with_query
from ..sessions import end_session
from .common import fetch, require_str

routes = Routes()

DEVICE_TTL_S = 300
VERIFICATION_URI = "https://auth.workos.example/device"
LOGGED_OUT_URL = "https://auth.workos.example/logged-out"
USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ"


@routes.post("/user_management/authorize/device")
def device_authorization(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json(status=400)
    client_id = body.get("client_id")
    if not isinstance(client_id, str) or not client_id:
        raise oauth_error(400, "invalid_request", "client_id is required.")
    if client_id != CLIENT_ID:
        raise oauth_error(400, "invalid_client", "Invalid client ID.")
    users = state["users"]
    user_id = users.order[0] if users.order else None
    user_code = "".join(state.rng.choice(USER_CODE_ALPHABET) for _ in range(8))
    user_code = f"{user_code[:4]}-{user_code[4:]}"
    device_code = issue(
        state, "device", {"user_id": user_id, "user_code": user_code}, ttl_ms=DEVICE_TTL_S * 1000
    )
    return json_response(
        {
            "device_code": device_code,
            "user_code": user_code,
            "verification_uri": VERIFICATION_URI,
            "verification_uri_complete": with_query(VERIFICATION_URI, {"user_code": user_code}),
            "expires_in": DEVICE_TTL_S,
            "interval": 5,
        }
    )


# -- Radar challenges -------------------------------------------------------------------------


@routes.post("/user_management/radar_challenges")
def send_radar_sms_challenge(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    user = fetch(state, "users", require_str(body, "user_id"), "User")
    token = require_str(body, "pending_authentication_token")
    phone = require_str(body, "phone_number")
    pending = state["auth_codes"].get(token)
    if pending is None or pending["kind"] != "pending" or pending["user_id"] != user["id"]:
        raise error(
            400,
            "The pending authentication token is invalid.",
            "invalid_pending_authentication_token",
        )
    _, ms, _ = state.stamp()
    challenge = state.create(
        "radar_challenges",
        {
            "object": "radar_challenge",
            "type": "sms",
            "user_id": user["id"],
            "phone_number": phone,
            "expires_at": ids.iso(ms + 10 * 60_000),
            "code": f"{state.rng.randrange(1_000_000):06d}",
        },
    )
    return json_response({"verification_id": challenge["id"], "phone_number": phone}, 201)


@routes.get("/user_management/radar_challenges/{id}")
def get_radar_challenge(ctx: Ctx) -> Response:
    challenge = ctx.state["radar_challenges"].get(ctx.params["id"])
    if challenge is None or challenge["type"] != "email":
        raise error(404, f"Radar challenge not found: '{ctx.params['id']}'.", "entity_not_found")
    return json_response(public(challenge))


# -- sessions ---------------------------------------------------------------------------------


@routes.get("/user_management/sessions/logout")
def logout(ctx: Ctx) -> Response:
    session_id = ctx.query.get("session_id")
    if not session_id:
        raise error(422, "session_id is required.", "invalid_request_parameters")
    session = ctx.state["sessions"].get(session_id)
    if session is None:
        raise error(422, f"Session not found: '{session_id}'.", "invalid_session")
    end_session(ctx.state, session)
    return_to = ctx.query.get("return_to") or LOGGED_OUT_URL
    return redirect(return_to)


def _bad_request(message: str) -> ApiError:
    return ApiError(400, {"message": message})


@routes.post("/user_management/sessions/revoke")
def revoke_session(ctx: Ctx) -> Response:
    body = ctx.json(status=400)
    session_id = body.get("session_id")
    if not isinstance(session_id, str) or not session_id:
        raise _bad_request("session_id is required.")
    session = ctx.state["sessions"].get(session_id)
    if session is None:
        raise _bad_request(f"Session not found: '{session_id}'.")
    end_session(ctx.state, session)
    return empty(200)
