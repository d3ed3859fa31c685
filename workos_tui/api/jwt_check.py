"""Check an access token's RS256 signature against a JSON Web Key Set (the environment's JWKS).

For the session inspector: it reads claims without trusting them, and says separately whether
the token was signed by a key of the environment. Expiry is not judged here.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers
from cryptography.hazmat.primitives.hashes import SHA256

from workos_tui.api.models.authentication import Jwks

__all__ = ["SignatureCheck", "check_signature"]

Outcome = Literal["verified", "bad_signature", "unknown_key", "unsupported", "malformed"]


@dataclass(frozen=True)
class SignatureCheck:
    outcome: Outcome
    message: str
    kid: str | None = None

    @property
    def verified(self) -> bool:
        return self.outcome == "verified"


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _integer(text: str) -> int:
    return int.from_bytes(_unb64url(text), "big")


def check_signature(token: str, jwks: Jwks) -> SignatureCheck:
    """Whether ``token`` (a compact JWS) carries a valid RS256 signature by a key of ``jwks``."""
    parts = token.split(".")
    if len(parts) != 3:
        return SignatureCheck("malformed", "not a JWT")
    try:
        header = json.loads(_unb64url(parts[0]))
        signature = _unb64url(parts[2])
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return SignatureCheck("malformed", "the header or signature is not base64url")
    if not isinstance(header, dict):
        return SignatureCheck("malformed", "the header is not a JSON object")
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    if header.get("alg") != "RS256":
        return SignatureCheck("unsupported", f"algorithm {header.get('alg')!r} is not RS256", kid)
    key = next((k for k in jwks.keys if k.kid == kid and k.kty == "RSA"), None)
    if key is None:
        return SignatureCheck("unknown_key", f"no key {kid!r} in the environment's JWKS", kid)
    try:
        public = RSAPublicNumbers(_integer(key.e), _integer(key.n)).public_key()
    except (binascii.Error, ValueError):
        return SignatureCheck("malformed", f"the JWKS key {kid!r} is not a usable RSA key", kid)
    try:
        public.verify(signature, f"{parts[0]}.{parts[1]}".encode("ascii"), PKCS1v15(), SHA256())
    except InvalidSignature:
        return SignatureCheck("bad_signature", f"the signature does not verify with {kid!r}", kid)
    return SignatureCheck("verified", f"signed by the environment's key {kid!r}", kid)
