"""The resource table: rows of a declaration's columns, appended page by page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.binding import Binding
from textual.widgets import DataTable

from workos_tui.resources.base import ResourceType

LOADING_ROW = "__loading__"


class ResourceTable(DataTable[str]):
    """A DataTable whose row keys are indexes into the view's loaded items.

    A trailing "Loading…" row is shown while the next page is on its way.
    """

    HELP = """
## Resource list

- **↑ ↓ PgUp PgDn Home End** move; more rows load before you reach the end.
- **/** filters the loaded rows; **f** edits the server-side filters.
- **o** toggles newest/oldest first; **r** refreshes.
- **n** new, **e** edit, **d** delete, **a** more actions.
- **1-9** open a related resource; **j** raw JSON; **y / Y** copy id / JSON.
- **w** opens the WorkOS Dashboard; **x** exports the list.
"""

    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False, id="table.first"),
        Binding("end", "scroll_bottom", "Last row", show=False, id="table.last"),
    ]

    def __init__(self, resource: ResourceType, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.resource = resource
        self.loading_shown = False
        self.row_count_items = 0

    def on_mount(self) -> None:
        for column in self.resource.columns:
            self.add_column(column.title, key=column.key, width=column.width)

    def render_cells(self, item: Any) -> list[str]:
        return [column.render(item) for column in self.resource.columns]

    def append_rows(self, rows: Sequence[list[str]]) -> None:
        """Append rendered rows; row ``i`` of the table is the view's visible item ``i``."""
        if self.loading_shown:
            self.set_loading_row(False)
        self.add_rows(rows)
        self.row_count_items += len(rows)

    def reset(self) -> None:
        self.clear()
        self.loading_shown = False
        self.row_count_items = 0

    def set_loading_row(self, loading: bool) -> None:
        if loading and not self.loading_shown:
            blanks = [""] * (len(self.resource.columns) - 1)
            self.add_row("⟳ Loading…", *blanks, key=LOADING_ROW)
            self.loading_shown = True
        elif not loading and self.loading_shown:
            self.remove_row(LOADING_ROW)
            self.loading_shown = False
