"""The request inspector: the service layer's request log, live. Never a header or a key."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Label

from workos_tui.api.requestlog import RequestLog, RequestRecord
from workos_tui.resources.text_safety import printable

MAX_ROWS = 200


class RequestRecorded(Message):
    def __init__(self, record: RequestRecord) -> None:
        super().__init__()
        self.record = record


class RequestInspector(Vertical):
    """Method, path, status, duration, request id and attempts of recent requests."""

    HELP = """
## Request inspector

The requests the console made, newest at the bottom: method, path (secrets removed), status,
duration, request id and attempts. **Ctrl+R** hides it.
"""

    DEFAULT_CSS = """
    RequestInspector {
        dock: bottom;
        height: 12;
        border-top: hkey $accent;
        background: $surface;
    }
    RequestInspector > Label { text-style: bold; padding: 0 1; }
    RequestInspector DataTable { height: 1fr; }
    """

    def __init__(self, request_log: RequestLog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.request_log = request_log
        self._unsubscribe: Callable[[], None] | None = None

    def compose(self) -> ComposeResult:
        yield Label("Requests")
        yield DataTable(id="inspector-table", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one("#inspector-table", DataTable)
        table.add_columns("Method", "Path", "Status", "ms", "Request id", "Attempts", "Error")
        for record in self.request_log.records()[-MAX_ROWS:]:
            self._add(record)
        self._unsubscribe = self.request_log.subscribe(self._on_record)

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_record(self, record: RequestRecord) -> None:
        self.post_message(RequestRecorded(record))

    def on_request_recorded(self, message: RequestRecorded) -> None:
        message.stop()
        self._add(message.record)

    def _add(self, record: RequestRecord) -> None:
        table = self.query_one("#inspector-table", DataTable)
        status = str(record.status) if record.status is not None else "—"
        cells = (
            record.method,
            record.target,
            status,
            f"{record.duration_ms:.0f}",
            record.request_id or "—",
            str(record.attempts),
            record.error or "",
        )
        # A DataTable parses a str cell as markup: every cell goes in as plain text.
        table.add_row(*(Text(printable(cell)) for cell in cells))
        while table.row_count > MAX_ROWS:
            first = next(iter(table.rows))
            table.remove_row(first)
        table.move_cursor(row=table.row_count - 1)
