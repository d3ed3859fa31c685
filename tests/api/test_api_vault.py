"""Vault objects and data keys against the emulator over real HTTP."""

from __future__ import annotations

import base64

import pytest
from pydantic import SecretStr

from workos_tui.api import ConflictError, NotFoundError, WorkOS
from workos_tui.api.models import DataKey, VaultObjectCreate, VaultObjectUpdate


async def test_list_search_read_and_read_by_name(workos: WorkOS) -> None:
    everything = [o async for o in workos.vault.iterate(limit=3)]
    assert len(everything) >= 3
    summary = everything[0]
    found = await workos.vault.list(search=summary.name[:5], limit=100)
    assert summary.id in {o.id for o in found.data}
    by_id = await workos.vault.read(summary.id)
    by_name = await workos.vault.read_by_name(summary.name)
    assert by_id.id == by_name.id == summary.id
    assert by_id.value.get_secret_value() == by_name.value.get_secret_value()
    assert by_id.value.get_secret_value() not in repr(by_id)
    assert by_id.metadata.id == summary.id


async def test_create_update_with_version_check_and_delete(workos: WorkOS) -> None:
    created = await workos.vault.create(
        VaultObjectCreate(
            name="api-test-secret", value=SecretStr("first value"), key_context={"team": "qa"}
        )
    )
    described = await workos.vault.get_metadata(created.id)
    assert described.name == "api-test-secret"
    first_version = described.metadata.version_id
    assert first_version
    updated = await workos.vault.update(
        created.id, VaultObjectUpdate(value=SecretStr("second value"), version_check=first_version)
    )
    assert updated.metadata.version_id != first_version
    assert (await workos.vault.read(created.id)).value.get_secret_value() == "second value"

    with pytest.raises(ConflictError) as caught:
        await workos.vault.update(
            created.id, VaultObjectUpdate(value=SecretStr("stale"), version_check=first_version)
        )
    assert caught.value.status == 409 and caught.value.message
    assert "stale" not in str(caught.value)

    versions = await workos.vault.list_versions(created.id)
    assert len(versions) == 2 and sum(v.current_version for v in versions) == 1

    result = await workos.vault.delete(created.id)
    assert result is None or result.success
    with pytest.raises(NotFoundError):
        await workos.vault.read(created.id)


async def test_data_key_decrypt_and_rekey(workos: WorkOS) -> None:
    key = await workos.vault.create_data_key({"organization_id": "org_test"})
    assert isinstance(key, DataKey)
    raw_key = base64.b64decode(key.data_key.get_secret_value())
    assert len(raw_key) == 32 and key.encrypted_keys
    assert key.data_key.get_secret_value() not in repr(key)

    decrypted = await workos.vault.decrypt_data_key(key.encrypted_keys)
    assert decrypted.data_key.get_secret_value() == key.data_key.get_secret_value()
    assert decrypted.encrypted_keys == key.encrypted_keys

    rekeyed = await workos.vault.rekey(key.encrypted_keys, {"organization_id": "org_other"})
    assert rekeyed.encrypted_keys and rekeyed.encrypted_keys != key.encrypted_keys
    again = await workos.vault.decrypt_data_key(rekeyed.encrypted_keys)
    assert again.data_key.get_secret_value() == rekeyed.data_key.get_secret_value()

    logged = repr(workos.client.request_log.records())
    assert key.data_key.get_secret_value() not in logged


async def test_vault_service_feeds_local_encryption(workos: WorkOS) -> None:
    from workos_tui.api import VaultCrypto

    crypto = VaultCrypto(workos.vault)
    ciphertext = await crypto.encrypt("local secret", {"organization_id": "org_1"}, "aad")
    assert await crypto.decrypt(ciphertext, "aad") == "local secret"
