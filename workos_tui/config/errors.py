"""Errors of the configuration layer.

Every message is one plain sentence or two, fit to print as is; none ever contains an API key.
"""

from __future__ import annotations

import re


class ConfigError(Exception):
    """Base of every error the configuration layer raises; ``str()`` is the user-facing text."""


class SettingsError(ConfigError):
    """The config file cannot be read or written, or holds something it must not."""


class ProfileNotFoundError(ConfigError):
    """No profile of that name is configured."""


class ProfileExistsError(ConfigError):
    """A profile of that name is already configured."""


class MissingApiKeyError(ConfigError):
    """No API key was given by flag, environment variable or profile."""


class ConflictingBaseUrlError(ConfigError):
    """``WORKOS_BASE_URL`` and the SDKs' host variables name different servers."""


class EnvFileError(ConfigError):
    """An env file (``--env-file``) cannot be read, or holds a value that cannot be used."""


class CredentialStoreError(ConfigError):
    """A credential store failed to read, save or delete a key."""


class KeyringUnavailableError(CredentialStoreError):
    """No working OS keyring backend: the message names the alternatives."""


class WrongPassphraseError(CredentialStoreError):
    """The passphrase does not decrypt the encrypted key file."""


class WeakPassphraseError(CredentialStoreError):
    """A new encrypted key file's passphrase is too short or too repetitive."""


class UnsafeKeyFileError(CredentialStoreError):
    """The encrypted key file's header asks for key derivation outside the accepted range."""


class KeyRejectedError(ConfigError):
    """WorkOS answered that the API key is not valid."""


class UnreachableError(ConfigError):
    """The API could not be reached to check the key."""


KEY_PATTERN = re.compile(r"sk_[A-Za-z0-9]+_[A-Za-z0-9]+")


def redact_keys(text: str) -> str:
    """``text`` with anything shaped like a WorkOS API key (``sk_<kind>_...``) masked."""
    return KEY_PATTERN.sub("sk_**********", text)
