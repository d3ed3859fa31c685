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
"""

from __future__ import annotations

import base64
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from pydantic import SecretStr

from workos_tui.config.errors import (
    CredentialStoreError,
    KeyringUnavailableError,
    WrongPassphraseError,
)
from workos_tui.config.files import atomic_write
from workos_tui.config.settings import KeyStoreKind, Profile, data_dir

logger = logging.getLogger(__name__)

SERVICE_NAME = "workos-tui"
PASSPHRASE_ENV = "WORKOS_TUI_PASSPHRASE"
KEY_FILE_NAME = "credentials.enc"
FILE_FORMAT = "workos-tui-keys"
FILE_VERSION = 1
DEFAULT_SCRYPT_N = 2**15

NO_KEYRING_ALTERNATIVES = (
    "workos-tui never stores API keys in plain text. Instead either set WORKOS_API_KEY "
    "(or pass --api-key) for this session, or keep keys in the passphrase-protected encrypted "
    "file with `workos-tui login --store file`."
)

PassphraseProvider = Callable[[bool], SecretStr]
"""Returns the passphrase; the argument says whether the encrypted file is about to be created."""


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


def _redact(text: str, secret: SecretStr | None) -> str:
    if secret is not None and secret.get_secret_value():
        return text.replace(secret.get_secret_value(), "**********")
    return text


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
        detail = _redact(str(error), secret) or type(error).__name__
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


def default_key_file() -> Path:
    """The encrypted key file in the platform data dir."""
    return data_dir() / KEY_FILE_NAME


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


class EncryptedFileStore:
    """API keys in one file, AES-256-GCM encrypted under a scrypt-derived key.

    The passphrase is asked for (through ``passphrase``) the first time the file is read or
    written, then kept in memory for the life of the store.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        passphrase: PassphraseProvider | SecretStr,
        scrypt_n: int = DEFAULT_SCRYPT_N,
    ) -> None:
        self.path = path or default_key_file()
        self._provider = passphrase
        self._passphrase: SecretStr | None = None
        self._scrypt_n = scrypt_n

    @property
    def description(self) -> str:
        return f"the encrypted file {self.path}"

    def _get_passphrase(self, creating: bool) -> SecretStr:
        if self._passphrase is None:
            provider = self._provider
            provided = provider if isinstance(provider, SecretStr) else provider(creating)
            if not provided.get_secret_value():
                raise CredentialStoreError("the passphrase of the encrypted key file is empty")
            self._passphrase = provided
        return self._passphrase

    def _derive(self, passphrase: SecretStr, salt: bytes, n: int, r: int, p: int) -> bytes:
        kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
        return kdf.derive(passphrase.get_secret_value().encode("utf-8"))

    def _read_keys(self) -> dict[str, str]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise CredentialStoreError(f"cannot read {self.path}: {error.strerror}") from None
        try:
            document = json.loads(raw)
            if document.get("format") != FILE_FORMAT or document.get("version") != FILE_VERSION:
                raise ValueError("unknown format")
            header = {key: document[key] for key in ("format", "version", "kdf", "cipher")}
            kdf = document["kdf"]
            salt, nonce = _unb64(kdf["salt"]), _unb64(document["nonce"])
            ciphertext = _unb64(document["ciphertext"])
            n, r, p = int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        except (ValueError, KeyError, TypeError, AttributeError):
            raise CredentialStoreError(f"{self.path} is not a workos-tui key file") from None
        key = self._derive(self._get_passphrase(False), salt, n, r, p)
        try:
            plaintext = AESGCM(key).decrypt(nonce, ciphertext, _aad(header))
        except InvalidTag:
            self._passphrase = None
            raise WrongPassphraseError(
                f"wrong passphrase for {self.path} (or the file was tampered with)"
            ) from None
        keys = json.loads(plaintext)["keys"]
        return {str(name): str(value) for name, value in keys.items()}

    def _write_keys(self, keys: dict[str, str], creating: bool) -> None:
        passphrase = self._get_passphrase(creating)
        salt, nonce = os.urandom(16), os.urandom(12)
        header: dict[str, Any] = {
            "format": FILE_FORMAT,
            "version": FILE_VERSION,
            "kdf": {"name": "scrypt", "salt": _b64(salt), "n": self._scrypt_n, "r": 8, "p": 1},
            "cipher": "AES-256-GCM",
        }
        key = self._derive(passphrase, salt, self._scrypt_n, 8, 1)
        plaintext = json.dumps({"keys": keys}).encode("utf-8")
        ciphertext = AESGCM(key).encrypt(nonce, plaintext, _aad(header))
        document = {**header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}
        try:
            atomic_write(self.path, json.dumps(document, indent=2).encode("utf-8"))
        except OSError as error:
            raise CredentialStoreError(f"cannot write {self.path}: {error.strerror}") from None

    def get(self, profile: str) -> SecretStr | None:
        value = self._read_keys().get(profile)
        return SecretStr(value) if value else None

    def set(self, profile: str, api_key: SecretStr) -> None:
        creating = not self.path.exists()
        keys = self._read_keys()
        keys[profile] = api_key.get_secret_value()
        self._write_keys(keys, creating)
        logger.debug("saved the key of profile %r in %s", profile, self.description)

    def delete(self, profile: str) -> bool:
        keys = self._read_keys()
        if profile not in keys:
            return False
        del keys[profile]
        self._write_keys(keys, False)
        return True


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


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
        return EncryptedFileStore(key_file, passphrase=passphrase_from_env_or_prompt(ask_secret))
    return KeyringStore()
