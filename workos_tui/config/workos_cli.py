"""Read the environments of the official WorkOS CLI (``workos env add`` entries).

We cannot inspect the real CLI from here, so the reader is deliberately tolerant. Assumptions:

* The CLI keeps a JSON document either in the system keychain (``keyring`` service
  ``workos-cli``, account ``config``) or in ``~/.workos/config.json`` (``WORKOS_CLI_CONFIG``
  or the ``path`` argument override the file location). The keychain entry is tried first.
* Somewhere in that document is a collection of environments: under ``environments`` (or
  ``envs``), as a list of objects or as an object keyed by environment name; or the document
  itself is such a list or object.
* Each environment may carry ``name``, ``apiKey``/``api_key``, ``clientId``/``client_id``,
  ``endpoint``/``baseUrl``/``base_url``/``apiBaseUrl``/``apiHostname``, and ``type``
  (``"production"`` or ``"sandbox"``). The active one is named by ``activeEnvironment``,
  ``active_environment`` or ``currentEnvironment``. Unknown fields are ignored.

Nothing here writes to the WorkOS CLI's files or keychain entry.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr

from workos_tui.api.environment import LIVE_KEY_PREFIX
from workos_tui.config.errors import ConfigError

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

logger = logging.getLogger(__name__)

CLI_CONFIG_ENV = "WORKOS_CLI_CONFIG"
CLI_KEYRING_SERVICE = "workos-cli"
CLI_KEYRING_ACCOUNT = "config"

_NAME_FIELDS = ("name", "id", "slug")
_KEY_FIELDS = ("apiKey", "api_key", "key", "secretKey")
_CLIENT_FIELDS = ("clientId", "client_id")
_URL_FIELDS = ("endpoint", "baseUrl", "base_url", "apiBaseUrl", "api_base_url", "apiHostname")
_ACTIVE_FIELDS = ("activeEnvironment", "active_environment", "currentEnvironment", "current")


@dataclass(frozen=True)
class CliEnvironment:
    """One environment found in the WorkOS CLI's configuration."""

    name: str
    api_key: SecretStr | None
    client_id: str | None = None
    base_url: str | None = None
    production: bool = False
    active: bool = False


def default_cli_config_path() -> Path:
    """``WORKOS_CLI_CONFIG`` or ``~/.workos/config.json``."""
    override = os.environ.get(CLI_CONFIG_ENV)
    return Path(override) if override else Path.home() / ".workos" / "config.json"


def read_cli_environments(
    path: Path | None = None, *, backend: KeyringBackend | None = None, use_keyring: bool = True
) -> list[CliEnvironment]:
    """The WorkOS CLI's environments from its keychain entry, else from its config file.

    Raises ``ConfigError`` when neither source exists or holds anything recognisable.
    """
    path = path or default_cli_config_path()
    if use_keyring:
        import keyring  # only now: importing it is slow, and parsing needs none of it

        document = _read_keyring_document(backend or keyring.get_keyring())
        if document is not None:
            environments = parse_cli_config(document)
            if environments:
                return environments
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no WorkOS CLI configuration found (looked in {path})") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not valid JSON"
        raise ConfigError(f"cannot read the WorkOS CLI configuration {path}: {reason}") from None
    environments = parse_cli_config(document)
    if not environments:
        raise ConfigError(f"no environments found in the WorkOS CLI configuration {path}")
    return environments


def _read_keyring_document(backend: KeyringBackend) -> Any:
    import keyring.errors

    from workos_tui.config.keyring_store import keyring_problem

    if keyring_problem(backend) is not None:
        return None
    try:
        text = backend.get_password(CLI_KEYRING_SERVICE, CLI_KEYRING_ACCOUNT)
    except (keyring.errors.KeyringError, OSError):
        logger.debug("the WorkOS CLI keychain entry could not be read")
        return None
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        logger.debug("the WorkOS CLI keychain entry is not JSON; ignoring it")
        return None


def parse_cli_config(document: Any) -> list[CliEnvironment]:
    """Every environment recognisable in a WorkOS CLI config document (possibly none)."""
    active = _first_string(document, _ACTIVE_FIELDS) if isinstance(document, Mapping) else None
    collection: Any = document
    if isinstance(document, Mapping):
        for field in ("environments", "envs"):
            if field in document:
                collection = document[field]
                break
    found = [_environment(entry, key, active) for key, entry in _entries(collection)]
    return [environment for environment in found if environment is not None]


def _entries(collection: Any) -> Iterable[tuple[str | None, Any]]:
    if isinstance(collection, list):
        return [(None, entry) for entry in collection]
    if isinstance(collection, Mapping):
        return [(str(key), entry) for key, entry in collection.items()]
    return []


def _environment(entry: Any, key: str | None, active: str | None) -> CliEnvironment | None:
    if not isinstance(entry, Mapping):
        return None
    api_key = _first_string(entry, _KEY_FIELDS)
    name = _first_string(entry, _NAME_FIELDS) or key
    if name is None or (api_key is None and _first_string(entry, _CLIENT_FIELDS) is None):
        return None
    kind = entry.get("type")
    production = kind == "production" or bool(api_key and api_key.startswith(LIVE_KEY_PREFIX))
    return CliEnvironment(
        name=name,
        api_key=SecretStr(api_key) if api_key else None,
        client_id=_first_string(entry, _CLIENT_FIELDS),
        base_url=_normalise_url(_first_string(entry, _URL_FIELDS)),
        production=production,
        active=active is not None and active in (name, key),
    )


def _first_string(mapping: Mapping[str, Any], fields: Iterable[str]) -> str | None:
    for field in fields:
        value = mapping.get(field)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _normalise_url(value: str | None) -> str | None:
    if value is None:
        return None
    if "://" not in value:
        value = f"https://{value}"
    return value.rstrip("/")


def profile_name_for(name: str) -> str:
    """A valid profile name derived from a WorkOS CLI environment name."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-._")[:64]
    return cleaned or "workos-cli"
