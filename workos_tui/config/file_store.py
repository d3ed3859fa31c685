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

from workos_tui.config.errors import (
    CredentialStoreError,
    UnsafeKeyFileError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from workos_tui.config.files import atomic_write
from workos_tui.config.key_storage import (
    DEFAULT_SCRYPT_N,
    FILE_FORMAT,
    FILE_VERSION,
    PassphraseProvider,
    default_key_file,
)

logger = logging.getLogger("workos_tui.config.credentials")

# What a key file may ask of scrypt. The header is read before anything is authenticated, so an
# edited file could otherwise ask for any work: n = 2^24 with r = 8 is 16 GiB and over a minute.
# n (a power of two) from 2^14 to 2^20 and r, p up to 16, with memory (128 * n * r bytes) at most
# 256 MiB and work (n * r * p) at most 2^22, 16 times our own (n = 2^15, r = 8, p = 1): about a
# second or two. Reading stops at 64 KiB of file, and the salt must be 16 to 64 bytes.
SCRYPT_N_RANGE = (2**14, 2**20)
SCRYPT_R_MAX = 16
SCRYPT_P_MAX = 16
SCRYPT_MAX_MEMORY = 256 * 1024 * 1024
SCRYPT_MAX_WORK = 2**22
SALT_BYTES_RANGE = (16, 64)
NONCE_BYTES = 12
MAX_FILE_BYTES = 64 * 1024

# A new file's passphrase: NIST SP 800-63B favours length over composition rules; a few words
# pass, a short word or a held-down key does not.
MIN_PASSPHRASE_LENGTH = 12
MIN_DISTINCT_CHARACTERS = 5


def scrypt_problems(n: int, r: int, p: int, salt: bytes) -> list[str]:
    """What is outside the accepted range in these scrypt parameters (checked before deriving)."""
    low, high = SCRYPT_N_RANGE
    problems = []
    if not (low <= n <= high and n & (n - 1) == 0):
        problems.append(f"n = {n} is not a power of two from 2^14 to 2^20")
    if not 1 <= r <= SCRYPT_R_MAX:
        problems.append(f"r = {r} is not from 1 to {SCRYPT_R_MAX}")
    if not 1 <= p <= SCRYPT_P_MAX:
        problems.append(f"p = {p} is not from 1 to {SCRYPT_P_MAX}")
    if not problems and 128 * n * r > SCRYPT_MAX_MEMORY:
        problems.append(f"n * r would take {128 * n * r // 2**20} MiB (at most 256 MiB)")
    if not problems and n * r * p > SCRYPT_MAX_WORK:
        problems.append("n * r * p asks for more than 16 times the usual work")
    if not SALT_BYTES_RANGE[0] <= len(salt) <= SALT_BYTES_RANGE[1]:
        problems.append(f"the salt is {len(salt)} bytes (16 to 64 expected)")
    return problems


def _whole_number(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError("not a whole number")
    return value


def check_new_passphrase(passphrase: SecretStr) -> None:
    """``WeakPassphraseError`` unless ``passphrase`` is fit for a new key file."""
    text = passphrase.get_secret_value()
    if len(text) < MIN_PASSPHRASE_LENGTH or len(set(text)) < MIN_DISTINCT_CHARACTERS:
        raise WeakPassphraseError(
            f"the passphrase of a new encrypted key file must be at least "
            f"{MIN_PASSPHRASE_LENGTH} characters, not one or two repeated (a few words are "
            "easy to remember and hard to guess); nothing was saved"
        )


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
        problems = scrypt_problems(scrypt_n, 8, 1, bytes(SALT_BYTES_RANGE[0]))
        if problems:
            raise ValueError("; ".join(problems))
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
            if creating:
                check_new_passphrase(provided)
            self._passphrase = provided
        return self._passphrase

    def _derive(self, passphrase: SecretStr, salt: bytes, n: int, r: int, p: int) -> bytes:
        kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
        return kdf.derive(passphrase.get_secret_value().encode("utf-8"))

    def _read_keys(self) -> dict[str, str]:
        try:
            with self.path.open("rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return {}
        except OSError as error:
            raise CredentialStoreError(f"cannot read {self.path}: {error.strerror}") from None
        not_ours = CredentialStoreError(f"{self.path} is not a workos-tui key file")
        if len(raw) > MAX_FILE_BYTES:
            raise not_ours
        try:
            document = json.loads(raw)
            if document.get("format") != FILE_FORMAT or document.get("version") != FILE_VERSION:
                raise ValueError("unknown format")
            header = {key: document[key] for key in ("format", "version", "kdf", "cipher")}
            kdf = document["kdf"]
            if kdf.get("name") != "scrypt" or document["cipher"] != "AES-256-GCM":
                raise ValueError("unknown algorithms")
            salt, nonce = _unb64(kdf["salt"]), _unb64(document["nonce"])
            ciphertext = _unb64(document["ciphertext"])
            n, r, p = (_whole_number(kdf[name]) for name in ("n", "r", "p"))
            if len(nonce) != NONCE_BYTES:
                raise ValueError("bad nonce")
        except (ValueError, KeyError, TypeError, AttributeError):
            raise not_ours from None
        problems = scrypt_problems(n, r, p, salt)
        if problems:  # refused before deriving: the header is not authenticated until after
            raise UnsafeKeyFileError(
                f"{self.path} asks for key derivation outside what workos-tui accepts "
                f"({'; '.join(problems)}); it was not written by workos-tui, or was edited"
            )
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
