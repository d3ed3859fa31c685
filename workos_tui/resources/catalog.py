"""The console's resource declarations, in the order the sidebar lists them."""

from __future__ import annotations

from workos_tui.resources.domains import DOMAINS
from workos_tui.resources.organizations import ORGANIZATIONS
from workos_tui.resources.registry import ResourceRegistry


def default_registry() -> ResourceRegistry:
    """A fresh registry of every declared resource type."""
    return ResourceRegistry(
        [
            ORGANIZATIONS,
            DOMAINS,
        ]
    )
