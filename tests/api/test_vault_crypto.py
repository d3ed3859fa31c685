"""Vault local encryption against the official SDK's vectors, plus edge cases and caching.

The data-key *network source* is replaced by a small in-memory fake: the unit under test is the
crypto. (An end-to-end test against the emulator lives with the Vault service tests.)
"""

from __future__ import annotations

import base64
import json
import random
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import SecretStr

from workos_tui.api import vault_aead, vault_crypto, vault_envelope
from workos_tui.api.errors import BadRequestError, WorkOSError
from workos_tui.api.vault_crypto import VaultCrypto
from workos_tui.api.vault_envelope import (
    VaultCryptoError,
    VaultDecryptionError,
    VaultFormatError,
    VaultUnsupportedLayoutError,
    b64decode,
    build_envelope,
    decode_leb128_u32,
    detect_foreign_layout,
    encode_leb128_u32,
    parse_envelope,
)


def _vectors_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "reference" / "vectors"


VECTORS: dict[str, Any] = json.loads((_vectors_dir() / "vault-local-crypto.json").read_text())
KEYS = VECTORS["keys"]
KEY_A, KEY_B, KEY_WRONG = KEYS["KEY_A_b64"], KEYS["KEY_B_b64"], KEYS["KEY_WRONG_b64"]
SPEC_BLOB = VECTORS["encrypted_keys_blobs"]["spec_example_126B"]["b64"]


# ----------------------------------------------------------------------------------- fakes


@dataclass
class FakeDataKey:
    """Shaped like ``workos_tui.api.models.vault.DataKey``."""

    id: str
    data_key: SecretStr
    encrypted_keys: str | None
    context: dict[str, str] | None = None


@dataclass
class FakeSource:
    """In-memory data-key source that counts calls. ``known_blobs`` makes it reject others."""

    key_b64: str
    blob_b64: str | None = SPEC_BLOB
    known_blobs: set[str] | None = None
    create_calls: list[dict[str, str]] = field(default_factory=list)
    decrypt_calls: list[str] = field(default_factory=list)

    async def create_data_key(self, context: Mapping[str, str], /) -> FakeDataKey:
        self.create_calls.append(dict(context))
        return FakeDataKey("data_key_1", SecretStr(self.key_b64), self.blob_b64, dict(context))

    async def decrypt_data_key(self, encrypted_keys: str, /) -> FakeDataKey:
        self.decrypt_calls.append(encrypted_keys)
        if self.known_blobs is not None and encrypted_keys not in self.known_blobs:
            raise BadRequestError(
                "unknown key blob", status=400, code="invalid_keys", method="POST",
                path="/vault/v1/keys/decrypt",
            )  # fmt: skip
        return FakeDataKey("data_key_1", SecretStr(self.key_b64), None)


class FixedNonce:
    def __init__(self, nonce: bytes) -> None:
        self.nonce = nonce

    def __call__(self, size: int) -> bytes:
        assert size == 12
        return self.nonce


def _blob_of(vector: dict[str, Any]) -> str:
    return str(vector["encrypted_keys_b64"] or vector["parsed"]["encrypted_keys_b64"])


def _reference(key_b64: str, nonce: bytes, blob: bytes, plaintext: bytes, aad: bytes | None) -> str:
    """The layout built independently with the one-shot AESGCM primitive."""
    sealed = AESGCM(base64.b64decode(key_b64)).encrypt(nonce, plaintext, aad)
    return base64.b64encode(build_envelope(nonce, sealed[-16:], blob, sealed[:-16])).decode()


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Send small values down the large-value paths: sealed in the envelope buffer, decrypted
    in chunks small enough that they cross many chunk boundaries."""
    monkeypatch.setattr(vault_crypto, "_SMALL_CHARS", -1)
    monkeypatch.setattr(vault_crypto, "_DECRYPT_CHUNK_CHARS", 8)
    monkeypatch.setattr(vault_crypto, "_DECRYPT_STREAM_THRESHOLD", 0)


# --------------------------------------------------------------------------------- vectors


@pytest.mark.parametrize("vector", VECTORS["random_iv_vectors"], ids=lambda v: v["name"])
async def test_random_iv_vector_decrypts(vector: dict[str, Any]) -> None:
    source = FakeSource(vector["data_key_b64"])
    crypto = VaultCrypto(source)
    inputs = vector["inputs"]
    plaintext = await crypto.decrypt(vector["sdk_output_b64"], inputs["associated_data"])
    assert plaintext == inputs["plaintext"]
    assert len(plaintext.encode()) == inputs["plaintext_utf8_len"]
    assert source.decrypt_calls == [vector["sdk_decrypt_request"]["json_body"]["keys"]]
    assert source.create_calls == []


@pytest.mark.parametrize("vector", VECTORS["random_iv_vectors"], ids=lambda v: v["name"])
async def test_random_iv_vector_decrypts_streaming(
    vector: dict[str, Any], small_chunks: None
) -> None:
    crypto = VaultCrypto(FakeSource(vector["data_key_b64"]))
    inputs = vector["inputs"]
    assert (
        await crypto.decrypt(vector["sdk_output_b64"], inputs["associated_data"])
        == (inputs["plaintext"])
    )


@pytest.mark.parametrize("chunked", [False, True], ids=["whole", "chunked"])
@pytest.mark.parametrize("vector", VECTORS["fixed_iv_vectors"], ids=lambda v: v["name"])
async def test_fixed_iv_known_answer(
    vector: dict[str, Any], chunked: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if chunked:
        monkeypatch.setattr(vault_crypto, "_SMALL_CHARS", -1)
    source = FakeSource(vector["data_key_b64"], _blob_of(vector))
    crypto = VaultCrypto(source, nonce_source=FixedNonce(bytes.fromhex(vector["iv_hex"])))
    inputs = vector["inputs"]
    output = await crypto.encrypt(
        inputs["plaintext"], inputs["key_context"], inputs["associated_data"]
    )
    assert output == vector["sdk_output_b64"]
    assert source.create_calls == [inputs["key_context"]]
    assert await crypto.decrypt(output, inputs["associated_data"]) == inputs["plaintext"]


@pytest.mark.parametrize(
    "vector",
    VECTORS["random_iv_vectors"] + VECTORS["fixed_iv_vectors"],
    ids=lambda v: v["name"],
)
def test_parsed_layout_matches_vector(vector: dict[str, Any]) -> None:
    parsed = vector["parsed"]
    data = b64decode(vector["sdk_output_b64"])
    envelope = parse_envelope(data)
    assert len(data) == parsed["total_len"]
    assert envelope.nonce.hex() == parsed["iv_hex"]
    assert envelope.tag.hex() == parsed["tag_hex"]
    assert encode_leb128_u32(len(envelope.encrypted_keys)).hex() == parsed["leb128_hex"]
    assert envelope.encrypted_keys_b64 == parsed["encrypted_keys_b64"]
    assert envelope.ciphertext_offset == parsed["ciphertext_offset"]
    assert len(envelope.ciphertext) == parsed["ciphertext_len"]
    if parsed["ciphertext_hex"] is not None:  # omitted in the file for the long ones
        assert bytes(envelope.ciphertext).hex() == parsed["ciphertext_hex"]
    assert detect_foreign_layout(data) is None


def test_blob_table_leb128() -> None:
    for name, blob in VECTORS["encrypted_keys_blobs"].items():
        assert encode_leb128_u32(blob["len"]).hex() == blob["leb128_hex"], name


_EXPECTED_NEGATIVE: dict[str, type[Exception] | None] = {
    "cryptography.exceptions.InvalidTag": VaultDecryptionError,
    "builtins.ValueError": VaultFormatError,
    "workos._errors.BadRequestError": BadRequestError,
}


@pytest.mark.parametrize("vector", VECTORS["negative_vectors"], ids=lambda v: v["name"])
async def test_negative_vector(vector: dict[str, Any]) -> None:
    key = KEY_WRONG if vector["name"] == "api_returns_wrong_key" else KEY_A
    source = FakeSource(key, known_blobs={SPEC_BLOB})
    crypto = VaultCrypto(source)
    result = vector["sdk_result"]
    if result["ok"]:
        assert (
            await crypto.decrypt(vector["encrypted_data_b64"], vector["associated_data"])
            == (result["plaintext"])
        )
    else:
        expected = _EXPECTED_NEGATIVE[result["exception"]]
        assert expected is not None
        with pytest.raises(expected) as info:
            await crypto.decrypt(vector["encrypted_data_b64"], vector["associated_data"])
        assert isinstance(info.value, WorkOSError)
        assert str(info.value)  # a clear message, never a bare InvalidTag
    assert bool(source.decrypt_calls) is vector["decrypt_endpoint_called"]


async def test_decryption_error_messages_name_the_likely_cause() -> None:
    by_name = {v["name"]: v for v in VECTORS["negative_vectors"]}
    crypto = VaultCrypto(FakeSource(KEY_A))
    with pytest.raises(VaultDecryptionError, match="none was given"):
        await crypto.decrypt(by_name["missing_aad"]["encrypted_data_b64"])
    with pytest.raises(VaultDecryptionError, match="associated data differs"):
        await crypto.decrypt(by_name["wrong_aad"]["encrypted_data_b64"], "user_other")


# ---------------------------------------------------------------------------------- LEB128


@pytest.mark.parametrize("value", [int(v) for v in VECTORS["leb128"]["sdk_encoding_hex"]])
def test_leb128_encoding_matches_sdk(value: int) -> None:
    encoded = encode_leb128_u32(value)
    assert encoded.hex() == VECTORS["leb128"]["sdk_encoding_hex"][str(value)]
    assert decode_leb128_u32(encoded) == (value, len(encoded))
    assert decode_leb128_u32(b"\xaa" + encoded + b"\xff", 1) == (value, len(encoded))


@pytest.mark.parametrize(
    "case", list(VECTORS["leb128"]["sdk_decoder_edge_cases"].items()), ids=lambda c: c[0]
)
def test_leb128_decoder_edge_cases(case: tuple[str, dict[str, str]]) -> None:
    _, spec = case
    with pytest.raises(VaultFormatError, match="LEB128"):
        decode_leb128_u32(bytes.fromhex(spec["input_hex"]))


@pytest.mark.parametrize("value", [-1, 2**32, 2**40])
def test_leb128_encoder_rejects_out_of_range(value: int) -> None:
    with pytest.raises(VaultFormatError):
        encode_leb128_u32(value)


def test_leb128_boundaries_round_trip() -> None:
    for bits in range(33):
        for value in {2**bits - 1, 2**bits, 2**bits + 1}:
            if 0 <= value <= 2**32 - 1:
                encoded = encode_leb128_u32(value)
                assert len(encoded) == max(1, -(-value.bit_length() // 7))
                assert encoded[-1] < 0x80 and all(b >= 0x80 for b in encoded[:-1])
                assert decode_leb128_u32(encoded) == (value, len(encoded))


def test_leb128_decoder_accepts_non_minimal_and_stops_at_five() -> None:
    assert decode_leb128_u32(bytes.fromhex("8000")) == (0, 2)
    assert decode_leb128_u32(bytes.fromhex("ffffffff0f")) == (2**32 - 1, 5)
    with pytest.raises(VaultFormatError, match="overflows"):
        decode_leb128_u32(bytes.fromhex("8080808010"))
    with pytest.raises(VaultFormatError, match="longer than 5"):
        decode_leb128_u32(bytes.fromhex("8080808080"))


# ------------------------------------------------------------------------------ round trips

_ALPHABETS = [
    "abc XYZ 019",
    "".join(map(chr, range(0x80))),
    "".join(map(chr, range(0x80, 0x100))),
    "héllo wörld — 你好 🔐 مرحبا ✓",
    "\U0001f600\U0001f4a9\U00010348\u0800\uffff",
]


def _random_text(rng: random.Random) -> str:
    alphabet = rng.choice(_ALPHABETS)
    return "".join(rng.choice(alphabet) for _ in range(rng.choice([0, 1, 2, 3, 13, 64, 300])))


@pytest.mark.parametrize("chunked", [False, True], ids=["whole", "chunked"])
@pytest.mark.parametrize("seed", range(12))
async def test_round_trip_property(
    seed: int, chunked: bool, request: pytest.FixtureRequest
) -> None:
    """Random text, context, AAD and blob length: byte-identical to a one-shot reference."""
    if chunked:
        request.getfixturevalue("small_chunks")
    rng = random.Random(seed)
    for _ in range(20):
        plaintext = _random_text(rng)
        blob = b"WOS.EKM.v1" + rng.randbytes(rng.choice([0, 1, 2, 3, 116, 118, 300]))
        aad = rng.choice([None, "", "ctx", "ünï 🔑"])
        context = {f"k{i}": _random_text(rng) for i in range(rng.randrange(4))}
        nonce = rng.randbytes(12)
        key_b64 = base64.b64encode(rng.randbytes(32)).decode()
        source = FakeSource(key_b64, base64.b64encode(blob).decode())
        crypto = VaultCrypto(source, nonce_source=FixedNonce(nonce))
        output = await crypto.encrypt(plaintext, context, aad)
        assert output == _reference(
            key_b64, nonce, blob, plaintext.encode(), aad.encode() if aad else None
        )
        assert await crypto.decrypt(output, aad) == plaintext
        if aad:
            with pytest.raises(VaultDecryptionError):
                await crypto.decrypt(output)


@pytest.mark.parametrize("in_place", [True, False], ids=["str-view", "str-slices"])
async def test_large_value_round_trip_and_stream_fallbacks(
    in_place: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not in_place:  # no ctypes (another interpreter): the str itself is sliced
        monkeypatch.setattr(vault_aead, "_as_utf8", False)
    monkeypatch.setattr(vault_crypto, "_DECRYPT_CHUNK_CHARS", 1024)
    monkeypatch.setattr(vault_crypto, "_DECRYPT_STREAM_THRESHOLD", 4096)
    source = FakeSource(KEY_B)
    crypto = VaultCrypto(source)
    text = "".join(_ALPHABETS[3][i % 7] + chr(32 + i % 90) for i in range(20_000))
    token = await crypto.encrypt(text, {"org": "o"}, "aad")
    assert await crypto.decrypt(token, "aad") == text
    # MIME-style line breaks: the strict streaming decoder gives way to the lenient one,
    # without asking for the data key twice.
    wrapped = "\n".join(token[i : i + 76] for i in range(0, len(token), 76))
    source.decrypt_calls.clear()
    assert await crypto.decrypt(wrapped, "aad") == text
    assert len(source.decrypt_calls) == 1
    # Padding in the middle of a long value is not canonical base64.
    spliced = token[:20_000] + "AA==" + token[20_004:]
    with pytest.raises(VaultCryptoError):
        await crypto.decrypt(spliced, "aad")
    # Tampering deep inside a streamed value.
    position = len(token) // 2
    flipped = "B" if token[position] == "A" else "A"
    with pytest.raises(VaultDecryptionError):
        await crypto.decrypt(token[:position] + flipped + token[position + 1 :], "aad")
    with pytest.raises(VaultDecryptionError):
        await crypto.decrypt(token, "other")


class _AeadWithoutInto:
    """An ``AESGCM`` as older cryptography releases have it: no ``encrypt_into``."""

    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    def encrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
        return self._aead.encrypt(nonce, data, aad)

    def decrypt(self, nonce: bytes, data: bytes, aad: bytes | None) -> bytes:
        return self._aead.decrypt(nonce, data, aad)


@pytest.mark.parametrize("fallback", ["none", "no-ctypes", "no-encrypt-into"])
@pytest.mark.parametrize("alphabet", [0, 1, 3], ids=["ascii", "ascii-all", "non-ascii"])
async def test_large_values_are_byte_identical_on_every_path(
    fallback: str, alphabet: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Values past the one-call size go through the envelope buffer; the output is the same
    whether the text is read in place or encoded, and with or without ``encrypt_into``."""
    if fallback == "no-ctypes":
        monkeypatch.setattr(vault_aead, "_as_utf8", False)
    elif fallback == "no-encrypt-into":
        monkeypatch.setattr(vault_crypto, "new_aead", _AeadWithoutInto)
    rng = random.Random(alphabet)
    text = "".join(rng.choice(_ALPHABETS[alphabet]) for _ in range(300_000))
    nonce = rng.randbytes(12)
    blob = base64.b64decode(SPEC_BLOB)
    crypto = VaultCrypto(FakeSource(KEY_A), nonce_source=FixedNonce(nonce))
    for aad in (None, "ctx"):
        output = await crypto.encrypt(text, {"org": "o"}, aad)
        assert output == _reference(
            KEY_A, nonce, blob, text.encode(), aad.encode() if aad else None
        )
        assert await crypto.decrypt(output, aad) == text


def test_ascii_view_is_the_text_bytes_in_place() -> None:
    text = "".join(map(chr, range(0x80))) * 1000
    references = sys.getrefcount(text)
    view = vault_aead.ascii_view(text)
    assert view is not None and view.readonly
    assert bytes(view) == text.encode()
    assert sys.getrefcount(text) == references + 1  # the view keeps the string alive
    del view
    assert sys.getrefcount(text) == references
    assert vault_aead.ascii_view("é") is None
    assert vault_aead.ascii_view("") is not None


@pytest.mark.parametrize("chunked", [False, True], ids=["whole", "chunked"])
async def test_non_utf8_plaintext_is_a_format_error(
    chunked: bool, request: pytest.FixtureRequest
) -> None:
    if chunked:
        request.getfixturevalue("small_chunks")
    blob = base64.b64decode(SPEC_BLOB)
    token = _reference(KEY_A, bytes(12), blob, b"ok \xff\xfe not text" * 5, None)
    with pytest.raises(VaultFormatError, match="not valid UTF-8"):
        await VaultCrypto(FakeSource(KEY_A)).decrypt(token)


# ----------------------------------------------------------------------------- format errors


async def test_truncated_blob_fails_before_any_api_call() -> None:
    source = FakeSource(KEY_A)
    data = bytes(28) + encode_leb128_u32(500) + b"x" * 40
    with pytest.raises(VaultFormatError, match="truncated"):
        await VaultCrypto(source).decrypt(base64.b64encode(data).decode())
    empty_blob = bytes(28) + b"\x00" + b"ciphertext"
    with pytest.raises(VaultFormatError, match="empty"):
        await VaultCrypto(source).decrypt(base64.b64encode(empty_blob).decode())
    bad_leb = bytes(28) + b"\xff\xff\xff\xff\xff\x01" + b"x" * 10
    with pytest.raises(VaultFormatError, match="LEB128"):
        await VaultCrypto(source).decrypt(base64.b64encode(bad_leb).decode())
    assert source.decrypt_calls == []


@pytest.mark.parametrize("text", ["", "====", "ünïcode", "QUJD\x00", "A"])
async def test_bad_base64_or_empty(text: str) -> None:
    source = FakeSource(KEY_A)
    with pytest.raises(VaultFormatError):
        await VaultCrypto(source).decrypt(text)
    assert source.decrypt_calls == []


async def test_non_alphabet_characters_are_dropped_like_the_sdk() -> None:
    vector = VECTORS["fixed_iv_vectors"][1]
    noisy = " \n".join(vector["sdk_output_b64"][i : i + 10] for i in range(0, 400, 10))
    noisy = "*" + noisy + vector["sdk_output_b64"][400:] + "\t"
    assert await VaultCrypto(FakeSource(KEY_A)).decrypt(noisy) == vector["inputs"]["plaintext"]


def _legacy_token() -> str:
    blob = b"WOS.EKM.v1\x00" + bytes(range(100))
    nonce = bytes(range(1, 33))
    sealed = AESGCM(base64.b64decode(KEY_A)).encrypt(nonce, b"legacy", None)
    data = nonce + sealed[-16:] + encode_leb128_u32(len(blob)) + blob + sealed[:-16]
    return base64.b64encode(data).decode()


def _go_v10_token() -> str:
    blob = b"WOS.EKM.v1\x00" + bytes(range(100))
    nonce = bytes(range(12))
    sealed = AESGCM(base64.b64decode(KEY_A)).encrypt(nonce, b"go v10", None)
    return base64.b64encode(encode_leb128_u32(len(blob)) + blob + nonce + sealed).decode()


@pytest.mark.parametrize(
    ("token", "layout"),
    [(_legacy_token(), "legacy-32-byte-nonce"), (_go_v10_token(), "go-v10")],
    ids=["legacy-32-byte-nonce", "go-v10"],
)
async def test_foreign_layouts_are_explained(token: str, layout: str) -> None:
    source = FakeSource(KEY_A)
    with pytest.raises(VaultUnsupportedLayoutError) as info:
        await VaultCrypto(source).decrypt(token)
    assert info.value.layout == layout
    assert "layout" in str(info.value)
    assert isinstance(info.value, VaultFormatError)
    assert source.decrypt_calls == []


async def test_standard_layout_with_real_blob_is_never_foreign() -> None:
    crypto = VaultCrypto(FakeSource(KEY_A, base64.b64encode(b"WOS.EKM.v1" + bytes(5)).decode()))
    for size in range(0, 70, 7):
        token = await crypto.encrypt("x" * size, {})
        assert detect_foreign_layout(b64decode(token)) is None
        assert await crypto.decrypt(token) == "x" * size


@pytest.mark.parametrize(
    ("key_b64", "blob_b64", "match"),
    [
        (base64.b64encode(bytes(16)).decode(), SPEC_BLOB, "16 bytes"),
        ("%%%%", SPEC_BLOB, "0 bytes"),
        ("QUJDR", SPEC_BLOB, "not valid base64"),
        (KEY_A, None, "no encrypted_keys"),
        (KEY_A, "", "no encrypted_keys"),
    ],
)
async def test_bad_data_key_responses(key_b64: str, blob_b64: str | None, match: str) -> None:
    with pytest.raises(VaultCryptoError, match=match) as info:
        await VaultCrypto(FakeSource(key_b64, blob_b64)).encrypt("x", {"a": "b"})
    assert key_b64 not in str(info.value) or key_b64 == KEY_A


async def test_encrypt_input_errors() -> None:
    crypto = VaultCrypto(FakeSource(KEY_A), nonce_source=lambda n: b"short")
    with pytest.raises(VaultCryptoError, match="nonce"):
        await crypto.encrypt("x", {})
    crypto = VaultCrypto(FakeSource(KEY_A))
    with pytest.raises(VaultFormatError, match="surrogate"):
        await crypto.encrypt("bad \ud800", {})
    with pytest.raises(VaultFormatError, match="surrogate"):
        await crypto.encrypt("ok", {}, "bad \udfff")
    with pytest.raises(ValueError):
        VaultCrypto(FakeSource(KEY_A), data_key_cache_ttl=-1)


def test_error_hierarchy() -> None:
    for cls in (VaultFormatError, VaultDecryptionError, VaultUnsupportedLayoutError):
        assert issubclass(cls, VaultCryptoError)
    assert issubclass(VaultCryptoError, WorkOSError)
    assert vault_crypto.VaultDecryptionError is vault_envelope.VaultDecryptionError


# ------------------------------------------------------------------------------------ cache


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_cache_off_by_default() -> None:
    source = FakeSource(KEY_A)
    crypto = VaultCrypto(source)
    assert crypto.data_key_cache_ttl == 0.0
    tokens = [await crypto.encrypt("v", {"org": "a"}) for _ in range(3)]
    assert len(source.create_calls) == 3
    for token in tokens:
        assert await crypto.decrypt(token) == "v"
    assert len(source.decrypt_calls) == 3


async def test_cache_by_sorted_context_with_expiry() -> None:
    source = FakeSource(KEY_A)
    clock = FakeClock()
    crypto = VaultCrypto(source, data_key_cache_ttl=30, clock=clock)
    await crypto.encrypt("1", {"org": "a", "env": "prod"})
    await crypto.encrypt("2", {"env": "prod", "org": "a"})  # same context, other order
    assert len(source.create_calls) == 1
    await crypto.encrypt("3", {"org": "b"})
    assert len(source.create_calls) == 2
    clock.now += 29.9
    await crypto.encrypt("4", {"org": "a", "env": "prod"})
    assert len(source.create_calls) == 2
    clock.now += 0.2
    await crypto.encrypt("5", {"org": "a", "env": "prod"})
    assert len(source.create_calls) == 3
    crypto.clear_cache()
    await crypto.encrypt("6", {"org": "b"})
    assert len(source.create_calls) == 4


async def test_cache_serves_decrypt_of_known_blob() -> None:
    source = FakeSource(KEY_A)
    clock = FakeClock()
    crypto = VaultCrypto(source, data_key_cache_ttl=10, clock=clock)
    token = await crypto.encrypt("secret", {"org": "a"})
    assert await crypto.decrypt(token) == "secret"
    assert source.decrypt_calls == []  # the blob's key came with the data-key call
    clock.now += 11
    assert await crypto.decrypt(token) == "secret"
    assert await crypto.decrypt(token) == "secret"
    assert len(source.decrypt_calls) == 1


# ----------------------------------------------------------------------------- no key leaks


async def test_nothing_shows_the_data_key() -> None:
    raw = base64.b64decode(KEY_A)
    secrets = [KEY_A, raw.hex(), repr(raw), str(list(raw[:8]))]
    source = FakeSource(KEY_A)
    crypto = VaultCrypto(source, data_key_cache_ttl=60)
    token = await crypto.encrypt("value", {"org": "a"})
    shown = [repr(crypto), str(crypto)]
    shown += [repr(entry) for entry in crypto._by_context.values()]
    shown += [repr(entry) for entry in crypto._by_blob.values()]
    errors: list[BaseException] = []
    for bad, aad in [(token, "wrong"), ("!!", None), (_legacy_token(), None)]:
        try:
            await VaultCrypto(source).decrypt(bad, aad)
        except WorkOSError as exc:
            errors.append(exc)
    for error in errors:
        shown += [repr(error), str(error), repr(error.__cause__), repr(error.__context__)]
    shown.append(repr(await source.create_data_key({})))
    for text in shown:
        for secret in secrets:
            assert secret not in text
