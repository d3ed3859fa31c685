"""RBAC matrix (``:rbac [ORGANIZATION]``): permissions x roles as a grid, with counts.

Rows are the environment's permissions, columns its roles and, once an organization is chosen,
that organization's custom roles. **Space** (or **Enter**) on a cell stages granting or revoking
it; **Ctrl+S** shows the review (per role, the permissions added and removed) and applies it with
one set-permissions call per role after a confirmation (typed in production); read-only
profiles refuse. The matrix and its changes are :mod:`workos_tui.resources.rbac` (no UI).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.common import Picks
from workos_tui.resources.rbac import Matrix, RoleChange, apply_changes, load_matrix
from workos_tui.resources.text_safety import printable
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.object_picker import ObjectPicker

LOAD_GROUP = "rbac-load"
APPLY_GROUP = "rbac-apply"
GRANTED, ABSENT, ADDING, REMOVING = "✔", "·", "+ ✔", "- ·"
FIXED_COLUMNS = 2
"""The permission and its count come before the role columns."""


class MatrixLoaded(Message):
    def __init__(self, token: int, matrix: Matrix | None, error: WorkOSError | None) -> None:
        super().__init__()
        self.token = token
        self.matrix = matrix
        self.error = error


class ChangesApplied(Message):
    def __init__(self, token: int, count: int, error: WorkOSError | None) -> None:
        super().__init__()
        self.token = token
        self.count = count
        self.error = error


def review_text(changes: list[RoleChange]) -> str:
    lines: list[str] = []
    for change in changes:
        lines += change.describe()
    return "\n".join(lines)


class RbacMatrixView(Vertical):
    """Who can do what: roles x permissions."""

    HELP = """
## RBAC matrix

`:rbac` shows the environment's permissions (rows) against its roles (columns), with how many
roles grant each permission and how many permissions each role grants. Pick an organization
(type its name, ↓ ↑ Enter, or an `org_…` id; `:rbac org_…`) to add its custom roles, marked
*(org)*.

**Space** or **Enter** on a cell stages granting (`+ ✔`) or revoking (`- ·`) it. **Ctrl+S**
reviews the staged changes and applies them, one set-permissions call per role, after you
confirm (in production you type `apply`). **Ctrl+Z** discards them, **Ctrl+R** reads again.
A read-only profile refuses to apply.
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_cell", "Toggle", id="rbac.toggle"),
        Binding("ctrl+s", "apply", "Review & apply", id="rbac.apply"),
        Binding("ctrl+z", "discard", "Discard", id="rbac.discard"),
        Binding("ctrl+r,f5", "reload", "Reload", id="rbac.reload"),
        Binding("ctrl+l", "focus_organization", "Organization", id="rbac.organization"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="insight-view rbac-matrix")
        self.context = context
        self.organization_id = ""
        self.matrix: Matrix | None = None
        self.applying = False
        self._token = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="insight-filters"):
            yield Label("Organization", classes="insight-label")
            yield ObjectPicker(Picks("organizations"), value=self.organization_id, id="rbac-org")
        yield Static("", id="rbac-status", classes="insight-status")
        yield DataTable(id="rbac-table", cursor_type="cell", zebra_stripes=True)

    def on_mount(self) -> None:
        self._load()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#rbac-table", DataTable)

    @property
    def status_text(self) -> str:
        return str(self.query_one("#rbac-status", Static).render())

    def focus(self, scroll_visible: bool = True) -> RbacMatrixView:
        self.table.focus(scroll_visible)
        return self

    def show_target(self, target: str) -> None:
        """``:rbac org_…`` adds that organization's custom roles."""
        self.organization_id = target.strip()
        if self.is_mounted:
            self.query_one("#rbac-org", ObjectPicker).value = self.organization_id
            self._load()

    # ------------------------------------------------------------------ loading

    def _load(self) -> None:
        self._token += 1
        self._status("Reading roles and permissions…")
        self._read(self._token, self.organization_id)

    @work(exclusive=True, group=LOAD_GROUP)
    async def _read(self, token: int, organization_id: str) -> None:
        try:
            matrix = await load_matrix(self.context.workos, organization_id)
        except WorkOSError as error:
            self.post_message(MatrixLoaded(token, None, error))
            return
        self.post_message(MatrixLoaded(token, matrix, None))

    @on(MatrixLoaded)
    def _loaded(self, message: MatrixLoaded) -> None:
        message.stop()
        if message.token != self._token:
            return
        if message.error is not None or message.matrix is None:
            assert message.error is not None
            self._status(describe_error(message.error).one_line(), "-problem")
            return
        self.matrix = message.matrix
        self._draw_grid()
        self._summary()

    @on(ObjectPicker.Picked, "#rbac-org")
    def _organization_picked(self, event: ObjectPicker.Picked) -> None:
        event.stop()
        self.organization_id = event.choice.value
        self._load()

    @on(Input.Submitted, "#rbac-org")
    def _organization_typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.organization_id = event.value.strip()
        self._load()
        self.table.focus()

    # ------------------------------------------------------------------ grid

    def _cell(self, role_key: str, permission: str) -> str:
        assert self.matrix is not None
        has = self.matrix.has(role_key, permission)
        if self.matrix.changed(role_key, permission):
            return ADDING if has else REMOVING
        return GRANTED if has else ABSENT

    def _draw_grid(self) -> None:
        matrix = self.matrix
        assert matrix is not None
        table = self.table
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        table.add_column(Text("Permission"), key="permission")
        table.add_column(Text("Roles"), key="count")
        for column in matrix.columns:
            label = f"{column.label} ({matrix.role_count(column.key)})"
            table.add_column(Text(printable(label)), key=column.key)
        for permission in matrix.permissions:
            cells = [
                Text(printable(permission.slug)),
                Text(str(matrix.permission_count(permission.slug)), justify="right"),
            ]
            cells += [Text(self._cell(c.key, permission.slug)) for c in matrix.columns]
            table.add_row(*cells, key=permission.slug)
        if table.row_count:
            table.cursor_coordinate = Coordinate(
                min(cursor.row, table.row_count - 1),
                max(FIXED_COLUMNS, min(cursor.column, len(table.columns) - 1)),
            )

    def cell_at(self, permission: str, role_key: str) -> str:
        """What the grid shows for ``permission`` x ``role_key`` (tests read the view by it)."""
        row = self.table.get_row_index(permission)
        column = self.table.get_column_index(role_key)
        return str(self.table.get_cell_at(Coordinate(row, column)))

    def move_to(self, permission: str, role_key: str) -> None:
        self.table.cursor_coordinate = Coordinate(
            self.table.get_row_index(permission), self.table.get_column_index(role_key)
        )

    def _summary(self) -> None:
        matrix = self.matrix
        if matrix is None:
            return
        changes = matrix.changes()
        org_roles = sum(1 for c in matrix.columns if c.scope == "organization")
        text = f"{len(matrix.permissions)} permissions x {len(matrix.columns)} roles" + (
            f" ({org_roles} of {matrix.organization_id})" if matrix.organization_id else ""
        )
        if changes:
            toggles = sum(len(c.added) + len(c.removed) for c in changes)
            text += f" · {toggles} staged on {len(changes)} role(s): Ctrl+S reviews"
        self._status(text, "-warning" if changes else "")

    def _status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#rbac-status", Static)
        status.update(plain(text))
        status.set_classes(f"insight-status {kind}".strip())

    # ------------------------------------------------------------------ actions

    def action_toggle_cell(self) -> None:
        matrix = self.matrix
        coordinate = self.table.cursor_coordinate
        if matrix is None or coordinate.column < FIXED_COLUMNS or self.applying:
            return
        permission = matrix.permissions[coordinate.row].slug
        column = matrix.columns[coordinate.column - FIXED_COLUMNS]
        matrix.toggle(column.key, permission)
        self._draw_grid()
        self._summary()

    @on(DataTable.CellSelected, "#rbac-table")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_toggle_cell()

    def action_discard(self) -> None:
        if self.matrix is not None:
            self.matrix.discard_changes()
            self._draw_grid()
            self._summary()

    def action_reload(self) -> None:
        self._load()

    def action_focus_organization(self) -> None:
        self.query_one("#rbac-org", ObjectPicker).focus()

    def action_apply(self) -> None:
        from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen

        matrix = self.matrix
        changes = matrix.changes() if matrix is not None else []
        if not changes:
            self.notify("No staged change: Space on a cell stages one.")
            return
        if self.context.read_only:
            message = "Read-only profile: the staged permission changes were not applied."
            self._status(message, "-problem")
            self.notify(message, title="Read-only", severity="error")
            return
        environment = self.context.environment
        title = f"Set the permissions of {len(changes)} role(s)"
        body = review_text(changes)
        if environment.is_production:
            self.app.push_screen(
                TypedConfirmScreen(f"{title} in PRODUCTION?", body, "apply", label="Apply"),
                self._confirmed,
            )
        else:
            self.app.push_screen(ConfirmScreen(f"{title}?", body, yes="Apply"), self._confirmed)

    def _confirmed(self, ok: bool | None) -> None:
        if not ok or self.matrix is None:
            return
        self.applying = True
        self._token += 1
        self._status("Applying…")
        self._apply(self._token, self.matrix)

    @work(exclusive=True, group=APPLY_GROUP)
    async def _apply(self, token: int, matrix: Matrix) -> None:
        count = len(matrix.changes())
        try:
            await apply_changes(self.context.workos, matrix)
        except WorkOSError as error:
            self.post_message(ChangesApplied(token, count, error))
            return
        self.post_message(ChangesApplied(token, count, None))

    @on(ChangesApplied)
    def _applied(self, message: ChangesApplied) -> None:
        message.stop()
        self.applying = False
        if self.matrix is not None:
            self._draw_grid()
        if message.error is not None:
            text = describe_error(message.error).one_line()
            self._status(f"Not every change was applied: {text}", "-problem")
            return
        self._summary()
        self.notify(f"Permissions of {message.count} role(s) set.")
