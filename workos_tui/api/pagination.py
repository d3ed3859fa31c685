"""Cursor pagination over WorkOS list envelopes.

A list endpoint answers ``{"object": "list", "data": [...], "list_metadata": {"before", "after"}}``.
:class:`Page` is one such answer; :class:`Cursor` pulls pages on demand (what a table needs to
load more rows as the user scrolls) and iterates over every item.

A page's items are typed lazily (:class:`LazyItems`): the JSON is decoded once, and an item becomes
its model the first time it is read, so a caller pays for the items it looks at. An item that does
not fit its model becomes an *unparsed item* (see ``WorkOSModel.parse_tolerant``), never an error
for the page. Exports read the JSON rows without building models at all.
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import Any, Generic, Literal, TypedDict, TypeVar, overload

from .errors import ValidationError
from .models.base import WorkOSModel, masked_json

T = TypeVar("T")
M = TypeVar("M", bound=WorkOSModel)

PageOrder = Literal["asc", "desc", "normal"]
PAGE_ORDERS: tuple[str, ...] = ("asc", "desc", "normal")
MIN_LIMIT = 1
MAX_LIMIT = 100
PAGINATION_PARAMS = frozenset({"limit", "order", "before", "after"})


class ListMetadata:
    """Cursors around a page: ``after`` is set while more items follow."""

    __slots__ = ("after", "before", "extra")

    def __init__(self, before: str | None = None, after: str | None = None, **extra: Any) -> None:
        self.before = before
        self.after = after
        self.extra = extra

    @classmethod
    def from_json(cls, data: Any) -> ListMetadata:
        """From the envelope's ``list_metadata`` (a non-string cursor counts as absent)."""
        if not isinstance(data, Mapping):
            return cls()
        before, after = data.get("before"), data.get("after")
        extra = {key: value for key, value in data.items() if key not in ("before", "after")}
        return cls(
            before if isinstance(before, str) else None,
            after if isinstance(after, str) else None,
            **extra,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ListMetadata):
            return NotImplemented
        return (self.before, self.after, self.extra) == (other.before, other.after, other.extra)

    def __repr__(self) -> str:
        return f"ListMetadata(before={self.before!r}, after={self.after!r})"


class LazyItems(Sequence[M]):
    """A page's items as JSON, each typed as ``model`` the first time it is read.

    Indexing and iterating give models (an item that does not fit is an unparsed item, with
    ``shape_issues``); :meth:`json_rows` gives the JSON objects without building any model.
    """

    __slots__ = ("_json", "_model", "_parse", "_typed")

    def __init__(self, model: type[M], items: list[Any]) -> None:
        self._model = model
        self._json = items
        self._typed: list[M | None] = [None] * len(items)
        self._parse: Callable[[Any], M] | None = None

    @property
    def model(self) -> type[M]:
        return self._model

    def __len__(self) -> int:
        return len(self._json)

    def _parser(self) -> Callable[[Any], M]:
        parse = self._parse
        if parse is None:
            parse = self._parse = self._model.tolerant_parser()
        return parse

    def _item(self, index: int) -> M:
        item = self._typed[index]
        if item is None:
            item = self._typed[index] = self._parser()(self._json[index])
        return item

    @overload
    def __getitem__(self, index: int) -> M: ...

    @overload
    def __getitem__(self, index: slice) -> list[M]: ...

    def __getitem__(self, index: int | slice) -> M | list[M]:
        if isinstance(index, slice):
            return [self._item(i) for i in range(*index.indices(len(self._json)))]
        if index < 0:
            index += len(self._json)
        if not 0 <= index < len(self._json):
            raise IndexError("page item index out of range")
        return self._item(index)

    def __iter__(self) -> Iterator[M]:
        typed, parse = self._typed, self._parse  # one loop, no call per item but the parse
        for index, item in enumerate(typed):
            if item is None:
                if parse is None:
                    parse = self._parser()
                item = typed[index] = parse(self._json[index])
            yield item

    def read_all(self) -> list[M]:
        """Every item typed, for a caller that reads the whole page: one validator call for the
        page when nothing was typed yet (an iteration that may stop early types item by item)."""
        if any(item is not None for item in self._typed):
            return list(self)
        typed = self._model.tolerant_list_parser()(self._json)
        self._typed = list(typed)
        return typed

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyItems({self._model.__name__}, {len(self._json)} items)"

    def json_rows(self) -> Iterator[dict[str, Any]]:
        """Every item's JSON object, secret-bearing fields masked; no model is built."""
        model = self._model
        for data in self._json:
            yield masked_json(model, data) if isinstance(data, dict) else {"value": data}

    def unparsed(self) -> list[M]:
        """The items that did not fit the model (types every item)."""
        return [item for item in self if item.shape_issues]


class Page(Generic[T]):
    """One page of a list endpoint: ``data`` (a sequence of typed items) and its cursors."""

    __slots__ = ("data", "extra", "list_metadata", "object")

    def __init__(
        self,
        *,
        data: Sequence[T],
        object: str = "list",
        list_metadata: ListMetadata | None = None,
        **extra: Any,
    ) -> None:
        self.object = object
        self.data = data
        self.list_metadata = list_metadata if list_metadata is not None else ListMetadata()
        self.extra = extra

    def __repr__(self) -> str:
        return f"Page(data={self.data!r}, list_metadata={self.list_metadata!r})"

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

    ``await cursor.next_page()`` fetches the next page and returns its items (empty once the end
    is reached); ``has_more`` tells whether another page exists, ``loaded`` how many items were
    fetched so far, ``items`` all of them. ``async for item in cursor`` yields every item,
    fetching pages as needed. Items stay as their pages hold them (typed when read).

    With ``keep_pages=False`` the cursor only streams: each page is dropped once returned, so
    ``items`` stays empty and a walk through a long list holds one page at a time (no growing heap
    for the garbage collector to traverse).
    """

    def __init__(
        self, fetch_page: PageFetcher[T], *, after: str | None = None, keep_pages: bool = True
    ) -> None:
        self._fetch_page = fetch_page
        self._keep_pages = keep_pages
        self._next_after = after
        self._exhausted = False
        self._lock = asyncio.Lock()
        self._pages: list[Sequence[T]] = []
        self._loaded = 0
        self.pages_loaded = 0
        self.last_page: Page[T] | None = None

    @property
    def has_more(self) -> bool:
        """Whether :meth:`next_page` can return more items (true before the first fetch)."""
        return not self._exhausted

    @property
    def loaded(self) -> int:
        """Number of items fetched so far."""
        return self._loaded

    @property
    def items(self) -> list[T]:
        """Every item fetched so far (none when the cursor does not keep its pages)."""
        return list(itertools.chain.from_iterable(self._pages))

    @property
    def after(self) -> str | None:
        """The cursor the next fetch will send."""
        return self._next_after

    async def next_page(self) -> Sequence[T]:
        """Fetch the next page and return its items."""
        async with self._lock:
            if self._exhausted:
                return []
            page = await self._fetch_page(self._next_after)
            self.last_page = page
            self.pages_loaded += 1
            if self._keep_pages:
                self._pages.append(page.data)
            self._loaded += len(page.data)
            self._next_after = page.list_metadata.after
            if not page.has_more or not page.data:
                self._exhausted = True
            return page.data

    async def all(self) -> list[T]:
        """Fetch every remaining page; return every item."""
        while self.has_more:
            await self.next_page()
        return self.items

    async def _iterate(self) -> AsyncIterator[T]:
        if not self._keep_pages:  # streaming: every item of a page will be read
            while self.has_more:
                data = await self.next_page()
                for item in data.read_all() if isinstance(data, LazyItems) else data:
                    yield item
            return
        page_index = 0
        while True:
            while page_index < len(self._pages):
                for item in self._pages[page_index]:
                    yield item
                page_index += 1
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
