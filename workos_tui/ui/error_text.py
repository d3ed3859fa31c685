"""What the console says about a failed request, chosen by the error's type."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass
from typing import TypeVar

from workos_tui.api.errors import (
    AuthenticationError,
    ConflictError,
    ForbiddenError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ReadOnlyError,
    RequestTimeoutError,
    ServerError,
    UnprocessableError,
    ValidationError,
    WorkOSError,
)
from workos_tui.resources.text_safety import printable


@dataclass(frozen=True)
class ErrorText:
    title: str
    hint: str
    message: str
    request_id: str | None
    operation: str

    def one_line(self) -> str:
        parts = [f"{self.title}: {self.message}"]
        if self.request_id:
            parts.append(f"request {self.request_id}")
        return " · ".join(parts)


_TITLES: tuple[tuple[type[WorkOSError], str, str], ...] = (
    (
        AuthenticationError,
        "API key rejected",
        # the key may come from --api-key or WORKOS_API_KEY, not only from a profile
        "Check the API key in use: --api-key, else WORKOS_API_KEY, else the profile's stored key.",
    ),
    (ForbiddenError, "Not allowed", "This key may not perform this operation."),
    (NotFoundError, "Not found", "It may have been deleted; refresh the list."),
    (ConflictError, "Conflict", "It changed meanwhile or already exists; refresh and retry."),
    (UnprocessableError, "Invalid input", "Fix the highlighted fields and save again."),
    (RateLimitedError, "Rate limited", "Too many requests; wait a moment and retry."),
    (ServerError, "WorkOS failed", "A server error; retrying usually helps."),
    (RequestTimeoutError, "Timed out", "The request took too long; retry."),
    (NetworkError, "Network error", "The API could not be reached; check the connection."),
    (ReadOnlyError, "Read-only", "This profile is read-only; nothing was sent."),
    (ValidationError, "Invalid input", "Fix the input; nothing was sent."),
)


def describe_error(error: WorkOSError) -> ErrorText:
    title, hint = "Request failed", "Retry, or check the request inspector."
    for error_type, error_title, error_hint in _TITLES:
        if isinstance(error, error_type):
            title, hint = error_title, error_hint
            break
    if isinstance(error, RateLimitedError) and error.retry_after:
        hint = f"Too many requests; retry in {error.retry_after:.0f} s."
    # Where server text enters the UI: an error body's message and request id are data.
    return ErrorText(
        title=title,
        hint=hint,
        message=printable(error.message),
        request_id=printable(error.request_id) if error.request_id else None,
        operation=printable(error.operation),
    )


def unexpected_error(exc: BaseException) -> WorkOSError:
    """Wrap a bug-class exception so it is shown as an error, never as a traceback."""
    return WorkOSError(f"Unexpected {type(exc).__name__}: {exc}")


T = TypeVar("T")


async def attempt(call: Awaitable[T]) -> T | WorkOSError:
    """Await a call from a worker; a failure comes back as a typed error, never as a traceback.

    The caller posts a failure message when the outcome is a ``WorkOSError``.
    """
    try:
        return await call
    except WorkOSError as error:
        return error
    except Exception as exc:  # a bug must not reach the user as a traceback
        return unexpected_error(exc)
