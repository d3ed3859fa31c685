"""SSO connections, Directory Sync and events against the emulator over real HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workos_tui.api import NotFoundError, WorkOS
from workos_tui.emulator import Exchange


async def test_connections_list_filters_get_delete(workos: WorkOS) -> None:
    everything = [c async for c in workos.connections.iterate(limit=100)]
    assert everything
    first = everything[0]
    assert first.organization_id
    in_org = await workos.connections.list(organization_id=first.organization_id)
    assert first.id in {c.id for c in in_org.data}
    assert all(c.organization_id == first.organization_id for c in in_org.data)
    of_type = await workos.connections.list(connection_type="GoogleOAuth", limit=100)
    assert all(c.connection_type == "GoogleOAuth" for c in of_type.data)
    if first.domains:
        by_domain = await workos.connections.list(domain=first.domains[0].domain)
        assert first.id in {c.id for c in by_domain.data}
    searched = await workos.connections.list(search=first.name.split()[0], limit=100)
    assert first.id in {c.id for c in searched.data}
    assert (await workos.connections.get(first.id)).name == first.name
    await workos.connections.delete(first.id)
    with pytest.raises(NotFoundError):
        await workos.connections.get(first.id)


async def test_directories_users_and_groups(workos: WorkOS) -> None:
    directories = (await workos.directories.list(limit=100)).data
    assert directories
    directory = directories[0]
    assert (await workos.directories.get(directory.id)).id == directory.id
    in_org = await workos.directories.list(organization_id=directory.organization_id)
    assert directory.id in {d.id for d in in_org.data}
    searched = await workos.directories.list(search=directory.name.split()[0], limit=100)
    assert directory.id in {d.id for d in searched.data}

    groups = [g async for g in workos.directory_groups.iterate(directory=directory.id, limit=5)]
    users = [u async for u in workos.directory_users.iterate(directory=directory.id, limit=5)]
    assert groups and users
    assert all(g.directory_id == directory.id for g in groups)
    group = await workos.directory_groups.get(groups[0].id)
    assert group.name == groups[0].name
    user = await workos.directory_users.get(users[0].id)
    assert user.idp_id == users[0].idp_id

    members = await workos.directory_users.list(group=group.id, limit=100)
    for member in members.data:
        assert member.directory_id == directory.id
    if members.data:
        member_groups = await workos.directory_groups.list(user=members.data[0].id)
        assert group.id in {g.id for g in member_groups.data}
    if user.email:
        by_email = await workos.directory_users.list(directory=directory.id, email=user.email)
        assert user.id in {u.id for u in by_email.data}


async def test_directory_delete(workos: WorkOS) -> None:
    directory = (await workos.directories.list(limit=1)).data[0]
    await workos.directories.delete(directory.id)
    with pytest.raises(NotFoundError):
        await workos.directories.get(directory.id)


async def test_events_filtered_by_types_organization_and_range(
    workos: WorkOS, exchanges: Callable[[], list[Exchange]]
) -> None:
    recent = (await workos.events.list(limit=20)).data
    assert recent
    kinds = sorted({e.event for e in recent})[:2]
    filtered = await workos.events.list(events=kinds, limit=100)
    assert filtered.data and all(e.event in kinds for e in filtered.data)
    sent = [ex for ex in exchanges() if ex.path == "/events"][-1]
    assert sent.query_string.count("events=") == 1
    with_org = next(e for e in recent if e.data.get("organization_id"))
    org_id = str(with_org.data["organization_id"])
    for_org = await workos.events.list(organization_id=org_id, events=kinds, limit=100)
    assert for_org.data is not None
    first, last = min(e.created_at for e in recent), max(e.created_at for e in recent)
    ranged = await workos.events.list(range_start=first, range_end=last, limit=100)
    assert all(first <= e.created_at <= last for e in ranged.data)
    cursor = workos.events.cursor(limit=50)
    await cursor.next_page()
    assert cursor.loaded == 50 and cursor.has_more
