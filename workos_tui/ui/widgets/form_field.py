"""One field of a generated form: label, typed input, description and error line."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, Switch

from workos_tui.resources.forms import FieldSpec, RawValue
from workos_tui.ui.safe_text import plain
from workos_tui.ui.widgets.object_picker import ObjectPicker


class FormField(Vertical):
    """Renders a :class:`FieldSpec` with the right widget and shows its error."""

    DEFAULT_CSS = """
    FormField { height: auto; margin-bottom: 1; }
    FormField .field-label { text-style: bold; }
    FormField .field-description { color: $text-muted; }
    FormField .field-error { color: $error; display: none; }
    FormField.-invalid .field-error { display: block; }
    FormField.-invalid Input, FormField.-invalid Select { border: tall $error; }
    """

    def __init__(self, spec: FieldSpec, value: RawValue) -> None:
        super().__init__(id=f"field-{spec.name}")
        self.spec = spec
        self._value = value

    def compose(self) -> ComposeResult:
        spec = self.spec
        marker = " *" if spec.required else ""
        yield Label(plain(f"{spec.label}{marker}"), classes="field-label")
        yield self._input()
        if spec.description:
            yield Static(Content(spec.description), classes="field-description")
        yield Static(classes="field-error")

    def _input(self) -> Widget:
        spec = self.spec
        widget_id = f"input-{spec.name}"
        if spec.kind == "bool":
            return Switch(value=bool(self._value), id=widget_id)
        if spec.kind == "choice":
            current = str(self._value)
            return Select(
                [(choice, choice) for choice in spec.choices],
                value=current if current in spec.choices else Select.NULL,
                allow_blank=not spec.required or current not in spec.choices,
                id=widget_id,
            )
        if spec.picks is not None and spec.kind == "text":
            return ObjectPicker(spec.picks, value=str(self._value), id=widget_id)
        placeholder = {
            "list": "comma-separated values",
            "json": "JSON",
            "integer": "a whole number",
            "number": "a number",
        }.get(spec.kind, "")
        input_type = {"integer": "integer", "number": "number"}.get(spec.kind, "text")
        return Input(
            value=str(self._value),
            placeholder=placeholder,
            password=spec.kind == "secret",
            type=input_type,  # type: ignore[arg-type]
            id=widget_id,
        )

    def raw_value(self) -> RawValue:
        widget = self.query_one(f"#input-{self.spec.name}")
        if isinstance(widget, Switch):
            return widget.value
        if isinstance(widget, Select):
            value = widget.value
            return value if isinstance(value, str) else ""
        if isinstance(widget, Input):
            return widget.value
        return ""

    def set_error(self, message: str | None) -> None:
        error = self.query_one(".field-error", Static)
        error.update(Content(message or ""))
        self.set_class(bool(message), "-invalid")
