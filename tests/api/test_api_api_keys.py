"""Organization and user API keys against the emulator over real HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import BadRequestError, ConflictError, NotFoundError, WorkOS
from workos_tui.api.models import OrganizationApiKeyCreate, UserApiKeyCreate
from workos_tui.emulator.testing import EmulatorHandle


def _org_with_keys(emulator: EmulatorHandle) -> str:
    owner: str = next(iter(emulator.state["api_keys"]))["owner"]["id"]
    return owner


async def test_organization_keys(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = _org_with_keys(emulator)
    page = await workos.api_keys.list_for_organization(org_id, limit=1)
    assert len(page.data) == 1 and page.has_more and page.data[0].owner.type == "organization"
    cursor = workos.api_keys.organization_cursor(org_id, limit=2)
    assert len(await cursor.next_page()) == 2
    created = await workos.api_keys.create_for_organization(
        org_id, OrganizationApiKeyCreate(name="Deploy", permissions=["a:b"])
    )
    value = created.value.get_secret_value()
    assert value.startswith("sk_") and value not in repr(created) and value not in str(created.raw)
    checked = await workos.api_keys.validate(value)
    assert checked.api_key is not None and checked.api_key.id == created.id
    assert (await workos.api_keys.validate("sk_wrong")).api_key is None
    expired = await workos.api_keys.expire(created.id)
    assert expired.expires_at is not None
    with pytest.raises(ConflictError) as again:
        await workos.api_keys.expire(created.id)
    assert again.value.code == "api_key_already_expired"
    await workos.api_keys.delete(created.id)
    with pytest.raises(NotFoundError):
        await workos.api_keys.delete(created.id)


async def test_user_keys(workos: WorkOS, emulator: EmulatorHandle) -> None:
    user = next(u for u in emulator.state["users"] if u.get("_organization_ids"))
    org_id = user["_organization_ids"][0]
    created = await workos.api_keys.create_for_user(
        user["id"], UserApiKeyCreate(name="CLI", organization_id=org_id, expires_at=None)
    )
    assert created.owner.organization_id == org_id and created.owner.type == "user"
    page = await workos.api_keys.list_for_user(user["id"], organization_id=org_id, limit=100)
    assert created.id in [k.id for k in page.data]
    cursor = workos.api_keys.user_cursor(user["id"])
    assert created.id in [k.id for k in await cursor.next_page()]
    with pytest.raises(BadRequestError):
        await workos.api_keys.create_for_user(
            user["id"], UserApiKeyCreate.model_construct(name="", organization_id=org_id)
        )
    with pytest.raises(NotFoundError):
        await workos.api_keys.list_for_user("user_nope")
