"""Create and edit forms generated from an input model.

Flow: fill in → **Review** (pydantic validates; errors shown on the fields) → a diff of what will
change → **Confirm** (the save runs in a worker) → the screen closes with the saved item, or stays
open with the user's input and the server's field errors when the save fails.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from workos_tui.api.errors import RequestTimeoutError, UnprocessableError, WorkOSError
from workos_tui.resources.forms import (
    Change,
    FieldSpec,
    RawValue,
    changed_fields,
    diff_changes,
    emptied_fields,
    form_fields,
    parse_form,
    server_field_errors,
)
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.messages import SaveFailed, SaveSucceeded
from workos_tui.ui.safe_text import plain
from workos_tui.ui.screens.confirm import shorten
from workos_tui.ui.widgets.form_field import FormField

Submit = Callable[[BaseModel], Awaitable[BaseModel | None]]
FormMode = Literal["create", "edit"]

UNKNOWN_OUTCOME = "The server may have applied it — reload to check before trying again."
"""What a change that timed out says: the request left, no answer came back."""


def outcome_unknown(error: WorkOSError) -> bool:
    """Whether a failed change may have been applied all the same: it timed out after sending
    (no answer, so no way to know). Other failures came back from the server, or never left."""
    return isinstance(error, RequestTimeoutError)


def unknown_outcome_text(error: WorkOSError) -> str:
    return f"Timed out: the outcome is unknown. {UNKNOWN_OUTCOME} ({error.message})"


class FormScreen(ModalScreen[BaseModel | None]):
    """A generated form for one input model."""

    HELP = """
## Form

Fill in the fields (**Tab** moves between them; `*` marks required ones). **Ctrl+S** reviews the
changes; **Enter** on *Confirm* saves. A failed save keeps your input. **Escape** cancels.
"""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        Binding("ctrl+s", "review", "Review & save", id="form.review"),
    ]

    def __init__(
        self,
        title: str,
        model: type[BaseModel],
        initial: Mapping[str, RawValue],
        submit: Submit,
        *,
        mode: FormMode = "create",
        always_send: set[str] | None = None,
        reload: Callable[[], None] | None = None,
        mutates: bool = True,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.model = model
        self.specs: list[FieldSpec] = form_fields(model)
        self.initial = dict(initial)
        self.submit = submit
        self.mode = mode
        self.always_send = set(always_send or ())
        self.reload = reload
        self.mutates = mutates
        self.pending: BaseModel | None = None
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="form-dialog"):
            yield Label(plain(shorten(self.form_title)), id="form-title")
            with VerticalScroll(id="form-fields"):
                for spec in self.specs:
                    yield FormField(spec, self.initial.get(spec.name, ""))
            yield Static(id="form-error")
            yield Static(id="form-review")
            with Horizontal(id="form-buttons"):
                yield Button("Review (ctrl+s)", id="form-review-button", variant="primary")
                yield Button("Confirm", id="form-confirm", variant="success")
                yield Button("Back", id="form-back")
                yield Button("Reload", id="form-reload", variant="warning")
                yield Button("Cancel", id="form-cancel")

    def on_mount(self) -> None:
        self._set_reviewing(False)
        self.query_one("#form-reload", Button).display = False
        self.query_one("#form-error", Static).display = False
        fields = self.query(FormField)
        if fields:
            fields.first().query("Input, Select, Switch").first().focus()

    # ------------------------------------------------------------- reading the form

    def raw_values(self) -> dict[str, RawValue]:
        return {field.spec.name: field.raw_value() for field in self.query(FormField)}

    def field(self, name: str) -> FormField:
        return self.query_one(f"#field-{name}", FormField)

    def show_field_errors(self, errors: Mapping[str, str]) -> None:
        names = {spec.name for spec in self.specs}
        for spec in self.specs:
            self.field(spec.name).set_error(errors.get(spec.name))
        general = [f"{key}: {message}" for key, message in errors.items() if key not in names]
        if general:
            self._show_error("; ".join(general))

    def _show_error(self, text: str) -> None:
        error = self.query_one("#form-error", Static)
        error.update(Content(text))
        error.display = bool(text)

    def _set_reviewing(self, reviewing: bool) -> None:
        self.query_one("#form-review", Static).display = reviewing
        self.query_one("#form-confirm", Button).display = reviewing
        self.query_one("#form-back", Button).display = reviewing
        self.query_one("#form-review-button", Button).display = not reviewing
        self.query_one("#form-fields").disabled = reviewing

    # ------------------------------------------------------------- review and save

    def action_review(self) -> None:
        if self.saving:
            return
        raw = self.raw_values()
        changed = changed_fields(self.specs, self.initial, raw)
        required = {spec.name for spec in self.specs if spec.required}
        if self.mode == "edit" and not changed:
            self._show_error("Nothing changed.")
            return
        cleared = emptied_fields(self.specs, self.initial, raw) if self.mode == "edit" else None
        result = parse_form(
            self.model, raw, only=changed | required | self.always_send, cleared=cleared
        )
        self.show_field_errors(result.errors)
        if result.model is None:
            if not any(key in {s.name for s in self.specs} for key in result.errors):
                self._show_error("; ".join(result.errors.values()))
            return
        self._show_error("")
        self.pending = result.model
        shown = changed | (required if self.mode == "create" else set())
        editing = self.mode == "edit"
        changes = diff_changes(self.specs, self.initial, raw, fields=shown, editing=editing)
        self.query_one("#form-review", Static).update(self._review_text(changes))
        self._set_reviewing(True)
        self.query_one("#form-confirm", Button).focus()

    def _review_text(self, changes: Sequence[Change]) -> Text:
        text = Text("Review changes\n", style="bold underline")
        if not changes:
            text.append("No fields set; the defaults apply.\n", style="dim")
        for change in changes:
            name, old, new = change.field, change.old, change.new
            text.append(f"{name}: ", style="bold")
            if self.mode == "edit":
                text.append(old, style="red")
                text.append(" → ")
            text.append(f"{new}\n", style="green")
        return text

    def action_confirm(self) -> None:
        if self.pending is None or self.saving:
            return
        self.saving = True
        self.query_one("#form-confirm", Button).disabled = True
        self._save(self.pending)

    @work(exclusive=True, group="form-save")
    async def _save(self, model: BaseModel) -> None:
        outcome = await attempt(self.submit(model))
        if isinstance(outcome, WorkOSError):
            self.post_message(SaveFailed(outcome))
            return
        self.post_message(SaveSucceeded(outcome))

    @on(SaveSucceeded)
    def _saved(self, message: SaveSucceeded) -> None:
        self.saving = False
        self.dismiss(message.item if message.item is not None else self.pending)

    @on(SaveFailed)
    def _save_failed(self, message: SaveFailed) -> None:
        self.saving = False
        self.query_one("#form-confirm", Button).disabled = False
        self._set_reviewing(False)
        self.query_one("#form-reload", Button).display = False
        error = message.error
        fields = error.field_errors() if isinstance(error, UnprocessableError) else {}
        self.show_field_errors(
            server_field_errors(self.model, fields, code=error.code, message=error.message)
        )
        if self.mutates and outcome_unknown(error):
            # no "failed": the change may have landed; saving again could apply it twice
            self._show_error(unknown_outcome_text(error))
            self.query_one("#form-reload", Button).display = self.reload is not None
            return
        text = describe_error(error)
        self._show_error(text.one_line())

    # ------------------------------------------------------------- buttons

    @on(Button.Pressed, "#form-review-button")
    def _review_pressed(self) -> None:
        self.action_review()

    @on(Button.Pressed, "#form-confirm")
    def _confirm_pressed(self) -> None:
        self.action_confirm()

    @on(Button.Pressed, "#form-back")
    def _back_pressed(self) -> None:
        self._set_reviewing(False)

    @on(Button.Pressed, "#form-reload")
    def _reload_pressed(self) -> None:
        """Close the form and reload what it changed, to see whether the change landed."""
        reload = self.reload
        self.dismiss(None)
        if reload is not None:
            reload()

    @on(Button.Pressed, "#form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        if self.query_one("#form-review", Static).display and not self.saving:
            self._set_reviewing(False)
            return
        if self.edited() and not self.saving:
            from workos_tui.ui.screens.confirm import ConfirmScreen

            question = ConfirmScreen(
                "Discard what you typed?", "The form is closed without saving.", yes="Discard"
            )
            self.app.push_screen(question, self._discard_answered)
            return
        self.workers.cancel_group(self, "form-save")
        self.dismiss(None)

    def edited(self) -> bool:
        """Whether a field differs from what the form opened with (Escape asks first then)."""
        for name, raw in self.raw_values().items():
            start = self.initial.get(name, "")
            if isinstance(raw, bool) and raw != bool(start):
                return True
            if not isinstance(raw, bool) and raw != str(start if start is not None else ""):
                return True
        return False

    def _discard_answered(self, discard: bool | None) -> None:
        if discard:
            self.workers.cancel_group(self, "form-save")
            self.dismiss(None)
