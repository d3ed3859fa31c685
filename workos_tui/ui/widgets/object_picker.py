"""``ObjectPicker``: a text input that offers the objects a field may name as you type.

Every form field declared with a ``Picks`` marker (``OrganizationRef``, ``UserRef``,
``RoleSlugRef`` … in ``workos_tui/api/models/common.py``) is one of these. Typing asks the
area's server-side search (or matches its first pages, ``resources/picking.py``); ↓ on an
empty field lists the newest; ↑ ↓ choose,
Enter puts the chosen object's id (or slug) in the field and shows its name under it. A raw
id typed or pasted is kept as it is. Escape closes the choices (a second Escape leaves the
form as usual).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.common import Picks
from workos_tui.resources.base import ResourceType
from workos_tui.resources.picking import Choice, find_choices
from workos_tui.resources.text_safety import printable
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt
from workos_tui.ui.safe_text import plain

DEBOUNCE_SECONDS = 0.2


class ChoicesLoaded(Message):
    def __init__(self, token: int, choices: list[Choice], problem: str = "") -> None:
        super().__init__()
        self.token = token
        self.choices = choices
        self.problem = problem


class ObjectPicker(Input):
    """An :class:`Input` over an area's objects; its value is what the field sends."""

    DEFAULT_CSS = """
    ObjectPicker { border-subtitle-color: $text-muted; }
    .object-choices { height: auto; max-height: 8; display: none; }
    .object-choices.-open { display: block; }
    """

    BINDINGS = [
        Binding("down", "move(1)", "Next choice", show=False, id="picker.next"),
        Binding("up", "move(-1)", "Previous choice", show=False, id="picker.previous"),
        Binding("enter", "pick", "Pick", show=False, id="picker.pick"),
        Binding("escape", "close", "Close choices", show=False, id="picker.close"),
    ]

    def __init__(self, picks: Picks, *, value: str = "", id: str | None = None) -> None:
        super().__init__(value=value, placeholder=f"type to find {picks.area}, or an id", id=id)
        self.picks = picks
        self.choices: list[Choice] = []
        self._token = 0
        self._timer: Timer | None = None
        self._picked = value

    # ------------------------------------------------------------------ plumbing

    def _console_context(self) -> ConsoleContext | None:
        context = getattr(self.app, "context", None)
        return context if isinstance(context, ConsoleContext) else None

    def _resource(self) -> ResourceType | None:
        context = self._console_context()
        if context is None or self.picks.area not in context.registry:
            return None
        return context.registry[self.picks.area]

    @property
    def options(self) -> OptionList:
        """The choices under the input, mounted beside it on first use."""
        if self.parent is not None:
            for child in self.parent.children:
                if isinstance(child, OptionList) and child.has_class("object-choices"):
                    return child
        options = OptionList(classes="object-choices")
        options.can_focus = False
        parent = self.parent
        assert isinstance(parent, Widget)
        parent.mount(options, after=self)
        return options

    @property
    def is_open(self) -> bool:
        return any(
            isinstance(child, OptionList) and child.has_class("-open")
            for child in (self.parent.children if self.parent is not None else [])
        )

    # ------------------------------------------------------------------ lookup

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input is not self or not self.has_focus or event.value == self._picked:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self._lookup)

    def _lookup(self) -> None:
        self._timer = None
        context = self._console_context()
        resource = self._resource()
        if context is None or resource is None:
            return
        self._token += 1
        self._find(self._token, context, resource, self.value)

    @work(exclusive=True, group="object-picker")
    async def _find(
        self, token: int, context: ConsoleContext, resource: ResourceType, text: str
    ) -> None:
        outcome = await attempt(
            find_choices(context.workos, resource, text, value_field=self.picks.value)
        )
        if isinstance(outcome, WorkOSError):
            self.post_message(ChoicesLoaded(token, [], str(outcome)))
        else:
            self.post_message(ChoicesLoaded(token, outcome))

    @on(ChoicesLoaded)
    def _loaded(self, message: ChoicesLoaded) -> None:
        message.stop()
        if message.token != self._token:
            return  # a newer lookup is on its way
        self.choices = message.choices
        options = self.options
        options.clear_options()
        for choice in message.choices:
            prompt = Text(printable(choice.label or choice.value), style="bold")
            detail = choice.value if choice.label else ""
            if choice.item_id != choice.value:
                detail = f"{detail}  {choice.item_id}".strip()
            if detail:
                prompt.append("  " + printable(detail), style="dim")
            options.add_option(Option(prompt))
        if message.problem:
            options.add_option(Option(Text(printable(message.problem)), disabled=True))
        if options.option_count:
            options.highlighted = 0
        options.set_class(self.has_focus and bool(options.option_count), "-open")

    # ------------------------------------------------------------------ keys

    def action_move(self, step: int) -> None:
        options = self.options
        if not self.is_open:
            if options.option_count:
                options.add_class("-open")
            else:
                self._lookup()
            return
        current = options.highlighted or 0
        options.highlighted = max(0, min(options.option_count - 1, current + step))

    async def action_pick(self) -> None:
        options = self.options
        index = options.highlighted
        if self.is_open and index is not None and index < len(self.choices):
            self.choose(self.choices[index])
        else:
            await self.action_submit()

    def choose(self, choice: Choice) -> None:
        """Put ``choice`` in the field; its name shows under the input."""
        self._picked = choice.value
        self.value = choice.value
        self.cursor_position = len(self.value)
        self.border_subtitle = plain(choice.label or choice.item_id)
        self.options.set_class(False, "-open")
        self.post_message(self.Picked(self, choice))

    def action_close(self) -> None:
        self.options.set_class(False, "-open")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close":
            return self.is_open
        return True

    def on_blur(self) -> None:
        if self.parent is not None:
            self.options.set_class(False, "-open")

    class Picked(Message):
        """An object was chosen from the list."""

        def __init__(self, picker: ObjectPicker, choice: Choice) -> None:
            super().__init__()
            self.picker = picker
            self.choice = choice

        @property
        def control(self) -> ObjectPicker:
            return self.picker
