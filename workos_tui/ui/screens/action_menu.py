"""A menu of a resource's extra actions for the selected row."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workos_tui.resources.base import Action
from workos_tui.ui.safe_text import plain


class ActionMenuScreen(ModalScreen[str | None]):
    """Pick an action; dismisses with its key."""

    HELP = "## Actions\n\n**↑ ↓** choose, **Enter** runs the action, **Escape** closes."

    BINDINGS = [Binding("escape", "cancel", "Close", id="actions.cancel")]

    def __init__(self, singular: str, actions: Sequence[Action]) -> None:
        super().__init__()
        self.singular = singular
        self.actions = list(actions)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"Actions on this {self.singular}"), classes="dialog-title")
            yield OptionList(
                *[Option(action.title, id=action.key) for action in self.actions],
                id="action-list",
            )

    @on(OptionList.OptionSelected, "#action-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
