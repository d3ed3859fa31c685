"""Typed errors raised by the service layer.

Every error carries what a console needs to show and what support needs to trace a request:
status, WorkOS ``code``, message, request id, method and path. None of them ever holds the API key.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any


class WorkOSError(Exception):
    """Base of every error the service layer raises."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        method: str | None = None,
        path: str | None = None,
        body: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.request_id = request_id
        self.method = method
        self.path = path
        self._body: dict[str, Any] | None = copy.deepcopy(dict(body)) if body is not None else None

    @property
    def body(self) -> dict[str, Any] | None:
        """The error response's JSON object (a copy: changing it changes nothing), or ``None``.

        It carries details such as ``pending_authentication_token`` or the ``organizations`` to
        choose from. It may hold tokens, so ``str`` and ``repr`` never show it; the API key is
        redacted from it.
        """
        return copy.deepcopy(self._body)

    @property
    def operation(self) -> str:
        """``METHOD /path`` of the request that failed, or an empty string."""
        if self.method and self.path:
            return f"{self.method} {self.path}"
        return ""

    def __str__(self) -> str:
        parts = [self.message]
        if self.status is not None:
            parts.append(f"(HTTP {self.status}{', ' + self.code if self.code else ''})")
        if self.operation:
            parts.append(f"on {self.operation}")
        if self.request_id:
            parts.append(f"[request {self.request_id}]")
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(message={self.message!r}, status={self.status!r}, "
            f"code={self.code!r}, request_id={self.request_id!r}, "
            f"method={self.method!r}, path={self.path!r})"
        )


class ApiError(WorkOSError):
    """The API answered with an error status."""


class BadRequestError(ApiError):
    """400: the request was malformed."""


class AuthenticationError(ApiError):
    """401: the API key is missing, unknown or revoked."""


class ForbiddenError(ApiError):
    """403: the key may not do this."""


class NotFoundError(ApiError):
    """404: no such resource."""


class ConflictError(ApiError):
    """409: the resource changed or already exists (e.g. a Vault version check failed)."""


class UnprocessableError(ApiError):
    """422: validation failed; ``errors`` holds the per-field details WorkOS returned."""

    def __init__(
        self,
        message: str,
        *,
        errors: Sequence[Mapping[str, Any]] = (),
        **context: Any,
    ) -> None:
        super().__init__(message, **context)
        self.errors: list[dict[str, Any]] = [dict(e) for e in errors]

    def field_errors(self) -> dict[str, str]:
        """Map a field name to its message, for forms that show errors on their fields."""
        result: dict[str, str] = {}
        for error in self.errors:
            name = error.get("field") or error.get("param") or error.get("path")
            text = error.get("message") or error.get("code") or "invalid"
            if isinstance(name, list):
                name = ".".join(str(part) for part in name)
            if name:
                result[str(name)] = str(text)
        return result


class RateLimitedError(ApiError):
    """429: too many requests; ``retry_after`` is in seconds when the server said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **context: Any) -> None:
        super().__init__(message, **context)
        self.retry_after = retry_after


class ServerError(ApiError):
    """5xx: WorkOS failed."""


class NetworkError(WorkOSError):
    """The request never got an answer: connection refused or dropped, DNS, TLS, timeout."""


class RequestTimeoutError(NetworkError):
    """The request timed out."""


class DecodeError(WorkOSError):
    """The body is not the JSON the spec promises."""


class ReadOnlyError(WorkOSError):
    """A mutation was refused before it left the process because the environment is read-only."""


class ValidationError(WorkOSError):
    """Local input validation failed before sending (the request was never made)."""


ERRORS_BY_STATUS: Mapping[int, type[ApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableError,
    429: RateLimitedError,
}


def error_class_for_status(status: int) -> type[ApiError]:
    """The typed error for an HTTP status (5xx → ServerError, anything else → ApiError)."""
    if status >= 500:
        return ServerError
    return ERRORS_BY_STATUS.get(status, ApiError)
