"""Where API keys live: the OS keyring, or a passphrase-protected encrypted file.

Keys never go to the config file and are handed around as ``pydantic.SecretStr``.

* ``KeyringStore`` uses the ``keyring`` package (service ``workos-tui``, username = profile
  name). On a machine where no keyring backend works (typically headless Linux without a Secret
  Service), every call raises ``KeyringUnavailableError`` whose message says so plainly and names
  the alternatives; plaintext backends (``keyrings.alt`` ``PlaintextKeyring``) are refused too.
* ``EncryptedFileStore`` keeps every profile's key in one file in the platform data dir, encrypted
  with AES-256-GCM under a key derived from a passphrase by scrypt, with a fresh random salt and
  nonce at every write; the file has mode 0600. A wrong passphrase raises
  ``WrongPassphraseError``. There is no silent plaintext fallback anywhere.

Each store lives in its own module (``keyring_store``, ``file_store``), imported only when a key
is actually read from or written to a store: a key given by flag or environment variable (or
``--demo``) loads neither ``keyring`` nor ``cryptography``. Their names are importable from here.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import SecretStr

from workos_tui.config.errors import CredentialStoreError
from workos_tui.config.key_storage import (
    DEFAULT_SCRYPT_N,
    FILE_FORMAT,
    FILE_VERSION,
    KEY_FILE_NAME,
    NO_KEYRING_ALTERNATIVES,
    PASSPHRASE_ENV,
    SERVICE_NAME,
    PassphraseProvider,
    default_key_file,
    redact_secret,
)

if TYPE_CHECKING:
    from workos_tui.config.file_store import EncryptedFileStore
    from workos_tui.config.keyring_store import KeyringStore, keyring_problem
    from workos_tui.config.settings import KeyStoreKind, Profile

__all__ = [
    "DEFAULT_SCRYPT_N",
    "FILE_FORMAT",
    "FILE_VERSION",
    "KEY_FILE_NAME",
    "NO_KEYRING_ALTERNATIVES",
    "PASSPHRASE_ENV",
    "SERVICE_NAME",
    "CredentialStore",
    "EncryptedFileStore",
    "KeyringStore",
    "PassphraseProvider",
    "StoreCache",
    "default_key_file",
    "keyring_problem",
    "open_store",
    "passphrase_from_env_or_prompt",
    "redact_secret",
]


class CredentialStore(Protocol):
    """A place that keeps one API key per profile name."""

    @property
    def description(self) -> str:
        """Where keys go, in words (shown to the user)."""
        ...

    def get(self, profile: str) -> SecretStr | None:
        """The key saved for ``profile``, or ``None``."""
        ...

    def set(self, profile: str, api_key: SecretStr) -> None:
        """Save (or replace) the key of ``profile``."""
        ...

    def delete(self, profile: str) -> bool:
        """Forget the key of ``profile``; ``False`` when there was none."""
        ...


def passphrase_from_env_or_prompt(ask_secret: Callable[[str], str]) -> PassphraseProvider:
    """A provider reading ``WORKOS_TUI_PASSPHRASE``, else asking (twice when creating the file)."""

    def provide(creating: bool) -> SecretStr:
        from_env = os.environ.get(PASSPHRASE_ENV)
        if from_env:
            return SecretStr(from_env)
        if creating:
            first = ask_secret("New passphrase for the encrypted key file: ")
            if ask_secret("Repeat the passphrase: ") != first:
                raise CredentialStoreError("the two passphrases differ; nothing was saved")
            return SecretStr(first)
        return SecretStr(ask_secret("Passphrase of the encrypted key file: "))

    return provide


class StoreCache:
    """One store per kind for a whole session, so the encrypted file's passphrase is asked once.

    Usable as a ``resolve`` store factory. Once the console is running, set ``interactive`` to
    false: the terminal belongs to the UI then, and a locked file store says how to unlock it
    instead of prompting.
    """

    def __init__(self, ask_secret: Callable[[str], str]) -> None:
        self._ask_secret = ask_secret
        self._stores: dict[KeyStoreKind, CredentialStore] = {}
        self.interactive = True

    def _ask(self, prompt: str) -> str:
        if not self.interactive:
            raise CredentialStoreError(
                "the encrypted key file is locked: set WORKOS_TUI_PASSPHRASE, or start "
                "workos-tui with --profile set to a profile kept in it"
            )
        return self._ask_secret(prompt)

    def __call__(self, profile: Profile) -> CredentialStore:
        kind = profile.key_store
        if kind not in self._stores:
            self._stores[kind] = open_store(kind, ask_secret=self._ask)
        return self._stores[kind]


def open_store(
    kind: KeyStoreKind,
    *,
    ask_secret: Callable[[str], str],
    key_file: Path | None = None,
) -> CredentialStore:
    """The store of that kind; the file store asks for its passphrase only when first used."""
    if kind == "file":
        from workos_tui.config.file_store import EncryptedFileStore

        return EncryptedFileStore(key_file, passphrase=passphrase_from_env_or_prompt(ask_secret))
    from workos_tui.config.keyring_store import KeyringStore

    return KeyringStore()


_STORE_MODULES = {
    "KeyringStore": "keyring_store",
    "keyring_problem": "keyring_store",
    "EncryptedFileStore": "file_store",
}


def __getattr__(name: str) -> Any:
    """The stores' names, importing their module (and ``keyring``/``cryptography``) on first use."""
    module_name = _STORE_MODULES.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f"workos_tui.config.{module_name}")
    value = getattr(module, name)
    globals()[name] = value
    return value
