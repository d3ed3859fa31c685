"""Route tables, one module per area of the WorkOS API."""

from __future__ import annotations

from ..http import Routes


def all_tables() -> list[Routes]:
    from . import organizations

    return [organizations.routes]
