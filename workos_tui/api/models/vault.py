"""Vault: encrypted key-value objects and data keys.

Plaintext values and data keys are ``SecretStr``: repr and logs never show them.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, SecretStr, StringConstraints

from .base import InputModel, WorkOSModel

KEY_CONTEXT_MAX_KEYS = 10
KeyContextValue = Annotated[str, StringConstraints(max_length=500)]
KeyContext = dict[str, KeyContextValue]
KEY_CONTEXT_DESCRIPTION = (
    'Values that choose the encryption key, e.g. {"organization_id": "org_..."} '
    "(up to 10 keys, values up to 500 characters)."
)


class VaultActor(WorkOSModel):
    """Who last changed an object."""

    id: str
    name: str


class VaultObjectMetadata(WorkOSModel):
    """Where and how an object is stored, without its value."""

    id: str
    environment_id: str | None = None
    key_id: str | None = None
    version_id: str | None = None
    context: dict[str, str] = Field(default_factory=dict)
    updated_by: VaultActor | None = None
    updated_at: str | None = None


class VaultObjectSummary(WorkOSModel):
    """An object as the list shows it."""

    id: str
    name: str
    updated_at: str | None = None


class VaultObjectDescription(WorkOSModel):
    """An object's name and metadata, without its value."""

    id: str
    name: str
    metadata: VaultObjectMetadata


class VaultObject(WorkOSModel):
    """An object with its decrypted value (a secret)."""

    id: str
    name: str
    value: SecretStr
    metadata: VaultObjectMetadata


class VaultObjectVersion(WorkOSModel):
    """One stored version of an object."""

    id: str
    created_at: str
    current_version: bool = False
    size: int | None = None
    etag: str | None = None


class VaultDeleteResult(WorkOSModel):
    """The answer to deleting an object."""

    name: str
    success: bool


class DataKey(WorkOSModel):
    """A data encryption key: ``data_key`` is the base64 plaintext key (32 bytes), a secret;
    ``encrypted_keys`` is the base64 blob to store beside ciphertext and decrypt later."""

    id: str
    data_key: SecretStr
    encrypted_keys: str = ""
    context: dict[str, str] = Field(default_factory=dict)


class VaultObjectCreate(InputModel):
    """Store a new encrypted object."""

    name: str = Field(min_length=1, max_length=200, description="Unique name of the object.")
    value: SecretStr = Field(description="The plaintext to encrypt and store.")
    key_context: KeyContext = Field(
        min_length=1, max_length=KEY_CONTEXT_MAX_KEYS, description=KEY_CONTEXT_DESCRIPTION
    )


class VaultObjectUpdate(InputModel):
    """Replace the value of an object."""

    value: SecretStr = Field(description="The new plaintext value.")
    version_check: str | None = Field(
        default=None,
        description="Only update if this is still the current version id (optimistic locking).",
    )


class DataKeyCreate(InputModel):
    """Ask for a new data key."""

    context: KeyContext = Field(
        min_length=1, max_length=KEY_CONTEXT_MAX_KEYS, description=KEY_CONTEXT_DESCRIPTION
    )


class DataKeyDecrypt(InputModel):
    """Decrypt an encrypted data key."""

    keys: str = Field(min_length=1, description="The base64 encrypted data key blob.")


class DataKeyRekey(InputModel):
    """Re-encrypt a data key under a new key context."""

    encrypted_keys: str = Field(min_length=1, description="The base64 encrypted data key blob.")
    context: KeyContext = Field(
        min_length=1, max_length=KEY_CONTEXT_MAX_KEYS, description=KEY_CONTEXT_DESCRIPTION
    )


__all__ = [
    "DataKey",
    "DataKeyCreate",
    "DataKeyDecrypt",
    "DataKeyRekey",
    "VaultActor",
    "VaultDeleteResult",
    "VaultObject",
    "VaultObjectCreate",
    "VaultObjectDescription",
    "VaultObjectMetadata",
    "VaultObjectSummary",
    "VaultObjectUpdate",
    "VaultObjectVersion",
]
