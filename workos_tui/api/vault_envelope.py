"""The byte layout of Vault local encryption and its base64 (no I/O; AES-GCM is in .vault_aead).

A Vault locally-encrypted value is the standard base64 (``+/``, ``=`` padding) of::

    offset 0    12 bytes   AES-GCM nonce
    offset 12   16 bytes   GCM tag
    offset 28   1-5 bytes  unsigned LEB128 of N, the length of the encrypted-keys blob
    ...         N bytes    the blob (base64-decoded ``encrypted_keys`` from the data-key API)
    ...         rest       AES-256-GCM ciphertext (plaintext length, tag not appended)

This is the layout of the official Python and Node SDKs. Two other layouts exist in the wild and
are recognised here so that callers get an explanation instead of an opaque failure: the legacy
32-byte-nonce form (Node before 7.50.1, Go before v4.42.0) and the Go v10 form
(``LEB128(N) | blob | nonce | ciphertext‖tag``). Recognition relies on real blobs starting with
``WOS.EKM``; a value whose blob does not is read with the standard layout.
"""

from __future__ import annotations

import binascii
import importlib
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from workos_tui.api.errors import WorkOSError

__all__ = [
    "EKM_MARKER",
    "HEADER_SIZE",
    "KEY_SIZE",
    "MAX_LEB128_U32_BYTES",
    "NONCE_SIZE",
    "TAG_SIZE",
    "U32_MAX",
    "Envelope",
    "ForeignLayout",
    "VaultCryptoError",
    "VaultDecryptionError",
    "VaultFormatError",
    "VaultUnsupportedLayoutError",
    "b64decode",
    "b64decode_strict",
    "b64encode",
    "build_envelope",
    "decode_leb128_u32",
    "detect_foreign_layout",
    "encode_leb128_u32",
    "parse_envelope",
    "parse_header",
]

NONCE_SIZE: Final = 12
TAG_SIZE: Final = 16
KEY_SIZE: Final = 32
HEADER_SIZE: Final = NONCE_SIZE + TAG_SIZE
MAX_LEB128_U32_BYTES: Final = 5
U32_MAX: Final = 0xFFFF_FFFF
EKM_MARKER: Final = b"WOS.EKM"
_LEGACY_NONCE_SIZE: Final = 32

BytesLike = bytes | bytearray | memoryview
ForeignLayout = Literal["legacy-32-byte-nonce", "go-v10"]


# --------------------------------------------------------------------------------------- errors


class VaultCryptoError(WorkOSError):
    """Vault local encryption or decryption failed (base of the Vault crypto errors)."""


class VaultFormatError(VaultCryptoError):
    """The value is not a well-formed envelope: bad base64, truncated, bad LEB128, not UTF-8."""


class VaultUnsupportedLayoutError(VaultFormatError):
    """The value was written in a layout this reader recognises but cannot open."""

    def __init__(self, message: str, *, layout: ForeignLayout) -> None:
        super().__init__(message)
        self.layout: ForeignLayout = layout


class VaultDecryptionError(VaultCryptoError):
    """AES-GCM authentication failed: tampered data, wrong key or mismatched associated data."""


# --------------------------------------------------------------------------------------- LEB128


def encode_leb128_u32(value: int) -> bytes:
    """Minimal unsigned LEB128 of ``value`` (0 ≤ value ≤ 2^32-1): 1 to 5 bytes."""
    if not 0 <= value <= U32_MAX:
        raise VaultFormatError(f"LEB128 value {value} is outside the unsigned 32-bit range")
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def decode_leb128_u32(data: BytesLike, offset: int = 0) -> tuple[int, int]:
    """Read an unsigned 32-bit LEB128 at ``offset``; return ``(value, encoded_length)``.

    At most 5 bytes are read and the value must fit in 32 bits. Non-minimal encodings are
    accepted, as the official readers do.
    """
    value = 0
    end = min(len(data), offset + MAX_LEB128_U32_BYTES)
    for index in range(offset, end):
        byte = data[index]
        shift = 7 * (index - offset)
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            if value > U32_MAX:
                raise VaultFormatError(
                    f"LEB128 length at offset {offset} overflows 32 bits (value {value})"
                )
            return value, index - offset + 1
    if end - offset == MAX_LEB128_U32_BYTES:
        raise VaultFormatError(
            f"LEB128 length at offset {offset} is longer than {MAX_LEB128_U32_BYTES} bytes"
        )
    raise VaultFormatError(
        f"LEB128 length at offset {offset} is missing or unterminated "
        f"({max(0, len(data) - offset)} bytes available)"
    )


# --------------------------------------------------------------------------------------- base64

_pybase64: Any = None
_pybase64_checked = False


def _fast_b64() -> Any:
    """The SIMD ``pybase64`` module when installed (it is optional), else ``None``."""
    global _pybase64, _pybase64_checked
    if not _pybase64_checked:
        try:
            _pybase64 = importlib.import_module("pybase64")
        except ImportError:
            _pybase64 = None
        _pybase64_checked = True
    return _pybase64


def b64encode(data: BytesLike) -> str:
    """Standard base64 with padding, as ``str``."""
    fast = _fast_b64()
    if fast is not None:
        return str(fast.b64encode_as_string(data))
    return binascii.b2a_base64(data, newline=False).decode("ascii")


def b64decode_strict(text: str | BytesLike) -> bytes:
    """Strict standard base64 (alphabet, padding and length checked); ``ValueError`` if not."""
    fast = _fast_b64()
    if fast is not None:
        return bytes(fast.b64decode(text, validate=True))
    return binascii.a2b_base64(text, strict_mode=True)


def b64decode(text: str | BytesLike, *, what: str = "Vault ciphertext") -> bytes:
    """Decode base64 like the official SDK: non-alphabet characters are dropped.

    The strict decoder runs first (fast); the lenient one only when it refuses the input.
    Raises ``VaultFormatError`` when neither can decode it.
    """
    try:
        return b64decode_strict(text)
    except (ValueError, TypeError):
        pass
    try:
        return binascii.a2b_base64(text)
    except (ValueError, TypeError) as exc:
        raise VaultFormatError(f"{what} is not valid base64 ({_b64_reason(exc)})") from None


def _b64_reason(exc: Exception) -> str:
    text = str(exc)
    if "ASCII" in text:
        return "it contains non-ASCII characters"
    if "padding" in text:
        return "incorrect padding"
    if "multiple of 4" in text or "data characters" in text:
        return "its length is not a whole number of base64 groups"
    return "undecodable"


# ------------------------------------------------------------------------------------- envelope


@dataclass(frozen=True, slots=True)
class Envelope:
    """A parsed envelope. ``ciphertext`` is a view into the decoded buffer (no copy)."""

    nonce: bytes
    tag: bytes
    encrypted_keys: bytes
    ciphertext_offset: int
    ciphertext: memoryview = field(repr=False, compare=False)

    @property
    def encrypted_keys_b64(self) -> str:
        """The blob as the decrypt API expects it (``{"keys": ...}``)."""
        return b64encode(self.encrypted_keys)


def build_envelope(
    nonce: BytesLike, tag: BytesLike, encrypted_keys: BytesLike, ciphertext: BytesLike
) -> bytes:
    """``nonce | tag | LEB128(len(blob)) | blob | ciphertext`` (one copy of each part)."""
    if len(nonce) != NONCE_SIZE:
        raise VaultFormatError(f"the nonce must be {NONCE_SIZE} bytes, not {len(nonce)}")
    if len(tag) != TAG_SIZE:
        raise VaultFormatError(f"the GCM tag must be {TAG_SIZE} bytes, not {len(tag)}")
    if not encrypted_keys:
        raise VaultFormatError("the encrypted-keys blob is empty")
    return b"".join(
        (nonce, tag, encode_leb128_u32(len(encrypted_keys)), encrypted_keys, ciphertext)
    )


def parse_header(
    data: BytesLike, total_length: int | None = None
) -> tuple[bytes, bytes, bytes, int]:
    """Parse ``nonce, tag, blob`` and the ciphertext offset from the start of an envelope.

    ``data`` may be a prefix of the envelope (streaming) as long as it holds the whole blob;
    ``total_length`` is the envelope's full length (defaults to ``len(data)``).
    """
    total = len(data) if total_length is None else total_length
    if total <= HEADER_SIZE:
        _raise_if_foreign(data)
        raise VaultFormatError(
            f"Vault ciphertext is truncated: {total} bytes, but the envelope needs at least "
            f"{HEADER_SIZE + 1} (12-byte nonce, 16-byte tag, LEB128 blob length)"
        )
    try:
        blob_len, leb_len = decode_leb128_u32(data, HEADER_SIZE)
    except VaultFormatError as exc:
        _raise_if_foreign(data)
        raise VaultFormatError(f"Vault ciphertext has a bad blob-length prefix: {exc}") from None
    start = HEADER_SIZE + leb_len
    end = start + blob_len
    if blob_len == 0:
        _raise_if_foreign(data)
        raise VaultFormatError("Vault ciphertext declares an empty encrypted-keys blob")
    if end > total or end > len(data):
        _raise_if_foreign(data)
        raise VaultFormatError(
            f"Vault ciphertext is truncated: the encrypted-keys blob needs {blob_len} bytes "
            f"at offset {start}, but the value is {total} bytes long"
        )
    blob = bytes(data[start:end])
    if not blob.startswith(EKM_MARKER):
        _raise_if_foreign(data)
    return bytes(data[:NONCE_SIZE]), bytes(data[NONCE_SIZE:HEADER_SIZE]), blob, end


def parse_envelope(data: BytesLike) -> Envelope:
    """Split a decoded envelope; the ciphertext is a ``memoryview`` slice, not a copy."""
    nonce, tag, blob, offset = parse_header(data)
    return Envelope(nonce, tag, blob, offset, memoryview(data)[offset:])


def _blob_at(data: BytesLike, offset: int) -> bool:
    try:
        length, size = decode_leb128_u32(data, offset)
    except VaultFormatError:
        return False
    start = offset + size
    return length >= len(EKM_MARKER) and bytes(data[start : start + len(EKM_MARKER)]) == EKM_MARKER


def detect_foreign_layout(data: BytesLike) -> ForeignLayout | None:
    """Recognise the legacy 32-byte-nonce layout or the Go v10 layout, else ``None``.

    Only values whose blob starts with ``WOS.EKM`` (every blob WorkOS issues) can be
    recognised; a standard-layout value with such a blob is never reported as foreign.
    """
    if _blob_at(data, HEADER_SIZE):
        return None
    if _blob_at(data, _LEGACY_NONCE_SIZE + TAG_SIZE):
        return "legacy-32-byte-nonce"
    if _blob_at(data, 0):
        return "go-v10"
    return None


_FOREIGN_MESSAGES: Final[dict[ForeignLayout, str]] = {
    "legacy-32-byte-nonce": (
        "Vault ciphertext uses the legacy layout with a 32-byte nonce (written by the Node SDK "
        "before 7.50.1 or the Go SDK before v4.42.0); current Python and Node SDKs cannot read "
        "it either. Re-encrypt the value with a current SDK."
    ),
    "go-v10": (
        "Vault ciphertext uses the Go SDK v10 layout (LEB128 length | blob | nonce | "
        "ciphertext+tag), which is incompatible with the Python/Node layout read here. "
        "Decrypt it with the Go SDK or re-encrypt it with the Python or Node SDK."
    ),
}


def _raise_if_foreign(data: BytesLike) -> None:
    layout = detect_foreign_layout(data)
    if layout is not None:
        raise VaultUnsupportedLayoutError(_FOREIGN_MESSAGES[layout], layout=layout)
