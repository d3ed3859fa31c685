"""Environment diff against two emulators over HTTP: the demo on both sides, then differences
made through each one's API; the diff lists exactly those."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS, WorkOSClient
from workos_tui.emulator import DEFAULT_API_KEY, EmulatorServer, create_app, demo_state
from workos_tui.resources.env_diff import (
    compare,
    copy_item,
    copy_plan,
    differences,
    read_configuration,
)


@pytest.fixture
def servers() -> Iterator[tuple[EmulatorServer, EmulatorServer]]:
    left = EmulatorServer(create_app(demo_state()), port=0)
    right = EmulatorServer(create_app(demo_state()), port=0)
    left.start()
    right.start()
    try:
        yield left, right
    finally:
        left.stop()
        right.stop()


def _http(server: EmulatorServer) -> httpx.Client:
    headers = {"Authorization": f"Bearer {DEFAULT_API_KEY}"}
    return httpx.Client(base_url=server.base_url, headers=headers)


async def _facade(server: EmulatorServer, name: str) -> WorkOS:
    env = Environment(name=name, api_key=SecretStr(DEFAULT_API_KEY), base_url=server.base_url)
    return WorkOS(WorkOSClient(env))


@pytest.fixture
async def facades(
    servers: tuple[EmulatorServer, EmulatorServer],
) -> AsyncIterator[tuple[WorkOS, WorkOS]]:
    left, right = await _facade(servers[0], "staging"), await _facade(servers[1], "production")
    yield left, right
    await left.aclose()
    await right.aclose()


def _ok(response: httpx.Response) -> None:
    assert response.status_code < 300, response.text


async def test_the_diff_lists_exactly_the_seeded_differences(
    servers: tuple[EmulatorServer, EmulatorServer], facades: tuple[WorkOS, WorkOS]
) -> None:
    left, right = facades
    same = differences(compare(await read_configuration(left), await read_configuration(right)))
    assert same == []  # the same demo on both sides
    with _http(servers[0]) as a:
        _ok(a.post("/user_management/redirect_uris", json={"uri": "https://staging.example/cb"}))
        _ok(
            a.post(
                "/audit_logs/actions/report.exported/schemas",
                json={"targets": [{"type": "report"}]},
            )
        )
    with _http(servers[1]) as b:
        _ok(b.post("/authorization/permissions", json={"slug": "reports:export", "name": "Export"}))
        _ok(
            b.put(
                "/authorization/roles/member/permissions",
                json={"permissions": ["users:read", "billing:read"]},
            )
        )
        _ok(b.post("/user_management/cors_origins", json={"origin": "https://app.example"}))
        _ok(b.put("/user_management/jwt_template", json={"content": '{"tier": "{{user.id}}"}'}))
        _ok(
            b.post(
                "/webhook_endpoints",
                json={"endpoint_url": "https://hooks.example/w", "events": ["user.created"]},
            )
        )
        _ok(b.put("/feature-flags/advanced-analytics/disable"))
    entries = differences(compare(await read_configuration(left), await read_configuration(right)))
    found = {(e.kind, e.key, e.status, e.fields) for e in entries}
    assert found == {
        ("role", "member", "changed", ("permissions",)),
        ("permission", "reports:export", "added", ()),
        ("redirect_uri", "https://staging.example/cb", "removed", ()),
        ("cors_origin", "https://app.example", "added", ()),
        ("jwt_template", "template", "changed", ("content",)),
        ("webhook_endpoint", "https://hooks.example/w", "added", ()),
        ("feature_flag", "advanced-analytics", "changed", ("enabled",)),
        ("audit_log_action", "report.exported", "removed", ()),
    }
    member = next(e for e in entries if e.key == "member")
    assert member.describe() == (
        "~ Roles: member (permissions: users:read → billing:read, users:read)"
    )

    # copying every item that can be copied leaves only the audit-log action schema
    for entry in entries:
        to_right = entry.status != "added"
        if copy_plan(entry, to_right) is None:
            assert entry.kind == "audit_log_action"
            continue
        await copy_item(right if to_right else left, entry, to_right)
    left_after, right_after = await read_configuration(left), await read_configuration(right)
    remaining = differences(compare(left_after, right_after))
    assert [(e.kind, e.key, e.status) for e in remaining] == [
        ("audit_log_action", "report.exported", "removed")
    ]
