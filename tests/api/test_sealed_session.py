"""Sealed sessions: the Python SDK's Fernet vectors and seals made by the real Node libraries."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from workos_tui.api.iron import iron_seal, parse_iron
from workos_tui.api.sealed_session import (
    SealedSessionError,
    decode_access_token,
    reseal,
    unseal_session,
)

VECTORS = Path(__file__).resolve().parents[1] / "reference" / "vectors"
FERNET: dict[str, Any] = json.loads((VECTORS / "sealed-session.json").read_text())
IRON: dict[str, Any] = json.loads((VECTORS / "iron-session.json").read_text())


# ------------------------------------------------------------------------------------ Fernet


@pytest.mark.parametrize("vector", FERNET["vectors"], ids=lambda v: v["name"])
def test_fernet_vectors_open(vector: dict[str, Any]) -> None:
    session = unseal_session(vector["sdk_sealed"], vector["cookie_password"])
    data = vector["session_data"]
    assert session.seal_format == "fernet"
    assert session.sealed_at == datetime.fromtimestamp(vector["parsed"]["timestamp_s"], UTC)
    assert session.expires_at is None
    access = session.access_token.get_secret_value() if session.access_token else None
    refresh = session.refresh_token.get_secret_value() if session.refresh_token else None
    assert access == data.get("access_token")
    assert refresh == data.get("refresh_token")
    assert session.user == data.get("user")
    assert session.impersonator == data.get("impersonator")
    rest = {k: v for k, v in data.items() if k not in ("access_token", "refresh_token")}
    assert session.other == rest


def test_fernet_vector_access_token_claims() -> None:
    session = unseal_session(
        FERNET["vectors"][0]["sdk_sealed"], FERNET["vectors"][0]["cookie_password"]
    )
    assert session.token is not None
    assert session.token.claims == {"sid": "session_01"}
    assert session.token.expires_at is None


@pytest.mark.parametrize("vector", FERNET["negative_vectors"], ids=lambda v: v["name"])
def test_fernet_negative_vectors_fail_with_a_reason(vector: dict[str, Any]) -> None:
    expected = {"wrong_password": "wrong_password", "tampered_byte": "wrong_password"}
    with pytest.raises(SealedSessionError) as caught:
        unseal_session(vector["sdk_sealed"], vector["cookie_password"])
    assert caught.value.reason == expected.get(vector["name"], "not_a_seal")


def test_fernet_password_that_is_not_a_fernet_key() -> None:
    vector = FERNET["vectors"][0]
    assert FERNET["non_fernet_password"]["ok"] is False
    with pytest.raises(SealedSessionError) as caught:
        unseal_session(vector["sdk_sealed"], "a password of more than thirty-two characters")
    assert (caught.value.reason, caught.value.seal_format) == ("bad_password", "fernet")


def test_fernet_cut_short_is_damaged() -> None:
    vector = FERNET["vectors"][0]
    with pytest.raises(SealedSessionError) as caught:
        unseal_session(vector["sdk_sealed"][:-8], vector["cookie_password"])
    assert caught.value.reason == "damaged"


def test_cookie_header_and_percent_encoding_are_accepted() -> None:
    vector = FERNET["vectors"][0]
    pasted = "wos-session=" + vector["sdk_sealed"].replace("=", "%3D") + ";"
    assert unseal_session(pasted, vector["cookie_password"]).seal_format == "fernet"


# ------------------------------------------------------------------------------------ iron


@pytest.mark.parametrize("seal", IRON["seals"], ids=lambda s: s["name"])
def test_node_iron_seals_open(seal: dict[str, Any]) -> None:
    session = unseal_session(seal["sealed"], IRON["password"])
    data = seal.get("data", IRON["session"])
    assert session.seal_format == "iron"
    assert session.password_id == seal["password_id"]
    assert session.version_suffix == ("2" if seal["library"] == "iron-session" else None)
    if seal["ttl_s"]:
        assert session.expires_at is not None
        made = datetime.fromtimestamp(IRON["made_at_ms"] / 1000, UTC)
        assert abs(session.expires_at - made - timedelta(seconds=seal["ttl_s"])) < timedelta(
            seconds=5
        )
    else:
        assert session.expires_at is None
    access = session.access_token.get_secret_value() if session.access_token else None
    assert access == data.get("accessToken")
    assert session.user == data.get("user")
    assert session.impersonator == data.get("impersonator")


@pytest.mark.parametrize("seal", IRON["seals"], ids=lambda s: s["name"])
def test_our_iron_sealer_reproduces_the_node_seals(seal: dict[str, Any]) -> None:
    """Given the Node seal's salts, iv and clock, our sealer writes the very same bytes."""
    parsed = parse_iron(seal["sealed"])
    ttl_ms = seal["ttl_s"] * 1000
    now_ms = parsed.expiration_ms - ttl_ms if parsed.expiration_ms is not None else 0
    ours = iron_seal(
        seal.get("data", IRON["session"]),
        IRON["password"],
        password_id=parsed.password_id,
        ttl_ms=ttl_ms,
        version_suffix=parsed.version_suffix,
        now_ms=now_ms,
        salts=(parsed.encryption_salt, parsed.hmac_salt),
        iv=parsed.iv,
    )
    assert ours == seal["sealed"]


def test_our_iron_seal_round_trips() -> None:
    data = {"accessToken": "a.b.c", "refreshToken": "r", "user": {"email": "ü@example.com"}}
    sealed = iron_seal(data, IRON["password"], password_id="1", ttl_ms=60_000, version_suffix="2")
    session = unseal_session(sealed, IRON["password"])
    assert (session.seal_format, session.password_id, session.version_suffix) == ("iron", "1", "2")
    assert session.user == {"email": "ü@example.com"}
    assert session.token_problem is not None  # "a.b.c" is not base64url JSON
    assert not session.seal_expired(datetime.now(UTC))
    assert session.seal_expired(datetime.now(UTC) + timedelta(minutes=3))


def test_iron_wrong_password_tampered_and_short_password() -> None:
    sealed = IRON["seals"][0]["sealed"]
    with pytest.raises(SealedSessionError) as wrong:
        unseal_session(sealed, "another-password-that-is-long-enough-0000")
    assert wrong.value.reason == "wrong_password"
    fields = sealed.split("*")
    fields[4] = ("A" if fields[4][0] != "A" else "B") + fields[4][1:]
    with pytest.raises(SealedSessionError) as tampered:
        unseal_session("*".join(fields), IRON["password"])
    assert tampered.value.reason == "wrong_password"
    with pytest.raises(SealedSessionError) as short:
        unseal_session(sealed, "short")
    assert (short.value.reason, short.value.seal_format) == ("bad_password", "iron")
    with pytest.raises(SealedSessionError) as cut:
        unseal_session("*".join(sealed.split("*")[:5]), IRON["password"])
    assert cut.value.reason == "damaged"


@pytest.mark.parametrize("text", ["", "   ", "hello world", "eyJhbGciOi.x.y", "Fe26.1*x"])
def test_not_a_seal(text: str) -> None:
    with pytest.raises(SealedSessionError) as caught:
        unseal_session(text, IRON["password"])
    assert caught.value.reason in ("empty", "not_a_seal")


def test_node_access_token_claims() -> None:
    session = unseal_session(IRON["seals"][1]["sealed"], IRON["password"])
    assert session.token is not None
    assert session.token.claim("org_id") == "org_01EHZNVPK3SFK441A1RGBFSHRT"
    assert session.token.permissions == ["posts:read", "posts:write"]
    assert session.token.claim("act") == {"sub": "admin@example.com"}
    assert session.token.expires_at == datetime.fromtimestamp(1735689900, UTC)
    assert session.token.seconds_left(datetime.fromtimestamp(1735689600, UTC)) == 300


def test_reseal_keeps_the_format() -> None:
    for sealed, password in (
        (FERNET["vectors"][1]["sdk_sealed"], FERNET["vectors"][1]["cookie_password"]),
        (IRON["seals"][2]["sealed"], IRON["password"]),
    ):
        session = unseal_session(sealed, password)
        again = reseal(session, password, {"access_token": "x.y.z", "user": {"id": "u"}})
        reopened = unseal_session(again, password)
        assert (reopened.seal_format, reopened.password_id) == (
            session.seal_format,
            session.password_id,
        )
        assert reopened.user == {"id": "u"}


def test_decode_access_token_rejects_non_jwts() -> None:
    with pytest.raises(ValueError):
        decode_access_token("not-a-jwt")


def test_signature_check_against_a_jwks() -> None:
    import base64

    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.hazmat.primitives.hashes import SHA256

    from workos_tui.api.jwt_check import check_signature
    from workos_tui.api.models.authentication import Jwks

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    def number(value: int) -> str:
        return b64(value.to_bytes((value.bit_length() + 7) // 8, "big"))

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_numbers()
    jwks = Jwks.model_validate(
        {
            "keys": [
                {
                    "kid": "k1",
                    "kty": "RSA",
                    "alg": "RS256",
                    "n": number(public.n),
                    "e": number(public.e),
                }
            ]
        }
    )

    def token(header: dict[str, Any], claims: dict[str, Any]) -> str:
        signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims).encode())}"
        signature = key.sign(signing_input.encode(), padding.PKCS1v15(), SHA256())
        return f"{signing_input}.{b64(signature)}"

    good = token({"alg": "RS256", "kid": "k1"}, {"sub": "user_1"})
    assert check_signature(good, jwks).outcome == "verified"
    head, _claims, signature = good.split(".")
    forged = f"{head}.{b64(json.dumps({'sub': 'user_2'}).encode())}.{signature}"
    assert check_signature(forged, jwks).outcome == "bad_signature"
    assert check_signature(token({"alg": "RS256", "kid": "k2"}, {}), jwks).outcome == "unknown_key"
    assert check_signature(token({"alg": "HS256", "kid": "k1"}, {}), jwks).outcome == "unsupported"
    assert check_signature("a.b", jwks).outcome == "malformed"
