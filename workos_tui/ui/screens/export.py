"""Export the current list (with its filters) to CSV, JSON or NDJSON, with progress and cancel."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.base import ResourceType
from workos_tui.resources.export import EXPORT_FORMATS, ExportFormat, ExportWriter
from workos_tui.resources.sources import PageSource
from workos_tui.ui.error_text import describe_error, unexpected_error
from workos_tui.ui.messages import ExportFailed, ExportFinished, ExportProgress
from workos_tui.ui.safe_text import plain


class ExportScreen(ModalScreen[int | None]):
    """Choose a format and a path, then stream every page of the list to the file."""

    HELP = """
## Export

Choose the format and the file (by default in your downloads folder; the full path is shown),
then **Start**. CSV holds what the list's columns show, made safe for spreadsheets (a cell that
would run as a formula starts with a quote); JSON and NDJSON hold the full records, secrets
masked. **Escape** cancels a running export (the partial file is removed) or closes the dialog.
"""

    BINDINGS = [Binding("escape", "cancel", "Cancel / close", id="export.cancel")]

    def __init__(
        self,
        resource: ResourceType,
        make_source: Callable[[], PageSource],
        default_path: Path,
        filters: Mapping[str, Any],
    ) -> None:
        super().__init__()
        self.resource = resource
        self.make_source = make_source
        self.default_path = default_path
        self.filters = dict(filters)
        self.running = False
        self.rows = 0

    def compose(self) -> ComposeResult:
        filters = ", ".join(f"{k}={v}" for k, v in self.filters.items()) or "none"
        with Vertical(classes="dialog", id="export-dialog"):
            yield Label(plain(f"Export {self.resource.title}"), classes="dialog-title")
            yield Static(Content(f"Filters: {filters}"))
            yield Select(
                [(name.upper(), name) for name in EXPORT_FORMATS],
                value="csv",
                allow_blank=False,
                id="export-format",
            )
            yield Input(value=str(self.default_path), id="export-path")
            yield Static(
                Content("CSV holds what the columns show; JSON and NDJSON the full records.")
            )
            yield ProgressBar(total=None, show_eta=False, id="export-progress")
            yield Static(id="export-status")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Start", id="export-start", variant="primary")
                yield Button("Cancel", id="export-cancel")

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value or str(self.default_path))
        path_input.value = str(path.with_suffix(f".{event.value}"))

    @on(Button.Pressed, "#export-start")
    def _start_pressed(self) -> None:
        self.start_export()

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def start_export(self) -> None:
        if self.running:
            return
        selected = self.query_one("#export-format", Select).value
        export_format: ExportFormat = "csv"
        for name in EXPORT_FORMATS:
            if selected == name:
                export_format = name
        path = Path(self.query_one("#export-path", Input).value).expanduser().absolute()
        self.running = True
        self.rows = 0
        self.query_one("#export-start", Button).disabled = True
        self._status(f"Exporting to {path}…")
        self._export(path, export_format)

    def _status(self, text: str) -> None:
        self.query_one("#export-status", Static).update(Content(text))

    @work(exclusive=True, group="export")
    async def _export(self, path: Path, export_format: ExportFormat) -> None:
        source = self.make_source()
        finished = False
        try:
            with path.open("w", encoding="utf-8", newline="") as stream:
                writer = ExportWriter(
                    stream, export_format, self.resource.secret_fields, self.resource.columns
                )
                while source.has_more:
                    items = await source.next_page()
                    if not items:
                        break
                    writer.write(items)
                    self.post_message(ExportProgress(writer.rows))
                writer.close()
                finished = True
            self.post_message(ExportFinished(writer.rows, str(path)))
        except (WorkOSError, OSError) as error:
            self.post_message(ExportFailed(error))
        except Exception as exc:
            self.post_message(ExportFailed(unexpected_error(exc)))
        finally:
            if not finished:
                path.unlink(missing_ok=True)

    @on(ExportProgress)
    def _progress(self, message: ExportProgress) -> None:
        self.rows = message.rows
        self.query_one("#export-progress", ProgressBar).update(progress=message.rows)
        self._status(f"{message.rows} rows written…")

    @on(ExportFinished)
    def _finished(self, message: ExportFinished) -> None:
        self.running = False
        bar = self.query_one("#export-progress", ProgressBar)
        bar.update(total=max(message.rows, 1), progress=max(message.rows, 1))
        self._status(f"Done: {message.rows} rows written to {message.path}")
        self.query_one("#export-cancel", Button).label = "Close"
        self.notify(f"Exported {message.rows} rows to {message.path}")

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self.running = False
        self.query_one("#export-start", Button).disabled = False
        error = message.error
        text = describe_error(error).one_line() if isinstance(error, WorkOSError) else str(error)
        self._status(f"Export failed: {text}")

    def action_cancel(self) -> None:
        if self.running:
            self.workers.cancel_group(self, "export")
            self.running = False
            self.query_one("#export-start", Button).disabled = False
            self._status("Export cancelled; the partial file was removed.")
            return
        self.dismiss(self.rows or None)
