"""Connect applications, client secrets and authorized applications over real HTTP."""

from __future__ import annotations

import pydantic
import pytest

from workos_tui.api import NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import (
    ConnectApplicationCreate,
    ConnectApplicationUpdate,
    ConnectRedirectUriInput,
)
from workos_tui.api.models.base import MASK
from workos_tui.emulator.testing import EmulatorHandle


async def test_list_filters_and_pages(workos: WorkOS) -> None:
    page = await workos.connect_applications.list(limit=2, order="asc")
    assert len(page.data) == 2 and page.has_more
    every = [a.id async for a in workos.connect_applications.iterate(limit=1)]
    assert len(every) == 3
    both = await workos.connect_applications.list(registration_types=["dynamic", "authenticated"])
    assert len(both.data) == 4
    m2m = next(a for a in both.data if a.application_type == "m2m")
    mine = await workos.connect_applications.list(organization_id=m2m.organization_id)
    assert [a.id for a in mine.data] == [m2m.id]
    cursor = workos.connect_applications.cursor(limit=2)
    assert len(await cursor.next_page()) == 2 and cursor.has_more


async def test_crud(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = next(iter(emulator.state["organizations"]))["id"]
    created = await workos.connect_applications.create(
        ConnectApplicationCreate(
            name="Docs bot",
            application_type="oauth",
            is_first_party=False,
            organization_id=org_id,
            redirect_uris=[ConnectRedirectUriInput(uri="https://docs.example/cb")],
        )
    )
    assert created.redirect_uris[0].default and created.organization_id == org_id
    assert (await workos.connect_applications.get(created.client_id)).id == created.id
    updated = await workos.connect_applications.update(
        created.id, ConnectApplicationUpdate(name="Docs", description=None, scopes=["openid"])
    )
    assert updated.name == "Docs" and updated.scopes == ["openid"]
    await workos.connect_applications.delete(created.id)
    with pytest.raises(NotFoundError):
        await workos.connect_applications.get(created.id)
    with pytest.raises(UnprocessableError):
        await workos.connect_applications.create(
            ConnectApplicationCreate(name="x", application_type="oauth", is_first_party=False)
        )
    with pytest.raises(NotFoundError):
        await workos.connect_applications.create(
            ConnectApplicationCreate(name="x", application_type="m2m", organization_id="org_no")
        )
    with pytest.raises(pydantic.ValidationError):
        ConnectApplicationCreate(name="x", application_type="m2m")
    with pytest.raises(pydantic.ValidationError):
        ConnectApplicationCreate(name="x", application_type="oauth")


async def test_client_secret_value_shown_once(workos: WorkOS) -> None:
    apps = [a async for a in workos.connect_applications.iterate()]
    app = next(a for a in apps if a.application_type == "m2m")
    before = await workos.connect_applications.list_client_secrets(app.id)
    assert len(before) == 2 and all(s.secret is None for s in before)
    created = await workos.connect_applications.create_client_secret(app.id)
    assert created.secret is not None
    value = created.secret.get_secret_value()
    assert value.endswith(created.secret_hint)
    assert value not in repr(created) and created.raw["secret"] == MASK
    await workos.connect_applications.delete_client_secret(created.id)
    with pytest.raises(NotFoundError):
        await workos.connect_applications.delete_client_secret(created.id)
    with pytest.raises(NotFoundError):
        await workos.connect_applications.list_client_secrets("conn_app_nope")


async def test_authorized_applications(workos: WorkOS, emulator: EmulatorHandle) -> None:
    grant = next(iter(emulator.state["authorized_applications"]))
    user_id, org_id = grant["user_id"], grant["_organization_id"]
    mine = await workos.authorized_applications.list_for_user(user_id)
    assert len(mine.data) == 1 and mine.data[0].application.id == grant["_application_id"]
    org_page = await workos.authorized_applications.list_for_organization(org_id, limit=1)
    assert org_page.data[0].user_id
    rows = await workos.authorized_applications.organization_cursor(org_id).next_page()
    assert grant["id"] in {r.id for r in rows}
    assert [a.id async for a in workos.authorized_applications.iterate_for_user(user_id)]
    assert await workos.authorized_applications.user_cursor(user_id).next_page()
    await workos.authorized_applications.revoke(user_id, mine.data[0].application.client_id)
    assert (await workos.authorized_applications.list_for_user(user_id)).data == []
    with pytest.raises(NotFoundError):
        await workos.authorized_applications.revoke(user_id, grant["_application_id"])
    with pytest.raises(NotFoundError):
        await workos.authorized_applications.list_for_organization("org_nope")
