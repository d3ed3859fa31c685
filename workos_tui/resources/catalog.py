"""The console's resource declarations, in the order the sidebar lists them."""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence

from workos_tui.resources.base import Related, ResourceType
from workos_tui.resources.connections import CONNECTIONS
from workos_tui.resources.directories import DIRECTORIES, DIRECTORY_GROUPS, DIRECTORY_USERS
from workos_tui.resources.domains import DOMAINS
from workos_tui.resources.events import EVENTS
from workos_tui.resources.invitations import INVITATIONS
from workos_tui.resources.memberships import MEMBERSHIPS
from workos_tui.resources.organizations import ORGANIZATIONS
from workos_tui.resources.registry import ResourceRegistry
from workos_tui.resources.users import IDENTITIES, SESSIONS, USERS
from workos_tui.resources.vault import VAULT_METADATA, VAULT_OBJECTS, VAULT_VERSIONS


def default_registry() -> ResourceRegistry:
    """A fresh registry of every declared resource type (top-level ones first)."""
    return ResourceRegistry(
        [
            ORGANIZATIONS,
            USERS,
            INVITATIONS,
            CONNECTIONS,
            DIRECTORIES,
            EVENTS,
            VAULT_OBJECTS,
            DOMAINS,
            MEMBERSHIPS,
            SESSIONS,
            IDENTITIES,
            DIRECTORY_USERS,
            DIRECTORY_GROUPS,
            VAULT_VERSIONS,
            VAULT_METADATA,
        ]
    )


EXTENSION_MODULES: tuple[str, ...] = (
    "workos_tui.resources.roles",
    "workos_tui.resources.role_assignments",
    "workos_tui.resources.permissions",
    "workos_tui.resources.groups",
    "workos_tui.resources.feature_flags",
    "workos_tui.resources.api_keys",
    "workos_tui.resources.audit_logs",
    "workos_tui.resources.webhooks",
    "workos_tui.resources.webhook_deliveries",
    "workos_tui.resources.authkit",
    "workos_tui.resources.connect",
    "workos_tui.resources.pipes",
    "workos_tui.resources.pipes_setup",
    "workos_tui.resources.mfa",
    "workos_tui.resources.access",
    "workos_tui.resources.radar",
)
"""More areas, declared the same way, loaded after the first screen is up (they import their
models, which costs start-up time nobody needs before the first rows)."""

RELATED_EXPORTS: Mapping[str, str] = {
    "ORGANIZATION_RELATED": "organizations",
    "USER_RELATED": "users",
    "MEMBERSHIP_RELATED": "memberships",
    "RESOURCE_RELATED": "authorization_resources",
}
"""Module-level tuples of :class:`Related` that link an extension into a core area."""


def load_extensions(
    registry: ResourceRegistry, modules: Sequence[str] = EXTENSION_MODULES
) -> list[ResourceType]:
    """Import extension ``modules``; register their resources and related links.

    Returns the resources newly registered. A module that is missing is skipped (areas land
    one at a time); every declaration in a module is a module-level ``ResourceType``.
    """
    added: list[ResourceType] = []
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        for name, value in vars(module).items():
            if isinstance(value, ResourceType) and value.key not in registry:
                registry.register(value)
                added.append(value)
            elif name in RELATED_EXPORTS and isinstance(value, tuple):
                links = [link for link in value if isinstance(link, Related)]
                registry.add_related(RELATED_EXPORTS[name], links)
    return added
