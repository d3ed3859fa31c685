"""API keys in one passphrase-protected file, AES-256-GCM encrypted under a scrypt-derived key.

Imported only when a key is read from or written to the file (``cryptography`` is not needed
for a key given by flag or environment variable, nor for ``--demo``).
``workos_tui.config.credentials`` re-exports ``EncryptedFileStore`` on first use.
"""

from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from pydantic import SecretStr

from workos_tui.config.errors import CredentialStoreError, WrongPassphraseError
from workos_tui.config.files import atomic_write
from workos_tui.config.key_storage import (
    DEFAULT_SCRYPT_N,
    FILE_FORMAT,
    FILE_VERSION,
    PassphraseProvider,
    default_key_file,
)

logger = logging.getLogger("workos_tui.config.credentials")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


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
