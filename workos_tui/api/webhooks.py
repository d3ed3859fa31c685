"""Webhook (``WorkOS-Signature``) and AuthKit Actions signatures.

Header: ``t=<unix milliseconds>, v1=<lowercase hex HMAC-SHA256>``; the HMAC key is the secret's
UTF-8 bytes and the message is ``"<t>." + raw body``. Verification here is deliberately stricter
than the Python SDK's: the header must be exactly ``t=…`` then ``v1=…``, separated by ``", "`` or
``","`` (labels are checked, so ``t=…, v0=…`` fails), the timestamp must be within ``tolerance``
seconds of now in either direction (a gap equal to the tolerance passes), and the signatures are
compared in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
from typing import Any, Final, Literal

from workos_tui.api.errors import ValidationError, WorkOSError

__all__ = [
    "ACTIONS_DEFAULT_TOLERANCE",
    "DEFAULT_TOLERANCE",
    "SIGNATURE_HEADER",
    "InvalidWebhookPayloadError",
    "MalformedSignatureHeaderError",
    "SignatureMismatchError",
    "TimestampOutsideToleranceError",
    "WebhookSignatureError",
    "compute_signature",
    "parse_signature_header",
    "sign_action_response",
    "sign_webhook",
    "verify_action",
    "verify_event",
    "verify_webhook",
]

SIGNATURE_HEADER: Final = "WorkOS-Signature"
DEFAULT_TOLERANCE: Final = 180.0
ACTIONS_DEFAULT_TOLERANCE: Final = 30.0

_HEADER = re.compile(r"t=(?P<t>[0-9]{1,19}),[ ]?v1=(?P<v1>[^\s,=]+)")


class WebhookSignatureError(WorkOSError):
    """A webhook or Actions request failed signature verification."""


class MalformedSignatureHeaderError(WebhookSignatureError):
    """The signature header is not ``t=<ms>, v1=<hex>``."""


class TimestampOutsideToleranceError(WebhookSignatureError):
    """The signed timestamp is too far from now (replay protection)."""

    def __init__(self, message: str, *, timestamp_ms: int, now: float, tolerance: float) -> None:
        super().__init__(message)
        self.timestamp_ms = timestamp_ms
        self.now = now
        self.tolerance = tolerance


class SignatureMismatchError(WebhookSignatureError):
    """The signature does not match the body, timestamp and secret."""


class InvalidWebhookPayloadError(WebhookSignatureError):
    """The body is not UTF-8 (or, for ``verify_event``/``verify_action``, not a JSON object)."""


def _payload_bytes(payload: bytes | bytearray | memoryview | str) -> bytes:
    if isinstance(payload, str):
        try:
            return payload.encode("utf-8")
        except UnicodeEncodeError:
            raise InvalidWebhookPayloadError(
                "webhook body is not valid text (it contains a lone surrogate)"
            ) from None
    data = bytes(payload)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidWebhookPayloadError(
            f"webhook body is not valid UTF-8 ({exc.reason} at byte {exc.start})"
        ) from None
    return data


def compute_signature(
    payload: bytes | bytearray | memoryview | str, secret: str, timestamp_ms: int | str
) -> str:
    """Lowercase hex HMAC-SHA256 of ``"<timestamp_ms>." + payload`` keyed by ``secret``."""
    body = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}.".encode("ascii"), hashlib.sha256)
    mac.update(body)
    return mac.hexdigest()


def sign_webhook(
    payload: bytes | bytearray | memoryview | str, secret: str, timestamp_ms: int
) -> str:
    """The ``WorkOS-Signature`` header value for ``payload`` (tests and the emulator)."""
    return f"t={timestamp_ms}, v1={compute_signature(payload, secret, timestamp_ms)}"


def parse_signature_header(sig_header: str) -> tuple[int, str]:
    """``(timestamp_ms, v1 signature)`` of a header; :class:`MalformedSignatureHeaderError`."""
    match = _HEADER.fullmatch(sig_header.strip()) if isinstance(sig_header, str) else None
    if match is None:
        shown = sig_header if isinstance(sig_header, str) and len(sig_header) <= 200 else "…"
        raise MalformedSignatureHeaderError(
            f"malformed {SIGNATURE_HEADER} header {shown!r}: expected 't=<unix ms>, v1=<hex>'"
        )
    return int(match["t"]), match["v1"]


def verify_webhook(
    payload: bytes | str,
    sig_header: str,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> None:
    """Check a webhook's ``WorkOS-Signature``; raise a ``WebhookSignatureError`` if it fails.

    ``payload`` must be the raw body exactly as received. ``now`` is Unix seconds (default: the
    current time); ``tolerance`` is in seconds.
    """
    if tolerance < 0:
        raise ValueError("tolerance must be >= 0")
    timestamp_ms, signature = parse_signature_header(sig_header)
    body = _payload_bytes(payload)
    current = time.time() if now is None else now
    if abs(round(current * 1000) - timestamp_ms) > tolerance * 1000:
        age = current - timestamp_ms / 1000
        direction = f"{age:.3f} s old" if age >= 0 else f"{-age:.3f} s in the future"
        raise TimestampOutsideToleranceError(
            f"webhook timestamp is outside the tolerance zone: signed {direction}, "
            f"tolerance {tolerance:g} s (is the clock right, or is this a replay?)",
            timestamp_ms=timestamp_ms,
            now=current,
            tolerance=tolerance,
        )
    expected = compute_signature(body, secret, timestamp_ms)
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("utf-8")):
        raise SignatureMismatchError(
            "webhook signature does not match the body: check the endpoint secret and that "
            "the body is passed exactly as received (not re-serialised)"
        )


def _parse_object(payload: bytes | str, what: str) -> dict[str, Any]:
    try:
        value = json.loads(payload)
    except ValueError:
        raise InvalidWebhookPayloadError(f"{what} body is not valid JSON") from None
    if not isinstance(value, dict):
        raise InvalidWebhookPayloadError(f"{what} body is not a JSON object")
    return value


def verify_event(
    payload: bytes | str,
    sig_header: str,
    secret: str,
    *,
    tolerance: float = DEFAULT_TOLERANCE,
    now: float | None = None,
) -> dict[str, Any]:
    """Verify like :func:`verify_webhook`, then return the event as parsed JSON."""
    verify_webhook(payload, sig_header, secret, tolerance=tolerance, now=now)
    return _parse_object(payload, "webhook")


# ----------------------------------------------------------------------------- AuthKit Actions

ActionType = Literal["authentication", "user_registration"]
Verdict = Literal["Allow", "Deny"]
_ACTION_TYPES: Final = ("authentication", "user_registration")
_VERDICTS: Final = ("Allow", "Deny")


def verify_action(
    payload: bytes | str,
    sig_header: str,
    secret: str,
    *,
    tolerance: float = ACTIONS_DEFAULT_TOLERANCE,
    now: float | None = None,
) -> dict[str, Any]:
    """Verify an AuthKit Actions request (same header and HMAC, 30 s default tolerance)."""
    verify_webhook(payload, sig_header, secret, tolerance=tolerance, now=now)
    return _parse_object(payload, "action")


def sign_action_response(
    action_type: ActionType,
    verdict: Verdict,
    secret: str,
    *,
    error_message: str | None = None,
    timestamp_ms: int | None = None,
) -> dict[str, Any]:
    """The signed ``{object, payload, signature}`` answer to an Actions request.

    The signature is the hex HMAC of ``"<timestamp>." + compact JSON(payload)``: separators
    ``,``/``:``, keys in the order timestamp, verdict, error_message, non-ASCII as ``\\uXXXX``.
    """
    if action_type not in _ACTION_TYPES:
        raise ValidationError(f"unknown action type {action_type!r}; expected {_ACTION_TYPES}")
    if verdict not in _VERDICTS:
        raise ValidationError(f"unknown verdict {verdict!r}; expected {_VERDICTS}")
    stamp = round(time.time() * 1000) if timestamp_ms is None else timestamp_ms
    payload: dict[str, Any] = {"timestamp": stamp, "verdict": verdict}
    if error_message is not None:
        payload["error_message"] = error_message
    compact = json.dumps(payload, separators=(",", ":"), ensure_ascii=True)
    return {
        "object": f"{action_type}_action_response",
        "payload": payload,
        "signature": compute_signature(compact, secret, stamp),
    }
