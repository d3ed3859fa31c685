"""Revealing a secret field (a Vault value) on request, and hiding it again.

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`. The value is fetched in a
worker, shown for ``reveal_seconds`` (or until the cursor moves), then hidden.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.timer import Timer
from textual.widget import Widget

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.base import ResourceType
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.messages import ItemRevealed, MutationFailed
from workos_tui.ui.widgets.detail_pane import DetailPane


class SecretReveal(Widget):
    """The reveal key and the timer that hides the value again."""

    BINDINGS = [Binding("v", "reveal", "Reveal", id="resource.reveal")]

    resource: ResourceType
    context: ConsoleContext
    _reveal_token: int
    _revealed_id: str | None
    _hide_timer: Timer | None

    @property
    def selected(self) -> Any:
        raise NotImplementedError

    @property
    def detail(self) -> DetailPane:
        raise NotImplementedError

    def action_reveal(self) -> None:
        item = self.selected
        if item is None or not self.resource.secret_fields or self.resource.get is None:
            return
        self._reveal_token += 1
        self._fetch_revealed(self._reveal_token, self.resource.item_id(item))

    @work(exclusive=True, group="resource-reveal")
    async def _fetch_revealed(self, token: int, item_id: str) -> None:
        getter = self.resource.get
        assert getter is not None
        try:
            item = await getter(self.context.workos, item_id)
        except WorkOSError as error:
            self.post_message(MutationFailed("reveal", error))
            return
        self.post_message(ItemRevealed(token, item))

    @on(ItemRevealed)
    def _item_revealed(self, message: ItemRevealed) -> None:
        message.stop()
        selected = self.selected
        if message.token != self._reveal_token or selected is None:
            return
        if self.resource.item_id(selected) != self.resource.item_id(message.item):
            return
        self._revealed_id = self.resource.item_id(message.item)
        self.detail.set_revealed(message.item)
        if self._hide_timer is not None:
            self._hide_timer.stop()
        self._hide_timer = self.set_timer(self.context.reveal_seconds, self.hide_secret)

    def hide_secret(self) -> None:
        self._revealed_id = None
        self._reveal_token += 1
        if self._hide_timer is not None:
            self._hide_timer.stop()
            self._hide_timer = None
        self.detail.set_revealed(None)
