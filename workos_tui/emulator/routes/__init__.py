"""Route tables, one module per area of the WorkOS API."""

from __future__ import annotations

from ..http import Routes


def all_tables() -> list[Routes]:
    from . import directories, events, memberships, organizations, sso, users, vault

    return [
        organizations.routes,
        users.routes,
        memberships.routes,
        sso.routes,
        directories.routes,
        events.routes,
        vault.routes,
    ]
