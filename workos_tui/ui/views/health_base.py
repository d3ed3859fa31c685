"""What the health views (X-ray, SSO and directory debuggers) share.

:class:`HealthView` is a panel with a target input (a name or an id), a verdict line, a meta
line and a :class:`FindingList`. Subclasses say how to read a target (``diagnose``, run in a
worker of their own group) and how to show the answer (``render_result``). Enter on a line
that leads somewhere opens it: a list scoped to the records behind it, or another view.
Results of an older request (the target changed, a refresh) are dropped.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from workos_tui.api.errors import WorkOSError
from workos_tui.resources.diagnostics import Drill, Finding, Severity
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.view_requests import OpenView
from workos_tui.ui.views import ToolView
from workos_tui.ui.widgets.resource_view import ResourceView

DIAGNOSIS = "health-diagnosis"
"""The worker group of a view's reading (one at a time per view; Escape cancels it)."""

MARKS: dict[Severity, tuple[str, str]] = {
    "problem": ("✖", "$error"),
    "warning": ("▲", "$warning"),
    "info": ("•", "$text-muted"),
    "ok": ("✔", "$success"),
}


def line(text: str, severity: Severity | None = None, indent: int = 0) -> Content:
    """``text`` (server text: made printable, never markup) behind a severity mark."""
    body = plain(text)
    if severity is None:
        return Content(" " * indent) + body
    mark, style = MARKS[severity]
    return Content(" " * indent) + Content(mark).stylize(style) + Content(" ") + body


def heading(text: str) -> Content:
    return plain(text).stylize("bold")


class DiagnosisLoaded(Message):
    def __init__(self, token: int, result: Any) -> None:
        super().__init__()
        self.token = token
        self.result = result


class DiagnosisFailed(Message):
    def __init__(self, token: int, error: WorkOSError) -> None:
        super().__init__()
        self.token = token
        self.error = error


class FindingList(OptionList):
    """Lines of a diagnosis; those with a drill-down open it on Enter."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="health-lines")
        self.drills: dict[str, Drill] = {}

    def show(self, rows: list[tuple[Content, Drill | None]]) -> None:
        self.clear_options()
        self.drills = {}
        options: list[Option] = []
        for k, (prompt, drill) in enumerate(rows):
            option_id = f"line-{k}"
            if drill is not None:
                self.drills[option_id] = drill
            options.append(Option(prompt, id=option_id))
        self.add_options(options)

    def texts(self) -> list[str]:
        """Every line as plain text (tests read the view through it)."""
        return [str(self.get_option_at_index(k).prompt) for k in range(self.option_count)]


def finding_rows(findings: tuple[Finding, ...] | list[Finding], indent: int = 2) -> list[Any]:
    return [(line(f.text, f.severity, indent), f.drill) for f in findings]


class HealthView(ToolView):
    """A panel that diagnoses one target."""

    EXAMPLE: ClassVar[str] = ""
    """The demo's target the screenshot shows (the demo's organization in trouble)."""

    TARGET_LABEL: ClassVar[str] = "Target"
    TARGET_PLACEHOLDER: ClassVar[str] = "name or id"
    EMPTY_TEXT: ClassVar[str] = "Type a name or an id and press Enter."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r,f5", "refresh", "Refresh", id="health.refresh"),
        Binding("ctrl+l", "focus_target", "Target", id="health.target"),
        Binding("escape", "cancel", "Cancel", id="health.cancel"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="health-view")
        self.context = context
        self.target = ""
        self.result: Any = None
        self._token = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="health-target"):
            yield Label(plain(self.TARGET_LABEL), classes="health-label")
            yield Input(self.target, placeholder=self.TARGET_PLACEHOLDER, id="health-target")
        yield Static(plain(self.EMPTY_TEXT), id="health-verdict")
        yield Static("", id="health-meta")
        yield FindingList(id="health-lines")

    def on_mount(self) -> None:
        if self.target:
            self._start()

    async def show_example(self) -> None:
        if self.EXAMPLE:
            self.show_target(self.EXAMPLE)

    # ------------------------------------------------------------------ target

    def show_target(self, target: str) -> None:
        """Diagnose ``target`` (before mounting, once mounted)."""
        self.target = target.strip()
        if self.is_mounted:
            self.query_one("#health-target", Input).value = self.target
            self._start()

    @on(Input.Submitted, "#health-target")
    def _target_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.target = event.value.strip()
        self._start()

    def action_refresh(self) -> None:
        self._start()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.loading_diagnosis
        return True

    @property
    def loading_diagnosis(self) -> bool:
        return any(w.group == DIAGNOSIS and w.is_running for w in self.workers)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == DIAGNOSIS:
            self.refresh_bindings()  # Escape (cancel) shows only while reading

    def action_cancel(self) -> None:
        """Stop reading (Escape while a diagnosis is on its way)."""
        self.workers.cancel_group(self, DIAGNOSIS)
        self._token += 1  # whatever still arrives is stale
        self.set_verdict(f"Cancelled reading {self.target}.", "-warning")
        self.refresh_bindings()

    def action_focus_target(self) -> None:
        self.query_one("#health-target", Input).focus()

    def focus(self, scroll_visible: bool = True) -> HealthView:
        if self.target:
            self.query_one(FindingList).focus(scroll_visible)
        else:
            self.query_one("#health-target", Input).focus(scroll_visible)
        return self

    @property
    def verdict_text(self) -> str:
        return str(self.query_one("#health-verdict", Static).render())

    @property
    def lines(self) -> FindingList:
        return self.query_one(FindingList)

    # ------------------------------------------------------------------ loading

    def _start(self) -> None:
        if not self.target:
            return
        self._token += 1
        self.result = None
        self.set_verdict(f"Reading {self.target}… (Escape cancels)", "-loading")
        self._load(self._token, self.target)
        self.refresh_bindings()

    @work(exclusive=True, group=DIAGNOSIS)
    async def _load(self, token: int, target: str) -> None:
        try:
            result = await self.diagnose(target)
        except WorkOSError as error:
            self.post_message(DiagnosisFailed(token, error))
            return
        self.post_message(DiagnosisLoaded(token, result))

    async def diagnose(self, target: str) -> Any:
        """Read and judge ``target`` (in the worker); raise a WorkOSError to report it."""
        raise NotImplementedError

    def render_result(self, result: Any) -> None:
        raise NotImplementedError

    @on(DiagnosisLoaded)
    def _loaded(self, message: DiagnosisLoaded) -> None:
        message.stop()
        if message.token != self._token:
            return  # an older request: the target changed or a refresh followed
        self.result = message.result
        if message.result is None:
            self.set_verdict(f"Nothing matches {self.target!r}.", "-warning")
            self.lines.show([])
            return
        self.render_result(message.result)
        self.lines.focus()

    @on(DiagnosisFailed)
    def _failed(self, message: DiagnosisFailed) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.set_verdict(describe_error(message.error).one_line(), "-problem")
        self.lines.show([])

    def set_verdict(self, text: str, kind: str = "", meta: str = "") -> None:
        verdict = self.query_one("#health-verdict", Static)
        verdict.update(plain(text))
        verdict.set_classes(kind)
        self.query_one("#health-meta", Static).update(plain(meta))

    # ------------------------------------------------------------------ drill-down

    @on(OptionList.OptionSelected, "#health-lines")
    def _line_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        drill = self.lines.drills.get(event.option.id or "")
        if drill is None:
            return
        if drill.view:
            self.post_message(OpenView(drill.view, drill.target))
        elif drill.resource:
            self.post_message(
                ResourceView.OpenRelated(drill.resource, dict(drill.scope), drill.title)
            )
