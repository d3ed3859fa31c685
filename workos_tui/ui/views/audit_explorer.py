"""Audit-log explorer (``:audit [ORGANIZATION]``): export an organization's audit-log events,
then browse them with facets and a full-text filter.

One worker (group ``audit-export``) creates the export, polls it (each state posted as progress),
downloads the CSV to the file named in *Save to* and reads it; **Escape** (or **Ctrl+X**)
cancels it at any step, and a cancelled or older run's messages are dropped. The export, the
download, the reading and the counting are :mod:`workos_tui.resources.audit_facets` (no UI).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.audit_logs import AuditLogExport, AuditLogExportCreate
from workos_tui.api.models.common import Picks
from workos_tui.resources.audit_facets import (
    FACETS,
    POLL_SECONDS,
    AuditRecord,
    ExportFailed,
    download,
    facets,
    matching,
    parse_export,
    run_export,
)
from workos_tui.resources.export import default_export_path
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views import ToolView
from workos_tui.ui.widgets.object_picker import ObjectPicker
from workos_tui.ui.widgets.row_table import RowTable, RowTableColumn

GROUP = "audit-export"
FACET_VALUES_SHOWN = 12
FACET_TITLES = {"actor": "Actor", "action": "Action", "target": "Target", "day": "Day"}


class ExportProgress(Message):
    def __init__(self, token: int, text: str) -> None:
        super().__init__()
        self.token = token
        self.text = text


class ExportDone(Message):
    def __init__(
        self, token: int, records: list[AuditRecord] | None, path: Path | None, problem: str
    ) -> None:
        super().__init__()
        self.token = token
        self.records = records
        self.path = path
        self.problem = problem


def _list(text: str) -> list[str] | None:
    values = [v.strip() for v in text.split(",") if v.strip()]
    return values or None


class AuditExplorerView(ToolView):
    """What happened in an organization, and who did it."""

    HELP = """
## Audit-log explorer

`:audit [ORGANIZATION]` exports an organization's audit-log events and lets you browse them.
Pick the organization (type its name, ↓ ↑ Enter, or an `org_…` id), the time range (ISO 8601),
and optionally actions, actor names and target types (comma separated); **F5** creates the
export, polls it until it is ready (the status line shows each state), downloads the CSV to
*Save to* (your downloads folder unless you change it; an existing file is never overwritten)
and reads it. **Escape** or **Ctrl+X** cancels at any step.

The facets on the left count the events by actor, action, target type and day; **Enter** on a
value keeps only its events (again: all of them). **Ctrl+F** filters the table by any text in a
row.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "export", "Export", id="audit.export"),
        Binding("escape,ctrl+x", "cancel", "Cancel", id="audit.cancel"),
        Binding("ctrl+f", "focus_search", "Search", id="audit.search"),
        Binding("ctrl+l", "focus_organization", "Organization", id="audit.organization"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="insight-view audit-explorer")
        self.context = context
        self.organization_id = ""
        self.poll_interval = POLL_SECONDS
        self.records: list[AuditRecord] = []
        self.shown: list[AuditRecord] = []
        self.chosen: dict[str, str] = {}
        self.path: Path | None = None
        self.running = False
        self._facet_rows: list[tuple[str, str] | None] = []
        self._token = 0

    def compose(self) -> ComposeResult:
        now = datetime.now(UTC).replace(microsecond=0)
        start = (now - timedelta(days=30)).isoformat().replace("+00:00", "Z")
        with Horizontal(classes="insight-filters"):
            yield Label("Organization", classes="insight-label")
            yield ObjectPicker(Picks("organizations"), value=self.organization_id, id="audit-org")
            yield Label("From", classes="insight-label")
            yield Input(start, id="audit-start")
            yield Label("To", classes="insight-label")
            yield Input(now.isoformat().replace("+00:00", "Z"), id="audit-end")
        with Horizontal(classes="insight-filters"):
            yield Label("Actions", classes="insight-label")
            yield Input(placeholder="all", id="audit-actions")
            yield Label("Actors", classes="insight-label")
            yield Input(placeholder="all (names)", id="audit-actors")
            yield Label("Targets", classes="insight-label")
            yield Input(placeholder="all (types)", id="audit-targets")
        with Horizontal(classes="insight-filters"):
            yield Label("Save to", classes="insight-label")
            yield Input(str(default_export_path("audit-log-export")), id="audit-path")
        yield Static(
            plain("Pick an organization and press F5 to export its events."),
            id="audit-status",
            classes="insight-status",
        )
        with Horizontal(classes="audit-body"):
            yield OptionList(id="audit-facets")
            with Vertical(classes="audit-events"):
                yield Input(placeholder="filter by any text (Ctrl+F)", id="audit-search")
                yield RowTable(id="audit-table")

    def on_mount(self) -> None:
        self.table.set_columns(
            [
                RowTableColumn("Occurred", 24),
                RowTableColumn("Action"),
                RowTableColumn("Actor"),
                RowTableColumn("Targets"),
            ]
        )

    @property
    def table(self) -> RowTable:
        return self.query_one("#audit-table", RowTable)

    @property
    def facet_list(self) -> OptionList:
        return self.query_one("#audit-facets", OptionList)

    @property
    def status_text(self) -> str:
        return str(self.query_one("#audit-status", Static).render())

    def facet_texts(self) -> list[str]:
        return [
            str(self.facet_list.get_option_at_index(k).prompt)
            for k in range(self.facet_list.option_count)
        ]

    def focus(self, scroll_visible: bool = True) -> AuditExplorerView:
        self.query_one("#audit-org", ObjectPicker).focus(scroll_visible)
        return self

    async def show_example(self) -> None:
        """Fixed dates and file name instead of today's (the screenshots)."""
        self.query_one("#audit-start", Input).value = "2026-01-01T00:00:00Z"
        self.query_one("#audit-end", Input).value = "2026-01-31T23:59:59Z"
        self.query_one("#audit-path", Input).value = "~/Downloads/audit-log-export.csv"

    def show_target(self, target: str) -> None:
        """``:audit org_…`` fills in the organization."""
        self.organization_id = target.strip()
        if self.is_mounted:
            self.query_one("#audit-org", ObjectPicker).value = self.organization_id

    # ------------------------------------------------------------------ exporting

    def _value(self, selector: str) -> str:
        return self.query_one(selector, Input).value.strip()

    def action_export(self) -> None:
        organization = self._value("#audit-org")
        if not organization:
            self._status("Pick an organization first.", "-problem")
            return
        try:
            request = AuditLogExportCreate(
                organization_id=organization,
                range_start=self._value("#audit-start"),
                range_end=self._value("#audit-end"),
                actions=_list(self._value("#audit-actions")),
                actor_names=_list(self._value("#audit-actors")),
                targets=_list(self._value("#audit-targets")),
            )
        except ValueError as error:
            self._status(f"Not a valid export: {error}", "-problem")
            return
        path = Path(self._value("#audit-path")).expanduser()
        self._token += 1
        self.running = True
        self.refresh_bindings()
        self._status(f"Creating the export of {organization}…")
        self._export(self._token, request, path)

    @work(exclusive=True, group=GROUP)
    async def _export(self, token: int, request: AuditLogExportCreate, path: Path) -> None:
        def polled(export: AuditLogExport, polls: int) -> None:
            text = f"Export {export.id}: {export.state}"
            self.post_message(ExportProgress(token, text + (f" (poll {polls})" if polls else "")))

        def received(size: int) -> None:
            self.post_message(ExportProgress(token, f"Downloading: {size:,} bytes"))

        try:
            export = await run_export(
                self.context.workos, request, polled, interval=self.poll_interval
            )
            assert export.url is not None
            await download(export.url, path, received)
            records = parse_export(path.read_text(encoding="utf-8", errors="replace"))
        except WorkOSError as error:
            self.post_message(ExportDone(token, None, None, describe_error(error).one_line()))
            return
        except (ExportFailed, OSError, ValueError) as error:
            self.post_message(ExportDone(token, None, None, str(error)))
            return
        except Exception as error:  # httpx's errors while downloading
            self.post_message(ExportDone(token, None, None, f"Download failed: {error}"))
            return
        self.post_message(ExportDone(token, records, path, ""))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.running  # Escape means cancel only while an export runs
        return True

    def action_cancel(self) -> None:
        if not self.running:
            return
        self._token += 1
        self.running = False
        self.workers.cancel_group(self, GROUP)
        self.refresh_bindings()
        self._status("Cancelled: nothing was saved.", "-problem")

    @on(ExportProgress)
    def _progress(self, message: ExportProgress) -> None:
        message.stop()
        if message.token == self._token:
            self._status(message.text)

    @on(ExportDone)
    def _done(self, message: ExportDone) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.running = False
        self.refresh_bindings()
        if message.records is None:
            self._status(message.problem, "-problem")
            return
        self.records = message.records
        self.path = message.path
        self.chosen = {}
        self._show()
        self._status(f"{len(self.records)} events, saved to {message.path}", "-ok")
        self.facet_list.focus()

    # ------------------------------------------------------------------ browsing

    def _show(self) -> None:
        search = self._value("#audit-search")
        self.shown = matching(self.records, self.chosen, search)
        counts = facets(self.shown)
        rows: list[tuple[str, str] | None] = []
        options: list[Option] = []
        for facet in FACETS:
            title = FACET_TITLES[facet]
            picked = self.chosen.get(facet)
            header = f"{title}" + (f" = {picked} (Enter: all)" if picked else "")
            options.append(Option(plain(header).stylize("bold")))
            rows.append((facet, "") if picked else None)
            for value, count in counts[facet].most_common(FACET_VALUES_SHOWN):
                options.append(Option(Content("  ") + plain(f"{value}  {count}")))
                rows.append((facet, value))
        self._facet_rows = rows
        self.facet_list.clear_options()
        self.facet_list.add_options(options)
        self.table.replace_rows(
            [[r.occurred_at, r.action, r.actor, ", ".join(r.targets)] for r in self.shown],
            0,
        )

    @on(OptionList.OptionSelected, "#audit-facets")
    def _facet_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = (
            self._facet_rows[event.option_index]
            if event.option_index < len(self._facet_rows)
            else None
        )
        if row is None:
            return
        facet, value = row
        if value:
            self.chosen[facet] = value
        else:
            self.chosen.pop(facet, None)
        self._show()

    @on(Input.Changed, "#audit-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.records:
            self._show()

    @on(ObjectPicker.Picked, "#audit-org")
    def _organization_picked(self, event: ObjectPicker.Picked) -> None:
        event.stop()
        self.organization_id = event.choice.value

    def action_focus_search(self) -> None:
        self.query_one("#audit-search", Input).focus()

    def action_focus_organization(self) -> None:
        self.query_one("#audit-org", ObjectPicker).focus()

    def _status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#audit-status", Static)
        status.update(plain(text))
        status.set_classes(f"insight-status {kind}".strip())
