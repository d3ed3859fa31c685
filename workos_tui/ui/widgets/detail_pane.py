"""The detail pane: formatted sections, related resources one key away, and raw JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from pydantic import SecretStr
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from workos_tui.resources.base import Related, ResourceType, field_value
from workos_tui.resources.formatting import format_value, to_jsonable
from workos_tui.resources.text_safety import printable
from workos_tui.ui.widgets.resource_table import shape_issues

HIDDEN_SECRET = "•••••• (press v to reveal)"


def masked_json(resource: ResourceType, item: Any, *, reveal: bool) -> Any:
    """The item's JSON with its secret fields masked unless revealed."""
    data = item.raw if shape_issues(item) else to_jsonable(item)  # unparsed: JSON as it came
    if isinstance(data, dict):
        for name in resource.secret_fields:
            if data.get(name) is None:
                continue
            data[name] = reveal_secret(field_value(item, name)) if reveal else "••••••"
    return data


def reveal_secret(value: Any) -> str:
    """The plain text of a revealed secret (a ``SecretStr`` or anything else)."""
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    return format_value(value)


class DetailPane(VerticalScroll):
    """Shows the highlighted row; secret fields stay hidden until revealed."""

    HELP = """
## Detail

The highlighted row's fields. **1-9** open related resources, **j** toggles raw JSON,
**v** reveals a secret value (it hides itself again after a while).
"""

    DEFAULT_CSS = """
    DetailPane {
        width: 1fr;
        min-width: 36;
        border-left: vkey $foreground 20%;
        padding: 0 1;
    }
    DetailPane #detail-related { margin-top: 1; color: $text-muted; }
    DetailPane #detail-json { margin-top: 1; }
    """

    def __init__(
        self,
        resource: ResourceType,
        *,
        related: Callable[[], tuple[Related, ...]] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.resource = resource
        self._related = related or (lambda: resource.related)
        self.can_focus = False
        self.show_json = False
        self._item: Any = None
        self._revealed: Any = None

    def compose(self) -> Any:
        yield Static(id="detail-sections")
        yield Static(id="detail-related")
        yield Static(id="detail-json")

    @property
    def item(self) -> Any:
        return self._item

    def show_item(self, item: Any, *, revealed: Any = None) -> None:
        self._item = item
        self._revealed = revealed
        self._show()

    def set_revealed(self, revealed: Any) -> None:
        self._revealed = revealed
        self._show()

    def toggle_json(self) -> None:
        self.show_json = not self.show_json
        self._show()

    def _show(self) -> None:
        sections = self.query_one("#detail-sections", Static)
        related = self.query_one("#detail-related", Static)
        raw = self.query_one("#detail-json", Static)
        item = self._item
        if item is None:
            sections.update(Text("Nothing selected.", style="dim"))
            related.update("")
            raw.update("")
            return
        issues = shape_issues(item)
        sections.update(self._unrecognised_text(issues) if issues else self._sections_table(item))
        related.update(self._related_text())
        if self.show_json or issues:
            shown = self._revealed if self._revealed is not None else item
            data = masked_json(self.resource, shown, reveal=self._revealed is not None)
            text = printable(json.dumps(data, indent=2, ensure_ascii=False), multiline=True)
            from rich.syntax import Syntax  # pygments only once raw JSON is asked for

            raw.update(Syntax(text, "json", theme="ansi_dark", word_wrap=False))
            raw.display = True
        else:
            raw.update("")
            raw.display = False

    def _rows(self, item: Any) -> list[tuple[Text, Text]]:
        """(label, value) rows of every section; a section title has an empty value."""
        rows: list[tuple[Text, Text]] = []
        resource = self.resource
        for number, section in enumerate(resource.sections):
            if number:
                rows.append((Text(""), Text("")))
            rows.append((Text(section.title, style="underline"), Text("")))
            for detail in section.fields:
                value = self._field_text(item, detail.path, detail.render)
                rows.append((Text(detail.label), value))
        if not resource.sections:
            for column in resource.columns:
                rows.append((Text(column.title), Text(printable(column.render(item)))))
        return rows

    def _sections_table(self, item: Any) -> Table:
        table = Table.grid(padding=(0, 1))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="ellipsis")  # an id is cut with "…", never broken
        for label, value in self._rows(item):
            table.add_row(label, value)
        return table

    def plain_text(self) -> str:
        """The pane's fields as plain ``label: value`` lines (for tests and copying)."""
        if self._item is None:
            return ""
        return "\n".join(f"{label.plain}: {value.plain}" for label, value in self._rows(self._item))

    def _field_text(self, item: Any, path: str, render: Any) -> Text:
        if path in self.resource.secret_fields:
            if self._revealed is None:
                return Text(HIDDEN_SECRET, style="dim")
            secret = reveal_secret(field_value(self._revealed, path))
            return Text(printable(secret, multiline=True), style="bold")
        return Text(printable(str(render(item)), multiline=True))

    @staticmethod
    def _unrecognised_text(issues: tuple[Any, ...]) -> Text:
        """An unparsed item: why it did not fit its model (its raw JSON follows)."""
        text = Text("⚠ Unrecognised shape", style="bold")
        text.append(" — this item does not match the console's model; its raw JSON is below.\n")
        for issue in issues:
            text.append(f"• {issue}\n")  # JSON paths: server keys come quoted
        return text

    def _related_text(self) -> Text:
        links = self._related()
        if not links:
            return Text("")
        text = Text("Related: ")
        for index, related in enumerate(links[:9], start=1):
            text.append(f"[{index}]", style="bold")
            text.append(f" {related.title}  ")
        if len(links) > 9:
            text.append("[0]", style="bold")
            text.append(f" {len(links) - 9} more…")
        return text
