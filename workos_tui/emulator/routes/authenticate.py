"""``POST /user_management/authenticate`` with every grant type the spec lists.

A first factor (password, authorization code, Magic Auth code, device code) may be answered
with a 403 that carries a ``pending_authentication_token`` when something is still due, in this
order: email verification, a TOTP challenge, a Radar challenge (the request's IP address is on
the Radar block list) and organization selection. The matching grant (email verification, MFA
TOTP, Radar email/SMS challenge, organization selection) continues with that token; once nothing
is due a session starts (see :mod:`..sessions`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Callable
from typing import Any

from starlette.responses import Response

from .. import ids, render
from ..errors import ApiError, error
from ..http import Ctx, Routes, json_response
from ..oauth import check_client, consume, issue, lookup, now_s, oauth_error
from ..sessions import active_memberships, membership_of, respond, start_session, totp_matches
from ..state import EmulatorState
from ..store import Record

routes = Routes()

PENDING_TTL_MS = 10 * 60_000
DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
GATES = ("email_verification", "mfa", "radar", "organization")


def code_error(status: int, code: str, message: str, **extra: Any) -> ApiError:
    return ApiError(status, {"code": code, "message": message, **extra})


def _require(body: dict[str, Any], *names: str) -> None:
    for name in names:
        if not isinstance(body.get(name), str) or not body[name]:
            raise error(
                422,
                f"{name} is required.",
                "invalid_request_parameters",
                errors=[{"field": name, "code": "required"}],
            )


def password_matches(stored: Any, password: str) -> bool:
    """Check against the ``users`` route's salted SHA-256 (8-byte salt, base64)."""
    if not isinstance(stored, str):
        return False
    try:
        raw = base64.b64decode(stored)
    except ValueError:
        return False
    salt, digest = raw[:8], raw[8:]
    return hmac.compare_digest(digest, hashlib.sha256(salt + password.encode()).digest())


# -- what may still be due after a first factor ---------------------------------------------


def _pending(state: EmulatorState, user: Record, flow: Record) -> str:
    return issue(state, "pending", {"user_id": user["id"], **flow}, ttl_ms=PENDING_TTL_MS)


def _radar_blocked(state: EmulatorState, body: dict[str, Any]) -> bool:
    ip = body.get("ip_address")
    return (
        isinstance(ip, str)
        and state["radar_list_entries"].get(f"ip_address:block:{ip}".lower()) is not None
    )


def proceed(ctx: Ctx, user: Record, flow: Record) -> Response:
    """Start the session, or answer 403 with what is still due (``flow['done']`` gates skipped)."""
    state, body = ctx.state, ctx.json()
    done: list[str] = list(flow.get("done", []))
    org_id: str | None = flow.get("organization_id")
    base = {"user": render.user(user)}

    def pending() -> str:
        return _pending(state, user, {**flow, "done": done})

    if "email_verification" not in done and not user["email_verified"]:
        _, ms, _ = state.stamp()
        ev = state.create(
            "email_verifications",
            {
                "object": "email_verification",
                "user_id": user["id"],
                "email": user["email"],
                "expires_at": ids.iso(ms + 24 * 3_600_000),
                "code": f"{state.rng.randrange(1_000_000):06d}",
            },
        )
        raise code_error(
            403,
            "email_verification_required",
            "Email ownership must be verified before authentication.",
            pending_authentication_token=pending(),
            email=user["email"],
            email_verification_id=ev["id"],
            **base,
        )
    factors_col = state["auth_factors"]
    factors = [factors_col.items[f] for f in factors_col.index("user_id").get(user["id"])]
    if "mfa" not in done and factors:
        raise code_error(
            403,
            "mfa_challenge",
            "The user must complete an MFA challenge to finish authenticating.",
            pending_authentication_token=pending(),
            authentication_factors=[{"id": f["id"], "type": f["type"]} for f in factors],
            **base,
        )
    if "radar" not in done and _radar_blocked(state, body):
        _, ms, _ = state.stamp()
        challenge = state.create(
            "radar_challenges",
            {
                "object": "radar_challenge",
                "type": "email",
                "user_id": user["id"],
                "email": user["email"],
                "expires_at": ids.iso(ms + 10 * 60_000),
                "code": f"{state.rng.randrange(1_000_000):06d}",
            },
        )
        raise code_error(
            403,
            "radar_challenge",
            "Radar requires the user to confirm a code sent by email.",
            pending_authentication_token=pending(),
            radar_challenge_id=challenge["id"],
            **base,
        )
    if org_id is None and "organization" not in done:
        oms = active_memberships(state, user["id"])
        if len(oms) == 1:
            org_id = oms[0]["organization_id"]
        elif len(oms) > 1:
            orgs = [state["organizations"].get(om["organization_id"]) for om in oms]
            raise code_error(
                403,
                "organization_selection_required",
                "The user must choose an organization to sign in to.",
                pending_authentication_token=pending(),
                organizations=[{"id": o["id"], "name": o["name"]} for o in orgs if o],
                **base,
            )
    return json_response(start_session(state, user, org_id, flow["method"], body))


# -- first factors ------------------------------------------------------------------------------


def _user_by_email(state: EmulatorState, email: Any) -> Record | None:
    if not isinstance(email, str):
        return None
    found = state["users"].index("email").get(email.lower())
    return state["users"].items[found[0]] if found else None


def grant_password(ctx: Ctx, body: dict[str, Any]) -> Response:
    _require(body, "client_secret", "email", "password")
    user = _user_by_email(ctx.state, body["email"])
    if user is None or not password_matches(user.get("_password"), body["password"]):
        raise code_error(400, "invalid_credentials", "Invalid email or password.")
    return proceed(ctx, user, {"method": "Password"})


def _pkce_ok(grant: Record, verifier: Any) -> bool:
    challenge = grant.get("code_challenge")
    if challenge is None:
        return True
    if not isinstance(verifier, str):
        return False
    digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=")
    return hmac.compare_digest(digest.decode(), challenge)


def grant_authorization_code(ctx: Ctx, body: dict[str, Any]) -> Response:
    _require(body, "code")
    if body.get("client_secret") is None and body.get("code_verifier") is None:
        raise oauth_error(400, "invalid_client", "client_secret or code_verifier is required.")
    grant = consume(ctx.state, "authorization_code", body["code"])
    if grant is None or not _pkce_ok(grant, body.get("code_verifier")):
        raise oauth_error(400, "invalid_grant", "The code is invalid, expired or already used.")
    user = ctx.state["users"].get(grant["user_id"])
    if user is None:
        raise oauth_error(400, "invalid_grant", "The code's user no longer exists.")
    flow = {
        "method": grant["method"],
        "organization_id": grant.get("organization_id"),
        # Steps the hosted sign-in pages already did (email verification, MFA).
        "done": list(grant.get("done", [])),
    }
    return proceed(ctx, user, flow)


def grant_refresh_token(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "refresh_token")
    record = lookup(state, "refresh", body["refresh_token"])
    session = state["sessions"].get(record["session_id"]) if record else None
    if record is None or session is None or session["status"] != "active":
        raise oauth_error(400, "invalid_grant", "The refresh token is invalid or expired.")
    user = state["users"].get(session["user_id"])
    if user is None:
        raise oauth_error(400, "invalid_grant", "The session's user no longer exists.")
    org_id = body.get("organization_id")
    if org_id is not None and org_id != session.get("organization_id"):
        if state["organizations"].get(org_id) is None:
            raise oauth_error(400, "organization_not_found", "The organization does not exist.")
        if membership_of(state, user["id"], org_id) is None:
            raise oauth_error(
                400,
                "organization_membership_not_found",
                "The user is not a member of the organization.",
            )
        session["organization_id"] = org_id
        state.touch("sessions", session)
    state["auth_codes"].delete(record["id"])  # refresh tokens rotate
    refresh = issue(state, "refresh", {"session_id": session["id"]}, ttl_ms=30 * 24 * 3_600_000)
    method = {"password": "Password", "sso": "SSO", "magic_code": "MagicAuth"}.get(
        session["auth_method"], "Password"
    )
    return json_response(respond(state, session, user, method, refresh))


def grant_magic_auth(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "client_secret", "code", "email")
    user = _user_by_email(state, body["email"])
    col = state["magic_auths"]
    match = None
    if user is not None:
        for rid in reversed(col.index("user_id").get(user["id"])):
            candidate = col.items[rid]
            if candidate.get("code") == body["code"] and not candidate.get("_used"):
                match = candidate
                break
    if user is None or match is None:
        raise code_error(400, "invalid_one_time_code", "The code is invalid.")
    if ids.parse_iso(match["expires_at"]) < state.now_ms():
        raise code_error(400, "one_time_code_expired", "The code has expired.")
    match["_used"] = True
    col.put(match)
    if not user["email_verified"]:
        # The code reached the inbox: WorkOS marks the email verified on Magic Auth sign-in.
        user["email_verified"] = True
        state.touch("users", user)
        state.emit("user.updated", render.user(user))
    return proceed(ctx, user, {"method": "MagicAuth"})


def grant_device_code(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "device_code")
    record = lookup(state, "device", body["device_code"])
    if record is None:
        raise oauth_error(400, "expired_token", "The device code is invalid or expired.")
    if not record.get("polled"):
        # The emulated user approves on the verification page right after the first poll.
        record["polled"] = True
        state["auth_codes"].put(record)
        raise oauth_error(400, "authorization_pending", "The user has not approved yet.")
    state["auth_codes"].delete(record["id"])
    user = state["users"].get(record["user_id"]) if record.get("user_id") else None
    if user is None:
        raise oauth_error(400, "access_denied", "The user denied the request.")
    return proceed(ctx, user, {"method": "Password"})


# -- continuing with a pending authentication token ------------------------------------------


def _continue(ctx: Ctx, body: dict[str, Any], gate: str) -> tuple[Record, Record]:
    """The pending flow and its user, with ``gate`` marked done (the token is spent)."""
    _require(body, "pending_authentication_token")
    flow = consume(ctx.state, "pending", body["pending_authentication_token"])
    user = ctx.state["users"].get(flow["user_id"]) if flow else None
    if flow is None or user is None:
        raise code_error(
            400, "invalid_pending_authentication_token", "The pending token is invalid or expired."
        )
    kept = {k: v for k, v in flow.items() if k not in ("id", "kind", "expires_ms", "created_at")}
    kept["done"] = [*flow.get("done", []), gate]
    return kept, user


def _retry(ctx: Ctx, user: Record, flow: Record, gate: str) -> ApiError:
    """A wrong code keeps the flow alive under a fresh pending token."""
    flow = {**flow, "done": [g for g in flow["done"] if g != gate]}
    token = _pending(ctx.state, user, flow)
    return code_error(
        400, "invalid_one_time_code", "The code is invalid.", pending_authentication_token=token
    )


def grant_email_verification(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "client_secret", "code")
    flow, user = _continue(ctx, body, "email_verification")
    col = state["email_verifications"]
    pending = col.index("user_id").get(user["id"])
    latest = col.items[pending[-1]] if pending else None
    if latest is None or latest["code"] != body["code"]:
        raise _retry(ctx, user, flow, "email_verification")
    user["email_verified"] = True
    state.touch("users", user)
    state.emit("user.updated", render.user(user))
    return proceed(ctx, user, flow)


def grant_totp(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "client_secret", "code", "authentication_challenge_id")
    flow, user = _continue(ctx, body, "mfa")
    challenge = state["auth_challenges"].get(body["authentication_challenge_id"])
    factor = state["auth_factors"].get(challenge["authentication_factor_id"]) if challenge else None
    if factor is None or factor["user_id"] != user["id"]:
        raise code_error(400, "user_mismatch", "The challenge does not belong to this user.")
    if not totp_matches(factor["_secret"], body["code"], now_s(state)):
        raise _retry(ctx, user, flow, "mfa")
    return proceed(ctx, user, flow)


def grant_radar_email(ctx: Ctx, body: dict[str, Any]) -> Response:
    _require(body, "client_secret", "code", "radar_challenge_id")
    flow, user = _continue(ctx, body, "radar")
    challenge = ctx.state["radar_challenges"].get(body["radar_challenge_id"])
    if challenge is None or challenge["user_id"] != user["id"]:
        raise code_error(400, "user_mismatch", "The challenge does not belong to this user.")
    if challenge["code"] != body["code"]:
        raise _retry(ctx, user, flow, "radar")
    return proceed(ctx, user, flow)


def grant_radar_sms(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "client_secret", "code")
    flow, user = _continue(ctx, body, "radar")
    sms = [
        r
        for r in (
            state["radar_challenges"].items[i]
            for i in state["radar_challenges"].index("user_id").get(user["id"])
        )
        if r["type"] == "sms"
    ]
    wanted = body.get("verification_id")
    sms = [r for r in sms if wanted is None or r["id"] == wanted]
    if not sms:
        raise code_error(400, "verification_id_required", "Send an SMS challenge first.")
    if sms[-1]["code"] != body["code"]:
        raise _retry(ctx, user, flow, "radar")
    return proceed(ctx, user, flow)


def grant_organization_selection(ctx: Ctx, body: dict[str, Any]) -> Response:
    state = ctx.state
    _require(body, "client_secret", "organization_id")
    flow, user = _continue(ctx, body, "organization")
    if membership_of(state, user["id"], body["organization_id"]) is None:
        raise code_error(
            400, "invalid_organization_id", "The user is not a member of the organization."
        )
    return proceed(ctx, user, {**flow, "organization_id": body["organization_id"]})


GRANTS: dict[str, Callable[[Ctx, dict[str, Any]], Response]] = {
    "password": grant_password,
    "authorization_code": grant_authorization_code,
    "refresh_token": grant_refresh_token,
    "urn:workos:oauth:grant-type:magic-auth:code": grant_magic_auth,
    "urn:workos:oauth:grant-type:email-verification:code": grant_email_verification,
    "urn:workos:oauth:grant-type:mfa-totp": grant_totp,
    "urn:workos:oauth:grant-type:organization-selection": grant_organization_selection,
    "urn:workos:oauth:grant-type:radar-email-challenge:code": grant_radar_email,
    "urn:workos:oauth:grant-type:radar-sms-challenge:code": grant_radar_sms,
    DEVICE_GRANT: grant_device_code,
}


@routes.post("/user_management/authenticate")
def authenticate(ctx: Ctx) -> Response:
    body = ctx.json()
    _require(body, "client_id", "grant_type")
    handler = GRANTS.get(body["grant_type"])
    if handler is None:
        raise oauth_error(400, "invalid_request", f"Unsupported grant_type '{body['grant_type']}'.")
    check_client(ctx, body["client_id"], body.get("client_secret"), secret_required=False)
    return handler(ctx, body)
