"""Rows of nested endpoints addressed by two values (an organization and a slug or id).

The generic screens address a row by one id; for ``/organizations/{org}/groups/{id}`` and
``/authorization/organizations/{org}/roles/{slug}`` the row is given a ``scoped_key``
(``"org_…/group_…"``) and the declarations split it back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from workos_tui.resources.base import Facade, Item, ListRequest
from workos_tui.resources.sources import OneShotSource, PageSource

SCOPED_KEY = "scoped_key"
SEPARATOR = "/"


def scoped_key(owner: str, item_id: str) -> str:
    return f"{owner}{SEPARATOR}{item_id}"


def split_key(key: str) -> tuple[str, str]:
    owner, _, item_id = key.partition(SEPARATOR)
    if not owner or not item_id:
        raise ValueError(f"not a scoped key: {key!r}")
    return owner, item_id


def keyed(item: Item, owner: str, id_field: str) -> Item:
    """``item`` with its ``scoped_key`` set (response models keep extra attributes)."""
    setattr(item, SCOPED_KEY, scoped_key(owner, str(getattr(item, id_field))))
    return item


class KeyedSource:
    """A page source whose rows get a ``scoped_key`` under ``owner``."""

    def __init__(self, source: PageSource, owner: str, id_field: str) -> None:
        self._source = source
        self._owner = owner
        self._id_field = id_field

    @property
    def has_more(self) -> bool:
        return self._source.has_more

    async def next_page(self) -> Sequence[Any]:
        items = await self._source.next_page()
        return [keyed(item, self._owner, self._id_field) for item in items]


def keyed_one_shot(
    scope_param: str, id_field: str, fetch: Callable[[Facade, str], Awaitable[Sequence[Any]]]
) -> Callable[[Facade, ListRequest], PageSource]:
    """A lister calling ``fetch(workos, owner)`` once, with keyed rows (newest last unless asc)."""

    def make(workos: Facade, request: ListRequest) -> PageSource:
        owner = str(request.filters[scope_param])

        async def load() -> Sequence[Any]:
            return [keyed(item, owner, id_field) for item in await fetch(workos, owner)]

        return OneShotSource(load)

    return make
