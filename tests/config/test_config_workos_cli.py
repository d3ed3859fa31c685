"""Importing the official WorkOS CLI's environments (sample files written by the tests)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from keyring_backends import MemoryKeyring
from pydantic import SecretStr

from workos_tui.config.credentials import KeyringStore
from workos_tui.config.errors import ConfigError
from workos_tui.config.profiles import import_cli_environments
from workos_tui.config.settings import Profile, Settings, load_settings
from workos_tui.config.workos_cli import (
    CliEnvironment,
    parse_cli_config,
    profile_name_for,
    read_cli_environments,
)

SAMPLE = {
    "activeEnvironment": "production",
    "environments": {
        "sandbox": {
            "name": "sandbox",
            "type": "sandbox",
            "apiKey": "sk_test_sandbox_111",
            "clientId": "client_sandbox",
        },
        "production": {
            "name": "production",
            "type": "production",
            "apiKey": "sk_live_prod_222",
            "endpoint": "api.workos.com/",
        },
        "local dev": {"apiKey": "sk_test_local_333", "endpoint": "http://localhost:8001"},
        "no-key": {"name": "no-key", "clientId": "client_nokey"},
        "junk": "not an environment",
    },
}


def write_sample(tmp_path: Path, document: object) -> Path:
    path = tmp_path / ".workos" / "config.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(document))
    return path


def test_parses_the_keyed_layout(tmp_path: Path) -> None:
    environments = read_cli_environments(write_sample(tmp_path, SAMPLE), use_keyring=False)
    by_name = {environment.name: environment for environment in environments}
    assert set(by_name) == {"sandbox", "production", "local dev", "no-key"}
    sandbox = by_name["sandbox"]
    assert sandbox.api_key == SecretStr("sk_test_sandbox_111")
    assert sandbox.client_id == "client_sandbox"
    assert sandbox.production is False and sandbox.active is False
    production = by_name["production"]
    assert production.production is True and production.active is True
    assert production.base_url == "https://api.workos.com"
    assert by_name["local dev"].base_url == "http://localhost:8001"
    assert by_name["no-key"].api_key is None


@pytest.mark.parametrize(
    "document",
    [
        {"envs": [{"name": "a", "api_key": "sk_test_a", "client_id": "client_a"}]},
        [{"name": "a", "api_key": "sk_test_a", "client_id": "client_a"}],
        {"a": {"apiKey": "sk_test_a", "clientId": "client_a"}},
        {"environments": [{"id": "a", "key": "sk_test_a", "clientId": "client_a", "x": 1}]},
    ],
    ids=["envs-list-snake", "bare-list", "bare-mapping", "other-field-names"],
)
def test_tolerates_other_layouts(document: object) -> None:
    assert parse_cli_config(document) == [
        CliEnvironment(name="a", api_key=SecretStr("sk_test_a"), client_id="client_a")
    ]


def test_nothing_recognisable(tmp_path: Path) -> None:
    assert parse_cli_config({"version": 3}) == []
    assert parse_cli_config("text") == []
    with pytest.raises(ConfigError, match="no environments found"):
        read_cli_environments(write_sample(tmp_path, {"version": 3}), use_keyring=False)


def test_missing_or_broken_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no WorkOS CLI configuration found"):
        read_cli_environments(tmp_path / "absent.json", use_keyring=False)
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ConfigError, match="not valid JSON"):
        read_cli_environments(broken, use_keyring=False)


def test_path_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKOS_CLI_CONFIG", str(write_sample(tmp_path, SAMPLE)))
    assert len(read_cli_environments(use_keyring=False)) == 4


def test_keychain_entry_is_preferred(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    document = {"environments": {"kc": {"apiKey": "sk_test_keychain"}}}
    memory_keyring.set_password("workos-cli", "config", json.dumps(document))
    environments = read_cli_environments(write_sample(tmp_path, SAMPLE))
    assert [environment.name for environment in environments] == ["kc"]


@pytest.mark.usefixtures("no_keyring")
def test_without_keychain_the_file_is_read(tmp_path: Path) -> None:
    assert len(read_cli_environments(write_sample(tmp_path, SAMPLE))) == 4


def test_profile_names_are_made_valid() -> None:
    assert profile_name_for("local dev") == "local-dev"
    assert profile_name_for("Prod (EU)!") == "Prod-EU"
    assert profile_name_for("***") == "workos-cli"


def test_import_creates_profiles_and_stores_keys(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    settings = Settings()
    settings.add_profile(Profile(name="sandbox", client_id="client_mine"))
    environments = read_cli_environments(write_sample(tmp_path, SAMPLE), use_keyring=False)
    asked: list[str] = []

    def confirm(name: str) -> bool:
        asked.append(name)
        return True

    report = import_cli_environments(
        settings, environments, KeyringStore(), key_store="keyring", confirm_production=confirm
    )
    assert [profile.name for profile in report.imported] == ["production", "local-dev"]
    assert dict(report.skipped) == {
        "sandbox": "a profile of that name exists (use --replace)",
        "no-key": "it has no API key",
    }
    assert asked == ["production"]

    saved = load_settings()
    assert saved.get_profile("sandbox").client_id == "client_mine"  # untouched
    production = saved.get_profile("production")
    assert production.production is True and production.read_only is True
    assert saved.get_profile("local-dev").base_url == "http://localhost:8001"
    assert saved.default_profile == "sandbox"  # an existing default is kept
    assert memory_keyring.get_password("workos-tui", "local-dev") == "sk_test_local_333"
    assert "sk_" not in (tmp_path / "config" / "config.toml").read_text()


def test_import_with_replace_and_active_default(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    settings = Settings()
    environments = read_cli_environments(write_sample(tmp_path, SAMPLE), use_keyring=False)
    report = import_cli_environments(settings, environments, KeyringStore(), key_store="keyring")
    assert len(report.imported) == 3
    assert load_settings().default_profile == "production"  # the CLI's active environment
    again = import_cli_environments(
        settings, environments, KeyringStore(), key_store="keyring", replace=True
    )
    assert len(again.imported) == 3
