"""Profile operations that touch both the config file and a credential store.

The key always goes to the store and the rest of the profile to the config file; removing a
profile forgets its key too. Importing from the WorkOS CLI follows the same path.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pydantic import SecretStr

from workos_tui.api.environment import DEFAULT_BASE_URL, Environment
from workos_tui.config.credentials import CredentialStore
from workos_tui.config.errors import CredentialStoreError
from workos_tui.config.resolve import StoreFactory, is_live_key, resolve_environment
from workos_tui.config.settings import KeyStoreKind, Profile, Settings, save_settings
from workos_tui.config.workos_cli import CliEnvironment, profile_name_for

logger = logging.getLogger(__name__)


def save_profile(
    settings: Settings,
    profile: Profile,
    api_key: SecretStr,
    store: CredentialStore,
    *,
    replace: bool = False,
) -> Profile:
    """Save the key in ``store`` and the profile in the config file (marking live keys)."""
    profile = profile.model_copy(update={"production": is_live_key(api_key)})
    settings.add_profile(profile, replace=replace)
    store.set(profile.name, api_key)
    save_settings(settings)
    logger.info("saved profile %r (key in %s)", profile.name, store.description)
    return profile


@dataclass(frozen=True)
class Removal:
    """What ``remove_profile`` did; ``warning`` says why the key may still be stored."""

    profile: Profile
    key_deleted: bool
    warning: str | None = None


def remove_profile(settings: Settings, name: str, store: CredentialStore) -> Removal:
    """Forget the profile's key, then the profile; a store failure becomes a warning."""
    profile = settings.get_profile(name)
    warning = None
    try:
        deleted = store.delete(name)
    except CredentialStoreError as error:
        deleted, warning = False, f"the key could not be deleted from {store.description}: {error}"
    settings.remove_profile(name)
    save_settings(settings)
    return Removal(profile=profile, key_deleted=deleted, warning=warning)


class ProfileCatalog:
    """The configured profiles as the console's profile picker uses them (``names``/``load``).

    A profile picked in the console is taken as it is saved: environment variables do not
    override it; a ``--read-only`` given at launch still applies.
    """

    def __init__(
        self, settings: Settings, store_for: StoreFactory, *, read_only: bool | None = None
    ) -> None:
        self.settings = settings
        self._store_for = store_for
        self._read_only = read_only

    def names(self) -> list[str]:
        """Profile names, sorted."""
        return sorted(self.settings.profiles)

    def load(self, name: str) -> Environment:
        """The environment of profile ``name`` with its stored key (``ConfigError`` if not)."""
        return resolve_environment(
            profile=name,
            read_only=self._read_only,
            settings=self.settings,
            environ={},
            store_for=self._store_for,
        )


def describe_profiles(settings: Settings) -> list[str]:
    """One line per profile: default marker, name, base URL, client id, flags, key store."""
    lines = []
    width = max((len(name) for name in settings.profiles), default=0)
    for name, profile in sorted(settings.profiles.items()):
        marker = "*" if name == settings.default_profile else " "
        tags = []
        if profile.production:
            tags.append("production")
        if settings.effective_read_only(profile):
            tags.append("read-only")
        if profile.base_url != DEFAULT_BASE_URL:
            tags.append(profile.base_url)
        if profile.client_id:
            tags.append(profile.client_id)
        tags.append(f"key: {'encrypted file' if profile.key_store == 'file' else 'keyring'}")
        lines.append(f"{marker} {name.ljust(width)}  {'  '.join(tags)}")
    return lines


@dataclass
class ImportReport:
    """Profiles created by an import, and environments skipped with the reason."""

    imported: list[Profile] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def import_cli_environments(
    settings: Settings,
    environments: Sequence[CliEnvironment],
    store: CredentialStore,
    *,
    key_store: KeyStoreKind,
    replace: bool = False,
    confirm_production: Callable[[str], bool] | None = None,
) -> ImportReport:
    """Create one profile per WorkOS CLI environment that has an API key.

    Existing profiles are kept unless ``replace``; the CLI's active environment becomes the
    default when there was none. ``confirm_production(name)`` decides read-only for live keys.
    """
    report = ImportReport()
    had_default = settings.default_profile is not None
    for environment in environments:
        name = profile_name_for(environment.name)
        if environment.api_key is None:
            report.skipped.append((name, "it has no API key"))
            continue
        if name in settings.profiles and not replace:
            report.skipped.append((name, "a profile of that name exists (use --replace)"))
            continue
        production = environment.production or is_live_key(environment.api_key)
        read_only = confirm_production(name) if production and confirm_production else None
        profile = Profile(
            name=name,
            base_url=environment.base_url or DEFAULT_BASE_URL,
            client_id=environment.client_id,
            production=production,
            read_only=read_only,
            key_store=key_store,
        )
        settings.add_profile(profile, replace=replace)
        store.set(name, environment.api_key)
        report.imported.append(profile)
        if environment.active and not had_default:
            settings.default_profile = name
    save_settings(settings)
    return report
