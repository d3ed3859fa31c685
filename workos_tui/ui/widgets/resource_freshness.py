"""Keeping a resource list fresh: re-fetch the first page in the background and merge it.

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`. Entering an area, ``r``
and the watch mode (``W``) all refresh the same way: the rows stay on screen while the first
page is fetched again; new and changed rows are merged in and the cursor stays on its item; a
failed refresh keeps the rows and shows why in a banner over them. The status line says when
the rows were fetched ("as of hh:mm:ss"). Watching refreshes every ``WATCH_SECONDS``, backing
off (doubling, or the server's ``Retry-After``) while the API answers 429.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from workos_tui.api.errors import RateLimitedError, WorkOSError
from workos_tui.resources.base import ListRequest, Order, ResourceType
from workos_tui.resources.query import client_match, quick_match, server_query
from workos_tui.resources.sources import PageSource
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.detail_pane import DetailPane
from workos_tui.ui.widgets.resource_table import ResourceTable


def clock() -> datetime:
    """The local time a list is "as of" (tests showing a fixed screen replace it)."""
    return datetime.now()


WATCH_SECONDS = 10.0
MAX_WATCH_SECONDS = 300.0


class RefreshLoaded(Message):
    """The first page fetched again for the list of load ``generation``."""

    def __init__(
        self, generation: int, items: Sequence[Any], source: PageSource, has_more: bool
    ) -> None:
        super().__init__()
        self.generation = generation
        self.items = list(items)
        self.source = source
        self.has_more = has_more


class RefreshFailed(Message):
    def __init__(self, generation: int, error: WorkOSError) -> None:
        super().__init__()
        self.generation = generation
        self.error = error


class ResourceFreshness(Widget):
    """Background refresh, the "as of" time, the watch mode and the refresh-failed banner."""

    BINDINGS = [
        Binding("W", "toggle_watch", "Watch", show=False, id="resource.watch"),
    ]

    resource: ResourceType
    context: ConsoleContext
    scope: dict[str, str]
    filter_values: dict[str, Any]
    order: Order
    items: list[Any]
    visible_rows: list[int]
    has_more: bool
    fetching: bool
    generation: int
    quick_text: str
    sort_column: int | None
    _source: PageSource | None
    _error: WorkOSError | None

    fetched_at: datetime | None = None
    refreshing: bool = False
    watching: bool = False
    _watch_delay: float = WATCH_SECONDS
    _watch_timer: Timer | None = None

    @property
    def page_size(self) -> int:
        raise NotImplementedError

    @property
    def table(self) -> ResourceTable:
        raise NotImplementedError

    @property
    def detail(self) -> DetailPane:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _update_states(self) -> None:
        raise NotImplementedError

    def _update_status(self) -> None:
        raise NotImplementedError

    if TYPE_CHECKING:  # ResourceFiltering's, after this class in the view's bases

        def _rebuild_visible(
            self, *, keep_cursor: bool = False, keep_id: str | None = None
        ) -> None: ...

    # ------------------------------------------------------------------ refresh

    def stamp_fetched(self) -> None:
        """The first page just arrived: the list is as of now."""
        self.fetched_at = clock()

    def freshness_text(self) -> str:
        """ "as of 14:03:27" (local time), "watching" while the watch mode is on."""
        parts: list[str] = []
        if self.refreshing:
            parts.append("refreshing…")
        elif self.fetched_at is not None:
            parts.append(f"as of {self.fetched_at.strftime('%H:%M:%S')}")
        if self.watching:
            parts.append(f"watching every {self._watch_delay:g}s")
        return " · ".join(parts)

    def refresh_rows(self) -> None:
        """Fetch the first page again and merge it, keeping the rows on screen meanwhile.

        A list still loading its first page is left alone; one that failed loads afresh.
        """
        if not self.items:
            if not self.fetching:
                self.reload()
            return
        if self.refreshing:
            return
        query = server_query(self.resource, self.filter_values, self.scope)
        try:
            source = self.resource.open_list(
                self.context.workos, ListRequest(query, self.order, self.page_size)
            )
        except WorkOSError as error:
            self._show_banner(error)
            return
        self.refreshing = True
        self._update_status()
        self._fetch_first_page_again(self.generation, source)

    @work(exclusive=True, group="resource-refresh")
    async def _fetch_first_page_again(self, generation: int, source: PageSource) -> None:
        outcome = await attempt(source.next_page())
        if isinstance(outcome, WorkOSError):
            self.post_message(RefreshFailed(generation, outcome))
            return
        self.post_message(RefreshLoaded(generation, outcome, source, source.has_more))

    @on(RefreshLoaded)
    def _refresh_loaded(self, message: RefreshLoaded) -> None:
        message.stop()
        self.refreshing = False
        if message.generation != self.generation:
            return
        self._hide_banner()
        self._watch_delay = WATCH_SECONDS
        self.stamp_fetched()
        self._merge_first_page(message.items, message.source, message.has_more)
        self._schedule_watch()

    @on(RefreshFailed)
    def _refresh_failed(self, message: RefreshFailed) -> None:
        message.stop()
        self.refreshing = False
        if message.generation != self.generation:
            return
        error = message.error
        if isinstance(error, RateLimitedError):
            wait = max(self._watch_delay * 2, error.retry_after or 0.0)
            self._watch_delay = min(MAX_WATCH_SECONDS, wait)
        self._show_banner(error)
        self._update_status()
        self._schedule_watch()

    def _merge_first_page(self, page: list[Any], source: PageSource, has_more: bool) -> None:
        """New rows of the first page in front; rows loaded beyond it kept (once each)."""
        resource = self.resource
        selected = self._cursor_item()
        selected_id = resource.item_id(selected) if selected is not None else None
        old_cells = {
            id(self.items[index]): self.table.get_row_at(row)
            for row, index in enumerate(self.visible_rows)
        }
        if len(self.items) <= len(page) or not self.has_more:
            # one page loaded: the new source continues from the new first page
            self.items = list(page)
            self._source = source
            self.has_more = has_more and bool(page)
            if self.fetching:
                self.generation += 1  # the old source's page in flight is dropped
                self.fetching = False
        else:
            fresh = {resource.item_id(item) for item in page}
            kept = [item for item in self.items[len(page) :] if resource.item_id(item) not in fresh]
            self.items = [*page, *kept]
        rows: list[list[str]] = []
        visible: list[int] = []
        cursor = -1
        for index, item in enumerate(self.items):
            if not client_match(resource, self.filter_values, item):
                continue
            cells = old_cells.get(id(item)) or self.table.render_cells(item)
            if not quick_match(cells, self.quick_text):
                continue
            if selected_id is not None and resource.item_id(item) == selected_id:
                cursor = len(visible)
            visible.append(index)
            rows.append(cells)
        if self.sort_column is not None:
            self._rebuild_visible(keep_id=selected_id)
            return
        self.visible_rows = visible
        if cursor < 0:
            cursor = min(self.table.cursor_row, len(rows) - 1)
        self.table.replace_rows(rows, max(0, cursor))
        self._update_states()
        if visible:
            self.detail.show_item(self.items[visible[self.table.cursor_row]])
        else:
            self.detail.show_item(None)

    def _cursor_item(self) -> Any:
        row = self.table.cursor_row
        if 0 <= row < len(self.visible_rows):
            return self.items[self.visible_rows[row]]
        return None

    # ------------------------------------------------------------------ banner

    def _show_banner(self, error: WorkOSError) -> None:
        when = self.fetched_at.strftime("%H:%M:%S") if self.fetched_at else "before"
        text = describe_error(error).one_line()
        banner = self._banner()
        banner.update(plain(f"⚠ Refresh failed: {text} — rows as of {when}; r retries"))
        banner.display = True

    def _hide_banner(self) -> None:
        for banner in self.query("#resource-banner"):
            banner.display = False

    def _banner(self) -> Static:
        existing = self.query("#resource-banner")
        if existing:
            widget = existing.first()
            assert isinstance(widget, Static)
            return widget
        banner = Static(id="resource-banner")
        self.query_one("#resource-list").mount(banner, before="#resource-table")
        return banner

    # ------------------------------------------------------------------ watch

    def action_toggle_watch(self) -> None:
        self.watching = not self.watching
        self._watch_delay = WATCH_SECONDS
        if self._watch_timer is not None:
            self._watch_timer.stop()
            self._watch_timer = None
        if self.watching:
            self.notify(f"Watching {self.resource.title}: refreshed every {WATCH_SECONDS:g}s.")
            self.refresh_rows()
        else:
            self.notify(f"Stopped watching {self.resource.title}.")
        self._update_status()

    def _schedule_watch(self) -> None:
        if self._watch_timer is not None:
            self._watch_timer.stop()
            self._watch_timer = None
        if self.watching:
            self._watch_timer = self.set_timer(self._watch_delay, self._watch_tick)

    def _watch_tick(self) -> None:
        self._watch_timer = None
        if not self.watching:
            return
        if self.display and self.items:
            self.refresh_rows()
        else:
            self._schedule_watch()
