"""``RowTable``: a row-cursor table of plain text that renders only the lines on screen.

Textual's ``DataTable`` renders every visible cell through Rich on each frame and measures every
new row, which stalls the UI for hundreds of milliseconds while paging through thousands of rows.
This table keeps its rows as lists of strings, turns a row into one line of text the first time
it is shown (cached), and draws a frame by styling and cropping those lines: the cost of a frame
depends on the height of the terminal, not on the number of rows.

Text is shown as data: never parsed as markup, its control characters made visible
(``workos_tui.resources.text_safety.printable``). Columns have a fixed width or grow to fit their
widest cell up to ``MAX_AUTO_WIDTH``; a cell too long for its column ends in "…".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workos_tui.resources.text_safety import printable

MAX_AUTO_WIDTH = 40
MIN_CUT_WIDTH = 6
"""A column narrowed to fit the table's width keeps at least this many cells."""
CELL_PADDING = 1
LINE_CACHE_SIZE = 1024


@dataclass
class RowTableColumn:
    """A column: its title and width in cells (``None``: fit the widest cell)."""

    title: str
    width: int | None = None
    fitted: int = 0

    @property
    def cells(self) -> int:
        return self.width if self.width is not None else self.fitted


class RowTable(ScrollView, can_focus=True):
    """A table with a row cursor, a header line and an optional trailing placeholder line."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
        "row-table--even-row",
        "row-table--odd-row",
        "row-table--placeholder",
    }

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        & > .row-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .row-table--even-row { background: $surface-lighten-1 50%; }
        &:dark > .row-table--even-row { background: $surface-darken-1 40%; }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .row-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .row-table--placeholder { color: $text-muted; text-style: italic; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Previous row", show=False, id="rows.up"),
        Binding("down", "cursor_down", "Next row", show=False, id="rows.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="rows.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="rows.page_down"),
        Binding("home", "first_row", "First row", show=False, id="rows.first"),
        Binding("end", "last_row", "Last row", show=False, id="rows.last"),
        Binding("left", "scroll_left", "Scroll left", show=False, id="rows.left"),
        Binding("right", "scroll_right", "Scroll right", show=False, id="rows.right"),
        Binding("enter", "select_row", "Select row", show=False, id="rows.select"),
    ]

    class RowMessage(Message):
        """About row ``cursor_row`` of ``row_table``."""

        def __init__(self, row_table: RowTable, cursor_row: int) -> None:
            super().__init__()
            self.row_table = row_table
            self.cursor_row = cursor_row

        @property
        def control(self) -> RowTable:
            return self.row_table

    class RowHighlighted(RowMessage):
        """The cursor moved to ``cursor_row``."""

    class RowSelected(RowMessage):
        """Enter was pressed on ``cursor_row``, or it was clicked while highlighted."""

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns: list[RowTableColumn] = []
        self._rows: list[list[str]] = []
        self._cursor_row = 0
        self._placeholder: str | None = None
        self._lines: LRUCache[int, str] = LRUCache(LINE_CACHE_SIZE)
        self._header: str | None = None
        self._widths_key: tuple[int, ...] = ()
        self._widths: list[int] = []

    # ------------------------------------------------------------------ content

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor_row

    @property
    def placeholder(self) -> str | None:
        """Text of the muted line after the last row (e.g. "Loading…"), or None."""
        return self._placeholder

    def set_columns(self, columns: Iterable[RowTableColumn]) -> None:
        self.columns = list(columns)
        for column in self.columns:
            column.fitted = cell_len(column.title)
        self._fit_columns(self._rows)
        self._content_changed()

    def get_row_at(self, row: int) -> list[str]:
        return list(self._rows[row])

    def add_rows(self, rows: Iterable[Sequence[str]]) -> None:
        added = [[printable(str(cell)) for cell in row] for row in rows]
        if not added:
            return
        self._rows.extend(added)
        if self._fit_columns(added):
            self._lines.clear()
            self._header = None
        self._content_changed()

    def update_row(self, row: int, cells: Sequence[str]) -> None:
        self._rows[row] = [printable(str(cell)) for cell in cells]
        if self._fit_columns([self._rows[row]]):
            self._lines.clear()
            self._header = None
            self._content_changed()
        else:
            self._lines.discard(row)
            self.refresh_line(row + 1)

    def replace_rows(self, rows: Iterable[Sequence[str]], cursor_row: int) -> None:
        """Replace every row, keep the scroll position relative to the cursor.

        The cursor moves to ``cursor_row`` (the same item, found by the caller) and stays on
        the same screen line; ``RowHighlighted`` is posted only when the row index changed.
        """
        previous = self._cursor_row
        self._rows = [[printable(str(cell)) for cell in row] for row in rows]
        self._lines.clear()
        self._header = None
        for column in self.columns:
            column.fitted = cell_len(column.title)
        self._fit_columns(self._rows)
        target = max(0, min(cursor_row, len(self._rows) - 1))
        self._cursor_row = target
        self._content_changed()
        if target != previous:
            self.scroll_to(y=max(0, self.scroll_y + target - previous), animate=False)
            self.post_message(self.RowHighlighted(self, target))

    def clear(self) -> None:
        """Remove every row; the cursor returns to the first row."""
        self._rows = []
        self._lines.clear()
        self._cursor_row = 0
        for column in self.columns:
            column.fitted = cell_len(column.title)
        self._header = None
        self.scroll_to(0, 0, animate=False)
        self._content_changed()

    def set_placeholder(self, text: str | None) -> None:
        if text != self._placeholder:
            self._placeholder = text
            self._content_changed()

    def _fit_columns(self, rows: Sequence[Sequence[str]]) -> bool:
        """Grow auto-width columns to fit ``rows``; True when a width changed."""
        changed = False
        for index, column in enumerate(self.columns):
            if column.width is not None:
                continue
            widest = max((cell_len(row[index]) for row in rows if index < len(row)), default=0)
            fitted = min(MAX_AUTO_WIDTH, max(column.fitted, widest))
            if fitted != column.fitted:
                column.fitted = fitted
                changed = True
        return changed

    @property
    def _row_width(self) -> int:
        return sum(width + 2 * CELL_PADDING for width in self.column_widths())

    def column_widths(self) -> list[int]:
        """The columns' widths on screen: as declared or fitted to their content, narrowed
        (widest first, each to at least ``MIN_CUT_WIDTH``) until the row fits the table's
        width, so that every column is on screen and a cut cell ends in "…"."""
        # the vertical scrollbar's gutter is always left out: fitting the columns must not
        # depend on whether it shows (that would show a horizontal one, then hide it …)
        available = self.content_region.width - self.styles.scrollbar_size_vertical
        natural = [column.cells for column in self.columns]
        key = (available, *natural)
        if key == self._widths_key:
            return self._widths
        budget = available - 2 * CELL_PADDING * len(natural)
        widths = natural
        if available > 0 and sum(natural) > budget:
            floors = [min(width, MIN_CUT_WIDTH) for width in natural]
            low, high = 0, max(natural, default=0)
            while low < high:  # the largest cap whose capped widths fit
                cap = (low + high + 1) // 2
                total = sum(max(f, min(w, cap)) for w, f in zip(natural, floors, strict=True))
                low, high = (cap, high) if total <= budget else (low, cap - 1)
            widths = [max(f, min(w, low)) for w, f in zip(natural, floors, strict=True)]
        if widths != self._widths:
            self._lines.clear()
            self._header = None
        self._widths_key = key
        self._widths = widths
        return widths

    def on_resize(self) -> None:
        self._content_changed()

    def _content_changed(self) -> None:
        lines = 1 + len(self._rows) + (1 if self._placeholder is not None else 0)
        self.virtual_size = Size(self._row_width, lines)
        self.refresh()

    # ------------------------------------------------------------------ cursor

    def move_cursor(self, *, row: int, scroll: bool = True) -> None:
        """Put the cursor on ``row`` (clamped to the rows there are)."""
        target = max(0, min(row, len(self._rows) - 1))
        if scroll:
            self._scroll_row_into_view(target)
        if target == self._cursor_row or not self._rows:
            return
        previous = self._cursor_row
        self._cursor_row = target
        self.refresh_line(previous + 1)
        self.refresh_line(target + 1)
        self.post_message(self.RowHighlighted(self, target))

    @property
    def _page_rows(self) -> int:
        """How many rows fit below the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_row_into_view(self, row: int) -> None:
        top = round(self.scroll_y)
        if row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + self._page_rows:
            self.scroll_to(y=row - self._page_rows + 1, animate=False)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self._cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self._cursor_row + 1)

    def action_page_down(self) -> None:
        page = self._page_rows
        self.scroll_to(y=self.scroll_y + page, animate=False)
        self.move_cursor(row=self._cursor_row + page)

    def action_page_up(self) -> None:
        page = self._page_rows
        self.scroll_to(y=self.scroll_y - page, animate=False)
        self.move_cursor(row=self._cursor_row - page)

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=len(self._rows) - 1)

    def action_select_row(self) -> None:
        if self._rows:
            self.post_message(self.RowSelected(self, self._cursor_row))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_y) + offset.y - 1
        if not 0 <= row < len(self._rows):
            return
        event.stop()
        if row == self._cursor_row:
            self.post_message(self.RowSelected(self, row))
        else:
            self.move_cursor(row=row)

    # ------------------------------------------------------------------ rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._header = None

    def _line_text(self, cells: Sequence[str]) -> str:
        pad = " " * CELL_PADDING
        parts: list[str] = []
        for index, width in enumerate(self.column_widths()):
            text = cells[index] if index < len(cells) else ""
            if cell_len(text) > width > 1:
                text = set_cell_size(text, width - 1) + "…"
            parts.append(pad + set_cell_size(text, width) + pad)
        return "".join(parts)

    def _row_style(self, row: int) -> Style:
        if row == self._cursor_row:
            return self.get_component_rich_style("row-table--cursor")
        zebra = "row-table--even-row" if row % 2 == 0 else "row-table--odd-row"
        return self.get_component_rich_style(zebra)

    def _row_text(self, row: int) -> str:
        """The row's line at full width (cached as text: a string is no work for the garbage
        collector, where a cached Strip would bring its own caches along)."""
        text = self._lines.get(row)
        if text is None:
            text = self._line_text(self._rows[row])
            self._lines[row] = text
        return text

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        self.column_widths()  # a new width or fitted widths: cached lines are dropped first
        if y == 0:
            style = self.get_component_rich_style("row-table--header")
            if self._header is None:
                self._header = self._line_text([column.title for column in self.columns])
            text = self._header
        else:
            row = round(self.scroll_y) + y - 1
            if row < len(self._rows):
                style = self._row_style(row)
                text = self._row_text(row)
            elif row == len(self._rows) and self._placeholder is not None:
                style = self.get_component_rich_style("row-table--placeholder")
                text = " " * CELL_PADDING + printable(self._placeholder)
            else:
                return Strip.blank(width, self.rich_style)
        scroll_x = round(self.scroll_x)
        if scroll_x:
            line = Strip([Segment(text, style)]).crop(scroll_x, scroll_x + width)
            return line.extend_cell_length(width, style)
        return Strip([Segment(set_cell_size(text, width), style)], width)
