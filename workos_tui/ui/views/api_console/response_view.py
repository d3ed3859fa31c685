"""The response pane: status, duration and request id; the body as a table and as a JSON tree."""

from __future__ import annotations

import json
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TabbedContent, TabPane, Tree

from workos_tui.resources.text_safety import printable
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.views.api_console.json_tree import (
    cell_text,
    fill_tree,
    list_cursors,
    list_items,
    table_columns,
)
from workos_tui.ui.views.api_console.messages import Exchange
from workos_tui.ui.widgets.row_table import RowTable, RowTableColumn


class ResponseView(Vertical):
    """Shows the last :class:`Exchange`; ``cursors`` are the list's paging cursors, if any."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.exchange: Exchange | None = None
        self.cursors: tuple[str | None, str | None] = (None, None)
        self.reveal = False

    def compose(self) -> ComposeResult:
        yield Static(Text("No request sent yet.", style="dim"), id="api-response-status")
        with TabbedContent(id="api-response-tabs"):
            with TabPane("Table", id="api-tab-table"):
                yield RowTable(id="api-response-table")
            with TabPane("JSON", id="api-tab-json"):
                tree: Tree[Any] = Tree(Text("(empty)"), id="api-response-tree")
                yield tree

    @property
    def table(self) -> RowTable:
        return self.query_one("#api-response-table", RowTable)

    @property
    def json_tree(self) -> Tree[Any]:
        tree: Tree[Any] = self.query_one("#api-response-tree", Tree)
        return tree

    def show_sending(self, method: str, path: str) -> None:
        line = Text("Sending ", style="dim")
        line.append(f"{method} {printable(path)}…")
        self.query_one("#api-response-status", Static).update(line)

    def toggle_reveal(self) -> None:
        """Show or mask again the values of secret-looking keys (a new response masks them)."""
        if self.exchange is not None:
            self.show(self.exchange, reveal=not self.reveal)

    def show(self, exchange: Exchange, *, reveal: bool = False) -> None:
        new = exchange is not self.exchange  # a new response picks its tab; a reveal keeps it
        self.exchange = exchange
        self.reveal = reveal
        self.query_one("#api-response-status", Static).update(self._status_line(exchange))
        body = exchange.body
        fill_tree(self.json_tree, body, reveal=reveal)
        items = list_items(body)
        self.cursors = list_cursors(body) if items is not None else (None, None)
        table = self.table
        table.clear()
        tabs = self.query_one("#api-response-tabs", TabbedContent)
        if items is None:
            table.set_columns([RowTableColumn("value")])
            table.set_placeholder("Not a list: see the JSON tab.")
            if new:
                tabs.active = "api-tab-json"
            return
        columns = table_columns(items, table.size.width or self.size.width)
        table.set_columns([RowTableColumn(title) for title in columns])
        table.add_rows(
            [[cell_text(item.get(key), key, reveal) for key in columns] for item in items]
        )
        before, after = self.cursors
        paging = [text for cursor, text in ((before, "F8 previous"), (after, "F9 next")) if cursor]
        placeholder = f"{len(items)} rows" + (f" · {' · '.join(paging)} page" if paging else "")
        table.set_placeholder(placeholder if items else "No rows.")
        if new:
            tabs.active = "api-tab-table"

    def _status_line(self, exchange: Exchange) -> Text:
        line = Text()
        status = exchange.status
        if exchange.error is not None and status is None:
            line.append(" no response ", style="bold reverse red")
        else:
            style = "bold reverse green" if exchange.ok else "bold reverse red"
            line.append(f" {status} ", style=style)
        line.append(f"  {exchange.request.method} {printable(exchange.request.path)}")
        if exchange.duration_ms is not None:
            line.append(f"  {exchange.duration_ms:.0f} ms", style="dim")
        if exchange.request_id:
            line.append("  request ", style="dim")
            line.append(printable(exchange.request_id))
        if exchange.error is not None:
            described = describe_error(exchange.error)
            line.append(f"\n{described.title}: ", style="bold red")
            line.append(described.message)
        return line

    def body_json(self) -> str:
        """The shown body as indented JSON (empty without a response)."""
        if self.exchange is None:
            return ""
        return json.dumps(self.exchange.body, indent=2, ensure_ascii=False)
