"""``workos-tui --demo`` offers two profiles, ``demo`` and ``demo-staging``; the second one's
emulator starts only when the profile is first loaded, serves the drifted demo, and stops with
the console."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from workos_tui.api.environment import Environment
from workos_tui.cli import main
from workos_tui.config.demo_profiles import STAGING, DemoProfiles
from workos_tui.config.errors import ConfigError
from workos_tui.emulator.demo_drift import EXTRA_CLAIM


def _get(environment: Environment, path: str) -> httpx.Response:
    key = environment.api_key.get_secret_value()
    return httpx.get(
        environment.base_url + path, headers={"Authorization": f"Bearer {key}"}, timeout=30
    )


def test_the_demo_offers_demo_and_demo_staging(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    def console(environment: Environment, profiles: Any = None, theme: str | None = None) -> None:
        assert isinstance(profiles, DemoProfiles)
        seen["names"] = list(profiles.names())
        seen["started_before_use"] = profiles.staging_started
        assert profiles.load("demo") == environment
        staging = profiles.load(STAGING)
        assert profiles.load(STAGING) == staging  # one emulator, started once
        seen["staging"] = staging
        seen["demo_claims"] = json.loads(
            _get(environment, "/user_management/jwt_template").json()["content"]
        )
        seen["staging_claims"] = json.loads(
            _get(staging, "/user_management/jwt_template").json()["content"]
        )
        with pytest.raises(ConfigError, match="known: demo, demo-staging"):
            profiles.load("production")

    monkeypatch.setattr("workos_tui.cli.launch_console", console)
    assert main(["--demo", "--read-only"]) == 0
    assert seen["names"] == ["demo", STAGING]
    assert seen["started_before_use"] is False
    staging: Environment = seen["staging"]
    assert staging.name == STAGING and staging.demo and staging.read_only
    assert EXTRA_CLAIM[0] in seen["staging_claims"]
    assert EXTRA_CLAIM[0] not in seen["demo_claims"]
    with pytest.raises(httpx.ConnectError):  # demo-staging stopped with the console
        _get(staging, "/organizations")
