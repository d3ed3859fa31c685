"""The filter bar: search and the declaration's filters, applied on Enter or on selection."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select

from workos_tui.resources.base import Filter, ResourceType
from workos_tui.resources.query import SEARCH_KEY
from workos_tui.ui.safe_text import plain


class FilterBar(Horizontal):
    """Inputs for the server-side filters (and client-side ones the endpoint lacks)."""

    HELP = """
## Filters

Type and press **Enter** to apply a filter; selections apply at once. Lists take
comma-separated values; date ranges take ISO dates (`2024-01-31` or `2024-01-31T12:00:00Z`).
**Escape** returns to the list.
"""

    DEFAULT_CSS = """
    FilterBar {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    FilterBar Input { width: 1fr; min-width: 12; }
    FilterBar Select { width: 1fr; min-width: 16; }
    FilterBar .filter-scope { padding: 1 1 0 0; color: $accent; }
    """

    BINDINGS = [
        Binding("escape", "leave", "Back to list", id="filters.leave"),
    ]

    class Changed(Message):
        """The filter values changed; ``values`` maps filter key to its value."""

        def __init__(self, values: Mapping[str, Any]) -> None:
            super().__init__()
            self.values = dict(values)

    class Left(Message):
        """The user left the filter bar."""

    def __init__(
        self,
        resource: ResourceType,
        *,
        initial: Mapping[str, Any] | None = None,
        scope: Mapping[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.resource = resource
        self._initial = dict(initial or {})
        self._scope = dict(scope or {})

    def compose(self) -> ComposeResult:
        for key, value in self._scope.items():
            yield Label(plain(f"{key}={value}"), classes="filter-scope")
        if self.resource.search_param:
            yield Input(
                value=str(self._initial.get(SEARCH_KEY, "")),
                placeholder="search…",
                id="filter-search",
            )
        for spec in self.resource.filters:
            if spec.query_param in self._scope:
                continue
            yield from self._widgets_for(spec)

    def _widgets_for(self, spec: Filter) -> ComposeResult:
        initial = self._initial.get(spec.key)
        if spec.kind == "select":
            choices = spec.options()
            options = [(choice, choice) for choice in choices]
            yield Select(
                options,
                prompt=spec.label,
                value=initial if initial in choices else Select.NULL,
                id=f"filter-{spec.key}",
            )
        elif spec.kind == "date_range":
            start, end = initial if isinstance(initial, tuple) else ("", "")
            yield Input(value=start, placeholder=f"{spec.label} from", id=f"filter-{spec.key}")
            yield Input(value=end, placeholder="to", id=f"filter-{spec.key}-end")
        else:
            value = ", ".join(initial) if isinstance(initial, list) else str(initial or "")
            yield Input(
                value=value,
                placeholder=spec.placeholder or spec.label,
                id=f"filter-{spec.key}",
            )

    def values(self) -> dict[str, Any]:
        """Current values: text, list (multi), tuple (date range) or choice; blanks left out."""
        values: dict[str, Any] = {}
        if self.resource.search_param:
            search = self.query_one("#filter-search", Input).value.strip()
            if search:
                values[SEARCH_KEY] = search
        for spec in self.resource.filters:
            if spec.query_param in self._scope:
                continue
            if spec.kind == "select":
                selected = self.query_one(f"#filter-{spec.key}", Select).value
                if isinstance(selected, str):
                    values[spec.key] = selected
            elif spec.kind == "date_range":
                start = self.query_one(f"#filter-{spec.key}", Input).value.strip()
                end = self.query_one(f"#filter-{spec.key}-end", Input).value.strip()
                if start or end:
                    values[spec.key] = (start, end)
            elif spec.kind == "multi":
                text = self.query_one(f"#filter-{spec.key}", Input).value
                parts = [part.strip() for part in text.split(",") if part.strip()]
                if parts:
                    values[spec.key] = parts
            else:
                text = self.query_one(f"#filter-{spec.key}", Input).value.strip()
                if text:
                    values[spec.key] = text
        return values

    def set_value(self, key: str, text: str) -> None:
        """Show ``text`` in the text filter ``key`` (a `:users a@b.com` jump sets the email)."""
        for widget in self.query(f"#filter-{key}"):
            if isinstance(widget, Input):
                widget.value = text

    def set_search(self, text: str) -> None:
        if self.resource.search_param:
            self.query_one("#filter-search", Input).value = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Changed(self.values()))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.values()))

    def action_leave(self) -> None:
        self.post_message(self.Left())
