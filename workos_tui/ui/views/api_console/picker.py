"""Pick an object for a field that names one (``organization_id``, ``/organizations/{id}``, …).

:func:`list_path_for` finds the list operation of the field's resource type: a field name in
:data:`NAMED_LISTS`, or, for a path parameter, the path before it when the spec lists there
(``/organizations/{id}`` → ``GET /organizations``). :class:`PickerScreen` loads its first page,
filters it as you type (and asks the server when the list has a ``search`` filter), and returns
the chosen id. The generic form machinery may replace this with its own pickers later: the hook
is the F4 binding of the console.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from workos_tui.api.client import WorkOSClient
from workos_tui.api.errors import WorkOSError
from workos_tui.resources.api_requests import RequestField
from workos_tui.resources.operations import Operation
from workos_tui.resources.picking import AREA_FOR_LIST_PATH, find_choices
from workos_tui.resources.text_safety import printable
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views.api_console.messages import PickerItemsLoaded

NAMED_LISTS: dict[str, str] = {
    "organization_id": "/organizations",
    "organizationId": "/organizations",
    "user_id": "/user_management/users",
    "userId": "/user_management/users",
    "userlandUserId": "/user_management/users",
    "connection_id": "/connections",
    "directory_id": "/directories",
    "organization_membership_id": "/user_management/organization_memberships",
    "role_id": "/authorization/roles",
    "resource_id": "/authorization/resources",
    "webhook_endpoint_id": "/webhook_endpoints",
}
LABEL_KEYS = ("name", "email", "slug", "domain", "external_id")
PAGE_LIMIT = 100


def list_path_for(
    operation: Operation, request_field: RequestField, operations: Sequence[Operation]
) -> Operation | None:
    """The list operation whose items a field names, or ``None``."""
    lists = {op.path: op for op in operations if op.is_list}
    if request_field.name in NAMED_LISTS:
        return lists.get(NAMED_LISTS[request_field.name])
    if request_field.location == "path":
        marker = "{" + request_field.name + "}"
        head = operation.path.split(marker, 1)[0].rstrip("/")
        if head and head in lists:
            return lists[head]
    return None


def item_label(item: dict[str, Any]) -> str:
    for key in LABEL_KEYS:
        value = item.get(key)
        if isinstance(value, str) and value:
            return value
    return ""


class PickerScreen(ModalScreen[str | None]):
    """Type to filter, Enter picks the highlighted object's id, Escape cancels."""

    HELP = "## Pick\n\nType to filter, **↑ ↓** choose, **Enter** picks the id, **Escape** cancels."

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="api_picker.cancel")]

    def __init__(self, title: str, source: Operation, client: WorkOSClient) -> None:
        super().__init__()
        self.title_text = title
        self.source = source
        self.client = client
        self.items: list[tuple[str, str]] = []
        self.token = 0
        self.searchable = any(p.name == "search" for p in source.query_parameters)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog api-picker"):
            yield Label(plain(self.title_text), classes="dialog-title")
            yield Input(placeholder="type to filter", id="api-picker-filter")
            yield OptionList(id="api-picker-options")
            yield Static(Content("Loading…"), id="api-picker-status")

    def on_mount(self) -> None:
        self.query_one("#api-picker-filter", Input).focus()
        self._load("")

    def _load(self, search: str) -> None:
        self.token += 1
        self._fetch(self.token, search)

    @work(exclusive=True, group="api-console-picker")
    async def _fetch(self, token: int, search: str) -> None:
        context = getattr(self.app, "context", None)
        area = AREA_FOR_LIST_PATH.get(self.source.path, "")
        if isinstance(context, ConsoleContext) and area in context.registry:
            # the same lookup as the forms' pickers (ui/widgets/object_picker.py)
            found = await attempt(
                find_choices(context.workos, context.registry[area], search, limit=PAGE_LIMIT)
            )
            if isinstance(found, WorkOSError):
                self.post_message(PickerItemsLoaded(token, [], str(found)))
            else:
                choices = [(choice.item_id, choice.label) for choice in found]
                self.post_message(PickerItemsLoaded(token, choices))
            return
        params: dict[str, str | int] = {"limit": PAGE_LIMIT}
        if search and self.searchable:
            params["search"] = search
        try:
            body = await self.client.request("GET", self.source.path, params=params)
        except WorkOSError as error:
            self.post_message(PickerItemsLoaded(token, [], str(error)))
            return
        data = body.get("data") if isinstance(body, dict) else None
        items = [
            (str(item["id"]), item_label(item))
            for item in (data or [])
            if isinstance(item, dict) and item.get("id")
        ]
        self.post_message(PickerItemsLoaded(token, items))

    @on(PickerItemsLoaded)
    def _loaded(self, message: PickerItemsLoaded) -> None:
        message.stop()
        if message.token != self.token:
            return  # a newer search is on its way
        self.items = message.items
        status = message.problem or f"{len(message.items)} loaded"
        self.query_one("#api-picker-status", Static).update(Content(printable(status)))
        self._show(self.query_one("#api-picker-filter", Input).value)

    def _show(self, text: str) -> None:
        wanted = text.lower().strip()
        options = self.query_one("#api-picker-options", OptionList)
        options.clear_options()
        for item_id, label in self.items:
            if wanted and wanted not in item_id.lower() and wanted not in label.lower():
                continue
            prompt = Text(printable(item_id), style="bold")
            if label:
                prompt.append("  " + printable(label))
            options.add_option(Option(prompt, id=item_id))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#api-picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)
        if self.searchable or self.source.path in AREA_FOR_LIST_PATH:
            self._load(event.value)

    @on(Input.Submitted, "#api-picker-filter")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#api-picker-options", OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#api-picker-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_key(self, event: events.Key) -> None:
        if event.key in ("down", "up"):
            options = self.query_one("#api-picker-options", OptionList)
            if self.focused is not options and options.option_count:
                options.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
