"""Vault: encrypted key-value objects and data keys.

The two data-key coroutines (:meth:`VaultService.create_data_key`,
:meth:`VaultService.decrypt_data_key`) are what local encryption (``VaultCrypto``) needs.
"""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping
from typing import Any, Literal, TypedDict

from typing_extensions import Unpack

from ..models.vault import (
    DataKey,
    DataKeyCreate,
    DataKeyDecrypt,
    DataKeyRekey,
    VaultDeleteResult,
    VaultObject,
    VaultObjectCreate,
    VaultObjectDescription,
    VaultObjectMetadata,
    VaultObjectSummary,
    VaultObjectUpdate,
    VaultObjectVersion,
)
from ..operations import operation
from ..pagination import Cursor, Page
from .base import ResourceService, path_segment

KEYS_PATH = "/vault/v1/keys"


class VaultListParams(TypedDict, total=False):
    """Parameters of ``GET /vault/v1/kv`` (Vault orders only asc or desc)."""

    limit: int
    order: Literal["asc", "desc"]
    before: str | None
    after: str | None
    search: str | None
    updated_after: str | None


def _vault_query(params: Mapping[str, Any]) -> dict[str, Any]:
    query = {key: value for key, value in params.items() if key != "updated_after"}
    if params.get("updated_after") is not None:
        query["updatedAfter"] = params["updated_after"]
    return query


class VaultService(ResourceService[VaultObject]):
    """``/vault/v1/kv`` objects and ``/vault/v1/keys`` data keys."""

    path = "/vault/v1/kv"
    model = VaultObject

    @operation("GET", "/vault/v1/kv")
    async def list(self, **params: Unpack[VaultListParams]) -> Page[VaultObjectSummary]:
        """One page of object names (values are not listed)."""
        return await self._fetch_page(VaultObjectSummary, self.path, _vault_query(params))

    @operation("GET", "/vault/v1/kv")
    def cursor(self, **params: Unpack[VaultListParams]) -> Cursor[VaultObjectSummary]:
        return self._make_cursor(VaultObjectSummary, self.path, _vault_query(params))

    @operation("GET", "/vault/v1/kv")
    def iterate(self, **params: Unpack[VaultListParams]) -> AsyncIterator[VaultObjectSummary]:
        return self._iterate_all(VaultObjectSummary, self.path, _vault_query(params))

    @operation("GET", "/vault/v1/kv/{id}")
    async def read(self, object_id: str) -> VaultObject:
        """An object with its decrypted value."""
        return await self.get(object_id)

    @operation("GET", "/vault/v1/kv/name/{name}")
    async def read_by_name(self, name: str) -> VaultObject:
        path = f"{self.path}/name/{path_segment(name)}"
        return await self._fetch(self.model, "GET", path)

    @operation("POST", "/vault/v1/kv")
    async def create(self, vault_object: VaultObjectCreate) -> VaultObjectMetadata:
        return await self._fetch(VaultObjectMetadata, "POST", self.path, body=vault_object)

    @operation("PUT", "/vault/v1/kv/{id}")
    async def update(self, object_id: str, changes: VaultObjectUpdate) -> VaultObjectDescription:
        """Replace the value; with ``version_check`` a stale version raises ConflictError."""
        path = self._item_path(object_id)
        return await self._fetch(VaultObjectDescription, "PUT", path, body=changes)

    @operation("DELETE", "/vault/v1/kv/{id}")
    async def delete(
        self, object_id: str, *, version_check: str | None = None
    ) -> VaultDeleteResult | None:
        """Delete an object; with ``version_check`` a stale version raises ConflictError."""
        path = self._item_path(object_id)
        data = await self._request("DELETE", path, params={"version_check": version_check})
        if data is None:
            return None
        return self._parse(VaultDeleteResult, data, "DELETE", path)

    @operation("GET", "/vault/v1/kv/{id}/metadata")
    async def get_metadata(self, object_id: str) -> VaultObjectDescription:
        """An object's name and metadata, without its value."""
        path = self._item_path(object_id, "metadata")
        return await self._fetch(VaultObjectDescription, "GET", path)

    @operation("GET", "/vault/v1/kv/{id}/versions")
    async def list_versions(self, object_id: str) -> builtins.list[VaultObjectVersion]:
        path = self._item_path(object_id, "versions")
        page = await self._fetch_page(VaultObjectVersion, path, {})
        return list(page.data)

    @operation("POST", "/vault/v1/keys/data-key")
    async def create_data_key(self, context: Mapping[str, str]) -> DataKey:
        """A new data key for ``context``: the plaintext key and its encrypted blob."""
        body = DataKeyCreate(context=dict(context))
        return await self._fetch(DataKey, "POST", f"{KEYS_PATH}/data-key", body=body)

    @operation("POST", "/vault/v1/keys/decrypt")
    async def decrypt_data_key(self, encrypted_keys: str) -> DataKey:
        """The plaintext data key inside an encrypted blob."""
        body = DataKeyDecrypt(keys=encrypted_keys)
        key = await self._fetch(DataKey, "POST", f"{KEYS_PATH}/decrypt", body=body)
        if not key.encrypted_keys:
            key.encrypted_keys = encrypted_keys
        return key

    @operation("POST", "/vault/v1/keys/rekey")
    async def rekey(self, encrypted_keys: str, context: Mapping[str, str]) -> DataKey:
        """Re-encrypt a data key under a new key context."""
        body = DataKeyRekey(encrypted_keys=encrypted_keys, context=dict(context))
        return await self._fetch(DataKey, "POST", f"{KEYS_PATH}/rekey", body=body)
