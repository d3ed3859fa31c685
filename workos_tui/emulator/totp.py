"""RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30 s), for MFA challenges."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct

STEP_S = 30
DIGITS = 6


def hotp(secret_b32: str, counter: int) -> str:
    key = base64.b32decode(secret_b32 + "=" * (-len(secret_b32) % 8), casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10**DIGITS).zfill(DIGITS)


def totp(secret_b32: str, at_ms: int) -> str:
    return hotp(secret_b32, at_ms // 1000 // STEP_S)


def verify(secret_b32: str, code: str, at_ms: int, window: int = 1) -> bool:
    """Whether ``code`` is the TOTP of ``at_ms`` or of one of the ``window`` steps around it."""
    counter = at_ms // 1000 // STEP_S
    return any(
        hmac.compare_digest(hotp(secret_b32, counter + d), code) for d in range(-window, window + 1)
    )
