"""Copy, open, export and show-a-result flows of a resource list (no network of their own).

A base of :class:`~workos_tui.ui.widgets.resource_actions.ResourceActions`, split out to keep
modules small. Screens are imported when first opened, so the first screen does not pay for them.
"""

from __future__ import annotations

import webbrowser
from typing import TYPE_CHECKING, Any

from textual.widget import Widget

from workos_tui.resources.base import ListRequest, Order, ResourceType
from workos_tui.resources.formatting import to_json
from workos_tui.resources.query import server_query
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.widgets.detail_pane import masked_json

if TYPE_CHECKING:
    from workos_tui.resources.results import ActionResult


class ResourceShortcuts(Widget):
    """Copy the id or JSON, open the dashboard, export, show an action's result."""

    resource: ResourceType
    context: ConsoleContext
    scope: dict[str, str]
    filter_values: dict[str, Any]
    order: Order

    @property
    def selected(self) -> Any:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def show_result(self, result: ActionResult) -> None:
        """Open the result dialog (secrets hidden until revealed); reload after if asked."""
        from workos_tui.ui.screens.result import ResultScreen

        screen = ResultScreen(
            result,
            open_browser=self.context.open_browser,
            reveal_seconds=self.context.reveal_seconds,
        )
        self.app.push_screen(screen)
        if result.reload:
            self.reload()

    def action_copy_id(self) -> None:
        item = self.selected
        if item is None:
            return
        self.app.copy_to_clipboard(self.resource.item_id(item))
        self.notify(f"Copied {self.resource.item_id(item)}")

    def action_copy_json(self) -> None:
        item = self.selected
        if item is None:
            return
        self.app.copy_to_clipboard(to_json(masked_json(self.resource, item, reveal=False)))
        self.notify("Copied JSON")

    def action_open_dashboard(self) -> None:
        item = self.selected
        if item is None:
            return
        url = self.resource.dashboard_url(item, self.context.environment.dashboard_url)
        if url is None:
            return
        opened = False
        if self.context.open_browser:
            try:
                opened = webbrowser.open(url)
            except webbrowser.Error:
                opened = False
        self.notify(url, title="Opened in browser" if opened else "Dashboard URL")

    def action_export(self) -> None:
        from workos_tui.resources.export import default_export_path
        from workos_tui.ui.screens.export import ExportScreen

        resource = self.resource
        query = server_query(resource, self.filter_values, self.scope)
        workos = self.context.workos
        order = self.order

        def make_source() -> Any:
            return resource.open_list(workos, ListRequest(query, order, resource.page_size))

        default = default_export_path(resource.key)
        self.app.push_screen(ExportScreen(resource, make_source, default, query))
