"""Rows of nested endpoints addressed by two values (an organization and a slug or id).

The generic screens address a row by one id; for ``/organizations/{org}/groups/{id}`` and
``/authorization/organizations/{org}/roles/{slug}`` the row is given a ``scoped_key``
(``"org_…/group_…"``) and the declarations split it back.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any

from workos_tui.resources.base import Facade, Item, ListRequest
from workos_tui.resources.sources import OneShotSource, PageSource

SCOPED_KEY = "scoped_key"
SEPARATOR = "/"
FAN_OUT_BATCH = 8
"""How many owners' first pages a fan-out list fetches at once."""


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


class FanOutSource:
    """The rows of a per-owner list across every owner (each organization's groups, say).

    Owners come a page at a time from ``owners``; each owner's rows come from
    ``rows_for(owner)``, page by page, in owner order. The first pages of up to
    :data:`FAN_OUT_BATCH` owners are fetched together (most organizations have no groups: one
    at a time, a long walk). A call returns the next non-empty page, never an empty one before
    the end.
    """

    def __init__(self, owners: PageSource, rows_for: Callable[[Any], PageSource]) -> None:
        self._owners = owners
        self._rows_for = rows_for
        self._waiting: list[Any] = []
        self._ready: list[tuple[PageSource, Sequence[Any]]] = []
        self._current: PageSource | None = None

    @property
    def has_more(self) -> bool:
        current = self._current is not None and self._current.has_more
        return current or bool(self._ready or self._waiting) or self._owners.has_more

    async def next_page(self) -> Sequence[Any]:
        while True:
            if self._current is not None and self._current.has_more:
                rows = await self._current.next_page()
                if rows:
                    return rows
            elif self._ready:
                self._current, rows = self._ready.pop(0)
                if rows:
                    return rows
            elif self._waiting:
                batch = self._waiting[:FAN_OUT_BATCH]
                del self._waiting[:FAN_OUT_BATCH]
                sources = [self._rows_for(owner) for owner in batch]
                pages = await asyncio.gather(*(source.next_page() for source in sources))
                self._ready = list(zip(sources, pages, strict=True))
            elif self._owners.has_more:
                self._waiting = list(await self._owners.next_page())
            else:
                return []


def fan_out(
    scoped: Callable[[Facade, ListRequest], PageSource],
    scope_param: str,
    owners: Callable[[Facade], Callable[..., PageSource]],
    owner_id: str = "id",
) -> Callable[[Facade, ListRequest], PageSource]:
    """A lister for a per-owner list: scoped when ``scope_param`` is given, else every owner's.

    Opened from an owner's row the list is that owner's; opened from the sidebar or by ``:``
    it walks the owners (``owners``, e.g. ``lambda w: w.organizations.cursor``) one by one.
    """

    def make(workos: Facade, request: ListRequest) -> PageSource:
        if request.filters.get(scope_param):
            return scoped(workos, request)

        def rows_for(owner: Any) -> PageSource:
            filters = {**request.filters, scope_param: str(getattr(owner, owner_id))}
            return scoped(workos, replace(request, filters=filters))

        return FanOutSource(owners(workos)(limit=request.limit), rows_for)

    return make
