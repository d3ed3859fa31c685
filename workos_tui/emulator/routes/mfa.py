"""Multi-factor authentication (``/auth/factors``, ``/auth/challenges``): enroll TOTP, SMS and
generic OTP factors, challenge them and verify the one-time codes.

TOTP codes are real RFC 6238 codes of the factor's secret (an authenticator app works); SMS
codes are not sent anywhere, the emulator keeps them (``state["auth_challenges"]``).
"""

from __future__ import annotations

import base64
import re
import secrets
from typing import Any
from urllib.parse import quote

from starlette.responses import Response

from .. import ids, totp
from ..errors import ApiError, error
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, optional_str

routes = Routes()

FACTOR_TYPES = ("generic_otp", "sms", "totp")
CHALLENGE_TTL_MS = 10 * 60_000
MAX_ATTEMPTS = 5
PHONE = re.compile(r"^\+[1-9]\d{6,14}$")


def render_factor(factor: Record) -> Record:
    """A factor as the API shows it (no ``user_id`` key when it belongs to no user)."""
    out = public(factor)
    if out.get("user_id") is None:
        out.pop("user_id", None)
    return out


def render_challenge(challenge: Record) -> Record:
    out = public(challenge)
    for key in ("expires_at", "code"):
        if out.get(key) is None:
            out.pop(key, None)
    return out


def _unprocessable(message: str, field: str) -> ApiError:
    return error(
        422, message, "invalid_request_parameters", errors=[{"field": field, "code": "invalid"}]
    )


@routes.post("/auth/factors/enroll")
def enroll_factor(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    kind = body.get("type")
    if kind not in FACTOR_TYPES:
        raise _unprocessable("type must be one of generic_otp, sms or totp.", "type")
    user_id = optional_str(body, "user_id")
    if user_id is not None:
        fetch(state, "users", user_id, "User", status=422)
    fields: dict[str, Any] = {"object": "authentication_factor", "type": kind, "user_id": user_id}
    enrolled_extra: dict[str, Any] = {}
    if kind == "sms":
        phone = optional_str(body, "phone_number")
        if phone is None or not PHONE.match(phone.replace(" ", "")):
            raise _unprocessable(
                "phone_number must be an E.164 number, e.g. +15555555555.", "phone_number"
            )
        fields["sms"] = {"phone_number": phone.replace(" ", "")}
    elif kind == "totp":
        issuer = optional_str(body, "totp_issuer")
        account = optional_str(body, "totp_user")
        if not issuer or not account:
            raise _unprocessable("totp_issuer and totp_user are required for totp.", "totp_issuer")
        secret = base64.b32encode(secrets.token_bytes(20)).decode()
        fields["totp"] = {"issuer": issuer, "user": account}
        fields["_secret"] = secret
        uri = (
            f"otpauth://totp/{quote(issuer)}:{quote(account)}?secret={secret}"
            f"&issuer={quote(issuer)}"
        )
        enrolled_extra["totp"] = {
            "issuer": issuer,
            "user": account,
            "secret": secret,
            "qr_code": "data:image/png;base64," + base64.b64encode(uri.encode()).decode(),
            "uri": uri,
        }
    factor = state.create("auth_factors", fields)
    return json_response({**render_factor(factor), **enrolled_extra}, 201)


@routes.get("/auth/factors/{id}")
def get_factor(ctx: Ctx) -> Response:
    factor = fetch(ctx.state, "auth_factors", ctx.params["id"], "Authentication Factor")
    return json_response(render_factor(factor))


@routes.delete("/auth/factors/{id}")
def delete_factor(ctx: Ctx) -> Response:
    state = ctx.state
    factor = fetch(state, "auth_factors", ctx.params["id"], "Authentication Factor")
    challenges = state["auth_challenges"]
    for cid in list(challenges.index("authentication_factor_id").get(factor["id"])):
        challenges.delete(cid)
    state["auth_factors"].delete(factor["id"])
    return empty(204)


def new_challenge(state: EmulatorState, factor: Record) -> Record:
    """A challenge for ``factor``: a fresh 6-digit code unless it is TOTP."""
    ms = state.now_ms()
    is_totp = factor["type"] == "totp"
    code = None if is_totp else f"{secrets.randbelow(1_000_000):06d}"
    return state.create(
        "auth_challenges",
        {
            "object": "authentication_challenge",
            "authentication_factor_id": factor["id"],
            "expires_at": None if is_totp else ids.iso(ms + CHALLENGE_TTL_MS),
            # Only generic OTP codes are returned; SMS codes go to the phone.
            "code": code if factor["type"] == "generic_otp" else None,
            "_code": code,
            "_attempts": 0,
            "_verified": False,
        },
    )


@routes.post("/auth/factors/{id}/challenge")
def challenge_factor(ctx: Ctx) -> Response:
    state = ctx.state
    factor = fetch(state, "auth_factors", ctx.params["id"], "Authentication Factor")
    body = ctx.json(required=False)
    template = optional_str(body, "sms_template")
    if template is not None:
        if factor["type"] != "sms":
            raise _unprocessable("sms_template only applies to sms factors.", "sms_template")
        if "{{code}}" not in template:
            raise _unprocessable(
                "sms_template must contain the {{code}} placeholder.", "sms_template"
            )
    return json_response(render_challenge(new_challenge(state, factor)), 201)


@routes.post("/auth/challenges/{id}/verify")
def verify_challenge(ctx: Ctx) -> Response:
    state = ctx.state
    challenge = fetch(state, "auth_challenges", ctx.params["id"], "Authentication Challenge")
    body = ctx.json()
    code = body.get("code")
    if not isinstance(code, str) or not code:
        raise _unprocessable("code is required.", "code")
    if challenge["_verified"]:
        raise error(
            422,
            "The authentication challenge has already been verified.",
            "authentication_challenge_previously_verified",
        )
    now = state.now_ms()
    expires = challenge.get("expires_at")
    if expires is not None and ids.parse_iso(expires) < now:
        raise error(
            422, "The authentication challenge has expired.", "authentication_challenge_expired"
        )
    if challenge["_attempts"] >= MAX_ATTEMPTS:
        raise error(
            400, "Too many attempts for this one-time code.", "one_time_code_too_many_attempts"
        )
    factor = state["auth_factors"].get(challenge["authentication_factor_id"])
    if factor is None:
        raise error(404, "The challenge's authentication factor was deleted.", "entity_not_found")
    if factor["type"] == "totp":
        valid = totp.verify(factor["_secret"], code, now)
    else:
        valid = secrets.compare_digest(str(challenge["_code"]), code)
    challenge["_attempts"] += 1
    challenge["_verified"] = valid
    state.touch("auth_challenges", challenge)
    return json_response({"challenge": render_challenge(challenge), "valid": valid}, 201)
