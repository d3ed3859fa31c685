"""The full-screen view of one row: its fields, then its JSON as a tree that folds.

Opened with Enter on a list row. Values are never wrapped inside a token (an id reads whole);
JSON keys, strings, numbers and literals have their own colours; Enter or Space folds a node,
``E`` unfolds all, ``C`` folds all; Escape or ``q`` returns to the list.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from workos_tui.resources.base import ResourceType
from workos_tui.resources.text_safety import printable
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.detail_pane import DetailPane, masked_json

MAX_NODES = 5000
"""A huge payload is shown up to this many nodes (the raw JSON is one `Y` away)."""


def value_text(value: Any) -> Text:
    """A JSON scalar in its colour: strings green, numbers cyan, literals magenta."""
    if isinstance(value, str):
        return Text(printable(f'"{value}"'), style="green")
    if isinstance(value, bool) or value is None:
        return Text("true" if value is True else "false" if value is False else "null", "magenta")
    return Text(str(value), style="cyan")


def add_json(node: TreeNode[None], value: Any, budget: list[int]) -> None:
    """Children of ``node`` for ``value`` (a dict or list), within ``budget`` nodes."""
    entries = value.items() if isinstance(value, dict) else enumerate(value)
    for key, child in entries:
        if budget[0] <= 0:
            node.add_leaf(Text("…", style="dim"))
            return
        budget[0] -= 1
        label = Text(printable(str(key)), style="bold blue" if isinstance(key, str) else "dim")
        if isinstance(child, dict | list):
            size = f"{{{len(child)}}}" if isinstance(child, dict) else f"[{len(child)}]"
            branch = node.add(label + Text(f" {size}", style="dim"), expand=True)
            add_json(branch, child, budget)
        else:
            node.add_leaf(label + Text(": ") + value_text(child))


class DetailScreen(Screen[None]):
    """One item, full screen."""

    BINDINGS = [
        Binding("escape,q", "close", "Back", id="detail_view.close"),
        Binding("E", "expand_all", "Unfold all", id="detail_view.expand"),
        Binding("C", "collapse_all", "Fold all", id="detail_view.collapse"),
    ]

    def __init__(self, resource: ResourceType, item: Any, title: str) -> None:
        super().__init__()
        self.resource = resource
        self.item = item
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="detail-view"):
            yield Static(plain(self.title_text), id="detail-view-title")
            pane = DetailPane(self.resource, id="detail-view-fields")
            yield pane
            tree: Tree[None] = Tree(Text("JSON", style="bold"), id="detail-view-json")
            yield tree

    def on_mount(self) -> None:
        self.query_one(DetailPane).show_item(self.item)
        tree = self.query_one(Tree)
        data = masked_json(self.resource, self.item, reveal=False)
        if isinstance(data, dict | list):
            add_json(tree.root, data, [MAX_NODES])
        else:
            tree.root.add_leaf(value_text(data))
        tree.root.expand()
        tree.focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_expand_all(self) -> None:
        self.query_one(Tree).root.expand_all()

    def action_collapse_all(self) -> None:
        root = self.query_one(Tree).root
        for child in root.children:
            child.collapse_all()
