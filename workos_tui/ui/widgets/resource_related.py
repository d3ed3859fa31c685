"""Beyond the list: a row's related lists (keys 1-9, the related menu 0 / m) and the row
full screen (Enter).

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`, split out to keep
modules small.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.binding import Binding
from textual.widget import Widget

from workos_tui.resources.base import Related, ResourceType
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.widgets.resource_table import ResourceTable


class ResourceRelated(Widget):
    """Open a related resource scoped to the selected row."""

    BINDINGS = [
        *[
            Binding(str(n), f"related({n - 1})", f"Related {n}", show=False, id=f"resource.rel{n}")
            for n in range(1, 10)
        ],
        Binding("0,m", "related_menu", "Related…", show=False, id="resource.related_menu"),
    ]

    resource: ResourceType
    context: ConsoleContext

    @property
    def selected(self) -> Any:
        raise NotImplementedError

    @on(ResourceTable.RowSelected, "#resource-table")
    def _row_selected(self, event: ResourceTable.RowSelected) -> None:
        """Enter: the row full screen (its fields, and its JSON as a tree that folds)."""
        event.stop()
        item = self.selected
        if item is None:
            return
        from workos_tui.ui.screens.detail_view import DetailScreen

        title = f"{self.resource.singular.capitalize()} {self.resource.item_name(item)}"
        self.app.push_screen(DetailScreen(self.resource, item, title))

    def related_links(self) -> tuple[Related, ...]:
        """Related resources one key away: the declaration's and those other areas added."""
        return self.context.registry.related_for(self.resource)

    def action_related(self, index: int) -> None:
        item = self.selected
        related = self.related_links()
        if item is None or index >= len(related):
            return
        link = related[index]
        value = link.value(item)
        if not value:
            self.notify(f"No {link.title.lower()} for this {self.resource.singular}.")
            return
        name = self.resource.item_name(item)
        self._open_related_message(link.target, {link.param: value}, f"{name} / {link.title}")

    def action_related_menu(self) -> None:
        """Every related list of the row (the keys 1-9 reach only the first nine)."""
        from workos_tui.ui.screens.related_menu import RelatedMenuScreen

        item = self.selected
        if item is None:
            return
        name = self.resource.item_name(item)
        self.app.push_screen(
            RelatedMenuScreen(name, self.related_links()),
            lambda index: self.action_related(index) if index is not None else None,
        )

    def _open_related_message(self, target: str, scope: dict[str, str], title: str) -> None:
        raise NotImplementedError
