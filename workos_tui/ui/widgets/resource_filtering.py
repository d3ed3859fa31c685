"""Filtering a resource list: the filter bar, the `/` quick filter and the `:` jump search.

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`, split out to keep
modules small. Server-side filters reload the list; the quick filter narrows the loaded rows.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from workos_tui.resources.base import ResourceType
from workos_tui.resources.picking import pick_filters
from workos_tui.resources.query import client_match, quick_match
from workos_tui.ui.widgets.detail_pane import DetailPane
from workos_tui.ui.widgets.filter_bar import FilterBar
from workos_tui.ui.widgets.quick_filter import QuickFilter
from workos_tui.ui.widgets.resource_table import ResourceTable

SEARCH_MATCH_CAP = 200
"""Searching all pages stops once this many rows match."""


class ResourceFiltering(Widget):
    """Bindings and handlers for the list's filters."""

    BINDINGS = [
        Binding("slash", "quick_filter", "Quick filter", id="resource.quick_filter"),
        Binding("f", "focus_filters", "Filters", id="resource.filters"),
        Binding("s", "sort", "Sort", show=False, id="resource.sort"),
        Binding("S", "sort_reverse", "Reverse sort", show=False, id="resource.sort_reverse"),
        Binding("escape", "clear_quick", "Clear filter", show=False, id="resource.clear_quick"),
    ]

    resource: ResourceType
    filter_values: dict[str, Any]
    quick_text: str
    items: list[Any]
    visible_rows: list[int]
    fetching: bool
    has_more: bool
    scope: dict[str, str]
    searching_all: bool = False
    sort_column: int | None = None
    sort_descending: bool = False

    @property
    def table(self) -> ResourceTable:
        raise NotImplementedError

    @property
    def detail(self) -> DetailPane:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def focus_table(self) -> None:
        raise NotImplementedError

    def _update_states(self) -> None:
        raise NotImplementedError

    def _show_loading_row_if_near_end(self) -> None:
        raise NotImplementedError

    def _request_page(self) -> None:
        raise NotImplementedError

    def _update_status(self) -> None:
        raise NotImplementedError

    def _empty_text(self) -> str:
        """ "This user has no sessions." for a related list, else why the list is empty."""
        what = self.resource.title.lower()
        if self.filter_values or self.quick_text:
            return f"No {what} match these filters."
        if self.scope:
            owner = next(iter(self.scope)).removesuffix("_id").replace("_", " ")
            return f"This {owner} has no {what}."
        return f"No {what} yet."

    def quick_filter_input(self) -> QuickFilter:
        """The `/` input, mounted on first use (most lists never need it)."""
        existing = self.query("#quick-filter")
        if existing:
            widget = existing.first()
            assert isinstance(widget, QuickFilter)
            return widget
        quick = QuickFilter(
            value=self.quick_text, placeholder="quick filter (loaded rows)…", id="quick-filter"
        )
        quick.display = False
        self.mount(quick, before="#resource-body")
        return quick

    @on(FilterBar.Changed)
    def _filters_changed(self, event: FilterBar.Changed) -> None:
        event.stop()
        self.focus_table()
        if event.values == self.filter_values:
            return
        self.filter_values = event.values
        self.reload()

    @on(FilterBar.Left)
    def _filters_left(self, event: FilterBar.Left) -> None:
        event.stop()
        self.focus_table()

    def apply_search(self, text: str) -> bool:
        """Set the search filter (the `:users acme` jump) and reload; True when it reloaded.

        A list without a server-side search filters its loaded rows instead.
        """
        exact = pick_filters(self.resource, text)
        if self.resource.search_param is None and exact:
            # an address where the API filters by email: the server finds it on any page
            values = {**self.filter_values, **exact}
            for bar in self.query(FilterBar):
                for key, value in exact.items():
                    bar.set_value(key, value)
            if values != self.filter_values:
                self.filter_values = values
                self.reload()
                return True
            return False
        if self.resource.search_param is None:
            if text == self.quick_text:
                return False
            quick = self.quick_filter_input()
            quick.value = text
            quick.display = bool(text)
            self.quick_text = text
            self._rebuild_visible()
            if text:
                self.search_all_pages()
            else:
                self.stop_search_all()
            return False
        values = dict(self.filter_values)
        if text:
            values["__search__"] = text
        else:
            values.pop("__search__", None)
        for bar in self.query(FilterBar):
            bar.set_search(text)
        if values != self.filter_values:
            self.filter_values = values
            self.reload()
            return True
        return False

    @on(Input.Changed, "#quick-filter")
    def _quick_filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == self.quick_text:
            return
        self.quick_text = event.value
        self._rebuild_visible()
        if not event.value:
            self.stop_search_all()

    @on(QuickFilter.Cleared)
    def _quick_filter_cleared(self, event: QuickFilter.Cleared) -> None:
        event.stop()
        self.stop_search_all()
        self.focus_table()

    @on(Input.Submitted, "#quick-filter")
    def _quick_filter_submitted(self, event: Input.Submitted) -> None:
        """Enter: back to the list, and look for the text in every page, not only the loaded."""
        event.stop()
        self.focus_table()
        if self.quick_text:
            self.search_all_pages()

    # ------------------------------------------------------------- search all pages

    def search_all_pages(self) -> None:
        """Load page after page (the client waits out 429s) until the quick filter's text has
        ``SEARCH_MATCH_CAP`` matches or the list ends; Escape stops."""
        if not self.has_more or len(self.visible_rows) >= SEARCH_MATCH_CAP:
            return
        self.searching_all = True
        self._update_status()
        self._request_page()

    def stop_search_all(self, reason: str = "") -> None:
        if not self.searching_all:
            return
        self.searching_all = False
        if reason:
            self.notify(reason)
        self._update_status()

    def continue_search_all(self) -> None:
        """After a page: the next one, or the end of the search."""
        if not self.searching_all:
            return
        matches = len(self.visible_rows)
        if matches >= SEARCH_MATCH_CAP:
            self.stop_search_all(f"Stopped at {matches} matches: narrow the search.")
        elif not self.has_more:
            self.stop_search_all(f"Searched all {len(self.items)} rows: {matches} match.")
        else:
            self._request_page()

    def search_progress(self) -> str:
        if not self.searching_all:
            return ""
        return f"searching all pages: {len(self.items)} scanned · Esc stops"

    def action_clear_quick(self) -> None:
        """Escape in the list: stop a search of all pages, else clear the quick filter."""
        if self.searching_all:
            self.stop_search_all("Search stopped.")
            return
        self.quick_filter_input().action_clear_filter()

    def _rebuild_visible(self, *, keep_cursor: bool = False, keep_id: str | None = None) -> None:
        """The visible rows again (filters, then the sort); the cursor goes to the first row,
        or stays on its item with ``keep_cursor`` (or goes to the item ``keep_id``)."""
        resource = self.resource
        row = self.table.cursor_row
        if keep_cursor and keep_id is None and 0 <= row < len(self.visible_rows):
            keep_id = resource.item_id(self.items[self.visible_rows[row]])
        visible: list[int] = []
        rows: list[list[str]] = []
        for index, item in enumerate(self.items):
            if not client_match(self.resource, self.filter_values, item):
                continue
            cells = self.table.render_cells(item)
            if quick_match(cells, self.quick_text):
                visible.append(index)
                rows.append(cells)
        column = self.sort_column
        if column is not None:
            descending = self.sort_descending
            order = sorted(range(len(rows)), key=lambda i: rows[i][column].lower())
            if descending:
                order.reverse()
            visible = [visible[i] for i in order]
            rows = [rows[i] for i in order]
        self.visible_rows = visible
        cursor = 0
        if keep_id is not None:
            ids = [resource.item_id(self.items[index]) for index in visible]
            cursor = ids.index(keep_id) if keep_id in ids else 0
        self.table.replace_rows(rows, cursor)
        self._show_loading_row_if_near_end()
        self._update_states()
        self.detail.show_item(self.items[visible[cursor]] if visible else None)

    # ------------------------------------------------------------- sort

    def action_sort(self) -> None:
        """The next column (the loaded rows, by their text), then the server's order again."""
        count = len(self.resource.columns)
        current = self.sort_column
        self.sort_column = 0 if current is None else (current + 1 if current + 1 < count else None)
        self.sort_descending = False
        self._apply_sort()

    def action_sort_reverse(self) -> None:
        if self.sort_column is None:
            self.sort_column = 0
        else:
            self.sort_descending = not self.sort_descending
        self._apply_sort()

    def _apply_sort(self) -> None:
        self.table.show_sort(self.sort_column, self.sort_descending)
        self._rebuild_visible(keep_cursor=True)

    def action_quick_filter(self) -> None:
        quick = self.quick_filter_input()
        quick.display = True
        self.call_after_refresh(quick.focus)

    def action_focus_filters(self) -> None:
        try:
            bar = self.query_one("#filter-bar", FilterBar)
        except Exception:
            self.notify("This list has no server-side filters.")
            return
        inputs = bar.query("Input, Select")
        if inputs:
            inputs.first().focus()
