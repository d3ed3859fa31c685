"""Which environment the console opens: flags, environment variables, profiles, defaults.

Every setting is taken from the first place that has it:

1. the command-line flag (``--api-key``, ``--base-url``, ``--read-only``/``--no-read-only``);
2. the environment variable (``WORKOS_API_KEY``, ``WORKOS_BASE_URL`` or the SDKs'
   ``WORKOS_API_HOSTNAME``/``WORKOS_API_HTTPS``/``WORKOS_API_PORT`` (see ``api_host``; when both
   name a server and they differ, ``ConflictingBaseUrlError``), ``WORKOS_CLIENT_ID``,
   ``WORKOS_COOKIE_PASSWORD``, ``WORKOS_TUI_READ_ONLY``). With ``--env-file`` the caller passes
   the files' variables here instead (see ``env_file``) and names them as ``source``;
3. the profile: the one named by ``--profile``, else by ``WORKOS_TUI_PROFILE``, else the default
   profile of the config file. The default profile is only used when no API key comes from a flag
   or ``WORKOS_API_KEY`` and no env file is given, so that an ad-hoc key is never paired with a
   saved profile by accident;
   a named profile that does not exist is an error. A profile's key comes from its credential
   store (OS keyring or encrypted file);
4. the built-in default: base URL ``https://api.workos.com``; read-only off, except for live
   (``sk_live_``) keys when the config sets ``production_read_only = true``.

An API key must come from somewhere: without one, ``MissingApiKeyError`` says where to put it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping

from pydantic import SecretStr

from workos_tui.api.environment import DEFAULT_BASE_URL, LIVE_KEY_PREFIX, Environment
from workos_tui.config.api_host import HOST_VARIABLES, same_server, url_from_host_variables
from workos_tui.config.credentials import CredentialStore, open_store
from workos_tui.config.errors import (
    ConfigError,
    ConflictingBaseUrlError,
    CredentialStoreError,
    MissingApiKeyError,
)
from workos_tui.config.settings import Profile, Settings, load_settings

logger = logging.getLogger(__name__)

API_KEY_ENV = "WORKOS_API_KEY"
BASE_URL_ENV = "WORKOS_BASE_URL"
CLIENT_ID_ENV = "WORKOS_CLIENT_ID"
COOKIE_PASSWORD_ENV = "WORKOS_COOKIE_PASSWORD"
PROFILE_ENV = "WORKOS_TUI_PROFILE"
READ_ONLY_ENV = "WORKOS_TUI_READ_ONLY"
DEMO_API_KEY = "sk_test_default"
DEMO_CLIENT_ID = "client_01HZEMULATOR000000000000000"
"""The emulator's client (``workos_tui.emulator.oauth.CLIENT_ID``; a test keeps them equal).
Not imported from there: that loads the emulator's routes and Starlette, ~0.3 s of the demo's
start in the console's process while the emulator seeds in its own."""
AD_HOC_NAME = "custom"

StoreFactory = Callable[[Profile], CredentialStore]

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def _no_prompt(prompt: str) -> str:
    raise CredentialStoreError(
        "the encrypted key file needs its passphrase: "
        "set WORKOS_TUI_PASSPHRASE or run interactively"
    )


def default_store_for(profile: Profile) -> CredentialStore:
    """The profile's store, never prompting (the file store reads ``WORKOS_TUI_PASSPHRASE``)."""
    return open_store(profile.key_store, ask_secret=_no_prompt)


def normalise_base_url(url: str) -> str:
    """``url`` without trailing slash; ``ConfigError`` unless it is a plain http(s) URL."""
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url.split("://", 1)[1]) == 0:
        raise ConfigError(f"base URL must start with http:// or https:// (got {url!r})")
    if _has_controls_or_spaces(url):
        raise ConfigError(f"base URL must not contain spaces or control characters (got {url!r})")
    return url.rstrip("/")


def _has_controls_or_spaces(text: str) -> bool:
    return any(char.isspace() or not char.isprintable() for char in text)


def environment_base_url(environ: Mapping[str, str], *, source: str | None = None) -> str | None:
    """The base URL the environment gives: ``WORKOS_BASE_URL``, or the SDKs' host variables.

    When both are set and name different servers, ``ConflictingBaseUrlError``: the console
    stops rather than guess which one the app uses.
    """
    explicit = environ.get(BASE_URL_ENV, "").strip()
    derived = url_from_host_variables(environ)
    if explicit and derived and not same_server(normalise_base_url(explicit), derived):
        where = f" in {source}" if source else ""
        raise ConflictingBaseUrlError(
            f"{BASE_URL_ENV} ({explicit}) and {'/'.join(HOST_VARIABLES)} ({derived}) name "
            f"different servers{where}; remove one of them, or pass --base-url to choose"
        )
    return explicit or derived


def parse_bool(value: str, *, source: str) -> bool:
    """A yes/no environment variable value."""
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigError(f"{source} must be one of 1/0, true/false, yes/no, on/off (got {value!r})")


def is_live_key(api_key: SecretStr) -> bool:
    """Whether the key is a production (``sk_live_``) key."""
    return api_key.get_secret_value().startswith(LIVE_KEY_PREFIX)


def resolve_environment(
    *,
    profile: str | None = None,
    api_key: SecretStr | None = None,
    base_url: str | None = None,
    read_only: bool | None = None,
    settings: Settings | None = None,
    environ: Mapping[str, str] | None = None,
    store_for: StoreFactory = default_store_for,
    source: str | None = None,
) -> Environment:
    """The environment to open, from flags (the arguments), ``environ`` and the config file.

    ``source`` names where ``environ`` came from when it is not the process environment (the
    env files): the header shows it, and the default profile is not mixed in.
    """
    environ = os.environ if environ is None else environ
    settings = load_settings() if settings is None else settings

    if api_key is not None and not api_key.get_secret_value().strip():
        raise MissingApiKeyError("--api-key is empty")
    env_key = environ.get(API_KEY_ENV, "").strip()
    if env_key and _has_controls_or_spaces(env_key):
        where = f" in {source}" if source else ""
        raise ConfigError(f"{API_KEY_ENV}{where} contains spaces or control characters")
    api_key = api_key or (SecretStr(env_key) if env_key else None)

    skip_default = api_key is not None or source is not None
    chosen = _choose_profile(profile, environ, settings, skip_default=skip_default)
    if api_key is None and chosen is not None:
        api_key = _stored_key(chosen, store_for)
    if api_key is None:
        raise MissingApiKeyError(_no_key_message(source))
    api_key = SecretStr(api_key.get_secret_value().strip())

    url = base_url or environment_base_url(environ, source=source)
    url = url or (chosen.base_url if chosen else None)
    client_id = environ.get(CLIENT_ID_ENV, "").strip() or (chosen.client_id if chosen else None)
    if client_id and _has_controls_or_spaces(client_id):
        raise ConfigError(f"{CLIENT_ID_ENV} must not contain spaces or control characters")
    cookie_password = environ.get(COOKIE_PASSWORD_ENV) or None
    environment = Environment(
        name=chosen.name if chosen else AD_HOC_NAME,
        api_key=api_key,
        base_url=normalise_base_url(url or DEFAULT_BASE_URL),
        read_only=_read_only(read_only, environ, settings, chosen, api_key),
        client_id=client_id or None,
        source=source,
        cookie_password=SecretStr(cookie_password) if cookie_password else None,
    )
    logger.debug(
        "resolved environment %r (%s, read_only=%s, production=%s)",
        environment.name,
        environment.base_url,
        environment.read_only,
        environment.is_production,
    )
    return environment


def _no_key_message(source: str | None) -> str:
    if source is not None:
        return (
            f"no API key: {source} sets no {API_KEY_ENV}; pass --api-key, or --profile to "
            "take the key of a saved profile"
        )
    return (
        "no API key: add a profile with `workos-tui login`, pass --api-key or set "
        f"{API_KEY_ENV} (or try `workos-tui --demo`)"
    )


def _choose_profile(
    name: str | None, environ: Mapping[str, str], settings: Settings, *, skip_default: bool
) -> Profile | None:
    name = name or environ.get(PROFILE_ENV) or None
    if name is not None:
        return settings.get_profile(name)
    if skip_default or settings.default_profile is None:
        return None
    return settings.get_profile(settings.default_profile)


def _stored_key(profile: Profile, store_for: StoreFactory) -> SecretStr:
    store = store_for(profile)
    key = store.get(profile.name)
    if key is None:
        raise MissingApiKeyError(
            f"no API key saved for profile {profile.name!r} in {store.description}; "
            f"run `workos-tui login --name {profile.name}` to save one"
        )
    return key


def _read_only(
    flag: bool | None,
    environ: Mapping[str, str],
    settings: Settings,
    profile: Profile | None,
    api_key: SecretStr,
) -> bool:
    if flag is not None:
        return flag
    if READ_ONLY_ENV in environ:
        return parse_bool(environ[READ_ONLY_ENV], source=READ_ONLY_ENV)
    if profile is not None and profile.read_only is not None:
        return profile.read_only
    return is_live_key(api_key) and settings.production_read_only


def demo_environment(base_url: str) -> Environment:
    """The environment of the embedded demo emulator, with its client id (so that the test
    sign-in and the session tools work without one typed in)."""
    return Environment(
        name="demo",
        api_key=SecretStr(DEMO_API_KEY),
        base_url=base_url.rstrip("/"),
        demo=True,
        client_id=DEMO_CLIENT_ID,
    )
