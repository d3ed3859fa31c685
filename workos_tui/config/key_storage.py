"""What the credential stores share with ``credentials`` (names, file format, redaction), in a
module of its own so that the stores do not import ``credentials``, which imports them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr

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


def redact_secret(text: str, secret: SecretStr | None) -> str:
    """``text`` with the value of ``secret`` masked."""
    if secret is not None and secret.get_secret_value():
        return text.replace(secret.get_secret_value(), "**********")
    return text


def default_key_file() -> Path:
    """The encrypted key file in the platform data dir."""
    from workos_tui.config.settings import data_dir

    return data_dir() / KEY_FILE_NAME
