"""Cursor pagination over WorkOS list envelopes.

A list endpoint answers ``{"object": "list", "data": [...], "list_metadata": {"before", "after"}}``.
:class:`Page` is one such answer; :class:`Cursor` pulls pages on demand (what a table needs to
load more rows as the user scrolls) and iterates over every item.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Generic, Literal, TypedDict, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .errors import ValidationError

T = TypeVar("T")

PageOrder = Literal["asc", "desc", "normal"]
PAGE_ORDERS: tuple[str, ...] = ("asc", "desc", "normal")
MIN_LIMIT = 1
MAX_LIMIT = 100
PAGINATION_PARAMS = frozenset({"limit", "order", "before", "after"})


class ListMetadata(BaseModel):
    """Cursors around a page: ``after`` is set while more items follow."""

    model_config = ConfigDict(extra="allow")

    before: str | None = None
    after: str | None = None


class Page(BaseModel, Generic[T]):
    """One page of a list endpoint."""

    model_config = ConfigDict(extra="allow")

    object: str = "list"
    data: list[T]
    list_metadata: ListMetadata = Field(default_factory=ListMetadata)

    @property
    def has_more(self) -> bool:
        """Another page follows (the ``after`` cursor is present)."""
        return bool(self.list_metadata.after)

    @property
    def after(self) -> str | None:
        return self.list_metadata.after

    @property
    def before(self) -> str | None:
        return self.list_metadata.before


def validate_list_params(params: Mapping[str, Any]) -> None:
    """Check ``limit`` (1 to 100) and ``order`` locally, before any request is made."""
    limit = params.get("limit")
    if limit is not None and (
        isinstance(limit, bool) or not isinstance(limit, int) or not MIN_LIMIT <= limit <= MAX_LIMIT
    ):
        raise ValidationError(f"limit must be an integer from {MIN_LIMIT} to {MAX_LIMIT}")
    order = params.get("order")
    if order is not None and order not in PAGE_ORDERS:
        raise ValidationError(f"order must be one of {', '.join(PAGE_ORDERS)}")
    if params.get("before") is not None and params.get("after") is not None:
        raise ValidationError("give either before or after, not both")


PageFetcher = Callable[[str | None], Awaitable[Page[T]]]


class Cursor(Generic[T]):
    """Walks a list forward one page at a time.

    ``await cursor.next_page()`` fetches the next page and returns its items (an empty list once
    the end is reached); ``has_more`` tells whether another page exists, ``loaded`` how many items
    were fetched so far, ``items`` all of them. ``async for item in cursor`` yields every item,
    fetching pages as needed.
    """

    def __init__(self, fetch_page: PageFetcher[T], *, after: str | None = None) -> None:
        self._fetch_page = fetch_page
        self._next_after = after
        self._exhausted = False
        self._lock = asyncio.Lock()
        self.items: list[T] = []
        self.pages_loaded = 0
        self.last_page: Page[T] | None = None

    @property
    def has_more(self) -> bool:
        """Whether :meth:`next_page` can return more items (true before the first fetch)."""
        return not self._exhausted

    @property
    def loaded(self) -> int:
        """Number of items fetched so far."""
        return len(self.items)

    @property
    def after(self) -> str | None:
        """The cursor the next fetch will send."""
        return self._next_after

    async def next_page(self) -> list[T]:
        """Fetch the next page and return its items."""
        async with self._lock:
            if self._exhausted:
                return []
            page = await self._fetch_page(self._next_after)
            self.last_page = page
            self.pages_loaded += 1
            self.items.extend(page.data)
            self._next_after = page.list_metadata.after
            if not page.has_more or not page.data:
                self._exhausted = True
            return list(page.data)

    async def all(self) -> list[T]:
        """Fetch every remaining page; return every item."""
        while self.has_more:
            await self.next_page()
        return list(self.items)

    async def _iterate(self) -> AsyncIterator[T]:
        index = 0
        while True:
            while index < len(self.items):
                yield self.items[index]
                index += 1
            if not self.has_more:
                return
            await self.next_page()

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iterate()


class ListParams(TypedDict, total=False):
    """Keyword arguments every list method takes; areas extend it with the spec's filters."""

    limit: int
    order: PageOrder
    before: str | None
    after: str | None
