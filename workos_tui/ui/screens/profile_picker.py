"""Choose another profile to connect to."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option


class ProfilePickerScreen(ModalScreen[str | None]):
    """Lists profile names; dismisses with the chosen one."""

    HELP = "## Profiles\n\n**Enter** connects to the highlighted profile, **Escape** closes."

    BINDINGS = [Binding("escape", "cancel", "Close", id="profiles.cancel")]

    def __init__(self, names: Sequence[str], current: str) -> None:
        super().__init__()
        self.names = list(names)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Switch profile", classes="dialog-title")
            options = [
                Option(f"{name}{'  (current)' if name == self.current else ''}", id=name)
                for name in self.names
            ]
            yield OptionList(*options, id="profile-list")

    @on(OptionList.OptionSelected, "#profile-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
