"""An error panel: what failed, why, the request id, and how to retry."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Static

from workos_tui.api.errors import WorkOSError
from workos_tui.ui.error_text import describe_error


class ErrorPanel(Vertical):
    """Shown in place of a list whose request failed. Never a traceback."""

    DEFAULT_CSS = """
    ErrorPanel {
        height: auto;
        border: round $error;
        padding: 0 1;
        margin: 1 2;
    }
    ErrorPanel #error-title { text-style: bold; color: $error; }
    ErrorPanel #error-request-id { color: $text-muted; }
    ErrorPanel Button { margin-top: 1; }
    """

    class RetryRequested(Message):
        """The user asked to retry the failed request."""

    def compose(self) -> ComposeResult:
        yield Static(id="error-title")
        yield Static(id="error-message")
        yield Static(id="error-request-id")
        yield Button("Retry (r)", id="error-retry", variant="error")

    def show_error(self, error: WorkOSError) -> None:
        text = describe_error(error)
        self.query_one("#error-title", Static).update(Content(text.title))
        detail = text.message if not text.operation else f"{text.message} — {text.operation}"
        self.query_one("#error-message", Static).update(Content(f"{detail}\n{text.hint}"))
        request = f"request id: {text.request_id}" if text.request_id else "no request id"
        self.query_one("#error-request-id", Static).update(Content(request))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RetryRequested())
