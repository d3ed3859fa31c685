"""The demo's two environments: ``demo`` and ``demo-staging`` (the same demo with deliberate
drift) served by two emulators; the environment diff lists exactly the deliberate differences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS, WorkOSClient
from workos_tui.emulator import DEFAULT_API_KEY, EmulatorServer, create_app, demo_state
from workos_tui.emulator.demo_drift import (
    DRIFT,
    EXTRA_CLAIM,
    EXTRA_PERMISSION,
    FLAG_ON,
    WEBHOOK,
    staging_state,
)
from workos_tui.resources.env_diff import diff_environments, differences


@pytest.fixture
def servers() -> Iterator[tuple[EmulatorServer, EmulatorServer]]:
    demo = EmulatorServer(create_app(demo_state()), port=0).start()
    staging = EmulatorServer(create_app(staging_state()), port=0).start()
    try:
        yield demo, staging
    finally:
        demo.stop()
        staging.stop()


def _facade(server: EmulatorServer, name: str) -> WorkOS:
    env = Environment(name=name, api_key=SecretStr(DEFAULT_API_KEY), base_url=server.base_url)
    return WorkOS(WorkOSClient(env))


async def test_the_diff_of_demo_and_staging_lists_exactly_the_drift(
    servers: tuple[EmulatorServer, EmulatorServer],
) -> None:
    demo, staging = _facade(servers[0], "demo"), _facade(servers[1], "demo-staging")
    try:
        found = differences(await diff_environments(demo, staging))
    finally:
        await demo.aclose()
        await staging.aclose()
    assert sorted((e.kind, e.key, e.status) for e in found) == sorted(DRIFT)
    by_kind = {e.kind: e for e in found}
    assert by_kind["role"].fields == ("permissions",)
    assert EXTRA_PERMISSION[1] in (by_kind["role"].right or {})["permissions"]
    assert EXTRA_PERMISSION[1] not in (by_kind["role"].left or {})["permissions"]
    assert EXTRA_CLAIM[0] in (by_kind["jwt_template"].right or {})["content"]
    assert (by_kind["webhook_endpoint"].right or {})["events"] == sorted(WEBHOOK[1])
    flag = by_kind["feature_flag"]
    assert flag.key == FLAG_ON and flag.fields == ("enabled",)
    assert (flag.left or {})["enabled"] is False and (flag.right or {})["enabled"] is True
