"""RS256 signing keys, a JWKS document and compact JWS (JWT) signing and verification.

The emulator signs the access tokens it issues with one RSA key per state; ``GET
/sso/jwks/{clientId}`` publishes the matching public key (with a self-signed certificate for
``x5c``), so any JWT library can verify the tokens the emulator hands out.

The key is created on first use (never on the demo-seed path) and its PEM kept in
``state.meta`` so a persisted state keeps verifying the tokens it issued; loaded keys are cached
per process so signing costs one RSA operation.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import threading
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

from .state import EmulatorState

META_KEY = "jws_signing_key_pem"
ALGORITHM = "RS256"


class JwsError(ValueError):
    """A token that is malformed or whose signature does not verify."""


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as exc:
        raise JwsError("invalid base64url segment") from exc


def _int_bytes(value: int) -> bytes:
    return value.to_bytes((value.bit_length() + 7) // 8, "big")


@dataclass(frozen=True)
class SigningKey:
    private: rsa.RSAPrivateKey
    kid: str
    jwk: dict[str, Any]


_lock = threading.Lock()
_by_pem: dict[bytes, SigningKey] = {}
_fresh: list[bytes] = []  # one generated PEM per process, reused by every new state


def _build(pem: bytes) -> SigningKey:
    private = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(private, rsa.RSAPrivateKey):
        raise JwsError("the signing key is not an RSA key")
    numbers = private.public_key().public_numbers()
    n, e = b64url(_int_bytes(numbers.n)), b64url(_int_bytes(numbers.e))
    # RFC 7638 thumbprint as the key id.
    canonical = json.dumps({"e": e, "kty": "RSA", "n": n}, separators=(",", ":")).encode()
    kid = "sso_oidc_key_pair_" + b64url(hashlib.sha256(canonical).digest())[:26]
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "workos-tui emulator")])
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(private.public_key())
        .serial_number(int.from_bytes(hashlib.sha256(canonical).digest()[:8], "big"))
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=3650))
        .sign(private, hashes.SHA256())
    )
    der = cert.public_bytes(serialization.Encoding.DER)
    jwk = {
        "alg": ALGORITHM,
        "kty": "RSA",
        "use": "sig",
        "x5c": [base64.b64encode(der).decode("ascii")],
        "n": n,
        "e": e,
        "kid": kid,
        "x5t#S256": b64url(hashlib.sha256(der).digest()),
    }
    return SigningKey(private, kid, jwk)


def signing_key(state: EmulatorState) -> SigningKey:
    """The state's key, created (and remembered in ``state.meta``) on first use."""
    with _lock:
        pem = state.meta.get(META_KEY)
        if not isinstance(pem, str):
            if not _fresh:
                private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
                _fresh.append(
                    private.private_bytes(
                        serialization.Encoding.PEM,
                        serialization.PrivateFormat.PKCS8,
                        serialization.NoEncryption(),
                    )
                )
            pem = _fresh[0].decode("ascii")
            state.set_meta(META_KEY, pem)
        raw = pem.encode("ascii")
        key = _by_pem.get(raw)
        if key is None:
            key = _by_pem[raw] = _build(raw)
        return key


def jwks(state: EmulatorState) -> dict[str, Any]:
    return {"keys": [dict(signing_key(state).jwk)]}


def _segment(obj: dict[str, Any]) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def sign(state: EmulatorState, claims: dict[str, Any]) -> str:
    """A compact RS256 JWS of ``claims`` with the state's key id in the header."""
    key = signing_key(state)
    signing_input = (
        _segment({"alg": ALGORITHM, "typ": "JWT", "kid": key.kid}) + "." + _segment(claims)
    )
    signature = key.private.sign(signing_input.encode("ascii"), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64url(signature)


def verify(state: EmulatorState, token: str) -> dict[str, Any]:
    """The claims of a token this state signed; :class:`JwsError` if it is not one.

    Only the header's ``alg`` RS256 with this state's ``kid`` is accepted (no ``none``, no HMAC
    with the public key). Expiry is the caller's business.
    """
    parts = token.split(".")
    if not token.isascii() or len(parts) != 3:
        raise JwsError("a compact JWS has three segments")
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
    except ValueError as exc:
        raise JwsError("the token's header or payload is not JSON") from exc
    key = signing_key(state)
    if not isinstance(header, dict) or header.get("alg") != ALGORITHM:
        raise JwsError("unsupported algorithm")
    if header.get("kid") != key.kid:
        raise JwsError("unknown key id")
    signing_input = (parts[0] + "." + parts[1]).encode("ascii")
    try:
        key.private.public_key().verify(
            b64url_decode(parts[2]), signing_input, padding.PKCS1v15(), hashes.SHA256()
        )
    except InvalidSignature as exc:
        raise JwsError("bad signature") from exc
    if not isinstance(claims, dict):
        raise JwsError("the payload is not a JSON object")
    return claims
