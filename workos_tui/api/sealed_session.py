"""Sealed sessions (the ``wos-session`` cookie): open one, read its access token, seal one again.

Two formats exist in the wild:

- **Fernet** (the Python SDK): the cookie password is a Fernet key (urlsafe base64 of 32 bytes);
  the token records when it was sealed and never expires by itself.
- **iron** (the Node SDK, authkit-nextjs, via iron-session): ``Fe26.2*…~2``, a password of at
  least 32 characters, usually an expiration. See :mod:`workos_tui.api.iron`.

The session inside is ``{access_token, refresh_token, user[, impersonator]}`` (Python) or
``{accessToken, refreshToken, user[, impersonator]}`` (Node). The access token's claims are read
without verifying its signature: this is an inspector, not an authenticator.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Literal
from urllib.parse import unquote

from pydantic import SecretStr

from workos_tui.api.errors import WorkOSError
from workos_tui.api.iron import (
    MAC_PREFIX,
    SKEW_MS,
    IronFormatError,
    IronMacError,
    IronPasswordError,
    iron_seal,
    open_iron,
    parse_iron,
)

__all__ = [
    "COOKIE_NAME",
    "AccessToken",
    "FailureReason",
    "SealFormat",
    "SealedSessionError",
    "UnsealedSession",
    "decode_access_token",
    "reseal",
    "unseal_session",
]

COOKIE_NAME: Final = "wos-session"
SealFormat = Literal["fernet", "iron"]
FailureReason = Literal["empty", "not_a_seal", "bad_password", "wrong_password", "damaged"]
FORMAT_NAMES: Final[Mapping[SealFormat, str]] = {
    "fernet": "Fernet (the Python SDK)",
    "iron": "iron (the Node SDK, authkit-nextjs: iron-session)",
}
_FERNET_OVERHEAD: Final = 1 + 8 + 16 + 32
_TOKEN_KEYS: Final = ("access_token", "accessToken", "refresh_token", "refreshToken")


class SealedSessionError(WorkOSError):
    """The paste could not be opened; ``reason`` says why, ``seal_format`` what it looked like."""

    def __init__(
        self, reason: FailureReason, message: str, seal_format: SealFormat | None = None
    ) -> None:
        super().__init__(message, code=reason)
        self.reason: FailureReason = reason
        self.seal_format = seal_format


@dataclass(frozen=True)
class AccessToken:
    """An access token's header and claims (decoded, signature not verified)."""

    header: Mapping[str, Any]
    claims: Mapping[str, Any]

    def _time(self, name: str) -> datetime | None:
        value = self.claims.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, UTC)
        return None

    @property
    def expires_at(self) -> datetime | None:
        return self._time("exp")

    @property
    def issued_at(self) -> datetime | None:
        return self._time("iat")

    def seconds_left(self, now: datetime) -> float | None:
        """Seconds until expiry (negative once expired), or None without an ``exp``."""
        expires = self.expires_at
        return None if expires is None else (expires - now).total_seconds()

    def claim(self, name: str) -> Any:
        return self.claims.get(name)

    @property
    def permissions(self) -> list[str]:
        value = self.claims.get("permissions")
        return [str(p) for p in value] if isinstance(value, list) else []


@dataclass(frozen=True)
class UnsealedSession:
    """What a seal held. Tokens are ``SecretStr``; ``other`` is everything else in the seal."""

    seal_format: SealFormat
    detail: str
    access_token: SecretStr | None
    refresh_token: SecretStr | None
    user: Mapping[str, Any] | None
    impersonator: Mapping[str, Any] | None
    other: Mapping[str, Any] = field(default_factory=dict)
    sealed_at: datetime | None = None
    expires_at: datetime | None = None
    password_id: str | None = None
    version_suffix: str | None = None
    token: AccessToken | None = None
    token_problem: str | None = None

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.seal_format]

    def seal_expired(self, now: datetime) -> bool:
        """Past its expiration (iron's 60 s of allowed skew included): a server refuses it."""
        if self.expires_at is None:
            return False
        return (now - self.expires_at).total_seconds() * 1000 > SKEW_MS


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decode_access_token(token: str) -> AccessToken:
    """The header and claims of a JWT (no signature check); ``ValueError`` if it is not one."""
    parts = token.split(".")
    if len(parts) != 3:
        raise ValueError("the access token is not a JWT (three '.'-separated parts)")
    try:
        header = json.loads(_unb64url(parts[0]))
        claims = json.loads(_unb64url(parts[1]))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise ValueError("the access token's header or claims are not base64url JSON") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise ValueError("the access token's header or claims are not JSON objects")
    return AccessToken(header=header, claims=claims)


def _clean(text: str) -> str:
    """The seal from a paste: whitespace trimmed, a ``wos-session=`` prefix and URL escapes
    removed (devtools show cookie values percent-encoded)."""
    value = text.strip().strip(";").strip()
    name, eq, rest = value.partition("=")
    if eq and name.strip().lower() == COOKIE_NAME:
        value = rest.strip()
    if "%" in value:
        value = unquote(value)
    return value.strip().strip('"')


def _fernet_bytes(text: str) -> bytes | None:
    try:
        raw = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, ValueError, UnicodeEncodeError):
        return None
    return raw if raw[:1] == b"\x80" else None


def _secret(data: Mapping[str, Any], *names: str) -> SecretStr | None:
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value:
            return SecretStr(value)
    return None


def _mapping(value: Any) -> Mapping[str, Any] | None:
    return value if isinstance(value, Mapping) else None


def _session(seal_format: SealFormat, detail: str, data: Any, **extra: Any) -> UnsealedSession:
    if not isinstance(data, Mapping):
        data = {"value": data}
    access = _secret(data, "access_token", "accessToken")
    token: AccessToken | None = None
    problem: str | None = None
    if access is not None:
        try:
            token = decode_access_token(access.get_secret_value())
        except ValueError as exc:
            problem = str(exc)
    return UnsealedSession(
        seal_format=seal_format,
        detail=detail,
        access_token=access,
        refresh_token=_secret(data, "refresh_token", "refreshToken"),
        user=_mapping(data.get("user")),
        impersonator=_mapping(data.get("impersonator")),
        other={k: v for k, v in data.items() if k not in _TOKEN_KEYS},
        token=token,
        token_problem=problem,
        **extra,
    )


def _unseal_fernet(raw: bytes, text: str, password: str) -> UnsealedSession:
    from cryptography.fernet import Fernet, InvalidToken

    try:
        fernet = Fernet(password.strip())
    except (ValueError, binascii.Error):
        raise SealedSessionError(
            "bad_password",
            "This is a Fernet seal (the Python SDK): its cookie password must be a Fernet key, "
            "urlsafe base64 of 32 bytes (44 characters ending in '=').",
            "fernet",
        ) from None
    if len(raw) < _FERNET_OVERHEAD + 16 or (len(raw) - _FERNET_OVERHEAD) % 16:
        raise SealedSessionError(
            "damaged",
            "This Fernet seal has the wrong length: it was cut short or altered.",
            "fernet",
        )
    try:
        plain = fernet.decrypt(text.encode("ascii"))
    except InvalidToken:
        raise SealedSessionError(
            "wrong_password",
            "The seal's MAC does not match: the cookie password is wrong, or the seal was "
            "altered (a MAC cannot tell which).",
            "fernet",
        ) from None
    try:
        data = json.loads(plain.decode("utf-8"))
    except ValueError:
        raise SealedSessionError(
            "damaged", "The seal opened, but what it holds is not JSON.", "fernet"
        ) from None
    sealed_at = datetime.fromtimestamp(int.from_bytes(raw[1:9], "big"), UTC)
    return _session("fernet", "Fernet token, version 0x80", data, sealed_at=sealed_at)


def _unseal_iron(text: str, password: str) -> UnsealedSession:
    try:
        seal = parse_iron(text)
    except IronFormatError as exc:
        raise SealedSessionError("damaged", f"This iron seal is damaged: {exc}.", "iron") from None
    try:
        data = open_iron(seal, password)
    except IronPasswordError as exc:
        raise SealedSessionError("bad_password", f"This is an iron seal; {exc}.", "iron") from None
    except IronMacError:
        raise SealedSessionError(
            "wrong_password",
            "The seal's HMAC does not match: the cookie password is wrong, or the seal was "
            "altered (a MAC cannot tell which).",
            "iron",
        ) from None
    except IronFormatError as exc:
        raise SealedSessionError("damaged", f"This iron seal is damaged: {exc}.", "iron") from None
    if seal.version_suffix is None and isinstance(data, Mapping) and "persistent" in data:
        data = data["persistent"]  # iron-session v6 and older wrapped the session
    expires = (
        datetime.fromtimestamp(seal.expiration_ms / 1000, UTC)
        if seal.expiration_ms is not None
        else None
    )
    suffix = f"~{seal.version_suffix}" if seal.version_suffix is not None else "no version suffix"
    detail = f"{MAC_PREFIX}, {suffix}, password id {seal.password_id or '(none)'}"
    return _session(
        "iron",
        detail,
        data,
        expires_at=expires,
        password_id=seal.password_id,
        version_suffix=seal.version_suffix,
    )


def unseal_session(sealed: str, password: str) -> UnsealedSession:
    """Open a pasted ``wos-session`` cookie (either format); raise :class:`SealedSessionError`."""
    text = _clean(sealed)
    if not text:
        raise SealedSessionError("empty", "Paste a sealed session (the wos-session cookie).")
    if text.startswith("Fe26."):
        if not text.startswith(MAC_PREFIX + "*"):
            raise SealedSessionError(
                "not_a_seal",
                "This is an iron seal of an unknown version (expected Fe26.2).",
                "iron",
            )
        return _unseal_iron(text, password)
    raw = _fernet_bytes(text)
    if raw is not None:
        return _unseal_fernet(raw, text, password)
    raise SealedSessionError(
        "not_a_seal",
        "This is not a sealed session: neither an iron seal (Fe26.2*…) nor a Fernet token "
        "(urlsafe base64 starting gAAAAA).",
    )


def reseal(
    session: UnsealedSession,
    password: str,
    data: Mapping[str, Any],
    *,
    ttl_ms: int = 0,
) -> str:
    """Seal ``data`` in the format (and iron password id and suffix) ``session`` came in."""
    if session.seal_format == "fernet":
        from cryptography.fernet import Fernet

        return Fernet(password.strip()).encrypt(json.dumps(dict(data)).encode("utf-8")).decode()
    return iron_seal(
        dict(data),
        password,
        password_id=session.password_id or "",
        ttl_ms=ttl_ms,
        version_suffix=session.version_suffix,
    )
