"""Events (list only)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from typing_extensions import Unpack

from ..models.events import Event
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import Service

EVENTS_PATH = "/events"
EVENT_ARRAYS = frozenset({"events"})


class EventListParams(ListParams, total=False):
    """Filters of ``GET /events``."""

    events: Sequence[str] | None
    range_start: str | None
    range_end: str | None
    organization_id: str | None


class EventsService(Service):
    """``/events``: filter by event types, a time range (ISO 8601) and organization."""

    @operation("GET", "/events")
    async def list(self, **params: Unpack[EventListParams]) -> Page[Event]:
        return await self._fetch_page(Event, EVENTS_PATH, params, comma_joined=EVENT_ARRAYS)

    @operation("GET", "/events")
    def cursor(self, **params: Unpack[EventListParams]) -> Cursor[Event]:
        return self._make_cursor(Event, EVENTS_PATH, params, comma_joined=EVENT_ARRAYS)

    @operation("GET", "/events")
    def iterate(self, **params: Unpack[EventListParams]) -> AsyncIterator[Event]:
        return self._iterate_all(Event, EVENTS_PATH, params, comma_joined=EVENT_ARRAYS)
