"""A resource list opened from another one (an organization's domains, a user's sessions…)."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen

from workos_tui.resources.base import ResourceType
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.widgets.environment_bar import EnvironmentBar
from workos_tui.ui.widgets.key_bar import KeyBar
from workos_tui.ui.widgets.resource_view import ResourceView


class RelatedScreen(Screen[None]):
    """One scoped resource list; **Escape** goes back to where it was opened from."""

    BINDINGS = [Binding("escape", "back", "Back", id="related.back")]

    def __init__(
        self,
        resource: ResourceType,
        context: ConsoleContext,
        scope: Mapping[str, str],
        title: str,
        *,
        base_url_label: str | None = None,
    ) -> None:
        super().__init__()
        self.resource = resource
        self.context = context
        self.scope = dict(scope)
        self.breadcrumb = title
        self.base_url_label = base_url_label

    def compose(self) -> ComposeResult:
        bar = EnvironmentBar(self.context.environment, base_url_label=self.base_url_label)
        bar.area_title = self.breadcrumb
        yield bar
        yield ResourceView(self.resource, self.context, scope=self.scope, id="related-view")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ResourceView).focus_table()

    @property
    def view(self) -> ResourceView:
        return self.query_one(ResourceView)

    def action_back(self) -> None:
        self.dismiss(None)
