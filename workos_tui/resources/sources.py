"""Page sources: what a resource table pulls rows from, one page at a time.

The service layer's ``Cursor`` already is one; :class:`OneShotSource` adapts endpoints that return a
whole list at once (identities, Vault versions, an organization's embedded domains).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, Protocol


class PageSource(Protocol):
    """Yields pages in order; ``has_more`` is False once the last page was fetched."""

    @property
    def has_more(self) -> bool: ...

    async def next_page(self) -> Sequence[Any]: ...


class OneShotSource:
    """A single page fetched by one call."""

    def __init__(self, fetch: Callable[[], Awaitable[Sequence[Any]]]) -> None:
        self._fetch = fetch
        self._done = False

    @property
    def has_more(self) -> bool:
        return not self._done

    async def next_page(self) -> Sequence[Any]:
        if self._done:
            return []
        items = await self._fetch()
        self._done = True
        return list(items)
