"""What the emulated OAuth-style flows share: the client, redirects, one-time codes, errors.

The emulated environment has one client, :data:`CLIENT_ID`; its secret is any API key the
emulator accepts. Authorization codes, refresh tokens, pending-authentication tokens and device
codes live in the ``auth_codes`` collection keyed by the secret value itself, with a ``kind``.
"""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from starlette.responses import Response

from . import ids
from .errors import ApiError, error
from .http import Ctx
from .routes.feature_flags import CLIENT_ID
from .state import EmulatorState
from .store import Record

__all__ = ["CLIENT_ID"]

CODE_TTL_MS = 10 * 60_000
ACCESS_TOKEN_TTL_S = 600
ISSUER = "https://api.workos.com"


def oauth_error(status: int, code: str, description: str, **extra: Any) -> ApiError:
    """An OAuth-style error body (``error``, ``error_description``)."""
    return ApiError(status, {"error": code, "error_description": description, **extra})


def accepted_keys(ctx: Ctx) -> frozenset[str]:
    """The API keys the emulator accepts (a client secret is one of them)."""
    middleware = getattr(ctx.request.app.state, "emulator", None)
    keys = getattr(middleware, "api_keys", None)
    return keys if isinstance(keys, frozenset) else frozenset()


def check_client(ctx: Ctx, client_id: Any, client_secret: Any, *, secret_required: bool) -> None:
    """``invalid_client`` (400) unless the client id is ours and the secret (if any) accepted."""
    if client_id != CLIENT_ID:
        raise oauth_error(400, "invalid_client", "Invalid client ID.")
    if client_secret is None and not secret_required:
        return
    if not isinstance(client_secret, str) or client_secret not in accepted_keys(ctx):
        raise oauth_error(400, "invalid_client", "Invalid client secret.")


def is_http_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def with_query(url: str, params: dict[str, str | None]) -> str:
    """``url`` with ``params`` (``None`` values dropped) appended to its query."""
    parts = urlsplit(url)
    extra = urlencode({k: v for k, v in params.items() if v is not None})
    query = f"{parts.query}&{extra}" if parts.query and extra else parts.query or extra
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))


def redirect(location: str) -> Response:
    """A 302 with an empty body, as WorkOS answers browser redirects."""
    return Response(b"", status_code=302, headers={"Location": location})


def missing_parameter(name: str) -> ApiError:
    return error(
        422,
        f"{name} is required.",
        "invalid_request_parameters",
        errors=[{"field": name, "code": "required"}],
    )


def new_secret(nbytes: int = 24) -> str:
    return secrets.token_urlsafe(nbytes)


def issue(state: EmulatorState, kind: str, fields: Record, *, ttl_ms: int = CODE_TTL_MS) -> str:
    """Store a one-time secret of ``kind`` and return it."""
    token = new_secret()
    ms = state.now_ms()
    state["auth_codes"].put(
        {"id": token, "kind": kind, "expires_ms": ms + ttl_ms, "created_at": ids.iso(ms), **fields}
    )
    return token


def lookup(state: EmulatorState, kind: str, token: Any) -> Record | None:
    """The live record of ``token`` if it is of ``kind`` (expired ones are dropped)."""
    if not isinstance(token, str) or not token:
        return None
    record = state["auth_codes"].get(token)
    if record is None or record["kind"] != kind:
        return None
    if record["expires_ms"] < state.now_ms():
        state["auth_codes"].delete(token)
        return None
    return record


def consume(state: EmulatorState, kind: str, token: Any) -> Record | None:
    """Like :func:`lookup`, and the token can never be used again."""
    record = lookup(state, kind, token)
    if record is not None:
        state["auth_codes"].delete(record["id"])
    return record


def now_s(state: EmulatorState) -> int:
    return state.now_ms() // 1000
