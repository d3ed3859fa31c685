"""Environment diff (``:envdiff PROFILE_A PROFILE_B``): two profiles' configuration side by side.

The comparison is :mod:`workos_tui.resources.env_diff` (no UI), run in a worker (group
``env-diff``) on two facades: the console's own for the profile it is connected to (or
``current``), a new connection for any other profile, closed when the comparison ends.
"""

from __future__ import annotations

from typing import ClassVar, Protocol, runtime_checkable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Static

from workos_tui.api.environment import Environment
from workos_tui.api.errors import WorkOSError
from workos_tui.api.facade import WorkOS
from workos_tui.resources.env_diff import (
    KIND_TITLES,
    DiffEntry,
    Values,
    copy_item,
    copy_plan,
    diff_environments,
    differences,
)
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.profiles import ProfileSource
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views import ToolView
from workos_tui.ui.widgets.row_table import RowTable, RowTableColumn

GROUP = "env-diff"
CURRENT = "current"


@runtime_checkable
class HasProfiles(Protocol):
    """The console, seen from a view: the profiles it was given (None: only the current one)."""

    profiles: ProfileSource | None


class CopyDone(Message):
    def __init__(self, token: int, problem: str) -> None:
        super().__init__()
        self.token = token
        self.problem = problem


class DiffDone(Message):
    def __init__(self, token: int, entries: list[DiffEntry] | None, problem: str) -> None:
        super().__init__()
        self.token = token
        self.entries = entries
        self.problem = problem


def _values(values: Values | None) -> str:
    if values is None:
        return "—"
    parts = []
    for name, value in values.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{name}={shown}")
    return "; ".join(parts) or "present"


class EnvDiffView(ToolView):
    """Why does staging behave differently from production?"""

    HELP = """
## Environment diff

`:envdiff PROFILE_A PROFILE_B` (or type the two profile names and press **Enter**) compares the
configuration of two profiles: roles and their permissions, permissions, redirect URIs, CORS
origins, the JWT template, webhook endpoints and their events, feature flags, audit-log action
schemas and authorization resource types. Each line is `+` added (only in B), `-` removed (only
in A) or `~` changed (the fields that differ, A's value then B's), side by side.
`current` names the profile the console is connected to. **s** shows the identical items too.

**]** copies the highlighted item from A to B, **[** from B to A: roles (with their
permissions), permissions, redirect URIs, CORS origins, the JWT template, webhook endpoints (and
their events) and feature flags' state. You review the change first (in production you type its
key); a read-only profile is never changed.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r,f5", "compare", "Compare", id="envdiff.compare"),
        Binding("s", "toggle_same", "Show identical", id="envdiff.same"),
        Binding("right_square_bracket", "copy(True)", "Copy A→B", id="envdiff.copy_right"),
        Binding("left_square_bracket", "copy(False)", "Copy B→A", id="envdiff.copy_left"),
        Binding("ctrl+l", "focus_profiles", "Profiles", id="envdiff.profiles"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="insight-view env-diff")
        self.context = context
        self.left_name = ""
        self.right_name = ""
        self.entries: list[DiffEntry] = []
        self.show_same = False
        self.shown: list[DiffEntry] = []
        self._token = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="insight-filters"):
            yield Label("A", classes="insight-label")
            yield Input(self.left_name, placeholder="profile (or current)", id="envdiff-left")
            yield Label("B", classes="insight-label")
            yield Input(self.right_name, placeholder="profile", id="envdiff-right")
        yield Static(
            plain("Type two profile names and press Enter."),
            id="envdiff-status",
            classes="insight-status",
        )
        yield RowTable(id="envdiff-table")

    def on_mount(self) -> None:
        self.table.set_columns(
            [
                RowTableColumn("", 1),
                RowTableColumn("Kind", 18),
                RowTableColumn("Item"),
                RowTableColumn("A"),
                RowTableColumn("B"),
            ]
        )
        if self.left_name and self.right_name:
            self.action_compare()

    @property
    def table(self) -> RowTable:
        return self.query_one("#envdiff-table", RowTable)

    @property
    def status_text(self) -> str:
        return str(self.query_one("#envdiff-status", Static).render())

    def rows(self) -> list[list[str]]:
        return [self.table.get_row_at(k) for k in range(self.table.row_count)]

    def focus(self, scroll_visible: bool = True) -> EnvDiffView:
        if self.entries:
            self.table.focus(scroll_visible)
        else:
            self.query_one("#envdiff-left", Input).focus(scroll_visible)
        return self

    def show_target(self, target: str) -> None:
        """``:envdiff A B`` compares profiles A and B (one name: it against the current one)."""
        names = target.split()
        if len(names) == 1:
            names = [CURRENT, names[0]]
        self.left_name, self.right_name = [*names, "", ""][:2]
        if self.is_mounted:
            self.query_one("#envdiff-left", Input).value = self.left_name
            self.query_one("#envdiff-right", Input).value = self.right_name
            self.action_compare()

    # ------------------------------------------------------------------ comparing

    @on(Input.Submitted, "#envdiff-left, #envdiff-right")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.left_name = self.query_one("#envdiff-left", Input).value.strip()
        self.right_name = self.query_one("#envdiff-right", Input).value.strip()
        self.action_compare()

    def action_compare(self) -> None:
        if not self.left_name or not self.right_name:
            self._status("Type two profile names (A and B).", "-problem")
            return
        self._token += 1
        self._status(f"Reading {self.left_name} and {self.right_name}…")
        self._compare(self._token, self.left_name, self.right_name)

    def _environment(self, name: str) -> Environment | None:
        """Profile ``name``'s environment (None: the one the console is connected to)."""
        if name in (CURRENT, self.context.environment.name):
            return None
        app = self.app
        profiles = app.profiles if isinstance(app, HasProfiles) else None
        if profiles is None or name not in profiles.names():
            known = ", ".join([CURRENT, *(profiles.names() if profiles else [])])
            raise LookupError(f"No profile called {name!r} (known: {known}).")
        return profiles.load(name)

    def _facade(self, name: str) -> tuple[WorkOS, bool]:
        """The facade for profile ``name`` and whether it is a new connection (to close)."""
        environment = self._environment(name)
        if environment is None:
            return self.context.workos, False
        return WorkOS.connect(environment), True

    @work(exclusive=True, group=GROUP)
    async def _compare(self, token: int, left_name: str, right_name: str) -> None:
        opened: list[WorkOS] = []
        try:
            left, new_left = self._facade(left_name)
            if new_left:
                opened.append(left)
            right, new_right = self._facade(right_name)
            if new_right:
                opened.append(right)
            entries = await diff_environments(left, right)
        except WorkOSError as error:
            self.post_message(DiffDone(token, None, describe_error(error).one_line()))
            return
        except Exception as error:  # a profile that cannot be loaded reports its own problem
            self.post_message(DiffDone(token, None, str(error)))
            return
        finally:
            for facade in opened:
                await facade.aclose()
        self.post_message(DiffDone(token, entries, ""))

    @on(DiffDone)
    def _done(self, message: DiffDone) -> None:
        message.stop()
        if message.token != self._token:
            return
        if message.entries is None:
            self._status(message.problem, "-problem")
            return
        self.entries = message.entries
        self._show()
        self.table.focus()

    def _show(self) -> None:
        changed = differences(self.entries)
        shown = self.entries if self.show_same else changed
        self.shown = shown
        marks = {"added": "+", "removed": "-", "changed": "~", "same": "="}
        rows = []
        for entry in shown:
            left, right = entry.left, entry.right
            if entry.status == "changed":
                left = {f: (left or {}).get(f) for f in entry.fields}
                right = {f: (right or {}).get(f) for f in entry.fields}
            rows.append(
                [
                    marks[entry.status],
                    KIND_TITLES[entry.kind],
                    entry.key,
                    _values(left),
                    _values(right),
                ]
            )
        self.table.replace_rows(rows, 0)
        counts = {s: sum(1 for e in changed if e.status == s) for s in marks}
        verdict = (
            f"{self.left_name} → {self.right_name}: {len(changed)} differences "
            f"({counts['added']} added, {counts['removed']} removed, {counts['changed']} changed)"
            f" in {len(self.entries)} items"
            if changed
            else f"{self.left_name} and {self.right_name}: the same ({len(self.entries)} items)"
        )
        self._status(verdict, "-problem" if changed else "-ok")

    def _status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#envdiff-status", Static)
        status.update(plain(text))
        status.set_classes(f"insight-status {kind}".strip())

    async def show_example(self) -> None:
        """The connected profile against itself, identical items shown (the screenshots)."""
        self.show_same = True
        self.show_target(f"{CURRENT} {CURRENT}")

    def action_toggle_same(self) -> None:
        self.show_same = not self.show_same
        if self.entries:
            self._show()

    def action_focus_profiles(self) -> None:
        self.query_one("#envdiff-left", Input).focus()

    # ------------------------------------------------------------------ copying

    def action_copy(self, to_right: bool) -> None:
        from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen

        row = self.table.cursor_row
        if not self.shown or not 0 <= row < len(self.shown):
            return
        entry = self.shown[row]
        source, target = (
            (self.left_name, self.right_name) if to_right else (self.right_name, self.left_name)
        )
        plan = copy_plan(entry, to_right)
        if plan is None:
            self.notify(f"{entry.key} cannot be copied from {source} to {target}.")
            return
        try:
            environment = self._environment(target) or self.context.environment
        except Exception as error:  # a profile that cannot be loaded reports its own problem
            self._status(str(error), "-problem")
            return
        if environment.read_only:
            message = f"Read-only profile {target}: nothing was copied."
            self._status(message, "-problem")
            self.notify(message, title="Read-only", severity="error")
            return

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._token += 1
                self._status(f"Copying {entry.key} to {target}…")
                self._copy(self._token, entry, to_right, target)

        title = f"Copy to {target}"
        if environment.is_production:
            self.app.push_screen(
                TypedConfirmScreen(f"{title} (PRODUCTION)?", plan, entry.key, label="Copy"),
                confirmed,
            )
        else:
            self.app.push_screen(ConfirmScreen(f"{title}?", plan, yes="Copy"), confirmed)

    @work(exclusive=True, group=GROUP)
    async def _copy(self, token: int, entry: DiffEntry, to_right: bool, target: str) -> None:
        facade: WorkOS | None = None
        try:
            facade, opened = self._facade(target)
            await copy_item(facade, entry, to_right)
        except WorkOSError as error:
            self.post_message(CopyDone(token, describe_error(error).one_line()))
            return
        except Exception as error:  # a profile that cannot be loaded reports its own problem
            self.post_message(CopyDone(token, str(error)))
            return
        finally:
            if facade is not None and opened:
                await facade.aclose()
        self.post_message(CopyDone(token, ""))

    @on(CopyDone)
    def _copied(self, message: CopyDone) -> None:
        message.stop()
        if message.token != self._token:
            return
        if message.problem:
            self._status(f"Not copied: {message.problem}", "-problem")
            return
        self.notify("Copied.")
        self.action_compare()
