"""What the session inspector shows of an opened seal, and the worked example it can show.

Plain text only (the view wraps it for display); no tokens are ever among the lines.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any, Final

from workos_tui.api.iron import iron_seal
from workos_tui.api.sealed_session import UnsealedSession

IRON_SESSION_TTL_MS: Final = 14 * 24 * 3600 * 1000
"""iron-session's default ttl, used when a refreshed iron seal is sealed again."""
EXAMPLE_NOW: Final = datetime(2025, 1, 1, 0, 2, 0, tzinfo=UTC)
EXAMPLE_PASSWORD = "example-cookie-password-of-32-characters-or-more"


def _b64url_json(value: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def example_seal() -> str:
    """An authkit-nextjs-shaped session sealed the iron-session way, with fixed salts, iv and
    clock (the same text every time: the screenshots stay stable)."""
    issued = int(EXAMPLE_NOW.timestamp()) - 120
    claims = {
        "iss": "https://api.workos.com",
        "sub": "user_01E4ZCR3C56J083X43JQXF3JK5",
        "sid": "session_01HZBC6N1EB1ZY7KG32X0000AA",
        "org_id": "org_01EHZNVPK3SFK441A1RGBFSHRT",
        "role": "admin",
        "roles": ["admin"],
        "permissions": ["posts:read", "posts:write", "users:manage"],
        "act": {"sub": "support@example.com"},
        "iat": issued,
        "exp": issued + 300,
    }
    token = f"{_b64url_json({'alg': 'RS256'})}.{_b64url_json(claims)}.example-signature"
    session = {
        "accessToken": token,
        "refreshToken": "refresh_example_0000000000000000",
        "user": {"object": "user", "id": claims["sub"], "email": "ada@example.com"},
        "impersonator": {"email": "support@example.com", "reason": "Ticket 4242"},
    }
    digest = hashlib.sha256(b"workos-tui example seal").hexdigest()
    return iron_seal(
        session,
        EXAMPLE_PASSWORD,
        password_id="1",
        ttl_ms=IRON_SESSION_TTL_MS,
        version_suffix="2",
        now_ms=issued * 1000,
        salts=(digest, digest[::-1]),
        iv=bytes(range(16)),
    )


def span(seconds: float) -> str:
    """``4 min 12 s``, ``13 d 23 h``: a duration to read at a glance."""
    left = int(abs(seconds))
    days, left = divmod(left, 86_400)
    hours, left = divmod(left, 3_600)
    minutes, secs = divmod(left, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def _when(moment: datetime, now: datetime) -> str:
    delta = (moment - now).total_seconds()
    relative = f"in {span(delta)}" if delta >= 0 else f"{span(delta)} ago"
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC ({relative})"


def _named(value: Any) -> str:
    if not isinstance(value, dict):
        return str(value)
    email = value.get("email") or value.get("sub")
    label = str(email) if email else json.dumps(value, ensure_ascii=False)
    reason = value.get("reason")
    return f"{label} — reason: {reason}" if reason else label


def describe_session(session: UnsealedSession, now: datetime) -> list[str]:
    """What the seal holds, one labelled line each (tokens are never among them)."""
    lines = [f"Format        {session.format_name}", f"Seal          {session.detail}"]
    if session.sealed_at is not None:
        lines.append(f"Sealed        {_when(session.sealed_at, now)}")
    if session.expires_at is not None:
        state = "EXPIRED — a server refuses it" if session.seal_expired(now) else "expires"
        lines.append(f"Seal {state}  {_when(session.expires_at, now)}")
    elif session.seal_format == "iron":
        lines.append("Seal expires  never (sealed without a ttl)")
    user = session.user or {}
    if user:
        lines.append(f"User          {user.get('email', '?')} ({user.get('id', '?')})")
    token = session.token
    claims = token.claims if token is not None else {}
    organization = claims.get("org_id") or session.other.get("organizationId")
    lines.append(f"Organization  {organization or '(none)'}")
    roles = claims.get("roles")
    role = claims.get("role")
    if role or roles:
        extra = f" (roles: {', '.join(map(str, roles))})" if isinstance(roles, list) else ""
        lines.append(f"Role          {role or '(none)'}{extra}")
    permissions = token.permissions if token is not None else []
    lines.append(f"Permissions   {', '.join(permissions) if permissions else '(none)'}")
    impersonator = session.impersonator or claims.get("act")
    lines.append(f"Impersonator  {_named(impersonator) if impersonator else '(none)'}")
    if claims.get("sid"):
        lines.append(f"Session id    {claims['sid']}")
    if token is not None and token.expires_at is not None:
        left = token.seconds_left(now) or 0.0
        state = "EXPIRED" if left < 0 else "valid"
        lines.append(f"Access token  {state}: expires {_when(token.expires_at, now)}")
    elif session.token_problem:
        lines.append(f"Access token  {session.token_problem}")
    elif session.access_token is None:
        lines.append("Access token  (none in the seal)")
    refresh = "present" if session.refresh_token is not None else "(none in the seal)"
    lines.append(f"Refresh token {refresh}")
    return lines
