"""Vault local encryption (AES-256-GCM under WorkOS-managed data keys), byte-compatible with
the official Python and Node SDKs. The layout is in :mod:`.vault_envelope`, the AES-256-GCM
calls in :mod:`.vault_aead`.

``VaultCrypto`` asks a *data-key source* (the Vault keys service, or anything with the same two
coroutines) for keys and does the cryptography in process. A large value is encrypted into one
reusable buffer that is the envelope, read in place from the ``str`` (see
:func:`.vault_aead.ascii_view`), and base64-encoded in one call, so that the returned text is the
only full-size allocation; a long ciphertext is base64-decoded in cache-sized chunks.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, Protocol

from workos_tui.api.vault_aead import (
    SMALL_VALUE_BYTES,
    ascii_view,
    encode_text,
    key_prefix,
    new_aead,
    open_small,
    open_text,
    seal,
    seal_small,
    split_small,
)
from workos_tui.api.vault_envelope import (
    HEADER_SIZE,
    KEY_SIZE,
    NONCE_SIZE,
    BytesLike,
    VaultCryptoError,
    VaultDecryptionError,
    VaultFormatError,
    VaultUnsupportedLayoutError,
    b64decode,
    b64decode_strict,
    b64encode,
    decode_leb128_u32,
    parse_envelope,
    parse_header,
)

if TYPE_CHECKING:
    from pydantic import SecretStr

__all__ = [
    "DataKeyLike",
    "DataKeySource",
    "VaultCrypto",
    "VaultCryptoError",
    "VaultDecryptionError",
    "VaultFormatError",
    "VaultUnsupportedLayoutError",
]

# Base64 characters per decryption chunk (a multiple of 4) for values longer than the streaming
# threshold; shorter ones are decoded whole (as fast up to about 1 MiB, and simpler). Module-level
# so that tests can shrink them.
_DECRYPT_CHUNK_CHARS = 1 << 18
_DECRYPT_STREAM_THRESHOLD = 1 << 20
_MAX_CACHE_ENTRIES: Final = 256
_BUFFER_GRANULE: Final = 1 << 16
_SMALL_CHARS: Final = SMALL_VALUE_BYTES // 4  # characters whose UTF-8 surely fits
_PROBE_CHARS: Final = 88  # 66 bytes: the header, a 5-byte LEB128 and the foreign-layout probes


class DataKeyLike(Protocol):
    """What a data-key call returns (``workos_tui.api.models.vault.DataKey`` fits)."""

    @property
    def data_key(self) -> SecretStr: ...

    @property
    def encrypted_keys(self) -> str | None: ...


class DataKeySource(Protocol):
    """Where data keys come from: ``POST /vault/v1/keys/data-key`` and ``.../keys/decrypt``."""

    async def create_data_key(self, context: Mapping[str, str], /) -> DataKeyLike: ...

    async def decrypt_data_key(self, encrypted_keys: str, /) -> DataKeyLike: ...


@dataclass(slots=True)
class _CachedKey:
    """A data key, its blob and, made on first use, the cipher object reused for every small
    value sealed or opened under it while it is cached."""

    key: bytes = field(repr=False)
    encrypted_keys: bytes = field(repr=False)
    expires_at: float
    _aead: Any = field(default=None, repr=False)
    _prefix: bytes | None = field(default=None, repr=False)

    @property
    def aead(self) -> Any:
        if self._aead is None:
            self._aead = new_aead(self.key)
        return self._aead

    @property
    def prefix(self) -> bytes:
        if self._prefix is None:
            self._prefix = key_prefix(self.encrypted_keys)
        return self._prefix


class _NotStrictBase64(Exception):
    """The streaming decoder met input that only the lenient decoder accepts."""

    def __init__(self, known: tuple[bytes, bytes] | None = None) -> None:
        super().__init__("not canonical base64")
        self.known = known  # (blob, key) already fetched, so the fallback need not ask again

    def __repr__(self) -> str:
        return "_NotStrictBase64()"


class VaultCrypto:
    """Encrypt and decrypt Vault values locally.

    ``data_key_cache_ttl`` (seconds, 0 = off) lets a data key be reused for that long: by key
    context (its sorted items) for ``encrypt`` and by blob for ``decrypt``. Keys are never logged
    or shown. ``max_retained_buffer`` caps the working buffer kept between calls (it holds
    ciphertext only; plaintext is wiped after each decrypt). ``nonce_source`` exists for
    known-answer tests; leave it as ``os.urandom`` otherwise.
    """

    def __init__(
        self,
        source: DataKeySource,
        *,
        data_key_cache_ttl: float = 0.0,
        max_retained_buffer: int = 64 << 20,
        nonce_source: Callable[[int], bytes] = os.urandom,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if data_key_cache_ttl < 0:
            raise ValueError("data_key_cache_ttl must be >= 0")
        self._source = source
        self._ttl = float(data_key_cache_ttl)
        self._nonce_source = nonce_source
        self._clock = clock
        self._by_context: dict[tuple[tuple[str, str], ...], _CachedKey] = {}
        self._by_blob: dict[bytes, _CachedKey] = {}
        self._retain = max_retained_buffer
        self._buffer: bytearray | None = None
        self._buffer_lock = threading.Lock()

    def __repr__(self) -> str:
        return (
            f"VaultCrypto(data_key_cache_ttl={self._ttl!r}, "
            f"cached_keys={len(self._by_context) + len(self._by_blob)})"
        )

    @property
    def data_key_cache_ttl(self) -> float:
        return self._ttl

    def clear_cache(self) -> None:
        """Forget every cached data key and release the working buffer."""
        self._by_context.clear()
        self._by_blob.clear()
        self._buffer = None

    # ----------------------------------------------------------------------------- encrypt

    async def encrypt(
        self,
        plaintext: str,
        key_context: Mapping[str, str],
        associated_data: str | None = None,
    ) -> str:
        """Encrypt ``plaintext`` under a data key for ``key_context``; return base64 text.

        ``associated_data``, when non-empty, is authenticated (not stored): pass the same value
        to :meth:`decrypt`. The key context travels only inside the encrypted-keys blob.
        """
        aad = encode_text(associated_data, "associated data") if associated_data else None
        entry = await self._key_for_context(key_context)
        nonce = bytes(self._nonce_source(NONCE_SIZE))
        if len(nonce) != NONCE_SIZE:
            raise VaultCryptoError(f"the nonce source returned {len(nonce)} bytes, not 12")
        if len(plaintext) <= _SMALL_CHARS:  # at most SMALL_VALUE_BYTES of UTF-8
            data = encode_text(plaintext, "plaintext")
            return seal_small(entry.aead, nonce, aad, entry.prefix, data)
        return seal(
            entry.aead, entry.key, nonce, aad, entry.encrypted_keys, plaintext, self._borrow
        )

    async def _key_for_context(self, context: Mapping[str, str]) -> _CachedKey:
        now = 0.0
        if self._ttl > 0:
            cache_key = tuple(sorted(context.items()))
            now = self._clock()
            hit = self._by_context.get(cache_key)
            if hit is not None and hit.expires_at > now:
                return hit
        data_key = await self._source.create_data_key(dict(context))
        if not data_key.encrypted_keys:
            raise VaultCryptoError("the data-key response has no encrypted_keys")
        blob = b64decode(data_key.encrypted_keys, what="the data-key response's encrypted_keys")
        if not blob:
            raise VaultCryptoError("the data-key response has an empty encrypted_keys blob")
        entry = _CachedKey(_key_bytes(data_key), blob, now + self._ttl)
        if self._ttl > 0:
            self._store(self._by_context, cache_key, entry, now)
            self._store(self._by_blob, blob, entry, now)
        return entry

    # ----------------------------------------------------------------------------- decrypt

    async def decrypt(self, ciphertext: str, associated_data: str | None = None) -> str:
        """Decrypt a value made by :meth:`encrypt` or an official SDK.

        Raises ``VaultFormatError`` (not a Vault value), ``VaultDecryptionError`` (tampered,
        wrong key, wrong or missing associated data) or the data-key source's own errors.
        """
        aad = encode_text(associated_data, "associated data") if associated_data else None
        known: tuple[bytes, bytes] | None = None
        if (
            len(ciphertext) > max(_DECRYPT_STREAM_THRESHOLD, 2 * _DECRYPT_CHUNK_CHARS)
            and len(ciphertext) % 4 == 0
            and ciphertext.isascii()
        ):
            try:
                return await self._decrypt_streaming(ciphertext, aad)
            except _NotStrictBase64 as exc:
                known = exc.known  # not canonical base64: use the lenient whole-value path
        data = b64decode(ciphertext)
        if known is None and (small := split_small(data)) is not None:
            nonce, tag, blob, body = small
            entry = await self._key_for_blob(blob)
            return open_small(entry.aead, nonce, tag, body, aad)
        envelope = parse_envelope(data)
        if known is not None and known[0] == envelope.encrypted_keys:
            entry = _CachedKey(known[1], known[0], 0.0)
        else:
            entry = await self._key_for_blob(envelope.encrypted_keys)
        view = envelope.ciphertext
        if len(view) <= SMALL_VALUE_BYTES:
            return open_small(entry.aead, envelope.nonce, envelope.tag, view, aad)
        return open_text(
            entry.key, envelope.nonce, envelope.tag, aad, (view,), len(view), self._borrow
        )

    async def _decrypt_streaming(self, text: str, aad: bytes | None) -> str:
        # Decode just enough of the front to read the blob, then decode the rest in chunks.
        try:
            probe = b64decode_strict(text[:_PROBE_CHARS])
            blob_length, leb_length = decode_leb128_u32(probe, HEADER_SIZE)
        except (ValueError, VaultFormatError):
            raise _NotStrictBase64 from None
        head_chars = max(-(-(HEADER_SIZE + leb_length + blob_length) // 3) * 4, _PROBE_CHARS)
        if head_chars >= len(text) or text[head_chars - 1] == "=":
            raise _NotStrictBase64
        try:
            head = b64decode_strict(text[:head_chars])
        except ValueError:
            raise _NotStrictBase64 from None
        total = len(text) // 4 * 3 - text[-2:].count("=")
        nonce, tag, blob, offset = parse_header(head, total)
        key = (await self._key_for_blob(blob)).key
        # The text's own bytes where possible: slicing a view copies nothing, slicing a str does.
        source = ascii_view(text)
        chunks = _strict_chunks(memoryview(head)[offset:], text, source or text, head_chars)
        try:
            return open_text(key, nonce, tag, aad, chunks, total - offset, self._borrow)
        except _NotStrictBase64:
            raise _NotStrictBase64((blob, key)) from None

    async def _key_for_blob(self, blob: bytes) -> _CachedKey:
        now = 0.0
        if self._ttl > 0:
            now = self._clock()
            hit = self._by_blob.get(blob)
            if hit is not None and hit.expires_at > now:
                return hit
        data_key = await self._source.decrypt_data_key(b64encode(blob))
        entry = _CachedKey(_key_bytes(data_key), blob, now + self._ttl)
        if self._ttl > 0:
            self._store(self._by_blob, blob, entry, now)
        return entry

    # ----------------------------------------------------------------------------- helpers

    def _store(self, cache: dict[Any, _CachedKey], key: Any, entry: _CachedKey, now: float) -> None:
        if len(cache) >= _MAX_CACHE_ENTRIES:
            for stale in [k for k, v in cache.items() if v.expires_at <= now]:
                del cache[stale]
            while len(cache) >= _MAX_CACHE_ENTRIES:
                del cache[next(iter(cache))]
        cache[key] = entry

    @contextmanager
    def _borrow(self, size: int) -> Iterator[bytearray]:
        """Lend the working buffer (grown to ``size``), or a fresh one if it is in use."""
        if not self._buffer_lock.acquire(blocking=False):
            yield bytearray(size)
            return
        try:
            buffer = self._buffer
            if buffer is None or len(buffer) < size:
                self._buffer = None
                buffer = bytearray(-(-size // _BUFFER_GRANULE) * _BUFFER_GRANULE)
            yield buffer
            self._buffer = buffer if len(buffer) <= self._retain else None
        finally:
            self._buffer_lock.release()


def _key_bytes(data_key: DataKeyLike) -> bytes:
    try:
        key = b64decode(data_key.data_key.get_secret_value(), what="the data key")
    except VaultFormatError:
        raise VaultCryptoError("the data key returned by the API is not valid base64") from None
    if len(key) != KEY_SIZE:
        raise VaultCryptoError(
            f"the data key returned by the API is {len(key)} bytes; AES-256-GCM needs {KEY_SIZE}"
        )
    return key


def _strict_chunks(
    first: memoryview, text: str, source: str | memoryview, start: int
) -> Iterator[BytesLike]:
    """Yield ``first``, then the rest of ``text`` from ``start`` (4-aligned), strictly decoded.

    ``source`` is ``text`` or a view of its bytes (what is sliced and decoded).
    """
    yield first
    step = _DECRYPT_CHUNK_CHARS
    end = len(text)
    for index in range(start, end, step):
        if index + step < end and text[index + step - 1] == "=":
            raise _NotStrictBase64  # padding in the middle: not canonical
        try:
            yield b64decode_strict(source[index : index + step])
        except ValueError:
            raise _NotStrictBase64 from None
