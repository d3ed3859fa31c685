"""AuthKit sessions: starting one (session record, signed access token, refresh token), ending
one, and the one-time codes second factors use (TOTP)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from typing import Any

from . import ids, jws, render
from .http import public
from .oauth import ACCESS_TOKEN_TTL_S, CLIENT_ID, ISSUER, issue, now_s
from .state import EmulatorState
from .store import Record

SESSION_TTL_MS = 7 * 24 * 3_600_000
REFRESH_TTL_MS = 30 * 24 * 3_600_000

# authentication_method (response) -> auth_method (session object)
SESSION_METHOD = {
    "Password": "password",
    "SSO": "sso",
    "MagicAuth": "magic_code",
    "Passkey": "passkey",
    "Impersonation": "impersonation",
    "ExternalAuth": "external_auth",
    "CrossAppAuth": "cross_app_auth",
    "MigratedSession": "migrated_session",
}


def render_session(session: Record) -> Record:
    out = public(session)
    if out.get("organization_id") is None:
        out.pop("organization_id", None)
    return out


def membership_of(state: EmulatorState, user_id: str, org_id: str) -> Record | None:
    col = state["organization_memberships"]
    for om_id in col.index("user_id").get(user_id):
        om = col.items[om_id]
        if om["organization_id"] == org_id and om.get("status", "active") == "active":
            return om
    return None


def active_memberships(state: EmulatorState, user_id: str) -> list[Record]:
    col = state["organization_memberships"]
    oms = [col.items[i] for i in col.index("user_id").get(user_id)]
    return [om for om in oms if om.get("status", "active") == "active"]


def access_token(state: EmulatorState, session: Record) -> str:
    claims: dict[str, Any] = {
        "iss": f"{ISSUER}/user_management/{CLIENT_ID}",
        "sub": session["user_id"],
        "sid": session["id"],
        "jti": state.new_id("jti"),
        "iat": now_s(state),
        "exp": now_s(state) + ACCESS_TOKEN_TTL_S,
    }
    org_id = session.get("organization_id")
    if org_id:
        claims["org_id"] = org_id
        om = membership_of(state, session["user_id"], org_id)
        if om is not None:
            role = (om.get("role") or {}).get("slug", "member")
            claims["role"] = role
            claims["roles"] = [r["slug"] for r in om.get("roles") or [{"slug": role}]]
            claims["permissions"] = []
    return jws.sign(state, claims)


def start_session(
    state: EmulatorState,
    user: Record,
    org_id: str | None,
    method: str,
    body: dict[str, Any],
) -> Record:
    """Create the session and answer the ``authenticate`` response for it."""
    _, ms, now = state.stamp()
    ip = body.get("ip_address")
    agent = body.get("user_agent")
    session = state.create(
        "sessions",
        {
            "object": "session",
            "ip_address": ip if isinstance(ip, str) else None,
            "organization_id": org_id,
            "user_agent": agent if isinstance(agent, str) else None,
            "user_id": user["id"],
            "auth_method": SESSION_METHOD.get(method, "oauth"),
            "status": "active",
            "expires_at": ids.iso(ms + SESSION_TTL_MS),
            "ended_at": None,
        },
    )
    state.emit("session.created", render_session(session), org_id)
    user["last_sign_in_at"] = now
    state.touch("users", user)
    refresh = issue(state, "refresh", {"session_id": session["id"]}, ttl_ms=REFRESH_TTL_MS)
    return respond(state, session, user, method, refresh)


def respond(
    state: EmulatorState, session: Record, user: Record, method: str, refresh: str
) -> Record:
    out: Record = {
        "user": render.user(user),
        "access_token": access_token(state, session),
        "refresh_token": refresh,
        "authentication_method": method,
    }
    if session.get("organization_id"):
        out["organization_id"] = session["organization_id"]
    return out


def end_session(state: EmulatorState, session: Record) -> None:
    if session["status"] != "active":
        return
    session["status"] = "revoked"
    session["ended_at"] = ids.iso(state.now_ms())
    state.touch("sessions", session)
    for token_id in list(state["auth_codes"].index("kind").get("refresh")):
        record = state["auth_codes"].items.get(token_id)
        if record is not None and record.get("session_id") == session["id"]:
            state["auth_codes"].delete(token_id)
    state.emit("session.revoked", render_session(session), session.get("organization_id"))


def totp_code(secret_b32: str, at_s: int, step: int = 30, digits: int = 6) -> str:
    """RFC 6238 TOTP (HMAC-SHA1) for ``secret_b32`` at Unix time ``at_s``."""
    key = base64.b32decode(secret_b32.upper() + "=" * (-len(secret_b32) % 8))
    digest = hmac.new(key, struct.pack(">Q", at_s // step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**digits).zfill(digits)


def totp_matches(secret_b32: str, code: str, at_s: int) -> bool:
    """The code of the current 30 s step or of one step either side (clock drift)."""
    return any(
        hmac.compare_digest(totp_code(secret_b32, at_s + drift * 30), code) for drift in (-1, 0, 1)
    )
