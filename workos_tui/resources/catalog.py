"""The console's resource declarations, in the order the sidebar lists them."""

from __future__ import annotations

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
