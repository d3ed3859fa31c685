"""Turn an HTTP error response into the typed error of ``errors.py``.

WorkOS error bodies come in a few shapes: ``{"message", "code"}``, ``{"message", "errors": [...]}``
(422), OAuth style ``{"error", "error_description"}`` and Vault's ``{"error": "text"}``. A body that
is not JSON still gives a useful error (status and reason).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from .errors import ApiError, RateLimitedError, UnprocessableError, error_class_for_status
from .retry import parse_retry_after

MAX_TEXT_IN_MESSAGE = 200


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "HTTP error"


def _parse_body(content: bytes) -> Any:
    if not content:
        return None
    try:
        return json.loads(content)
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _field_errors(body: Mapping[str, Any]) -> list[dict[str, Any]]:
    raw_errors = body.get("errors")
    if not isinstance(raw_errors, list):
        return []
    return [error for error in raw_errors if isinstance(error, dict)]


def describe_body(status: int, content: bytes) -> tuple[str, str | None, list[dict[str, Any]]]:
    """``(message, code, field_errors)`` from an error body."""
    body = _parse_body(content)
    if not isinstance(body, dict):
        text = content.decode("utf-8", "replace").strip()
        if text and body is None:
            return f"{_reason(status)}: {text[:MAX_TEXT_IN_MESSAGE]}", None, []
        return _reason(status), None, []
    message = _text(body.get("message")) or _text(body.get("error_description"))
    code = _text(body.get("code"))
    error = _text(body.get("error"))
    if message is None:
        return error or _reason(status), code, _field_errors(body)
    if code is None and error is not None:
        code = error
    return message, code, _field_errors(body)


def redact(value: Any, secret: str, replacement: str) -> Any:
    """``value`` (parsed JSON) with ``secret`` replaced in every string, keys included."""
    if not secret:
        return value
    if isinstance(value, str):
        return value.replace(secret, replacement)
    if isinstance(value, list):
        return [redact(item, secret, replacement) for item in value]
    if isinstance(value, dict):
        return {
            redact(k, secret, replacement): redact(v, secret, replacement) for k, v in value.items()
        }
    return value


def error_from_response(
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    method: str,
    path: str,
) -> ApiError:
    """The typed error for a non-2xx response; ``body`` keeps the JSON object (the client
    redacts the API key from it, see :func:`redact`)."""
    message, code, field_errors = describe_body(status, content)
    body = _parse_body(content)
    context: dict[str, Any] = {
        "body": body if isinstance(body, dict) else None,
        "status": status,
        "code": code,
        "request_id": headers.get("x-request-id"),
        "method": method,
        "path": path,
    }
    error_class = error_class_for_status(status)
    if error_class is UnprocessableError:
        return UnprocessableError(message, errors=field_errors, **context)
    if error_class is RateLimitedError:
        retry_after = parse_retry_after(headers.get("retry-after"))
        return RateLimitedError(message, retry_after=retry_after, **context)
    return error_class(message, **context)
