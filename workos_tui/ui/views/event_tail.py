"""Live event tail (``:tail``): follows ``GET /events`` with the ``after`` cursor, newest at the
bottom.

The cursor, the filters, the rate and the back-off are :mod:`workos_tui.resources.tail` (no UI).
A poll is a short worker (group ``event-tail``) started by a timer; the next timer is set when
its answer arrives, at the polling interval, stretched after a 429. A filter change or a pause
cancels the poll on its way and its answer is dropped (each poll carries the tail's token).
**Enter** on an event opens the record it is about.
"""

from __future__ import annotations

import time
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from workos_tui.api.errors import RateLimitedError, WorkOSError
from workos_tui.api.models.common import Picks
from workos_tui.api.models.events import Event
from workos_tui.resources.tail import (
    Backoff,
    EventTail,
    RateMeter,
    TailFilter,
    event_subject,
    summarize,
)
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.object_picker import ObjectPicker
from workos_tui.ui.widgets.resource_view import ResourceView
from workos_tui.ui.widgets.row_table import RowTable, RowTableColumn

DEFAULT_INTERVAL = 5.0
"""Seconds between two polls (see :meth:`EventTailView.poll_every`)."""
MAX_ROWS = 2000
"""The oldest events leave the table past this many."""
GROUP = "event-tail"


class TailPolled(Message):
    def __init__(self, token: int, events: list[Event], backlog: bool) -> None:
        super().__init__()
        self.token = token
        self.events = events
        self.backlog = backlog
        """The tail's opening events (recent, not arrivals: the rate leaves them out)."""


class TailFailed(Message):
    def __init__(self, token: int, error: WorkOSError) -> None:
        super().__init__()
        self.token = token
        self.error = error


class EventTailView(Vertical):
    """The environment's events as they happen."""

    HELP = """
## Live event tail

`:tail` follows the environment's events (`GET /events` with the `after` cursor), newest at the
bottom; it opens on the last 50. **Types** filters by event type (`user.created`, or a prefix
such as `dsync.` or `authentication.*`, several separated by spaces), **Organization** by one
(type its name, ↓ ↑ Enter, or an `org_…` id); **Enter** in either restarts the tail with them.

**Space** pauses and resumes, **Enter** on an event opens the record it is about (its
organization, user, connection, directory, membership, invitation…), **End** jumps to the newest.
The status line shows the rate (events per minute over the last minute) and the polling
interval; after a 429 the interval doubles (or follows `Retry-After`) until a poll succeeds.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_pause", "Pause/resume", id="tail.pause"),
        Binding("ctrl+l", "focus_filters", "Filters", id="tail.filters"),
        Binding("ctrl+e", "clear", "Clear", id="tail.clear"),
    ]

    def __init__(
        self,
        context: ConsoleContext,
        *,
        interval: float = DEFAULT_INTERVAL,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="insight-view event-tail")
        self.context = context
        self.tail = EventTail()
        self.backoff = Backoff(interval)
        self.rate = RateMeter()
        self.paused = False
        self.polling = False
        self.events: list[Event] = []
        self.problem = ""
        self._token = 0
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="insight-filters"):
            yield Label("Types", classes="insight-label")
            yield Input(
                " ".join(self.tail.filter.types),
                placeholder="all types (e.g. organization. user.created)",
                id="tail-types",
            )
            yield Label("Organization", classes="insight-label")
            yield ObjectPicker(Picks("organizations"), id="tail-org")
        yield Static("", id="tail-status", classes="insight-status")
        yield RowTable(id="tail-table")

    def on_mount(self) -> None:
        self.table.set_columns(
            [
                RowTableColumn("Time", 24),
                RowTableColumn("Event", 36),
                RowTableColumn("About"),
            ]
        )
        self.table.set_placeholder("Waiting for events…")
        self.rate.start(time.monotonic())
        self._poll_now()

    def show_target(self, target: str) -> None:
        """``:tail TYPES`` follows only those event types."""
        if not self.is_mounted:
            self.tail.restart(TailFilter.parse(target))
            return
        self.query_one("#tail-types", Input).value = target
        self.restart(target, self.query_one("#tail-org", Input).value)

    @property
    def table(self) -> RowTable:
        return self.query_one("#tail-table", RowTable)

    @property
    def status_text(self) -> str:
        return str(self.query_one("#tail-status", Static).render())

    def focus(self, scroll_visible: bool = True) -> EventTailView:
        self.table.focus(scroll_visible)
        return self

    # ------------------------------------------------------------------ polling

    def poll_every(self, seconds: float) -> None:
        """Poll every ``seconds`` from now on (the next poll comes after that long)."""
        self.backoff = Backoff(seconds)
        if self._timer is not None and not self.polling:
            self._schedule()

    def _schedule(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = None
        if not self.paused:
            self._timer = self.set_timer(self.backoff.current, self._poll_now)

    def poll_now(self) -> None:
        """Poll at once (the timer restarts from the answer)."""
        if self._timer is not None:
            self._timer.stop()
        self._poll_now()

    def _poll_now(self) -> None:
        self._timer = None
        if self.paused:
            return
        if not self.display:  # another area is shown: no request until the tail is again
            self._schedule()
            return
        self.polling = True
        self._poll(self._token)

    @work(exclusive=True, group=GROUP)
    async def _poll(self, token: int) -> None:
        backlog = not self.tail.started
        try:
            events = await self.tail.poll(self.context.workos)
        except WorkOSError as error:
            self.post_message(TailFailed(token, error))
            return
        self.post_message(TailPolled(token, events, backlog))

    def _stop_polling(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.workers.cancel_group(self, GROUP)
        self.polling = False

    @on(TailPolled)
    def _polled(self, message: TailPolled) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.polling = False
        self.problem = ""
        self.backoff.succeeded()
        if not message.backlog:
            self.rate.add(time.monotonic(), len(message.events))
        self._append(message.events)
        self._show_status()
        self._schedule()

    @on(TailFailed)
    def _failed(self, message: TailFailed) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.polling = False
        if isinstance(message.error, RateLimitedError):
            wait = self.backoff.rate_limited(message.error.retry_after)
            self.problem = f"Rate limited (429): next poll in {wait:g} s"
        else:
            self.problem = describe_error(message.error).one_line()
        self._show_status()
        self._schedule()

    # ------------------------------------------------------------------ rows

    def _append(self, events: list[Event]) -> None:
        if not events:
            if not self.events:
                self.table.set_placeholder("No events yet: waiting for the next one…")
            return
        table = self.table
        follow = not self.events or table.cursor_row >= len(self.events) - 1
        self.events.extend(events)
        table.set_placeholder(None)
        if len(self.events) > MAX_ROWS:
            dropped = len(self.events) - MAX_ROWS
            self.events = self.events[dropped:]
            table.replace_rows(
                [self._cells(e) for e in self.events], max(0, table.cursor_row - dropped)
            )
        else:
            table.add_rows(self._cells(e) for e in events)
        if follow:
            table.move_cursor(row=len(self.events) - 1)

    @staticmethod
    def _cells(event: Event) -> list[str]:
        return [event.created_at, event.event, summarize(event)]

    def _show_status(self) -> None:
        if self.paused:
            state = "Paused (Space resumes)"
        elif self.problem:
            state = self.problem
        else:
            state = f"Following · every {self.backoff.current:g} s"
        rate = self.rate.per_minute(time.monotonic())
        filters = " ".join(self.tail.filter.types) or "all types"
        org = self.tail.filter.organization_id
        where = f"{filters}{' in ' + org if org else ''}"
        line = f"{state} · {len(self.events)} events · {rate:.1f}/min · {where}"
        status = self.query_one("#tail-status", Static)
        status.update(plain(line))
        status.set_classes("insight-status" + (" -problem" if self.problem else ""))

    # ------------------------------------------------------------------ actions

    def action_toggle_pause(self) -> None:
        self.paused = not self.paused
        if self.paused:
            self._token += 1  # a poll on its way is dropped
            self._stop_polling()
        else:
            self.rate.start(time.monotonic())
            self._poll_now()
        self._show_status()

    def action_focus_filters(self) -> None:
        self.query_one("#tail-types", Input).focus()

    def action_clear(self) -> None:
        self.events = []
        self.table.clear()
        self._show_status()

    @on(Input.Submitted, "#tail-types, #tail-org")
    def _filters_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.restart(
            self.query_one("#tail-types", Input).value, self.query_one("#tail-org", Input).value
        )
        self.table.focus()

    @on(ObjectPicker.Picked, "#tail-org")
    def _organization_picked(self, event: ObjectPicker.Picked) -> None:
        event.stop()
        self.restart(self.query_one("#tail-types", Input).value, event.choice.value)
        self.table.focus()

    def restart(self, types: str, organization_id: str = "") -> None:
        """Follow other events: the table starts again from their recent backlog."""
        self._token += 1
        self._stop_polling()
        self.tail.restart(TailFilter.parse(types, organization_id))
        self.events = []
        self.table.clear()
        self.table.set_placeholder("Waiting for events…")
        self.rate.start(time.monotonic())
        self.problem = ""
        if not self.paused:
            self._poll_now()
        self._show_status()

    @on(RowTable.RowSelected, "#tail-table")
    def _event_chosen(self, message: RowTable.RowSelected) -> None:
        message.stop()
        if not 0 <= message.cursor_row < len(self.events):
            return
        event = self.events[message.cursor_row]
        subject = event_subject(event)
        if subject is None:
            self.notify(f"{event.event} is not about a record the console lists.")
            return
        self.post_message(
            ResourceView.OpenRelated(subject.resource, {"id": subject.id}, subject.title)
        )
