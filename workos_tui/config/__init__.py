"""Configuration: the config file, credential stores, profiles and environment resolution."""

from workos_tui.config.credentials import (
    CredentialStore,
    EncryptedFileStore,
    KeyringStore,
    open_store,
)
from workos_tui.config.errors import (
    ConfigError,
    CredentialStoreError,
    KeyRejectedError,
    KeyringUnavailableError,
    MissingApiKeyError,
    ProfileExistsError,
    ProfileNotFoundError,
    SettingsError,
    UnreachableError,
    WrongPassphraseError,
)
from workos_tui.config.resolve import demo_environment, resolve_environment
from workos_tui.config.settings import Profile, Settings, load_settings, save_settings

__all__ = [
    "ConfigError",
    "CredentialStore",
    "CredentialStoreError",
    "EncryptedFileStore",
    "KeyRejectedError",
    "KeyringStore",
    "KeyringUnavailableError",
    "MissingApiKeyError",
    "Profile",
    "ProfileExistsError",
    "ProfileNotFoundError",
    "Settings",
    "SettingsError",
    "UnreachableError",
    "WrongPassphraseError",
    "demo_environment",
    "load_settings",
    "open_store",
    "resolve_environment",
    "save_settings",
]
