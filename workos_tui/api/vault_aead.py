"""AES-256-GCM for Vault envelopes: one call for small values, one buffer for large ones.

A large value pays, besides AES-GCM, only for what the format and the ``str`` API require: the
base64 of the envelope and, on decryption, the returned text. The plaintext ``str`` is read in
place (:func:`ascii_view`), the ciphertext is written straight into the envelope buffer
(``AESGCM.encrypt_into``), and the base64 text is made from that buffer in one call.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any, Final

from workos_tui.api.vault_envelope import (
    EKM_MARKER,
    HEADER_SIZE,
    NONCE_SIZE,
    TAG_SIZE,
    BytesLike,
    VaultDecryptionError,
    VaultFormatError,
    b64encode,
    encode_leb128_u32,
)

__all__ = [
    "SMALL_VALUE_BYTES",
    "ascii_view",
    "encode_text",
    "key_prefix",
    "new_aead",
    "open_small",
    "open_text",
    "seal",
    "seal_small",
    "split_small",
]

_crypto: Any = None
_aesgcm: Any = None

SMALL_VALUE_BYTES: Final = 256 << 10
"""Up to this size a value is sealed and opened in one AES-GCM call (``AESGCM``): a handful of
copies of a small value cost less than setting up a streaming cipher context. Larger values are
streamed through a reusable buffer (:func:`seal`, :func:`open_text`)."""


def _ciphers() -> Any:
    """``cryptography``'s primitives, imported on first use (keeps package import fast)."""
    global _crypto
    if _crypto is None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

        _crypto = (Cipher, algorithms.AES, modes.GCM, InvalidTag)
    return _crypto


def new_aead(key: bytes) -> Any:
    """A one-shot AES-256-GCM cipher for ``key`` (``cryptography``'s ``AESGCM``), reusable."""
    global _aesgcm
    if _aesgcm is None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        _aesgcm = AESGCM
    return _aesgcm(key)


def key_prefix(blob: bytes) -> bytes:
    """``LEB128(len(blob)) | blob``: the part of an envelope fixed by the data key."""
    return encode_leb128_u32(len(blob)) + blob


def seal_small(aead: Any, nonce: bytes, aad: bytes | None, prefix: bytes, data: bytes) -> str:
    """Encrypt a small value in one call: ``base64(nonce | tag | prefix | ciphertext)``."""
    sealed = memoryview(aead.encrypt(nonce, data, aad))  # ciphertext ‖ tag
    body = len(sealed) - TAG_SIZE
    return b64encode(b"".join((nonce, sealed[body:], prefix, sealed[:body])))


def split_small(data: bytes) -> tuple[bytes, bytes, bytes, bytes] | None:
    """``(nonce, tag, blob, ciphertext)`` of a small standard envelope, read the quick way.

    ``None`` when the value is not one (large, a blob length of more than two LEB128 bytes, a
    blob not starting with ``WOS.EKM``, truncated …): :func:`parse_envelope` then reads it and
    explains what is wrong.
    """
    size = len(data)
    if size <= HEADER_SIZE + 2:
        return None
    first = data[HEADER_SIZE]
    if first < 0x80:
        blob_length, start = first, HEADER_SIZE + 1
    else:
        second = data[HEADER_SIZE + 1]
        if second >= 0x80:
            return None
        blob_length, start = (first & 0x7F) | (second << 7), HEADER_SIZE + 2
    end = start + blob_length
    if (
        end > size
        or size - end > SMALL_VALUE_BYTES
        or blob_length < len(EKM_MARKER)
        or not data.startswith(EKM_MARKER, start)
    ):
        return None
    return data[:NONCE_SIZE], data[NONCE_SIZE:HEADER_SIZE], data[start:end], data[end:]


def open_small(aead: Any, nonce: bytes, tag: bytes, body: BytesLike, aad: bytes | None) -> str:
    """Decrypt a small value's ciphertext in one call and return its UTF-8 text."""
    _, _, _, invalid_tag = _ciphers()
    try:
        plain = aead.decrypt(nonce, b"".join((body, tag)), aad)
    except invalid_tag:
        raise _tag_error(aad) from None
    try:
        return str(plain, "utf-8")
    except UnicodeDecodeError as exc:
        raise _not_text(exc) from None


def _tag_error(aad: bytes | None) -> VaultDecryptionError:
    hint = (
        "the associated data differs from the one used to encrypt"
        if aad
        else "the value was encrypted with associated data and none was given"
    )
    return VaultDecryptionError(
        "Vault decryption failed: the AES-GCM tag does not verify. The nonce, tag or "
        f"ciphertext was modified, the data key is wrong, or {hint}."
    )


def _not_text(exc: UnicodeDecodeError) -> VaultFormatError:
    return VaultFormatError(
        f"Vault plaintext is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
        "it was not written as text"
    )


def encode_text(text: str, what: str) -> bytes:
    """UTF-8 of ``text``; ``VaultFormatError`` for a lone surrogate."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise VaultFormatError(
            f"the {what} cannot be encoded as UTF-8 (lone surrogate at index {exc.start})"
        ) from None


# ------------------------------------------------------------------------------ large values

_as_utf8: Any = None  # ctypes' PyUnicode_AsUTF8AndSize, or False where it is unavailable
_ctypes: Any = None
_unbounded_bytes: Any = None  # ctypes.c_ubyte * sys.maxsize: never read beyond a slice


def _load_ctypes() -> bool:
    """Import ctypes and type ``PyUnicode_AsUTF8AndSize`` once; ``False`` off CPython."""
    global _as_utf8, _ctypes, _unbounded_bytes
    if _as_utf8 is None:
        _as_utf8 = False
        if sys.implementation.name == "cpython":
            try:
                import ctypes

                # A function object of our own (``pythonapi[...]``): no one else's is retyped.
                function = ctypes.pythonapi["PyUnicode_AsUTF8AndSize"]
            except (ImportError, AttributeError):
                return False
            function.restype = ctypes.c_void_p
            function.argtypes = (ctypes.py_object, ctypes.POINTER(ctypes.c_ssize_t))
            _as_utf8, _ctypes = function, ctypes
            _unbounded_bytes = ctypes.c_ubyte * sys.maxsize
    return _as_utf8 is not False


def ascii_view(text: str) -> memoryview | None:
    """The bytes of an ASCII ``text`` as a read-only view of the string's own memory, or ``None``.

    CPython stores an ASCII string one byte per character, and for such a string the UTF-8 that
    ``PyUnicode_AsUTF8AndSize`` (public C API) returns *is* that storage: no copy. The view
    holds a reference to ``text``, so it stays valid as long as it lives. ``None`` for other
    text (the call would attach a UTF-8 copy to the string for its lifetime) and off CPython;
    callers then encode.
    """
    if not text.isascii() or not _load_ctypes():
        return None
    size = _ctypes.c_ssize_t()
    address = _as_utf8(text, _ctypes.byref(size))
    # One array type for every length, sliced at once: ``c_ubyte * n`` would create (and cache
    # for good) a new type for each new length, ~7 µs and a little memory each time.
    array = _unbounded_bytes.from_address(address)
    array.keeps_alive = text
    return memoryview(array).cast("B")[: size.value].toreadonly()


def _wipe(buffer: bytearray, length: int) -> None:
    """Zero ``buffer[:length]`` (one ``memset`` where ctypes is loaded)."""
    if length <= 0:
        return
    if _load_ctypes():
        _ctypes.memset(_ctypes.addressof(_ctypes.c_char.from_buffer(buffer)), 0, length)
        return
    view = memoryview(buffer)
    for start in range(0, length, len(_ZEROS)):
        end = min(length, start + len(_ZEROS))
        view[start:end] = _ZEROS[: end - start]


_ZEROS: Final = bytes(1 << 16)


def seal(
    aead: Any,
    key: bytes,
    nonce: bytes,
    aad: bytes | None,
    blob: bytes,
    plaintext: str,
    borrow: Callable[[int], AbstractContextManager[bytearray]],
) -> str:
    """Encrypt ``plaintext`` straight into an envelope buffer and base64 it in one call.

    ``borrow(size)`` lends a buffer of at least ``size`` bytes. ASCII text (the common case; the
    check is O(1)) is read in place; other text is UTF-8-encoded once. ``AESGCM.encrypt_into``
    writes ``ciphertext | tag`` after the blob and the tag is then copied to its slot in the
    header, so the buffer is the envelope and base64 reads it once.
    """
    data = ascii_view(plaintext)
    if data is None:
        data = memoryview(encode_text(plaintext, "plaintext"))
    leb = encode_leb128_u32(len(blob))
    offset = HEADER_SIZE + len(leb) + len(blob)
    end = offset + len(data)
    # 32 spare bytes: the tag, or the block of room Cipher.update_into wants beyond the data.
    with borrow(end + 2 * TAG_SIZE) as buffer:
        view = memoryview(buffer)
        view[:NONCE_SIZE] = nonce
        view[HEADER_SIZE : HEADER_SIZE + len(leb)] = leb
        view[HEADER_SIZE + len(leb) : offset] = blob
        encrypt_into = getattr(aead, "encrypt_into", None)  # recent cryptography (50 has it)
        if encrypt_into is not None:
            encrypt_into(nonce, data, aad, view[offset : end + TAG_SIZE])
            view[NONCE_SIZE:HEADER_SIZE] = view[end : end + TAG_SIZE]
        else:
            cipher, aes, gcm, _ = _ciphers()
            encryptor = cipher(aes(key), gcm(nonce)).encryptor()
            if aad:
                encryptor.authenticate_additional_data(aad)
            encryptor.update_into(data, view[offset:])
            encryptor.finalize()
            view[NONCE_SIZE:HEADER_SIZE] = encryptor.tag
        return b64encode(view[:end])


def open_text(
    key: bytes,
    nonce: bytes,
    tag: bytes,
    aad: bytes | None,
    chunks: Iterable[BytesLike],
    ciphertext_length: int,
    borrow: Callable[[int], AbstractContextManager[bytearray]],
) -> str:
    """Decrypt ``chunks`` (``ciphertext_length`` bytes in all) and return the UTF-8 text.

    The plaintext goes into a borrowed buffer that is wiped afterwards; nothing is decoded
    or returned unless the GCM tag verifies.
    """
    cipher, aes, gcm, invalid_tag = _ciphers()
    decryptor = cipher(aes(key), gcm(nonce, tag)).decryptor()
    if aad:
        decryptor.authenticate_additional_data(aad)
    with borrow(ciphertext_length + 16) as buffer:
        view = memoryview(buffer)
        position = 0
        try:
            for chunk in chunks:
                if position + len(chunk) + 15 > len(view):
                    raise VaultFormatError("Vault ciphertext is longer than its envelope says")
                position += decryptor.update_into(chunk, view[position:])
            try:
                decryptor.finalize()
            except invalid_tag:
                raise _tag_error(aad) from None
            try:
                return str(view[:position], "utf-8")
            except UnicodeDecodeError as exc:
                raise _not_text(exc) from None
        finally:
            _wipe(buffer, position)
