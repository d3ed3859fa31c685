"""The configuration areas' resource declarations drive the real service layer.

Each declaration lists its rows from the emulator (scoped where it is nested), renders every
column and detail field, and its create / action hooks call the right service methods.
"""

from __future__ import annotations

from typing import Any

from workos_tui.api import WorkOS
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.api_keys import (
    ORGANIZATION_API_KEYS,
    USER_API_KEYS,
    OrganizationApiKeyForm,
)
from workos_tui.resources.audit_logs import (
    AUDIT_LOG_ACTIONS,
    AUDIT_LOG_EXPORTS,
    AUDIT_LOG_SCHEMAS,
)
from workos_tui.resources.base import ListRequest, ResourceType
from workos_tui.resources.feature_flags import (
    FEATURE_FLAGS,
    ORGANIZATION_FEATURE_FLAGS,
    USER_FEATURE_FLAGS,
    FlagTarget,
)
from workos_tui.resources.webhooks import WEBHOOK_ENDPOINTS


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


async def test_webhook_endpoints(workos: WorkOS) -> None:
    rows = await _rows(WEBHOOK_ENDPOINTS, workos)
    assert len(rows) == 3
    secret = rows[0].secret.get_secret_value()
    rendered = [f.render(rows[0]) for s in WEBHOOK_ENDPOINTS.sections for f in s.fields]
    assert secret not in " ".join(rendered)
    disable = next(a for a in WEBHOOK_ENDPOINTS.actions if a.key == "disable")
    enabled = next(r for r in rows if r.status == "enabled")
    assert disable.applies(enabled)
    changed = await disable.run(workos, enabled, None)
    assert changed is not None and changed.status == "disabled"  # type: ignore[attr-defined]


async def test_api_keys(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = next(iter(emulator.state["api_keys"]))["owner"]["id"]
    rows = await _rows(ORGANIZATION_API_KEYS, workos, organization_id=org_id)
    assert rows and all(r.owner.id == org_id for r in rows)
    prefill = ORGANIZATION_API_KEYS.create_prefill({"organization_id": org_id})
    form = OrganizationApiKeyForm(name="From the console", **prefill)
    assert ORGANIZATION_API_KEYS.create is not None
    created = await ORGANIZATION_API_KEYS.create(workos, form)
    assert created.value.get_secret_value().startswith("sk_")  # type: ignore[attr-defined]
    expire = ORGANIZATION_API_KEYS.actions[0]
    assert expire.applies(created)
    expired = await expire.run(workos, created, None)
    assert expired is not None and expired.expires_at  # type: ignore[attr-defined]
    user = next(u for u in emulator.state["api_keys"] if u["owner"]["type"] == "user")["owner"]
    user_rows = await _rows(USER_API_KEYS, workos, user_id=user["id"])
    assert user_rows and all(r.owner.id == user["id"] for r in user_rows)


async def test_audit_logs(workos: WorkOS, emulator: EmulatorHandle) -> None:
    actions = await _rows(AUDIT_LOG_ACTIONS, workos)
    assert actions and AUDIT_LOG_ACTIONS.item_id(actions[0]) == actions[0].name
    schemas = await _rows(AUDIT_LOG_SCHEMAS, workos, action="user.signed_in")
    assert [s.version for s in schemas] == [2, 1]
    export_id = emulator.state["audit_log_exports"].order[0]
    exports = await _rows(AUDIT_LOG_EXPORTS, workos, id=export_id)
    assert [e.id for e in exports] == [export_id]


async def test_feature_flags(workos: WorkOS, emulator: EmulatorHandle) -> None:
    flags = await _rows(FEATURE_FLAGS, workos)
    assert len(flags) == 5
    one = await _rows(FEATURE_FLAGS, workos, slug="ai-summaries")
    assert [f.slug for f in one] == ["ai-summaries"]
    enable = next(a for a in FEATURE_FLAGS.actions if a.key == "enable")
    assert enable.applies(one[0])
    assert (await enable.run(workos, one[0], None)).enabled  # type: ignore[union-attr]
    org_id = emulator.state["organizations"].order[-1]
    add = next(a for a in FEATURE_FLAGS.actions if a.key == "add_target")
    await add.run(workos, one[0], FlagTarget(resource_id=org_id))
    scoped = await _rows(ORGANIZATION_FEATURE_FLAGS, workos, organization_id=org_id)
    assert [f.slug for f in scoped] == ["ai-summaries"]
    user_id = emulator.state["users"].order[0]
    assert await _rows(USER_FEATURE_FLAGS, workos, user_id=user_id) is not None
