"""A webhook signature check that explains itself (for the webhook verifier tool).

The verdict is :func:`workos_tui.api.webhooks.verify_event`'s; around it this reports the parsed
timestamp and clock skew, the received and the expected HMAC, whether the HMAC matches whatever
the time, and — when it does not — which common mangling of the body it would match (a body
parsed and re-serialised, a newline added or lost), the usual reasons a check fails.
"""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

from workos_tui.api.webhooks import (
    DEFAULT_TOLERANCE,
    InvalidWebhookPayloadError,
    MalformedSignatureHeaderError,
    SignatureMismatchError,
    TimestampOutsideToleranceError,
    WebhookSignatureError,
    compute_signature,
    parse_signature_header,
    verify_event,
)

__all__ = ["Failure", "WebhookCheck", "check_webhook"]

Failure = Literal["no_secret", "malformed_header", "timestamp", "signature", "payload"]

_FAILURES: Final[tuple[tuple[type[WebhookSignatureError], Failure], ...]] = (
    (MalformedSignatureHeaderError, "malformed_header"),
    (TimestampOutsideToleranceError, "timestamp"),
    (SignatureMismatchError, "signature"),
    (InvalidWebhookPayloadError, "payload"),
)


@dataclass(frozen=True)
class WebhookCheck:
    """The verdict and what explains it."""

    valid: bool
    reason: str
    failure: Failure | None
    tolerance: float
    timestamp_ms: int | None = None
    skew_s: float | None = None
    received: str | None = None
    expected: str | None = None
    mac_matches: bool | None = None
    matching_forms: tuple[str, ...] = ()
    event: Any = None
    json_problem: str | None = None


def _variants(body: str) -> list[tuple[str, Callable[[], str]]]:
    def parsed() -> Any:
        return json.loads(body)

    return [
        ("the body re-serialised compactly (JSON.stringify)", lambda: _compact(parsed())),
        ("the body re-serialised with Python's json.dumps", lambda: json.dumps(parsed())),
        ("the body re-serialised with 2-space indents", lambda: _indented(parsed())),
        ("the body without its final newline", lambda: body.rstrip("\r\n")),
        ("the body with a final newline", lambda: body + "\n"),
        ("the body with CRLF line ends as LF", lambda: body.replace("\r\n", "\n")),
        (
            "the body with LF line ends as CRLF",
            lambda: body.replace("\r\n", "\n").replace("\n", "\r\n"),
        ),
        ("the body with surrounding whitespace trimmed", lambda: body.strip()),
    ]


def _compact(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _indented(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _matching_forms(body: str, secret: str, timestamp_ms: int, received: str) -> tuple[str, ...]:
    found: list[str] = []
    for name, make in _variants(body):
        try:
            variant = make()
        except ValueError:
            continue
        if variant == body:
            continue
        try:
            candidate = compute_signature(variant, secret, timestamp_ms)
        except UnicodeEncodeError:  # a lone surrogate has no UTF-8 form to sign
            continue
        if hmac.compare_digest(candidate.encode("ascii"), received.encode("utf-8")):
            found.append(name)
    return tuple(found)


def _parse_json(body: str) -> tuple[Any, str | None]:
    try:
        return json.loads(body), None
    except ValueError as exc:
        return None, f"not JSON: {exc}"


def check_webhook(
    payload: str,
    header: str,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> WebhookCheck:
    """Check ``payload`` against its ``WorkOS-Signature`` ``header`` and the endpoint ``secret``.

    ``now`` is Unix seconds (default: the current time); ``tolerance`` is in seconds.
    """
    current = time.time() if now is None else now
    event, json_problem = _parse_json(payload)
    if not secret:
        return WebhookCheck(
            valid=False,
            reason="Enter the endpoint secret: without one nothing can be verified.",
            failure="no_secret",
            tolerance=tolerance,
            event=event,
            json_problem=json_problem,
        )
    failure: Failure | None = None
    reason = "Valid: the signature matches and the timestamp is within the tolerance."
    try:
        verify_event(payload, header, secret, tolerance=tolerance, now=current)
    except WebhookSignatureError as error:
        failure = next((name for kind, name in _FAILURES if isinstance(error, kind)), "signature")
        reason = str(error)
    try:
        timestamp_ms, received = parse_signature_header(header)
    except MalformedSignatureHeaderError:
        return WebhookCheck(
            valid=False,
            reason=reason,
            failure=failure,
            tolerance=tolerance,
            event=event,
            json_problem=json_problem,
        )
    try:
        expected: str | None = compute_signature(payload, secret, timestamp_ms)
    except UnicodeEncodeError:
        expected = None
    mac_matches = expected is not None and hmac.compare_digest(
        expected.encode("ascii"), received.encode("utf-8")
    )
    forms = () if mac_matches else _matching_forms(payload, secret, timestamp_ms, received)
    return WebhookCheck(
        valid=failure is None,
        reason=reason,
        failure=failure,
        tolerance=tolerance,
        timestamp_ms=timestamp_ms,
        skew_s=current - timestamp_ms / 1000,
        received=received,
        expected=expected,
        mac_matches=mac_matches,
        matching_forms=forms,
        event=event,
        json_problem=json_problem,
    )
