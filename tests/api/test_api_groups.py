"""Groups and their members against the emulator over real HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import Group, GroupCreate, GroupUpdate, OrganizationMembership
from workos_tui.emulator.testing import EmulatorHandle


async def test_group_crud_and_members(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[4]
    oms = emulator.state["organization_memberships"].index("organization_id").get(org)
    group = await workos.groups.create(org, GroupCreate(name="Platform"))
    assert isinstance(group, Group) and group.organization_id == org
    assert (await workos.groups.get(org, group.id)).name == "Platform"
    renamed = await workos.groups.update(org, group.id, GroupUpdate(name="Platform team"))
    assert renamed.name == "Platform team"
    for om in oms[:3]:
        assert (await workos.groups.add_member(org, group.id, om)).id == group.id
    page = await workos.groups.list_members(org, group.id, limit=2)
    assert all(isinstance(m, OrganizationMembership) for m in page.data) and page.has_more
    cursor = workos.groups.members_cursor(org, group.id, limit=2)
    assert len(await cursor.next_page()) == 2 and len(await cursor.next_page()) == 1
    await workos.groups.remove_member(org, group.id, oms[0])
    mine = await workos.groups.list_for_membership(oms[1])
    assert [g.id for g in mine.data] == [group.id]
    assert [g.id for g in await workos.groups.membership_cursor(oms[0]).next_page()] == []
    listed = [g.id async for g in workos.groups.iterate(org, limit=1)]
    assert group.id in listed
    assert (await workos.groups.list(org)).data[0].id == group.id
    assert len(await workos.groups.cursor(org).next_page()) == len(listed)
    await workos.groups.delete(org, group.id)
    with pytest.raises(NotFoundError):
        await workos.groups.get(org, group.id)


async def test_group_errors(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org, other = emulator.state["organizations"].order[:2]
    group = emulator.state["groups"].index("organization_id").get(org)[0]
    foreign = emulator.state["organization_memberships"].index("organization_id").get(other)[0]
    with pytest.raises(UnprocessableError):
        await workos.groups.add_member(org, group, foreign)
    with pytest.raises(NotFoundError):
        await workos.groups.remove_member(org, group, foreign)
    with pytest.raises(NotFoundError):
        await workos.groups.list("org_01NOPE")
    with pytest.raises(UnprocessableError):
        await workos.groups.create(org, GroupCreate.model_construct(name=""))
    with pytest.raises(NotFoundError):
        await workos.groups.list_for_membership("om_01NOPE")
