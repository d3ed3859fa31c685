"""Configuration: the config file, credential stores, profiles and environment resolution.

Names load from their submodule on first use: importing a submodule (``config.errors`` when a
command fails, ``config.resolve`` at launch) loads only what it needs, and neither store's
backend (``keyring``, ``cryptography``) is imported until a key is read from or written to it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workos_tui.api._lazy import lazy_exports

if TYPE_CHECKING:
    from workos_tui.config.credentials import CredentialStore, open_store
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
    from workos_tui.config.file_store import EncryptedFileStore
    from workos_tui.config.keyring_store import KeyringStore
    from workos_tui.config.resolve import demo_environment, resolve_environment
    from workos_tui.config.settings import Profile, Settings, load_settings, save_settings

_EXPORTS = {
    "ConfigError": "errors",
    "CredentialStore": "credentials",
    "CredentialStoreError": "errors",
    "EncryptedFileStore": "file_store",
    "KeyRejectedError": "errors",
    "KeyringStore": "keyring_store",
    "KeyringUnavailableError": "errors",
    "MissingApiKeyError": "errors",
    "Profile": "settings",
    "ProfileExistsError": "errors",
    "ProfileNotFoundError": "errors",
    "Settings": "settings",
    "SettingsError": "errors",
    "UnreachableError": "errors",
    "WrongPassphraseError": "errors",
    "demo_environment": "resolve",
    "load_settings": "settings",
    "open_store": "credentials",
    "resolve_environment": "resolve",
    "save_settings": "settings",
}

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

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
