"""Saving, listing and removing profiles across config file and credential store."""

from __future__ import annotations

import pytest
from keyring_backends import MemoryKeyring
from pydantic import SecretStr

from workos_tui.config.credentials import EncryptedFileStore, KeyringStore, StoreCache
from workos_tui.config.errors import CredentialStoreError, ProfileNotFoundError
from workos_tui.config.profiles import (
    ProfileCatalog,
    describe_profiles,
    remove_profile,
    save_profile,
)
from workos_tui.config.settings import Profile, Settings, load_settings


def test_save_marks_live_keys_as_production(memory_keyring: MemoryKeyring) -> None:
    settings = Settings()
    saved = save_profile(settings, Profile(name="prod"), SecretStr("sk_live_1234"), KeyringStore())
    assert saved.production is True
    assert load_settings().get_profile("prod").production is True
    test = save_profile(settings, Profile(name="dev"), SecretStr("sk_test_1234"), KeyringStore())
    assert test.production is False
    assert memory_keyring.get_password("workos-tui", "prod") == "sk_live_1234"


def test_describe_marks_default_and_production(memory_keyring: MemoryKeyring) -> None:
    settings = Settings(production_read_only=True)
    save_profile(settings, Profile(name="dev"), SecretStr("sk_test_1"), KeyringStore())
    save_profile(
        settings,
        Profile(name="production", base_url="https://eu.example.test", client_id="client_p"),
        SecretStr("sk_live_2"),
        KeyringStore(),
    )
    lines = describe_profiles(settings)
    assert lines[0].startswith("* dev ")
    assert lines[1].startswith("  production ")
    for text in ("production", "read-only", "https://eu.example.test", "client_p", "keyring"):
        assert text in lines[1]
    assert "read-only" not in lines[0]
    assert describe_profiles(Settings()) == []


def test_remove_deletes_the_key(memory_keyring: MemoryKeyring) -> None:
    settings = Settings()
    save_profile(settings, Profile(name="dev"), SecretStr("sk_test_1"), KeyringStore())
    removal = remove_profile(settings, "dev", KeyringStore())
    assert removal.key_deleted is True and removal.warning is None
    assert memory_keyring.passwords == {}
    assert load_settings().profiles == {}


@pytest.mark.usefixtures("no_keyring")
def test_remove_without_keyring_warns_but_removes() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="dev"))
    removal = remove_profile(settings, "dev", KeyringStore())
    assert removal.key_deleted is False
    assert removal.warning is not None and "No OS keyring backend" in removal.warning
    assert load_settings().profiles == {}


def test_catalog_loads_saved_profiles_ignoring_the_environment(
    memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings()
    save_profile(
        settings,
        Profile(name="b", base_url="http://b.test"),
        SecretStr("sk_test_b"),
        KeyringStore(),
    )
    save_profile(settings, Profile(name="a"), SecretStr("sk_test_a"), KeyringStore())
    monkeypatch.setenv("WORKOS_API_KEY", "sk_test_from_env")
    monkeypatch.setenv("WORKOS_BASE_URL", "http://env.test")
    catalog = ProfileCatalog(settings, StoreCache(lambda prompt: ""), read_only=True)
    assert catalog.names() == ["a", "b"]
    environment = catalog.load("b")
    assert environment.name == "b"
    assert environment.api_key.get_secret_value() == "sk_test_b"
    assert environment.base_url == "http://b.test"
    assert environment.read_only is True
    with pytest.raises(ProfileNotFoundError):
        catalog.load("c")


def test_store_cache_asks_the_passphrase_once_then_never_while_the_console_runs() -> None:
    EncryptedFileStore(passphrase=SecretStr("a good phrase")).set("vault", SecretStr("sk_test_v"))
    settings = Settings()
    settings.add_profile(Profile(name="vault", key_store="file"))
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return "a good phrase"

    stores = StoreCache(ask)
    catalog = ProfileCatalog(settings, stores)
    assert catalog.load("vault").api_key.get_secret_value() == "sk_test_v"
    stores.interactive = False
    assert catalog.load("vault").api_key.get_secret_value() == "sk_test_v"  # still unlocked
    assert len(asked) == 1
    locked_stores = StoreCache(ask)
    locked_stores.interactive = False
    with pytest.raises(CredentialStoreError, match="locked: set WORKOS_TUI_PASSPHRASE"):
        ProfileCatalog(settings, locked_stores).load("vault")
    assert len(asked) == 1
