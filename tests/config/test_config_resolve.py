"""Where each setting comes from: flag → environment variable → profile → default."""

from __future__ import annotations

import pytest
from keyring_backends import MemoryKeyring
from pydantic import SecretStr

from workos_tui.api.environment import DEFAULT_BASE_URL
from workos_tui.config.credentials import KeyringStore
from workos_tui.config.errors import (
    ConfigError,
    KeyringUnavailableError,
    MissingApiKeyError,
    ProfileNotFoundError,
)
from workos_tui.config.resolve import demo_environment, resolve_environment
from workos_tui.config.settings import Profile, Settings

PROFILE_KEY = "sk_test_profile_0001"
OTHER_KEY = "sk_test_other_0002"
ENV_KEY = "sk_test_env_0003"
FLAG_KEY = "sk_test_flag_0004"
LIVE_KEY = "sk_live_prod_0005"


@pytest.fixture
def settings(memory_keyring: MemoryKeyring) -> Settings:
    settings = Settings()
    settings.add_profile(
        Profile(name="staging", base_url="http://staging.test", client_id="client_staging")
    )
    settings.add_profile(Profile(name="other", base_url="http://other.test", read_only=True))
    settings.add_profile(Profile(name="prod", production=True))
    store = KeyringStore()
    store.set("staging", SecretStr(PROFILE_KEY))
    store.set("other", SecretStr(OTHER_KEY))
    store.set("prod", SecretStr(LIVE_KEY))
    return settings


def test_default_profile_supplies_everything(settings: Settings) -> None:
    environment = resolve_environment(settings=settings, environ={})
    assert environment.name == "staging"
    assert environment.api_key.get_secret_value() == PROFILE_KEY
    assert environment.base_url == "http://staging.test"
    assert environment.client_id == "client_staging"
    assert environment.read_only is False
    assert environment.is_production is False


def test_profile_flag_beats_profile_variable_beats_default(settings: Settings) -> None:
    environ = {"WORKOS_TUI_PROFILE": "other"}
    assert resolve_environment(settings=settings, environ=environ).name == "other"
    chosen = resolve_environment(profile="prod", settings=settings, environ=environ)
    assert chosen.name == "prod"


def test_api_key_flag_beats_variable_beats_profile(settings: Settings) -> None:
    environ = {"WORKOS_API_KEY": ENV_KEY}
    from_env = resolve_environment(profile="staging", settings=settings, environ=environ)
    assert from_env.api_key.get_secret_value() == ENV_KEY
    assert from_env.base_url == "http://staging.test"  # the rest still comes from the profile
    from_flag = resolve_environment(
        profile="staging", api_key=SecretStr(FLAG_KEY), settings=settings, environ=environ
    )
    assert from_flag.api_key.get_secret_value() == FLAG_KEY


def test_ad_hoc_key_does_not_pick_up_the_default_profile(settings: Settings) -> None:
    environment = resolve_environment(settings=settings, environ={"WORKOS_API_KEY": ENV_KEY})
    assert environment.name == "custom"
    assert environment.base_url == DEFAULT_BASE_URL
    assert environment.client_id is None


def test_base_url_flag_beats_variable_beats_profile_beats_default(settings: Settings) -> None:
    environ = {"WORKOS_BASE_URL": "http://env.test/"}
    assert resolve_environment(settings=settings, environ={}).base_url == "http://staging.test"
    assert resolve_environment(settings=settings, environ=environ).base_url == "http://env.test"
    flagged = resolve_environment(base_url="http://flag.test", settings=settings, environ=environ)
    assert flagged.base_url == "http://flag.test"
    bare = resolve_environment(settings=Settings(), environ={"WORKOS_API_KEY": ENV_KEY})
    assert bare.base_url == DEFAULT_BASE_URL


def test_client_id_variable_beats_profile(settings: Settings) -> None:
    environ = {"WORKOS_CLIENT_ID": "client_env"}
    assert resolve_environment(settings=settings, environ=environ).client_id == "client_env"


def test_read_only_flag_beats_variable_beats_profile(settings: Settings) -> None:
    assert resolve_environment(profile="other", settings=settings, environ={}).read_only is True
    environ = {"WORKOS_TUI_READ_ONLY": "no"}
    assert (
        resolve_environment(profile="other", settings=settings, environ=environ).read_only is False
    )
    flagged = resolve_environment(
        profile="other", read_only=True, settings=settings, environ=environ
    )
    assert flagged.read_only is True
    off = resolve_environment(profile="other", read_only=False, settings=settings, environ={})
    assert off.read_only is False


def test_live_keys_mark_production_and_may_default_to_read_only(settings: Settings) -> None:
    prod = resolve_environment(profile="prod", settings=settings, environ={})
    assert prod.is_production is True
    assert prod.read_only is False
    settings.production_read_only = True
    assert resolve_environment(profile="prod", settings=settings, environ={}).read_only is True
    ad_hoc = resolve_environment(settings=settings, environ={"WORKOS_API_KEY": LIVE_KEY})
    assert ad_hoc.is_production and ad_hoc.read_only is True
    overridden = resolve_environment(profile="prod", read_only=False, settings=settings, environ={})
    assert overridden.read_only is False


def test_unknown_profile(settings: Settings) -> None:
    with pytest.raises(ProfileNotFoundError, match="'nope'"):
        resolve_environment(profile="nope", settings=settings, environ={})
    with pytest.raises(ProfileNotFoundError):
        resolve_environment(settings=settings, environ={"WORKOS_TUI_PROFILE": "nope"})


@pytest.mark.usefixtures("memory_keyring")
def test_missing_key_says_where_to_put_one() -> None:
    with pytest.raises(MissingApiKeyError, match="workos-tui login"):
        resolve_environment(settings=Settings(), environ={})
    settings = Settings()
    settings.add_profile(Profile(name="keyless"))
    with pytest.raises(MissingApiKeyError, match="no API key saved for profile 'keyless'"):
        resolve_environment(settings=settings, environ={})
    with pytest.raises(MissingApiKeyError, match="empty"):
        resolve_environment(api_key=SecretStr("  "), settings=settings, environ={})


@pytest.mark.usefixtures("no_keyring")
def test_keyring_profile_without_keyring_says_so() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="staging"))
    with pytest.raises(KeyringUnavailableError, match="WORKOS_API_KEY"):
        resolve_environment(settings=settings, environ={})
    # ... and the environment variable is the way out
    environment = resolve_environment(settings=settings, environ={"WORKOS_API_KEY": ENV_KEY})
    assert environment.api_key.get_secret_value() == ENV_KEY


def test_file_store_profile_uses_the_passphrase_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from workos_tui.config.credentials import EncryptedFileStore

    EncryptedFileStore(passphrase=SecretStr("a good phrase")).set("vault", SecretStr(PROFILE_KEY))
    settings = Settings()
    settings.add_profile(Profile(name="vault", key_store="file"))
    with pytest.raises(ConfigError, match="WORKOS_TUI_PASSPHRASE"):
        resolve_environment(settings=settings, environ={})
    monkeypatch.setenv("WORKOS_TUI_PASSPHRASE", "a good phrase")
    environment = resolve_environment(settings=settings, environ={})
    assert environment.api_key.get_secret_value() == PROFILE_KEY


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_bad_boolean_variable(settings: Settings, value: str) -> None:
    with pytest.raises(ConfigError, match="WORKOS_TUI_READ_ONLY"):
        resolve_environment(settings=settings, environ={"WORKOS_TUI_READ_ONLY": value})


def test_bad_base_url(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="http:// or https://"):
        resolve_environment(base_url="api.workos.com", settings=settings, environ={})


def test_reads_the_config_file_and_process_environment(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workos_tui.config.settings import save_settings

    save_settings(settings)
    monkeypatch.setenv("WORKOS_TUI_PROFILE", "other")
    assert resolve_environment().name == "other"


def test_demo_environment() -> None:
    environment = demo_environment("http://127.0.0.1:5555/")
    assert environment.demo is True
    assert environment.base_url == "http://127.0.0.1:5555"
    assert environment.api_key.get_secret_value() == "sk_test_default"


def test_the_demo_environment_has_the_emulators_client_id() -> None:
    """Test sign-in and the session tools need one; the demo's is the emulator's client."""
    from workos_tui.emulator.oauth import CLIENT_ID

    assert demo_environment("http://127.0.0.1:5555").client_id == CLIENT_ID
