"""Connect and Pipes declarations list real rows from the emulator, render every column and
detail field without leaking secrets, and their create / delete / action hooks work."""

from __future__ import annotations

from typing import Any

from workos_tui.api import WorkOS
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.base import ListRequest, ResourceType
from workos_tui.resources.connect import (
    CLIENT_SECRETS,
    CONNECT_APPLICATIONS,
    ORGANIZATION_AUTHORIZED_APPLICATIONS,
    USER_AUTHORIZED_APPLICATIONS,
    ClientSecretForm,
)
from workos_tui.resources.pipes import CONNECTED_ACCOUNTS, DATA_INTEGRATIONS


async def _rows(resource: ResourceType, workos: WorkOS, **scope: Any) -> list[Any]:
    source = resource.open_list(workos, ListRequest(filters=scope, limit=5))
    rows = list(await source.next_page())
    for row in rows:
        for column in resource.columns:
            assert isinstance(column.render(row), str)
        for section in resource.sections:
            for field in section.fields:
                assert isinstance(field.render(row), str)
    return rows


async def test_applications_and_secrets(workos: WorkOS) -> None:
    apps = await _rows(CONNECT_APPLICATIONS, workos)
    assert len(apps) == 3
    app = next(a for a in apps if a.application_type == "m2m")
    secrets = await _rows(CLIENT_SECRETS, workos, application_id=app.id)
    assert len(secrets) == 2
    assert CLIENT_SECRETS.create is not None and CLIENT_SECRETS.delete is not None
    form = ClientSecretForm(**CLIENT_SECRETS.create_prefill({"application_id": app.id}))
    created: Any = await CLIENT_SECRETS.create(workos, form)
    value = created.secret.get_secret_value()
    rendered = " ".join(f.render(created) for s in CLIENT_SECRETS.sections for f in s.fields)
    assert value not in rendered
    await CLIENT_SECRETS.delete(workos, CLIENT_SECRETS.item_id(created))
    assert len(await _rows(CLIENT_SECRETS, workos, application_id=app.id)) == 2
    action = CONNECT_APPLICATIONS.actions[0]
    result = await action.run(workos, app, None)  # a dialog's worth: the secret, hidden
    secrets = [e for e in result.entries if e.is_secret]  # type: ignore[attr-defined]
    assert len(secrets) == 1 and secrets[0].value().strip()
    assert secrets[0].value() not in repr(result)


async def test_authorized_applications(workos: WorkOS, emulator: EmulatorHandle) -> None:
    grant = next(iter(emulator.state["authorized_applications"]))
    org_rows = await _rows(
        ORGANIZATION_AUTHORIZED_APPLICATIONS, workos, organization_id=grant["_organization_id"]
    )
    assert grant["id"] in {r.id for r in org_rows}
    user_rows = await _rows(USER_AUTHORIZED_APPLICATIONS, workos, user_id=grant["user_id"])
    assert len(user_rows) == 1 and user_rows[0].user_id == grant["user_id"]
    assert USER_AUTHORIZED_APPLICATIONS.delete is not None
    await USER_AUTHORIZED_APPLICATIONS.delete(
        workos, USER_AUTHORIZED_APPLICATIONS.item_id(user_rows[0])
    )
    assert await _rows(USER_AUTHORIZED_APPLICATIONS, workos, user_id=grant["user_id"]) == []


async def test_data_integrations_and_connected_accounts(
    workos: WorkOS, emulator: EmulatorHandle
) -> None:
    rows = await _rows(DATA_INTEGRATIONS, workos)
    assert DATA_INTEGRATIONS.item_id(rows[0]) == rows[0].slug
    disable = next(a for a in DATA_INTEGRATIONS.actions if a.key == "disable")
    changed: Any = await disable.run(workos, rows[0], None)
    assert changed.enabled is False
    account = next(iter(emulator.state["connected_accounts"]))
    providers = await _rows(CONNECTED_ACCOUNTS, workos, user_id=account["user_id"])
    connected = [p for p in providers if p.connected_account is not None]
    assert connected
    assert CONNECTED_ACCOUNTS.delete is not None
    await CONNECTED_ACCOUNTS.delete(workos, CONNECTED_ACCOUNTS.item_id(connected[0]))
    again = await _rows(CONNECTED_ACCOUNTS, workos, user_id=account["user_id"])
    assert sum(p.connected_account is not None for p in again) == len(connected) - 1
