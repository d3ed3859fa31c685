"""Error responses shaped as WorkOS answers them (``message``, ``code``, ``errors``)."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """Raised by handlers; turned into a JSON response with ``status`` and ``body``."""

    def __init__(self, status: int, body: dict[str, Any]) -> None:
        super().__init__(body.get("message") or body.get("error"))
        self.status = status
        self.body = body


def error(status: int, message: str, code: str | None = None, **extra: Any) -> ApiError:
    body: dict[str, Any] = {"message": message}
    if code is not None:
        body["code"] = code
    body.update(extra)
    return ApiError(status, body)


def not_found(kind: str, rid: str, status: int = 404) -> ApiError:
    return error(status, f"{kind} not found: '{rid}'.", "entity_not_found", entity_id=rid)


def validation(field: str, code: str, message: str | None = None, status: int = 422) -> ApiError:
    """A request-parameter validation failure (``errors: [{field, code}]``)."""
    return error(
        status,
        message or "Validation failed.",
        "invalid_request_parameters",
        errors=[{"field": field, "code": code, "message": message or f"{field} is invalid."}],
    )


def vault_error(status: int, message: str) -> ApiError:
    """Vault (``/vault/v1``) answers errors as ``{"error": ...}``."""
    return ApiError(status, {"error": message})


UNAUTHORIZED_BODY: dict[str, Any] = {
    "message": "Unauthorized: the API key is missing, malformed or unknown.",
    "code": "unauthorized",
}
