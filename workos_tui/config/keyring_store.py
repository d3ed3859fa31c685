"""API keys in the OS keyring (the ``keyring`` package).

Imported only when a key is read from or written to the keyring: importing ``keyring`` costs
tens of milliseconds, which a key given by flag or environment variable (or ``--demo``) need
not pay. ``workos_tui.config.credentials`` re-exports these names on first use.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from pydantic import SecretStr

from workos_tui.config.errors import CredentialStoreError, KeyringUnavailableError
from workos_tui.config.key_storage import NO_KEYRING_ALTERNATIVES, SERVICE_NAME, redact_secret

logger = logging.getLogger("workos_tui.config.credentials")


def keyring_problem(backend: KeyringBackend) -> str | None:
    """Why ``backend`` cannot keep keys safely, or ``None`` when it looks usable."""
    if isinstance(backend, fail.Keyring):
        return "No OS keyring backend is available on this machine"
    if isinstance(backend, null.Keyring):
        return "The OS keyring is disabled (keyring's null backend is configured)"
    if isinstance(backend, chainer.ChainerBackend) and not chainer.ChainerBackend.backends:
        return "No OS keyring backend is available on this machine"
    if "plaintext" in type(backend).__name__.lower():
        return f"The configured keyring backend ({type(backend).__name__}) stores keys unencrypted"
    return None


class KeyringStore:
    """API keys in the OS keyring (service ``workos-tui``, username = profile name)."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        """The keyring backend in use (the one given, else keyring's configured one)."""
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def description(self) -> str:
        return f"the OS keyring ({type(self.backend).__name__})"

    def check(self) -> None:
        """Raise ``KeyringUnavailableError`` when the keyring cannot be used."""
        problem = keyring_problem(self.backend)
        if problem is not None:
            raise KeyringUnavailableError(f"{problem}. {NO_KEYRING_ALTERNATIVES}")

    def _failure(self, action: str, error: Exception, secret: SecretStr | None) -> Exception:
        detail = redact_secret(str(error), secret) or type(error).__name__
        if isinstance(error, keyring.errors.NoKeyringError | keyring.errors.InitError):
            return KeyringUnavailableError(
                f"The OS keyring could not {action} ({detail}). {NO_KEYRING_ALTERNATIVES}"
            )
        return CredentialStoreError(f"the OS keyring could not {action}: {detail}")

    def get(self, profile: str) -> SecretStr | None:
        self.check()
        try:
            value = self.backend.get_password(SERVICE_NAME, profile)
        except (keyring.errors.KeyringError, OSError) as error:
            raise self._failure(f"read the key of profile {profile!r}", error, None) from None
        return SecretStr(value) if value else None

    def set(self, profile: str, api_key: SecretStr) -> None:
        self.check()
        try:
            self.backend.set_password(SERVICE_NAME, profile, api_key.get_secret_value())
        except (keyring.errors.KeyringError, OSError) as error:
            raise self._failure(f"save the key of profile {profile!r}", error, api_key) from None
        logger.debug("saved the key of profile %r in %s", profile, self.description)

    def delete(self, profile: str) -> bool:
        self.check()
        try:
            self.backend.delete_password(SERVICE_NAME, profile)
        except keyring.errors.PasswordDeleteError:
            return False
        except (keyring.errors.KeyringError, OSError) as error:
            raise self._failure(f"delete the key of profile {profile!r}", error, None) from None
        return True
