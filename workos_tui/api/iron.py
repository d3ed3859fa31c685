"""Iron seals (``Fe26.2*…``): the format of @hapi/iron, iron-webcrypto and iron-session.

Written from the format's description, not from any implementation. A seal is eight ``*``-joined
fields::

    Fe26.2 * password id * encryption salt * iv * ciphertext * expiration * hmac salt * hmac

- the salts are hex strings of 32 random bytes; a key is PBKDF2-HMAC-SHA1(password, the salt's
  ASCII text, 1 iteration, 32 bytes);
- the ciphertext is AES-256-CBC (PKCS#7) of the object's JSON under the encryption key and the
  16-byte iv; iv, ciphertext and hmac are base64url without padding;
- the expiration is Unix milliseconds, or empty for none; a reader allows 60 s of clock skew;
- the hmac is HMAC-SHA256, under the integrity key, of the first six fields joined by ``*``.

iron-session appends ``~2`` (its token version) to the seal; a string password is sealed under
the password id ``1``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import time
from dataclasses import dataclass
from typing import Any, Final

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

__all__ = [
    "MAC_PREFIX",
    "MIN_PASSWORD_LENGTH",
    "IronFormatError",
    "IronMacError",
    "IronPasswordError",
    "IronSeal",
    "iron_seal",
    "open_iron",
    "parse_iron",
]

MAC_PREFIX: Final = "Fe26.2"
MIN_PASSWORD_LENGTH: Final = 32
SKEW_MS: Final = 60_000
_SALT_BYTES: Final = 32
_KEY_BYTES: Final = 32
_IV_BYTES: Final = 16


class IronFormatError(ValueError):
    """The text is not a well-formed iron seal."""


class IronPasswordError(ValueError):
    """The password cannot be an iron password (too short)."""


class IronMacError(ValueError):
    """The seal's HMAC does not match: a wrong password, or the seal was altered."""


@dataclass(frozen=True)
class IronSeal:
    """The fields of an iron seal, parsed but not yet opened."""

    password_id: str
    encryption_salt: str
    iv: bytes
    ciphertext: bytes
    expiration_ms: int | None
    hmac_salt: str
    mac: bytes
    mac_base: str
    version_suffix: str | None


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str, what: str) -> bytes:
    if not text or any(c not in _B64URL for c in text):
        raise IronFormatError(f"the {what} is not base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise IronFormatError(f"the {what} is not base64url") from None


_B64URL: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _key(password: str, salt: str) -> bytes:
    kdf = PBKDF2HMAC(SHA1(), length=_KEY_BYTES, salt=salt.encode("utf-8"), iterations=1)
    return kdf.derive(password.encode("utf-8"))


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise IronPasswordError(
            f"an iron password has at least {MIN_PASSWORD_LENGTH} characters "
            f"(this one has {len(password)})"
        )


def parse_iron(text: str) -> IronSeal:
    """Split a seal (with or without iron-session's ``~N`` suffix) into its fields."""
    body, tilde, suffix = text.strip().rpartition("~")
    if not tilde:
        body, suffix = text.strip(), ""
    elif not suffix.isdigit():
        raise IronFormatError(f"the version suffix '~{suffix[:10]}' is not a number")
    parts = body.split("*")
    if parts[0] != MAC_PREFIX:
        raise IronFormatError(f"an iron seal starts with {MAC_PREFIX}*")
    if len(parts) != 8:
        raise IronFormatError(f"an iron seal has 8 '*'-separated fields, this one {len(parts)}")
    _, password_id, enc_salt, iv, encrypted, expiration, hmac_salt, mac = parts
    if expiration and not expiration.isdigit():
        raise IronFormatError("the expiration is not a number of milliseconds")
    if not enc_salt or not hmac_salt:
        raise IronFormatError("a salt is empty")
    return IronSeal(
        password_id=password_id,
        encryption_salt=enc_salt,
        iv=_unb64url(iv, "iv"),
        ciphertext=_unb64url(encrypted, "ciphertext"),
        expiration_ms=int(expiration) if expiration else None,
        hmac_salt=hmac_salt,
        mac=_unb64url(mac, "HMAC"),
        mac_base="*".join(parts[:6]),
        version_suffix=suffix if tilde else None,
    )


def open_iron(seal: IronSeal, password: str) -> Any:
    """Check the HMAC, then decrypt and parse the JSON. The expiration is the caller's to judge
    (an inspector shows an expired seal's content; a server would refuse it)."""
    _check_password(password)
    expected = hmac.new(
        _key(password, seal.hmac_salt), seal.mac_base.encode("utf-8"), hashlib.sha256
    ).digest()
    if not hmac.compare_digest(expected, seal.mac):
        raise IronMacError("the seal's HMAC does not match")
    if len(seal.iv) != _IV_BYTES or not seal.ciphertext or len(seal.ciphertext) % 16:
        raise IronFormatError("the iv or the ciphertext has the wrong length")
    decryptor = Cipher(
        algorithms.AES(_key(password, seal.encryption_salt)), modes.CBC(seal.iv)
    ).decryptor()
    padded = decryptor.update(seal.ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    try:
        plain = unpadder.update(padded) + unpadder.finalize()
        return json.loads(plain.decode("utf-8"))
    except ValueError:
        raise IronFormatError("the decrypted content is not JSON") from None


def iron_seal(
    value: Any,
    password: str,
    *,
    password_id: str = "",
    ttl_ms: int = 0,
    version_suffix: str | None = None,
    now_ms: int | None = None,
    salts: tuple[str, str] | None = None,
    iv: bytes | None = None,
) -> str:
    """Seal ``value`` (JSON) under ``password``; ``ttl_ms`` 0 means no expiration.

    ``salts`` (encryption, integrity) and ``iv`` are for known-answer tests only.
    """
    _check_password(password)
    enc_salt, mac_salt = salts or (os.urandom(_SALT_BYTES).hex(), os.urandom(_SALT_BYTES).hex())
    iv_bytes = iv if iv is not None else os.urandom(_IV_BYTES)
    padder = padding.PKCS7(128).padder()
    data = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    padded = padder.update(data) + padder.finalize()
    encryptor = Cipher(algorithms.AES(_key(password, enc_salt)), modes.CBC(iv_bytes)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    current = round(time.time() * 1000) if now_ms is None else now_ms
    expiration = str(current + ttl_ms) if ttl_ms else ""
    mac_base = "*".join(
        (MAC_PREFIX, password_id, enc_salt, _b64url(iv_bytes), _b64url(ciphertext), expiration)
    )
    mac = hmac.new(_key(password, mac_salt), mac_base.encode("utf-8"), hashlib.sha256).digest()
    sealed = f"{mac_base}*{mac_salt}*{_b64url(mac)}"
    return f"{sealed}~{version_suffix}" if version_suffix is not None else sealed
