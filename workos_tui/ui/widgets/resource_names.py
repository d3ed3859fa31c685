"""Organization names where a list has only their ids (invitations, SSO connections, directories).

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`. The console keeps one
id → name map (``ConsoleContext.organization_names``); a page whose organization column holds
ids not in it fetches the organizations once (first pages, in a worker) and redraws its rows
with the names. An id that is not found stays an id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual import on, work
from textual.message import Message
from textual.widget import Widget

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.base import ListRequest, ResourceType, field_value
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt
from workos_tui.ui.widgets.resource_table import ResourceTable

ORGANIZATION_COLUMN = "organization_id"
NAME_PAGES = 5
"""Pages of organizations fetched to name the ids of one list (500 organizations)."""


class NamesLoaded(Message):
    pass


class ResourceNames(Widget):
    """Fill ``context.organization_names`` for the ids a page shows."""

    resource: ResourceType
    context: ConsoleContext
    items: list[Any]
    visible_rows: list[int]
    _names_asked = False

    @property
    def table(self) -> ResourceTable:
        raise NotImplementedError

    def name_organizations(self, items: Sequence[Any]) -> None:
        """Fetch the names of the organizations ``items`` name by id, once per list."""
        if self.resource.key == "organizations":  # the names at hand, for the other lists
            names = self.context.organization_names
            for item in items:
                names[self.resource.item_id(item)] = self.resource.item_name(item)
            return
        if self._names_asked:
            return
        if not any(column.key == ORGANIZATION_COLUMN for column in self.resource.columns):
            return
        known = self.context.organization_names
        wanted = {field_value(item, ORGANIZATION_COLUMN) for item in items}
        if all(not value or value in known for value in wanted):
            return
        self._names_asked = True
        self._fetch_names()

    @work(group="organization-names")
    async def _fetch_names(self) -> None:
        registry = self.context.registry
        if "organizations" not in registry:
            return
        organizations = registry["organizations"]
        source = organizations.open_list(self.context.workos, ListRequest({}, "desc", 100))
        names = self.context.organization_names
        for _ in range(NAME_PAGES):
            if not source.has_more:
                break
            page = await attempt(source.next_page())
            if isinstance(page, WorkOSError):
                break
            for organization in page:
                names[organizations.item_id(organization)] = organizations.item_name(organization)
        self.post_message(NamesLoaded())

    @on(NamesLoaded)
    def _names_loaded(self, message: NamesLoaded) -> None:
        message.stop()
        table = self.table
        for row, index in enumerate(self.visible_rows):
            table.update_row(row, table.render_cells(self.items[index]))
