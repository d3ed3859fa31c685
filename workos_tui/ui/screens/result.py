"""The result of an action: values to read, copy or open; secrets hidden until revealed.

Secret values are rendered masked; **v** reveals them for ``reveal_seconds`` (or until pressed
again). Copying says what was copied, never the value; nothing here is logged.
"""

from __future__ import annotations

import webbrowser
from urllib.parse import urlsplit

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Label, Static

from workos_tui.resources.results import ActionResult, ResultEntry
from workos_tui.ui.safe_text import plain

MASK = "•" * 16
WEB_SCHEMES = frozenset({"http", "https"})


class ResultScreen(ModalScreen[None]):
    """Shows an :class:`ActionResult`; dismisses with nothing."""

    HELP = """
## Result

**c** copies the first secret (or the first value), **v** reveals or hides secrets, **o** opens
the link; each value also has its own *Copy* button. **Escape** closes: a value shown once
cannot be shown again.
"""

    BINDINGS = [
        Binding("escape", "close", "Close", id="result.close"),
        Binding("c", "copy", "Copy", id="result.copy"),
        Binding("v", "toggle_reveal", "Reveal", id="result.reveal"),
        Binding("o", "open_link", "Open link", id="result.open"),
    ]

    def __init__(
        self, result: ActionResult, *, open_browser: bool = True, reveal_seconds: float = 30.0
    ) -> None:
        super().__init__()
        self.result = result
        self.open_browser = open_browser
        self.reveal_seconds = reveal_seconds
        self.revealed = False
        self._hide_timer: Timer | None = None

    @property
    def entries(self) -> tuple[ResultEntry, ...]:
        return self.result.entries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="result-dialog"):
            yield Label(plain(self.result.title), classes="dialog-title")
            if self.result.note:
                yield Static(plain(self.result.note, multiline=True), id="result-note")
            for index, entry in enumerate(self.entries):
                with Horizontal(classes="result-entry"):
                    yield Label(plain(entry.label), classes="result-label")
                    yield Static(self._shown(entry), id=f"result-value-{index}")
                    yield Button("Copy", id=f"result-copy-{index}", classes="result-button")
                    if entry.link:
                        yield Button("Open", id=f"result-open-{index}", classes="result-button")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", id="result-close", variant="primary")
                if any(entry.is_secret for entry in self.entries):
                    yield Button("Reveal (v)", id="result-reveal")

    def on_mount(self) -> None:
        self.query_one("#result-close", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_reveal":
            return any(entry.is_secret for entry in self.entries)
        if action == "open_link":
            return any(entry.link for entry in self.entries)
        return True

    def _shown(self, entry: ResultEntry) -> Content:
        if entry.is_secret and not self.revealed:
            return Content.styled(f"{MASK}  (hidden: v reveals)", "dim")
        return plain(entry.value())

    def shown_text(self, index: int) -> str:
        """What the dialog currently displays for entry ``index`` (tests read it)."""
        return str(self._shown(self.entries[index]))

    # ------------------------------------------------------------- reveal

    def action_toggle_reveal(self) -> None:
        self._set_revealed(not self.revealed)

    def _set_revealed(self, revealed: bool) -> None:
        self.revealed = revealed
        if self._hide_timer is not None:
            self._hide_timer.stop()
            self._hide_timer = None
        if revealed:
            self._hide_timer = self.set_timer(self.reveal_seconds, self._hide)
        for index, entry in enumerate(self.entries):
            if entry.is_secret:
                self.query_one(f"#result-value-{index}", Static).update(self._shown(entry))
        buttons = self.query("#result-reveal")
        if buttons:
            buttons.first(Button).label = "Hide (v)" if revealed else "Reveal (v)"

    def _hide(self) -> None:
        self._set_revealed(False)

    # ------------------------------------------------------------- copy / open

    def action_copy(self) -> None:
        secrets = [i for i, entry in enumerate(self.entries) if entry.is_secret]
        if secrets or self.entries:
            self.copy_entry(secrets[0] if secrets else 0)

    def copy_entry(self, index: int) -> None:
        entry = self.entries[index]
        self.app.copy_to_clipboard(entry.value())
        self.notify(f"Copied {entry.label.lower()}.")

    def action_open_link(self) -> None:
        index = next((i for i, entry in enumerate(self.entries) if entry.link), None)
        if index is not None:
            self.open_entry(index)

    def open_entry(self, index: int) -> None:
        url = self.entries[index].value()
        opened = False
        if urlsplit(url).scheme.lower() not in WEB_SCHEMES:
            # a link from the server is data: a file: or app-handler URL is never launched
            self.notify(url, title="Not opened: not a web link", severity="warning")
            return
        if self.open_browser:
            try:
                opened = webbrowser.open(url)
            except webbrowser.Error:
                opened = False
        self.notify(url, title="Opened in browser" if opened else "Open this URL")

    @on(Button.Pressed, ".result-button")
    def _entry_button(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        kind, _, number = button_id.removeprefix("result-").partition("-")
        if not number.isdigit():
            return
        if kind == "copy":
            self.copy_entry(int(number))
        elif kind == "open":
            self.open_entry(int(number))

    @on(Button.Pressed, "#result-reveal")
    def _reveal_pressed(self) -> None:
        self.action_toggle_reveal()

    @on(Button.Pressed, "#result-close")
    def _close_pressed(self) -> None:
        self.action_close()

    def action_close(self) -> None:
        if self._hide_timer is not None:
            self._hide_timer.stop()
        self.dismiss(None)
