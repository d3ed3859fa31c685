"""The config file: profiles, the default profile and the theme, as TOML.

The file lives at ``<config dir>/config.toml`` where the config dir is
``platformdirs.user_config_dir("workos-tui")`` unless ``WORKOS_TUI_CONFIG_DIR`` names another.
It never holds an API key: keys live in a credential store (see ``credentials``), and
``save_settings`` refuses to write anything that looks like one.

Layout::

    default_profile = "staging"
    theme = "textual-dark"
    production_read_only = false     # read-only default for live keys without a profile choice

    [profiles.staging]
    base_url = "https://api.workos.com"
    client_id = "client_..."
    production = false               # the key saved for it is an sk_live_ key
    read_only = true                 # omitted: follow production_read_only for live keys
    key_store = "keyring"            # or "file": the passphrase-protected encrypted file
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

import platformdirs
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from workos_tui.api.environment import DEFAULT_BASE_URL
from workos_tui.config.errors import (
    KEY_PATTERN,
    ProfileExistsError,
    ProfileNotFoundError,
    SettingsError,
)
from workos_tui.config.files import atomic_write

logger = logging.getLogger(__name__)

APP_NAME = "workos-tui"
CONFIG_DIR_ENV = "WORKOS_TUI_CONFIG_DIR"
DATA_DIR_ENV = "WORKOS_TUI_DATA_DIR"
CONFIG_FILE_NAME = "config.toml"

PROFILE_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"

KeyStoreKind = Literal["keyring", "file"]


def config_dir() -> Path:
    """Directory of the config file (``WORKOS_TUI_CONFIG_DIR`` overrides the platform's)."""
    override = os.environ.get(CONFIG_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    """Directory of local data, e.g. the encrypted key file (``WORKOS_TUI_DATA_DIR`` overrides)."""
    override = os.environ.get(DATA_DIR_ENV)
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def config_path() -> Path:
    """Path of the config file."""
    return config_dir() / CONFIG_FILE_NAME


class Profile(BaseModel):
    """One saved WorkOS environment, without its key."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    name: str = Field(pattern=PROFILE_NAME_PATTERN, description="Letters, digits, . _ -")
    base_url: str = DEFAULT_BASE_URL
    client_id: str | None = None
    production: bool = False
    read_only: bool | None = None
    key_store: KeyStoreKind = "keyring"


class Settings(BaseModel):
    """Everything the config file holds."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    default_profile: str | None = None
    theme: str | None = None
    production_read_only: bool = False
    profiles: dict[str, Profile] = Field(default_factory=dict)

    def get_profile(self, name: str) -> Profile:
        """The named profile, or ``ProfileNotFoundError`` naming the known ones."""
        try:
            return self.profiles[name]
        except KeyError:
            known = ", ".join(sorted(self.profiles)) or "none yet; add one with `workos-tui login`"
            raise ProfileNotFoundError(f"no profile named {name!r} (profiles: {known})") from None

    def add_profile(self, profile: Profile, *, replace: bool = False) -> None:
        """Add a profile; the first one becomes the default."""
        if profile.name in self.profiles and not replace:
            raise ProfileExistsError(f"a profile named {profile.name!r} already exists")
        self.profiles = {**self.profiles, profile.name: profile}
        if self.default_profile is None:
            self.default_profile = profile.name

    def remove_profile(self, name: str) -> Profile:
        """Remove a profile (clearing the default if it was the default) and return it."""
        profile = self.get_profile(name)
        self.profiles = {key: value for key, value in self.profiles.items() if key != name}
        if self.default_profile == name:
            self.default_profile = None
        return profile

    def set_default(self, name: str) -> None:
        """Make an existing profile the default."""
        self.get_profile(name)
        self.default_profile = name

    def effective_read_only(self, profile: Profile) -> bool:
        """The profile's read-only flag, or the production default when it has none."""
        if profile.read_only is not None:
            return profile.read_only
        return profile.production and self.production_read_only


def load_settings(path: Path | None = None) -> Settings:
    """Read the config file; a missing file gives empty settings."""
    path = path or config_path()
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        raise SettingsError(f"cannot read config file {path}: {error}") from None
    import tomllib  # only when there is a file to read

    with handle:
        try:
            raw = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise SettingsError(f"cannot read config file {path}: {error}") from None
    return _settings_from_toml(raw, path)


def _settings_from_toml(raw: Mapping[str, Any], path: Path) -> Settings:
    profiles_raw = raw.get("profiles", {})
    if not isinstance(profiles_raw, Mapping):
        raise SettingsError(f"config file {path}: [profiles] must be a table")
    data = dict(raw)
    data["profiles"] = {}
    for name, table in profiles_raw.items():
        if not isinstance(table, Mapping):
            raise SettingsError(f"config file {path}: [profiles.{name}] must be a table")
        if any(key in table for key in ("api_key", "apiKey", "key")):
            logger.warning("ignoring an API key field in profile %r of %s", name, path)
        data["profiles"][name] = {**table, "name": name}
    try:
        return Settings.model_validate(data)
    except PydanticValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise SettingsError(f"config file {path}: {where}: {first['msg']}") from None


def settings_to_toml(settings: Settings) -> dict[str, Any]:
    """The TOML document for ``settings`` (``None`` values left out, profile names as tables)."""
    document: dict[str, Any] = settings.model_dump(exclude_none=True, exclude={"profiles"})
    document["profiles"] = {
        name: profile.model_dump(exclude_none=True, exclude={"name"})
        for name, profile in settings.profiles.items()
    }
    return document


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the config file atomically (temp file + rename, mode 0600); return its path."""
    path = path or config_path()
    document = settings_to_toml(settings)
    if any(KEY_PATTERN.search(value) for value in _strings(document)):
        raise SettingsError("refusing to write something that looks like an API key to the config")
    import tomli_w  # only when saving

    payload = tomli_w.dumps(document).encode()
    try:
        atomic_write(path, payload)
    except OSError as error:
        raise SettingsError(f"cannot write config file {path}: {error}") from None
    logger.debug("saved settings to %s", path)
    return path


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
