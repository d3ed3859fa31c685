"""The operation list: a search box over the spec's operations, grouped by tag in a tree."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, Tree

from workos_tui.resources.operations import Operation, operations_by_tag
from workos_tui.resources.text_safety import printable

METHOD_STYLES = {
    "GET": "bold green",
    "POST": "bold yellow",
    "PUT": "bold blue",
    "PATCH": "bold cyan",
    "DELETE": "bold red",
}


def operation_label(operation: Operation) -> Text:
    label = Text(f"{operation.method:<6} ", style=METHOD_STYLES.get(operation.method, "bold"))
    label.append(operation.title)
    return label


def search_rank(operation: Operation, query: str) -> int:
    """Lower is better: the summary or id itself, then a summary that starts with the query."""
    wanted = " ".join(query.lower().split())
    summary = operation.summary.lower()
    if wanted in (summary, operation.operation_id.lower()):
        return 0
    if summary.startswith(wanted):
        return 1
    return 2 if wanted in summary else 3


class OperationList(Vertical):
    """Typing filters the tree (every word in the id, summary, path, method or tag); Enter in
    the search box chooses the best match, Enter on a leaf that operation."""

    class Chosen(Message):
        def __init__(self, operation: Operation) -> None:
            super().__init__()
            self.operation = operation

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.operations: list[Operation] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search operations", id="api-search")
        tree: Tree[Operation | None] = Tree("Operations", id="api-operations")
        tree.show_root = False
        yield tree
        yield Static(Text("Loading the spec…", style="dim"), id="api-operations-status")

    @property
    def search(self) -> Input:
        return self.query_one("#api-search", Input)

    def set_operations(self, operations: list[Operation]) -> None:
        self.operations = operations
        self._fill(self.search.value)

    def show_problem(self, problem: str) -> None:
        status = self.query_one("#api-operations-status", Static)
        status.update(Text(printable(problem), style="red"))

    def matching(self, query: str) -> list[Operation]:
        return [op for op in self.operations if op.matches(query)]

    def _fill(self, query: str) -> None:
        tree: Tree[Operation | None] = self.query_one("#api-operations", Tree)
        tree.clear()
        found = self.matching(query)
        for tag, operations in operations_by_tag(found).items():
            branch = tree.root.add(Text(f"{tag} ({len(operations)})", style="bold"), data=None)
            for operation in operations:
                branch.add_leaf(operation_label(operation), data=operation)
            if query.strip():
                branch.expand()
        tree.root.expand()
        text = f"{len(found)} of {len(self.operations)} operations"
        self.query_one("#api-operations-status", Static).update(Text(text, style="dim"))

    @on(Input.Changed, "#api-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.operations:
            self._fill(event.value)

    @on(Input.Submitted, "#api-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        found = self.matching(event.value)
        if found:
            best = min(found, key=lambda op: search_rank(op, event.value))
            self.post_message(self.Chosen(best))

    @on(Tree.NodeSelected, "#api-operations")
    def _node_selected(self, event: Tree.NodeSelected[Operation | None]) -> None:
        event.stop()
        if isinstance(event.node.data, Operation):
            self.post_message(self.Chosen(event.node.data))
