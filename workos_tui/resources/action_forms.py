"""Input forms of row actions declared in areas loaded at start-up (organizations, users, Vault):
named lazily there (``LazyModel``), so their pydantic models build when a form first opens."""

from __future__ import annotations

from pydantic import Field

from workos_tui.api.models.base import InputModel


class DataKeyRekey(InputModel):
    """Re-encrypt a data key (the blob stored beside ciphertext) under another key context."""

    encrypted_keys: str = Field(min_length=1, description="The encrypted data key (base64).")
    organization_id: str = Field(
        min_length=1, description="The key context: the organization it is encrypted for."
    )
