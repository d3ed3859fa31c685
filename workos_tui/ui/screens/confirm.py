"""Confirmations: a yes/no question, and a typed one for destructive actions."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from workos_tui.ui.safe_text import plain, printable

SHOWN_MAX = 60
"""The longest name or title a dialog shows whole; longer ones end in an ellipsis, so the
dialog's buttons stay on screen."""
BODY_MAX = 400


def shorten(text: str, limit: int = SHOWN_MAX) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when it was longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ConfirmScreen(ModalScreen[bool]):
    """Asks a yes/no question; dismisses with the answer."""

    HELP = "## Confirm\n\n**Enter** on *Yes* confirms, **Escape** cancels."

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="confirm.cancel")]

    def __init__(self, title: str, body: str, *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = title
        self.body = body
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(plain(shorten(self.question)), classes="dialog-title")
            yield Static(plain(shorten(self.body, BODY_MAX), multiline=True), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="confirm-yes", variant="primary")
                yield Button(self.no, id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)


class TypedConfirmScreen(ModalScreen[bool]):
    """Asks the user to type ``expected`` (the resource's name or id) before confirming.

    ``label`` is the confirming button's verb: *Delete* unless the change is another one
    (*Apply*, *Copy*, *Send* …).
    """

    HELP = (
        "## Confirm\n\nType the name shown to enable the button that confirms (*Delete*, "
        "*Apply* …). **Escape** cancels."
    )

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="typed_confirm.cancel")]

    def __init__(self, title: str, body: str, expected: str, *, label: str = "Delete") -> None:
        super().__init__()
        self.question = title
        self.body = body
        self.expected = expected
        self.label = label

    def compose(self) -> ComposeResult:
        shown = printable(shorten(self.expected))
        with Vertical(classes="dialog dialog-danger"):
            yield Label(plain(shorten(self.question)), classes="dialog-title")
            yield Static(plain(shorten(self.body, BODY_MAX), multiline=True), classes="dialog-body")
            yield Static(Content.from_markup("Type [b]$name[/b] to confirm:", name=shown))
            yield Input(placeholder=shown, id="confirm-typed")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.label, id="confirm-delete", variant="error", disabled=True)
                yield Button("Cancel", id="confirm-cancel")

    def on_mount(self) -> None:
        self.query_one("#confirm-typed", Input).focus()

    @on(Input.Changed, "#confirm-typed")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#confirm-delete", Button).disabled = event.value != self.expected

    @on(Input.Submitted, "#confirm-typed")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value == self.expected:
            self.dismiss(True)
            return
        # a wrong value used to do nothing at all
        shown = printable(shorten(self.expected))
        nothing = "nothing was deleted" if self.label == "Delete" else "nothing was done"
        self.notify(f"That is not {shown!r}: {nothing}.", severity="warning")

    @on(Button.Pressed, "#confirm-delete")
    def _delete(self) -> None:
        if self.query_one("#confirm-typed", Input).value == self.expected:
            self.dismiss(True)

    @on(Button.Pressed, "#confirm-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)

    def action_cancel(self) -> None:
        self.dismiss(False)
