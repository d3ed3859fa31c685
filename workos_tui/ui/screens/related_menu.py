"""Every related list of a row, one key each: the keys 1-9 reach the first nine directly, this
menu (``0`` or ``m``) lists them all, so a type with more links (an organization has over a
dozen) loses none."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workos_tui.resources.base import Related
from workos_tui.ui.safe_text import plain


def menu_label(index: int, link: Related) -> str:
    """``3  SSO connections``: the direct key for the first nine, blank after."""
    key = str(index + 1) if index < 9 else " "
    return f"{key}  {link.title}"


class RelatedMenuScreen(ModalScreen[int | None]):
    """Pick a related list; dismisses with its index in the row's related links."""

    HELP = (
        "## Related\n\n**↑ ↓** choose, **Enter** opens the list for the row, **Escape** closes."
        " The first nine have their own key (**1**-**9**) in the list."
    )

    BINDINGS = [Binding("escape", "cancel", "Close", id="related_menu.cancel")]

    def __init__(self, name: str, links: Sequence[Related]) -> None:
        super().__init__()
        self.row_name = name
        self.links = list(links)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(f"Related to {self.row_name}"), classes="dialog-title")
            yield OptionList(
                *[
                    Option(plain(menu_label(index, link)), id=str(index))
                    for index, link in enumerate(self.links)
                ],
                id="related-list",
            )

    @on(OptionList.OptionSelected, "#related-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id) if event.option.id is not None else None)

    def action_cancel(self) -> None:
        self.dismiss(None)
