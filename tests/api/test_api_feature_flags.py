"""Feature flags against the emulator over real HTTP."""

from __future__ import annotations

import pytest

from workos_tui.api import NotFoundError, WorkOS
from workos_tui.emulator.testing import EmulatorHandle


async def test_list_get_toggle(workos: WorkOS) -> None:
    page = await workos.feature_flags.list(limit=2, order="asc")
    assert [f.slug for f in page.data] == ["advanced-analytics", "sso-self-serve"]
    assert page.has_more
    assert len([f async for f in workos.feature_flags.iterate(limit=2)]) == 5
    flag = await workos.feature_flags.get("ai-summaries")
    assert flag.enabled is False and flag.owner is not None
    assert (await workos.feature_flags.enable(flag.slug)).enabled is True
    assert (await workos.feature_flags.disable(flag.slug)).enabled is False
    with pytest.raises(NotFoundError):
        await workos.feature_flags.get("nope")


async def test_targets_and_scoped_lists(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[-1]
    assert (await workos.feature_flags.list_for_organization(org_id)).data == []
    await workos.feature_flags.add_target("legacy-export", org_id)
    flags = await workos.feature_flags.organization_cursor(org_id).next_page()
    assert [f.slug for f in flags] == ["legacy-export"]
    member = next(u for u in emulator.state["users"] if org_id in u["_organization_ids"])
    mine = await workos.feature_flags.list_for_user(member["id"], limit=100)
    assert "legacy-export" in {f.slug for f in mine.data}
    via_cursor = await workos.feature_flags.user_cursor(member["id"]).next_page()
    assert "legacy-export" in {f.slug for f in via_cursor}
    await workos.feature_flags.remove_target("legacy-export", org_id)
    with pytest.raises(NotFoundError):
        await workos.feature_flags.remove_target("legacy-export", org_id)
