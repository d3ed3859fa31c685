"""``workos-tui login``: ask for a profile, check its key with one API call, then save it.

The prompts go through injected ``ask``/``ask_secret`` callables (``input`` and
``getpass.getpass`` in the launcher) so that the key is never echoed and the flow is testable.
Nothing is saved unless WorkOS accepts the key.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import SecretStr
from pydantic import ValidationError as PydanticValidationError

from workos_tui.api.environment import DEFAULT_BASE_URL, Environment
from workos_tui.api.errors import AuthenticationError, NetworkError, WorkOSError
from workos_tui.config.credentials import CredentialStore, KeyringStore
from workos_tui.config.env_file import EnvFiles
from workos_tui.config.errors import (
    ConfigError,
    KeyRejectedError,
    ProfileExistsError,
    UnreachableError,
)
from workos_tui.config.profiles import save_profile
from workos_tui.config.resolve import (
    API_KEY_ENV,
    CLIENT_ID_ENV,
    READ_ONLY_ENV,
    environment_base_url,
    is_live_key,
    normalise_base_url,
    parse_bool,
)
from workos_tui.config.settings import KeyStoreKind, Profile, Settings

Ask = Callable[[str], str]


@dataclass(frozen=True)
class LoginOptions:
    """What the command line already said; anything ``None`` is asked for."""

    name: str | None = None
    base_url: str | None = None
    client_id: str | None = None
    read_only: bool | None = None
    key_store: KeyStoreKind = "keyring"
    replace: bool = False
    api_key: SecretStr | None = None
    """Given (from an env file): not asked for."""


def options_from_env_files(files: EnvFiles, options: LoginOptions) -> LoginOptions:
    """``options`` completed from the env files: key, base URL, client id, read-only.

    Only the files are read, not the process environment; flags still win. The cookie password
    is not saved (a profile holds no secret but its key, and that in the credential store).
    """
    values = files.values
    key = values.get(API_KEY_ENV, "").strip()
    if not key:
        raise ConfigError(f"{files.label} sets no {API_KEY_ENV}; nothing was saved")
    if any(char.isspace() or not char.isprintable() for char in key):
        raise ConfigError(f"{API_KEY_ENV} in {files.label} contains spaces or control characters")
    base_url = options.base_url or environment_base_url(values, source=files.label)
    client_id = options.client_id
    if client_id is None:
        client_id = values.get(CLIENT_ID_ENV, "").strip()
    read_only = options.read_only
    if read_only is None and values.get(READ_ONLY_ENV, "").strip():
        read_only = parse_bool(values[READ_ONLY_ENV], source=f"{READ_ONLY_ENV} in {files.label}")
    return dataclasses.replace(
        options,
        api_key=SecretStr(key),
        base_url=base_url or DEFAULT_BASE_URL,
        client_id=client_id,
        read_only=read_only,
    )


async def check_api_key(environment: Environment) -> None:
    """One API call with the key: ``KeyRejectedError`` or ``UnreachableError`` when it fails."""
    from workos_tui.api import WorkOS, WorkOSClient

    try:
        async with WorkOSClient(environment, max_retries=0) as client:
            await WorkOS(client).organizations.list(limit=1)
    except AuthenticationError as error:
        raise KeyRejectedError(
            f"WorkOS rejected the API key (HTTP {error.status or 401}); nothing was saved"
        ) from None
    except NetworkError as error:
        raise UnreachableError(
            f"couldn't reach {environment.base_url} to check the key ({error.message}); "
            "nothing was saved"
        ) from None
    except WorkOSError as error:
        raise ConfigError(f"the key check failed: {error}; nothing was saved") from None


def _ask_optional(ask: Ask, prompt: str) -> str:
    try:
        return ask(prompt).strip()
    except EOFError:
        return ""


def _ask_profile(options: LoginOptions, settings: Settings, ask: Ask) -> Profile:
    name = options.name or _ask_optional(ask, "Profile name: ")
    if not name:
        raise ConfigError("a profile name is required (pass --name)")
    if name in settings.profiles and not options.replace:
        raise ProfileExistsError(f"a profile named {name!r} already exists (use --replace)")
    base_url = options.base_url
    if base_url is None:
        base_url = _ask_optional(ask, f"Base URL [{DEFAULT_BASE_URL}]: ") or DEFAULT_BASE_URL
    client_id = options.client_id
    if client_id is None:
        client_id = _ask_optional(ask, "Client ID (optional, client_...): ")
    try:
        return Profile(
            name=name,
            base_url=normalise_base_url(base_url),
            client_id=client_id or None,
            read_only=options.read_only,
            key_store=options.key_store,
        )
    except PydanticValidationError:
        raise ConfigError(
            f"invalid profile name {name!r}: use up to 64 letters, digits, '.', '_' or '-'"
        ) from None


def _ask_api_key(name: str, ask_secret: Ask) -> SecretStr:
    try:
        key = ask_secret(f"API key for {name} (input hidden): ").strip()
    except EOFError:
        key = ""
    if not key:
        raise ConfigError("no API key entered; nothing was saved")
    return SecretStr(key)


def _ask_read_only(ask: Ask) -> bool:
    answer = _ask_optional(
        ask, "This is a live (production) key. Open this profile read-only by default? [Y/n] "
    )
    return answer.lower() not in ("n", "no")


def login(
    settings: Settings,
    options: LoginOptions,
    *,
    store: CredentialStore,
    ask: Ask,
    ask_secret: Ask,
) -> Profile:
    """Ask for what is missing, check the key against the API, then save key and profile."""
    if isinstance(store, KeyringStore):
        store.check()
    profile = _ask_profile(options, settings, ask)
    api_key = options.api_key or _ask_api_key(profile.name, ask_secret)
    if is_live_key(api_key) and profile.read_only is None:
        profile = profile.model_copy(update={"read_only": _ask_read_only(ask)})
    environment = Environment(
        name=profile.name, api_key=api_key, base_url=profile.base_url, read_only=True
    )
    asyncio.run(check_api_key(environment))
    return save_profile(settings, profile, api_key, store, replace=options.replace)
