"""RowTable: the console's virtualised row table, on its own and inside a resource list."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from textual import events, on
from textual.app import App, ComposeResult
from ui_helpers import SIZE, current_view, settle

from workos_tui.ui.widgets.row_table import MAX_AUTO_WIDTH, RowTable, RowTableColumn


class TableApp(App[None]):
    def __init__(self, rows: int, columns: list[RowTableColumn] | None = None) -> None:
        super().__init__()
        self.rows = rows
        self.columns = columns or [RowTableColumn("Name", 12), RowTableColumn("ID", 10)]
        self.highlighted: list[int] = []
        self.selected: list[int] = []

    def compose(self) -> ComposeResult:
        yield RowTable(id="rows")

    def on_mount(self) -> None:
        table = self.query_one(RowTable)
        table.set_columns(self.columns)
        table.add_rows([f"Name {n}", f"id_{n}"] for n in range(self.rows))
        table.focus()

    @on(RowTable.RowHighlighted, "#rows")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        self.highlighted.append(event.cursor_row)

    @on(RowTable.RowSelected, "#rows")
    def _selected(self, event: RowTable.RowSelected) -> None:
        self.selected.append(event.cursor_row)


def line(table: RowTable, y: int) -> str:
    return table.render_line(y).text


async def test_keys_move_the_cursor_and_keep_it_on_screen() -> None:
    app = TableApp(rows=500)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down", "down")
        assert table.cursor_row == 2
        assert app.highlighted == [1, 2]
        await pilot.press("up")
        assert table.cursor_row == 1
        page = table.scrollable_content_region.height - 1
        await pilot.press("pagedown")
        assert table.cursor_row == 1 + page
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_row == 499
        assert "Name 499" in "".join(line(table, y) for y in range(table.size.height))
        await pilot.press("down")
        assert table.cursor_row == 499  # no row past the last
        await pilot.press("home", "up")
        await pilot.pause()
        assert table.cursor_row == 0
        assert line(table, 1).strip().startswith("Name 0")


async def test_a_frame_builds_only_the_lines_on_screen() -> None:
    app = TableApp(rows=20_000)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        built: list[int] = []
        original = table._line_text

        def counting(cells: Any) -> str:
            built.append(1)
            return original(cells)

        table._line_text = counting  # type: ignore[method-assign]
        for _ in range(20):
            await pilot.press("pagedown")
        await pilot.pause()
        assert table.cursor_row > 150
        # 20 pages of ~10 rows, each row built once, plus the cursor's line on each move
        assert 0 < len(built) <= 20 * table.size.height * 2
        assert len(built) < 1_000


async def test_text_is_shown_as_it_is_cropped_to_its_column() -> None:
    columns = [RowTableColumn("Name", 12), RowTableColumn("Note", None)]
    app = TableApp(rows=0, columns=columns)
    async with app.run_test(size=(60, 8)) as pilot:
        table = app.query_one(RowTable)
        table.add_rows(
            [
                ["[bold]x[/]", "two\nlines"],
                ["東京都港区赤坂", "ok"],
                ["a-very-long-name", "n" * (MAX_AUTO_WIDTH + 20)],
            ]
        )
        await pilot.pause()
        assert "[bold]x[/]" in line(table, 1)  # markup is not interpreted
        assert "two lines" in line(table, 1)
        assert " a-very-long… " in line(table, 3)  # cut to its 12 cells, marked
        assert table.columns[1].cells == MAX_AUTO_WIDTH
        widths = {cell_len(line(table, y)) for y in range(4)}
        assert widths == {table.scrollable_content_region.width}
        header = line(table, 0)
        # wide characters keep the columns aligned: "Note" starts where the second cells do
        start = header.index("Note")
        assert cell_len(line(table, 2)[: line(table, 2).index("ok")]) == start


async def test_placeholder_line_follows_the_rows_and_is_not_a_row() -> None:
    app = TableApp(rows=3)
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(RowTable)
        table.set_placeholder("Loading…")
        await pilot.pause()
        assert line(table, 4).strip() == "Loading…"
        await pilot.press("end", "down")
        assert table.cursor_row == 2
        table.set_placeholder(None)
        await pilot.pause()
        assert line(table, 4).strip() == ""


async def test_click_moves_the_cursor_and_a_second_click_or_enter_selects() -> None:
    app = TableApp(rows=30)
    async with app.run_test(size=(60, 12)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(3, 4))  # line 4 below the header: row 3
        assert table.cursor_row == 3
        assert app.selected == []
        await pilot.click(RowTable, offset=(3, 4))
        assert app.selected == [3]
        await pilot.click(RowTable, offset=(3, 0))  # the header selects nothing
        assert table.cursor_row == 3
        await pilot.press("enter")
        assert app.selected == [3, 3]


async def test_update_row_redraws_it_and_clear_resets_the_cursor() -> None:
    app = TableApp(rows=5)
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(RowTable)
        await pilot.press("down")
        table.update_row(0, ["Renamed", "id_0"])
        await pilot.pause()
        assert line(table, 1).strip().startswith("Renamed")
        assert table.get_row_at(0) == ["Renamed", "id_0"]
        table.clear()
        assert (table.row_count, table.cursor_row) == (0, 0)


async def test_mouse_wheel_alone_loads_the_next_page(console_factory: Any) -> None:
    app = console_factory(start_area="users", page_size=10)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        table = view.table
        # pages are fetched until the screen is full, no further
        screen_rows = table.scrollable_content_region.height - 1
        assert screen_rows <= len(view.items) < screen_rows + 20
        loaded = len(view.items)
        for _ in range(15):
            table.post_message(
                events.MouseScrollDown(
                    table, 5, 5, 0, 0, 0, False, False, False, screen_x=5, screen_y=5
                )
            )
            await settle(app, pilot)
        assert table.cursor_row == 0
        assert table.scroll_y > 0
        assert len(view.items) > loaded
