"""The config file: round trip, location, atomic private writes, no secrets."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from workos_tui.config.errors import (
    ProfileExistsError,
    ProfileNotFoundError,
    SettingsError,
)
from workos_tui.config.settings import (
    Profile,
    Settings,
    config_path,
    load_settings,
    save_settings,
)


def test_config_dir_comes_from_the_environment(private_dirs: Path) -> None:
    assert config_path() == private_dirs / "config" / "config.toml"


def test_missing_file_gives_empty_settings() -> None:
    settings = load_settings()
    assert settings.profiles == {}
    assert settings.default_profile is None


def test_round_trip() -> None:
    settings = Settings(theme="nord", production_read_only=True)
    settings.add_profile(Profile(name="staging", client_id="client_123"))
    settings.add_profile(
        Profile(name="prod", base_url="https://api.example.test", production=True, read_only=True)
    )
    settings.add_profile(Profile(name="local", base_url="http://127.0.0.1:4100", key_store="file"))
    save_settings(settings)

    loaded = load_settings()
    assert loaded == settings
    assert loaded.default_profile == "staging"  # the first profile became the default
    assert loaded.get_profile("prod").read_only is True
    assert loaded.get_profile("local").key_store == "file"


def test_file_layout_is_tables_per_profile_and_private() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="staging"))
    path = save_settings(settings)
    text = path.read_text()
    assert "[profiles.staging]" in text
    assert 'default_profile = "staging"' in text
    assert "read_only =" not in text.split("[profiles.staging]")[1]  # None is left out
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temp file left


def test_default_follows_removal_and_set_default() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="a"))
    settings.add_profile(Profile(name="b"))
    settings.set_default("b")
    assert settings.default_profile == "b"
    settings.remove_profile("b")
    assert settings.default_profile is None
    with pytest.raises(ProfileNotFoundError, match=r"no profile named 'b'.*profiles: a"):
        settings.set_default("b")


def test_duplicate_profile_is_refused_unless_replace() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="a"))
    with pytest.raises(ProfileExistsError):
        settings.add_profile(Profile(name="a", client_id="client_x"))
    settings.add_profile(Profile(name="a", client_id="client_x"), replace=True)
    assert settings.get_profile("a").client_id == "client_x"


def test_production_read_only_default() -> None:
    settings = Settings(production_read_only=True)
    assert settings.effective_read_only(Profile(name="p", production=True)) is True
    assert (
        settings.effective_read_only(Profile(name="p", production=True, read_only=False)) is False
    )
    assert settings.effective_read_only(Profile(name="s")) is False


def test_refuses_to_write_an_api_key() -> None:
    settings = Settings()
    settings.add_profile(Profile(name="oops", client_id="sk_test_abcdef123456"))
    with pytest.raises(SettingsError, match="looks like an API key"):
        save_settings(settings)
    assert not config_path().exists()


def test_api_key_fields_in_the_file_are_ignored(caplog: pytest.LogCaptureFixture) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text('[profiles.old]\napi_key = "sk_test_should_not_be_here"\n')
    settings = load_settings()
    assert "api_key" not in settings.get_profile("old").model_dump()
    assert "sk_test_should_not_be_here" not in caplog.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not toml [", "cannot read config file"),
        ('profiles = "x"', "must be a table"),
        ('[profiles."bad name!"]\n', "profiles.bad name!.name"),
        ("[profiles.a]\nread_only = 3\n", "profiles.a.read_only"),
    ],
)
def test_invalid_files_give_one_clear_error(content: str, message: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.raises(SettingsError, match="config file") as info:
        load_settings()
    assert message in str(info.value)
