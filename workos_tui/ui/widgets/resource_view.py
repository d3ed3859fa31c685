"""The generic resource screen body: filter bar, lazy paginated table, detail pane.

Every network call runs in a worker of a named group and posts a typed message back; handlers
drop results whose ``generation`` is older than the current load.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Static

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.base import ListRequest, Order, ResourceType
from workos_tui.resources.query import client_match, quick_match, server_query
from workos_tui.resources.sources import PageSource
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.messages import PageFailed, PageLoaded
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.detail_pane import DetailPane
from workos_tui.ui.widgets.error_panel import ErrorPanel
from workos_tui.ui.widgets.filter_bar import FilterBar
from workos_tui.ui.widgets.resource_actions import ResourceActions
from workos_tui.ui.widgets.resource_filtering import ResourceFiltering
from workos_tui.ui.widgets.resource_freshness import ResourceFreshness
from workos_tui.ui.widgets.resource_names import ResourceNames
from workos_tui.ui.widgets.resource_related import ResourceRelated
from workos_tui.ui.widgets.resource_table import ResourceTable, unrecognised_notice
from workos_tui.ui.widgets.secret_reveal import SecretReveal


class ResourceView(
    ResourceFreshness,
    ResourceFiltering,
    ResourceRelated,
    ResourceNames,
    SecretReveal,
    ResourceActions,
    Vertical,
):
    """Browse one resource type; optionally scoped (e.g. a user's memberships)."""

    BINDINGS = [
        Binding("r", "refresh", "Refresh", id="resource.refresh"),
        Binding("o", "toggle_order", "Order", show=False, id="resource.order"),
        Binding("j", "toggle_json", "JSON", show=False, id="resource.raw_json"),
    ]

    class FirstPageShown(Message):
        """The first page (or its error) is on screen: the moment the list became usable."""

        def __init__(self, ok: bool) -> None:
            super().__init__()
            self.ok = ok

    class OpenRelated(Message):
        """Open ``resource_key`` scoped to ``scope`` (posted to the app)."""

        def __init__(self, resource_key: str, scope: Mapping[str, str], title: str) -> None:
            super().__init__()
            self.resource_key = resource_key
            self.scope = dict(scope)
            self.title = title

    def __init__(
        self,
        resource: ResourceType,
        context: ConsoleContext,
        *,
        scope: Mapping[str, str] | None = None,
        search: str = "",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.resource = resource
        self.context = context
        self.scope = dict(scope or {})
        searchable = resource.search_param is not None
        self.filter_values: dict[str, Any] = {"__search__": search} if search and searchable else {}
        self.order: Order = "desc"
        self.items: list[Any] = []
        self.visible_rows: list[int] = []
        self.has_more = False
        self.fetching = False
        self.generation = 0
        self.quick_text = "" if searchable else search
        self._source: PageSource | None = None
        self._reveal_token = 0
        self._revealed_id: str | None = None
        self._hide_timer: Timer | None = None
        self._detail_timer: Timer | None = None
        self._status_text = ""
        self._error: WorkOSError | None = None

    @property
    def page_size(self) -> int:
        return self.context.page_size or self.resource.page_size

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        if self.resource.filters or self.resource.search_param or self.scope:
            yield FilterBar(
                self.resource, initial=self.filter_values, scope=self.scope, id="filter-bar"
            )
        with Horizontal(id="resource-body"):
            with Vertical(id="resource-list"):
                names = self.context.organization_names
                yield ResourceTable(self.resource, names=names, id="resource-table")
                yield Static(id="resource-empty")
                yield Static(id="resource-status")
            yield DetailPane(self.resource, related=self.related_links, id="resource-detail")

    def on_mount(self) -> None:
        self.query_one("#resource-empty", Static).display = False
        if self.quick_text:
            self.quick_filter_input().display = True
        self.watch(self.table, "scroll_y", self._table_scrolled, init=False)
        self.reload()
        # `:users nora`: a list without a server-side search looks through every page
        self.searching_all = bool(self.quick_text)

    def _table_scrolled(self) -> None:
        """Scrolling without moving the cursor (mouse wheel, scrollbar) loads more rows too."""
        self._maybe_prefetch(self._last_visible_row())
        self._show_loading_row_if_near_end()

    def _last_visible_row(self) -> int:
        table = self.table
        return round(table.scroll_y) + table.scrollable_content_region.height - 1

    def error_panel(self) -> ErrorPanel:
        """The error panel, mounted the first time a request fails."""
        existing = self.query("#resource-error")
        if existing:
            widget = existing.first()
            assert isinstance(widget, ErrorPanel)
            return widget
        panel = ErrorPanel(id="resource-error")
        self.query_one("#resource-list").mount(panel, before="#resource-status")
        return panel

    @property
    def table(self) -> ResourceTable:
        return self.query_one("#resource-table", ResourceTable)

    @property
    def detail(self) -> DetailPane:
        return self.query_one("#resource-detail", DetailPane)

    def focus_table(self) -> None:
        self.table.focus()

    # ------------------------------------------------------------- loading

    def reload(self) -> None:
        """Start again from the first page with the current filters and order."""
        self.generation += 1
        self.items = []
        self.visible_rows = []
        self.has_more = True
        self._error = None
        self.searching_all = False
        self._hide_banner()
        self.table.reset()
        self.detail.show_item(None)
        query = server_query(self.resource, self.filter_values, self.scope)
        try:
            request = ListRequest(query, self.order, self.page_size)
            self._source = self.resource.open_list(self.context.workos, request)
        except WorkOSError as error:
            self._show_error(error)
            return
        self._request_page()

    def _request_page(self) -> None:
        if self._source is None or self.fetching or not self.has_more:
            return
        self.fetching = True
        self._show_loading_row_if_near_end()
        self._update_status()
        self._fetch_page(self.generation, self._source)

    def _show_loading_row_if_near_end(self) -> None:
        """The "Loading…" row appears once the end of the list is on screen.

        Prefetches usually finish before then; adding and removing an invisible row would only
        cost two layouts per page while paging.
        """
        if not self.fetching or self.table.loading_shown:
            return
        if not self.visible_rows or self._last_visible_row() >= len(self.visible_rows):
            self.table.set_loading_row(True)

    @work(exclusive=True, group="resource-page")
    async def _fetch_page(self, generation: int, source: PageSource) -> None:
        outcome = await attempt(source.next_page())
        if isinstance(outcome, WorkOSError):
            self.post_message(PageFailed(generation, outcome))
            return
        self.post_message(PageLoaded(generation, outcome, source.has_more))

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self.generation:
            return
        self.fetching = False
        self.has_more = message.has_more and bool(message.items)
        start = len(self.items)
        if start == 0:
            self.stamp_fetched()
        self.items.extend(message.items)
        rows: list[list[str]] = []
        for index in range(start, len(self.items)):
            item = self.items[index]
            if not client_match(self.resource, self.filter_values, item):
                continue
            cells = self.table.render_cells(item)
            if not quick_match(cells, self.quick_text):
                continue
            self.visible_rows.append(index)
            rows.append(cells)
        self.table.set_loading_row(False)
        if self.sort_column is not None:
            self._rebuild_visible(keep_cursor=True)  # the new rows take their sorted places
        else:
            self.table.append_rows(rows)
        self._update_states()
        self.name_organizations(message.items)
        notice = unrecognised_notice(self.resource.title, message.items)
        if notice is not None:
            self.notify(notice, severity="warning", markup=False)
        if start == 0:
            self.post_message(self.FirstPageShown(ok=True))
        if start == 0 and self.visible_rows:
            self.call_after_refresh(self._show_cursor_detail)  # rows first, then the detail
        if self.searching_all:
            self.continue_search_all()
            return
        # a page that does not fill the screen (or was filtered away) is followed by the next
        self._maybe_prefetch(max(self.table.cursor_row, self._last_visible_row()))

    @on(PageFailed)
    def _page_failed(self, message: PageFailed) -> None:
        message.stop()
        if message.generation != self.generation:
            return
        self.fetching = False
        self.table.set_loading_row(False)
        if self.items:
            self.has_more = True
            self.stop_search_all()
            text = describe_error(message.error)
            self.notify(text.one_line(), title="Loading more failed", severity="error")
            self._update_status()
        else:
            self._show_error(message.error)
            self.post_message(self.FirstPageShown(ok=False))

    def _show_error(self, error: WorkOSError) -> None:
        self._error = error
        panel = self.error_panel()
        had_focus = self.table.has_focus
        panel.display = True
        self.table.display = False
        self.call_after_refresh(self._show_error_details, panel, error, had_focus)

    def _show_error_details(self, panel: ErrorPanel, error: WorkOSError, focus: bool) -> None:
        panel.show_error(error)
        if self.display and (focus or self.app.focused is None):
            panel.query_one(Button).focus()
        self.query_one("#resource-empty", Static).display = False
        self._update_status()

    @on(ErrorPanel.RetryRequested)
    def _retry(self, event: ErrorPanel.RetryRequested) -> None:
        event.stop()
        self.reload()

    def _update_states(self) -> None:
        empty = not self.visible_rows and not self.has_more
        error_had_focus = False
        for panel in self.query(ErrorPanel):
            error_had_focus = panel.has_focus_within
            panel.display = False
        self.table.display = True
        if self.display and (error_had_focus or self.app.focused is None):
            self.table.focus()
        empty_label = self.query_one("#resource-empty", Static)
        empty_label.display = empty
        if empty:
            empty_label.update(plain(self._empty_text()))
        self._update_status()

    def _update_status(self) -> None:
        loaded = len(self.items)
        parts: list[str] = []
        if self._error is not None and not self.items:
            parts.append("failed — press r to retry")
        elif self.quick_text or len(self.visible_rows) != loaded:
            parts.append(f"{len(self.visible_rows)} of {loaded} loaded shown")
        else:
            parts.append(f"{loaded} loaded")
        progress = self.search_progress()
        if progress:
            parts.append(progress)
        elif self.fetching:
            parts.append("loading…")
        elif self.has_more and self._error is None:
            parts.append("more available")
        elif self._error is None:
            parts.append("all loaded")
        if self.resource.supports_order:
            parts.append("newest first" if self.order == "desc" else "oldest first")
        freshness = self.freshness_text()
        if freshness:
            parts.append(freshness)
        text = " · ".join(parts)
        if text != self._status_text:
            self._status_text = text
            self.query_one("#resource-status", Static).update(plain(text))

    def _maybe_prefetch(self, row: int) -> None:
        threshold = max(1, self.page_size // 2)
        if self.has_more and not self.fetching and row >= len(self.visible_rows) - threshold:
            self._request_page()

    # ------------------------------------------------------------- selection

    @on(ResourceTable.RowHighlighted, "#resource-table")
    def _row_highlighted(self, event: ResourceTable.RowHighlighted) -> None:
        event.stop()
        row = event.cursor_row
        if self._revealed_id is not None:
            self.hide_secret()  # a revealed value never outlives its row
        if row < len(self.visible_rows):
            self._schedule_detail()
        self._maybe_prefetch(row)
        self._show_loading_row_if_near_end()

    def _schedule_detail(self) -> None:
        """Show the cursor's row in the detail pane once the cursor rests.

        Holding ↓ or PgDn moves faster than a detail pane can be laid out; the pane follows
        ``detail_delay`` seconds after the last move instead of on every row.
        """
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        delay = self.context.detail_delay
        if delay <= 0:
            self._show_cursor_detail()
        else:
            self._detail_timer = self.set_timer(delay, self._show_cursor_detail)

    def _show_cursor_detail(self) -> None:
        self._detail_timer = None
        row = self.table.cursor_row
        if 0 <= row < len(self.visible_rows):
            self._show_detail(row)

    def _show_detail(self, row: int) -> None:
        item = self.items[self.visible_rows[row]]
        if self.detail.item is not item:
            self.detail.show_item(item)

    @property
    def selected(self) -> Any:
        row = self.table.cursor_row
        if 0 <= row < len(self.visible_rows):
            return self.items[self.visible_rows[row]]
        return None

    # ------------------------------------------------------------- actions

    def action_refresh(self) -> None:
        self.refresh_rows()

    def action_toggle_order(self) -> None:
        self.order = "asc" if self.order == "desc" else "desc"
        self.reload()

    def action_toggle_json(self) -> None:
        self.detail.toggle_json()

    def _open_related_message(self, target: str, scope: dict[str, str], title: str) -> None:
        self.post_message(self.OpenRelated(target, scope, title))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return bool(self.resource.secret_fields)
        if action == "related":
            index = parameters[0] if parameters else 0
            return isinstance(index, int) and index < len(self.related_links())
        if action == "related_menu":
            return bool(self.related_links())
        if action == "clear_quick":
            return self.searching_all or bool(self.quick_text)
        return self.check_mutation_action(action)
