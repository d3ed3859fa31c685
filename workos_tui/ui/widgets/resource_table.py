"""The resource table: rows of a declaration's columns, appended page by page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workos_tui.resources.base import ResourceType
from workos_tui.ui.widgets.row_table import RowTable, RowTableColumn

LOADING_TEXT = "⟳ Loading…"
UNRECOGNISED_MARK = "⚠ "
"""Starts the first cell of a row whose item did not fit its model (an unparsed item)."""


def shape_issues(item: Any) -> tuple[Any, ...]:
    """Why an item did not fit its model (``WorkOSModel.shape_issues``); empty when it did."""
    issues: tuple[Any, ...] = getattr(item, "shape_issues", ())
    return issues


def unrecognised_notice(title: str, items: Sequence[Any]) -> str | None:
    """ "1 item of Organizations has an unrecognised shape: domains[0].state", or None."""
    paths: list[str] = []
    odd = 0
    for item in items:
        issues = shape_issues(item)
        if issues:
            odd += 1
            paths.extend(str(issue.path) for issue in issues if str(issue.path) not in paths)
    if not odd:
        return None
    shown = ", ".join(paths[:3]) + (", …" if len(paths) > 3 else "")
    noun = f"item of {title} has" if odd == 1 else f"items of {title} have"
    return f"{odd} {noun} an unrecognised shape: {shown}"


class ResourceTable(RowTable):
    """A :class:`RowTable` whose row ``i`` is the view's visible item ``i``.

    A trailing "Loading…" line is shown while the next page is on its way.
    """

    HELP = """
## Resource list

- **↑ ↓ PgUp PgDn Home End** move; more rows load before you reach the end.
- **/** filters the loaded rows; **f** edits the server-side filters.
- **o** toggles newest/oldest first; **s** sorts the loaded rows by the next column, **S**
  reverses; **r** refreshes, **W** watches (refreshes every few seconds).
- **n** new, **e** edit, **d** delete, **a** more actions.
- **1-9** open a related resource; **j** raw JSON; **y / Y** copy id / JSON.
- **w** opens the WorkOS Dashboard; **x** exports the list.
"""

    def __init__(
        self,
        resource: ResourceType,
        *,
        names: Mapping[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.resource = resource
        self.names: Mapping[str, str] = names if names is not None else {}
        self._named = [column.key == "organization_id" for column in resource.columns]
        self.set_columns(RowTableColumn(column.title, column.width) for column in resource.columns)

    def show_sort(self, column: int | None, descending: bool) -> None:
        """Mark the sorted column's title with ▲ or ▼ (no mark: the server's order)."""
        for index, (declared, shown) in enumerate(
            zip(self.resource.columns, self.columns, strict=True)
        ):
            mark = (" ▼" if descending else " ▲") if index == column else ""
            shown.title = declared.title + mark
        self.set_columns(self.columns)

    @property
    def loading_shown(self) -> bool:
        return self.placeholder is not None

    def render_cells(self, item: Any) -> list[str]:
        cells = [column.render(item) for column in self.resource.columns]
        if self.names:  # an organization's name where the item has only its id
            for index, named in enumerate(self._named):
                if named:
                    cells[index] = self.names.get(cells[index], cells[index])
        if cells and shape_issues(item):
            cells[0] = UNRECOGNISED_MARK + cells[0]
        return cells

    def append_rows(self, rows: Sequence[list[str]]) -> None:
        """Append rendered rows; row ``i`` of the table is the view's visible item ``i``."""
        self.add_rows(rows)

    def reset(self) -> None:
        self.clear()
        self.set_placeholder(None)

    def set_loading_row(self, loading: bool) -> None:
        self.set_placeholder(LOADING_TEXT if loading else None)
