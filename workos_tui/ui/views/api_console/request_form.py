"""The request form of one operation: generated fields, and a raw JSON body as the fallback."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Static, TabbedContent, TabPane, TextArea

from workos_tui.resources.api_requests import (
    BODY_ERROR,
    RequestField,
    draft_body,
    request_fields,
)
from workos_tui.resources.forms import RawValue
from workos_tui.resources.operations import Operation
from workos_tui.ui.widgets.form_field import FormField

MAX_DESCRIPTION = 160
MARKDOWN_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def short_description(text: str, default: object = None) -> str:
    """The first sentence of a spec description (they run to paragraphs), plus the default."""
    flat = MARKDOWN_LINK.sub(r"\1", " ".join(text.split()))  # "[user](/reference/…)" → "user"
    end = flat.find(". ")
    sentence = flat[: end + 1] if 0 < end < MAX_DESCRIPTION else flat
    if len(sentence) > MAX_DESCRIPTION:
        sentence = sentence[: MAX_DESCRIPTION - 1] + "…"
    if default is not None:
        sentence = f"{sentence} Default: {json.dumps(default)}.".strip()
    return sentence


class RequestForm(Vertical):
    """Fields for the path, query and body; the raw body tab replaces the body fields."""

    def __init__(
        self,
        operation: Operation,
        *,
        pickable: Callable[[RequestField], bool] = lambda field: False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.operation = operation
        self.fields: list[RequestField] = request_fields(operation)
        self.pickable = pickable

    def compose(self) -> ComposeResult:
        operation = self.operation
        has_body = operation.body_schema is not None
        with TabbedContent(id="api-request-tabs"):
            with TabPane("Fields", id="api-tab-fields"), VerticalScroll(id="api-form"):
                if not self.fields:
                    yield Static(Text("No parameters: press F5 to send.", style="dim"))
                for request_field in self.fields:
                    description = short_description(
                        request_field.spec.description, request_field.spec.default
                    )
                    if self.pickable(request_field):
                        description = f"{description} F4 picks one.".strip()
                    yield FormField(replace(request_field.spec, description=description), "")
                if operation.body_variants:
                    yield Static(
                        Content(
                            "The body has variants: the fields are all of them; use the "
                            "raw JSON tab to send one variant exactly."
                        ),
                        classes="api-note",
                    )
            if has_body:
                with TabPane("Raw JSON body", id="api-tab-raw"):
                    yield TextArea(id="api-raw-body", soft_wrap=True, tab_behavior="indent")
                    yield Static(id="api-raw-error", classes="api-note")

    # ------------------------------------------------------------------ reading

    def raw_values(self) -> dict[str, RawValue]:
        return {field.spec.name: field.raw_value() for field in self.query(FormField)}

    def raw_body(self) -> str | None:
        """The raw JSON body when its tab is the active one, else ``None`` (use the fields)."""
        if self.operation.body_schema is None:
            return None
        tabs = self.query_one("#api-request-tabs", TabbedContent)
        if tabs.active != "api-tab-raw":
            return None
        return self.query_one("#api-raw-body", TextArea).text

    def show_errors(self, errors: dict[str, str]) -> None:
        first: FormField | None = None
        for form_field in self.query(FormField):
            message = errors.get(form_field.spec.name)
            form_field.set_error(message)
            if message and first is None:
                first = form_field
        raw_error = self.query("#api-raw-error")
        if raw_error:
            raw_error.first(Static).update(Content(errors.get(BODY_ERROR, "")))
        if first is not None:
            first.scroll_visible()
            first.query_one(f"#input-{first.spec.name}").focus()

    def set_value(self, key: str, value: str) -> None:
        """Put a value into a text field (a picked object's id)."""
        widget = self.query_one(f"#input-{key}")
        if isinstance(widget, Input):
            widget.value = value

    def focused_field(self) -> RequestField | None:
        focused = self.app.focused
        for request_field in self.fields:
            if focused is not None and focused.id == f"input-{request_field.key}":
                return request_field
        return None

    @on(TabbedContent.TabActivated, "#api-request-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        event.stop()
        if event.pane.id != "api-tab-raw":
            return
        editor = self.query_one("#api-raw-body", TextArea)
        if not editor.text.strip():
            draft = draft_body(self.fields, self.raw_values())
            editor.load_text(json.dumps(draft, indent=2, ensure_ascii=False))
        editor.focus()  # the field that had the focus is hidden now
