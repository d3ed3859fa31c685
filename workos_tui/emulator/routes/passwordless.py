"""Magic Link passwordless sessions (``/passwordless/sessions``), outside our spec copy.

WorkOS deprecated Magic Link for Magic Auth but today's SDKs still call it
(``passwordless.create_session`` / ``createSession``, ``send_session`` / ``sendSession``).
No email leaves the emulator: the session's ``link`` points at the emulator itself, and
following it (``GET /passwordless/{token}/confirm``, no API key, like WorkOS's hosted page)
redirects to the session's ``redirect_uri`` with a code that ``POST /sso/token`` exchanges for a
``MagicLink`` profile, as WorkOS does.
"""

from __future__ import annotations

from starlette.responses import Response

from .. import ids
from ..errors import error, not_found
from ..http import Ctx, Routes, json_response
from ..oauth import consume, is_http_url, issue, redirect, with_query
from .common import check_email, fetch, optional_str, require_str
from .sso_auth import create_profile

routes = Routes()

SESSION_TYPES = ("MagicLink",)
DEFAULT_EXPIRES_S = 900
MIN_EXPIRES_S, MAX_EXPIRES_S = 900, 86_400
CONFIRM_PATH = "/passwordless/{token}/confirm"


def _expires_in(value: object) -> int:
    if value is None:
        return DEFAULT_EXPIRES_S
    if isinstance(value, bool) or not isinstance(value, int):
        raise error(422, "expires_in must be an integer.", "invalid_request_parameters")
    if not MIN_EXPIRES_S <= value <= MAX_EXPIRES_S:
        raise error(
            422,
            f"expires_in must be between {MIN_EXPIRES_S} and {MAX_EXPIRES_S} seconds.",
            "invalid_request_parameters",
        )
    return value


@routes.post("/passwordless/sessions")
def create_session(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    email = check_email(require_str(body, "email")).lower()
    kind = body.get("type")
    if kind not in SESSION_TYPES:
        raise error(422, "type must be 'MagicLink'.", "invalid_request_parameters")
    redirect_uri = optional_str(body, "redirect_uri")
    if redirect_uri is not None and not is_http_url(redirect_uri):
        raise error(422, "redirect_uri must be an http(s) URL.", "invalid_request_parameters")
    connection_id = optional_str(body, "connection")
    if connection_id is not None:
        fetch(state, "connections", connection_id, "Connection", status=422)
    lifetime_s = _expires_in(body.get("expires_in"))
    ms = state.now_ms()
    session = state.create(
        "passwordless_sessions",
        {
            "object": "passwordless_session",
            "email": email,
            "expires_at": ids.iso(ms + lifetime_s * 1000),
            "_sent": 0,
        },
    )
    token = issue(
        state,
        "passwordless",
        {
            "session_id": session["id"],
            "email": email,
            "redirect_uri": redirect_uri,
            "state": optional_str(body, "state"),
            "connection_id": connection_id,
        },
        ttl_ms=lifetime_s * 1000,
    )
    base = str(ctx.request.base_url).rstrip("/")
    session["link"] = base + CONFIRM_PATH.replace("{token}", token)
    state["passwordless_sessions"].put(session)
    return json_response(_body(session), 201)


def _body(session: dict[str, object]) -> dict[str, object]:
    keys = ("object", "id", "email", "expires_at", "link")
    return {k: session[k] for k in keys}


@routes.post("/passwordless/sessions/{id}/send")
def send_session(ctx: Ctx) -> Response:
    state = ctx.state
    session = state["passwordless_sessions"].get(ctx.params["id"])
    if session is None:
        raise not_found("Passwordless session", ctx.params["id"])
    if ids.parse_iso(session["expires_at"]) < state.now_ms():
        raise error(400, "The passwordless session has expired.", "passwordless_session_expired")
    session["_sent"] += 1  # the email the emulator would have sent
    state["passwordless_sessions"].put(session)
    return json_response({"success": True})


@routes.get(CONFIRM_PATH)
def confirm(ctx: Ctx) -> Response:
    """The link in the email: redirect to the app with a code for a ``MagicLink`` profile."""
    state = ctx.state
    grant = consume(state, "passwordless", ctx.params["token"])
    if grant is None:
        raise error(400, "The link is invalid, expired or already used.", "invalid_link")
    redirect_uri = grant.get("redirect_uri")
    if redirect_uri is None:
        uris = state["redirect_uris"]
        defaults = [r for r in uris if r.get("default")] or list(uris)
        if not defaults:
            raise error(422, "No redirect URI: pass redirect_uri or configure one.")
        redirect_uri = defaults[0]["uri"]
    conn = state["connections"].get(grant["connection_id"] or "")
    profile = create_profile(state, conn, "MagicLink", grant["email"])
    code = issue(state, "sso_code", {"profile_id": profile["id"], "redirect_uri": redirect_uri})
    return redirect(with_query(redirect_uri, {"code": code, "state": grant.get("state")}))
