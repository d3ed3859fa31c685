"""Vault key management: real random 32-byte data keys wrapped by an emulator-held master key.

``encrypted_keys`` is the base64 of an opaque blob laid out like the spec's example::

    b"WOS.EKM.v1" 0x00 <key id, 36 ASCII chars> 0x01 <nonce, 12> <u16 context length>
    <context JSON> <AES-256-GCM(master key) of the data key, with tag>

The AAD binds the header, key id and context, so :func:`unwrap` recovers exactly the data key
that :func:`new_data_key` handed out, and rejects any tampering.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .state import EmulatorState

MAGIC = b"WOS.EKM.v1"
MASTER_META = "vault_master_key"


class BlobError(ValueError):
    pass


def master_key(state: EmulatorState) -> bytes:
    encoded = state.meta.get(MASTER_META)
    if not isinstance(encoded, str):
        encoded = base64.b64encode(os.urandom(32)).decode()
        state.set_meta(MASTER_META, encoded)
    return base64.b64decode(encoded)


def _context_bytes(context: dict[str, str]) -> bytes:
    return json.dumps(context, sort_keys=True, separators=(",", ":")).encode()


def key_id_for(state: EmulatorState, context: dict[str, str]) -> str:
    """The id of the key-encryption key that serves ``context`` (stable per context)."""
    digest = hashlib.sha256(master_key(state)[:8] + _context_bytes(context)).digest()
    return str(uuid.UUID(bytes=digest[:16], version=5))


def wrap(state: EmulatorState, key_id: str, data_key: bytes, context: dict[str, str]) -> bytes:
    ctx = _context_bytes(context)
    header = MAGIC + b"\x00" + key_id.encode() + b"\x01"
    nonce = os.urandom(12)
    sealed = AESGCM(master_key(state)).encrypt(nonce, data_key, header + ctx)
    return header + nonce + struct.pack(">H", len(ctx)) + ctx + sealed


def unwrap(state: EmulatorState, blob: bytes) -> tuple[str, bytes, dict[str, str]]:
    """``(key_id, data_key, context)`` of a blob made by :func:`wrap`."""
    head = len(MAGIC) + 1 + 36 + 1
    if len(blob) < head + 12 + 2 + 16 or not blob.startswith(MAGIC + b"\x00"):
        raise BlobError("encrypted_keys is not a WOS.EKM.v1 blob")
    header = blob[:head]
    if header[-1:] != b"\x01":
        raise BlobError("encrypted_keys is not a WOS.EKM.v1 blob")
    key_id = header[len(MAGIC) + 1 : -1].decode("ascii", "replace")
    nonce = blob[head : head + 12]
    (ctx_len,) = struct.unpack(">H", blob[head + 12 : head + 14])
    ctx = blob[head + 14 : head + 14 + ctx_len]
    sealed = blob[head + 14 + ctx_len :]
    try:
        data_key = AESGCM(master_key(state)).decrypt(nonce, sealed, header + ctx)
        context = json.loads(ctx)
    except (InvalidTag, ValueError) as exc:
        raise BlobError("encrypted_keys could not be decrypted") from exc
    if not isinstance(context, dict):
        raise BlobError("encrypted_keys has a malformed context")
    return key_id, data_key, {str(k): str(v) for k, v in context.items()}


def new_data_key(state: EmulatorState, context: dict[str, str]) -> tuple[str, bytes, bytes]:
    """``(key_id, data_key, blob)`` for a fresh random 32-byte data key."""
    key_id = key_id_for(state, context)
    data_key = os.urandom(32)
    return key_id, data_key, wrap(state, key_id, data_key, context)
