"""``ApiConsole``: any of the spec's operations, from a generated form, sent as it is."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widget import AwaitMount
from textual.widgets import Static

from workos_tui.api.client import WorkOSClient
from workos_tui.api.errors import WorkOSError
from workos_tui.api.requestlog import RequestRecord
from workos_tui.resources.api_requests import PreparedRequest, curl_command, prepare
from workos_tui.resources.operations import Operation, all_operations
from workos_tui.resources.sdk_calls import python_sdk_call
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import unexpected_error
from workos_tui.ui.views import ToolView
from workos_tui.ui.views.api_console.messages import Exchange, OperationsLoaded, ResponseArrived
from workos_tui.ui.views.api_console.operation_list import METHOD_STYLES, OperationList
from workos_tui.ui.views.api_console.picker import PickerScreen, list_path_for
from workos_tui.ui.views.api_console.request_form import RequestForm
from workos_tui.ui.views.api_console.response_view import ResponseView

EXAMPLE_OPERATION = "OrganizationsController_list"


class ApiConsole(ToolView):
    """Operations by spec tag with search; the request form; the response."""

    HELP = """
## API console

Every operation of the WorkOS API, sent through the console's connection.

- Type in the search box (**F3**) to find an operation (id, summary, path, method);
  **Enter** opens it.
- Fill the form (`*` marks required fields; the raw JSON tab replaces the body fields).
- **F5** sends. The response shows as a table (lists) and as a JSON tree.
- **F8 / F9** previous / next page of a list.
- **F6** copies the request as curl (the key as `$WORKOS_API_KEY`), **F7** as a Python SDK call.
- **F4** on a field that names an object (an organization, a user…) picks one from its list.
- Values of secret-looking keys (tokens, secrets, API key and Vault values) are masked: **F2**
  reveals them until the next response.
- Read-only profiles send only GET; DELETE and revoking calls ask you to type a confirmation.
"""

    BINDINGS = [
        Binding("f5", "send", "Send", id="api_console.send"),
        Binding("f6", "copy_curl", "Copy curl", id="api_console.copy_curl"),
        Binding("f7", "copy_sdk", "Copy SDK", id="api_console.copy_sdk"),
        Binding("f8", "previous_page", "Prev page", id="api_console.previous_page"),
        Binding("f9", "next_page", "Next page", id="api_console.next_page"),
        Binding("f4", "pick", "Pick", id="api_console.pick"),
        Binding("f3", "search", "Search", show=False, id="api_console.search"),
        Binding("f2", "reveal", "Reveal", id="api_console.reveal"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context
        self.operation: Operation | None = None
        self._form: RequestForm | None = None
        self.token = 0
        self.sending = False

    @property
    def client(self) -> WorkOSClient:
        client: WorkOSClient = self.context.workos.client
        return client

    def compose(self) -> ComposeResult:
        yield OperationList(id="api-operations-pane")
        with Vertical(id="api-request-pane"):
            yield Static(Text("Choose an operation on the left.", style="dim"), id="api-title")
            yield Vertical(id="api-form-holder")
            yield ResponseView(id="api-response")

    def on_mount(self) -> None:
        self._load_operations()
        self.call_after_refresh(self._take_focus_if_free)

    def _take_focus_if_free(self) -> None:
        # Shown and nothing focused (e.g. the `:` input it was opened from just hid): the search
        # takes the focus, so that the console's keys work at once.
        if self.app.focused is None and self.display:
            self.focus()

    def focus(self, scroll_visible: bool = True) -> ApiConsole:
        self.operation_list.search.focus(scroll_visible)
        return self

    @property
    def operation_list(self) -> OperationList:
        return self.query_one("#api-operations-pane", OperationList)

    @property
    def operations(self) -> list[Operation]:
        return self.operation_list.operations

    @property
    def form(self) -> RequestForm | None:
        """The form of the chosen operation (the previous one may still be on its way out)."""
        return self._form

    @property
    def response(self) -> ResponseView:
        return self.query_one("#api-response", ResponseView)

    # ------------------------------------------------------------------ operations

    @work(thread=True, exclusive=True, group="api-console-index")
    def _load_operations(self) -> None:
        try:
            operations = all_operations()
        except Exception as exc:  # a damaged install: say so, never crash
            self.post_message(OperationsLoaded(None, f"Cannot read the spec: {exc}"))
            return
        self.post_message(OperationsLoaded(operations))

    @on(OperationsLoaded)
    def _operations_loaded(self, message: OperationsLoaded) -> None:
        message.stop()
        if message.operations is None:
            self.operation_list.show_problem(message.problem)
        else:
            self.operation_list.set_operations(message.operations)

    @on(OperationList.Chosen)
    def _chosen(self, message: OperationList.Chosen) -> None:
        message.stop()
        self.select_operation(message.operation)

    def select_operation(self, operation: Operation) -> AwaitMount:
        """Show an operation's form (a new, empty one); await the result for its fields."""
        self.operation = operation
        title = Text()
        title.append(f"{operation.method} ", style=METHOD_STYLES.get(operation.method, "bold"))
        title.append(operation.path, style="bold")
        title.append(f"  {operation.title}")
        if operation.mutates and self.context.read_only:
            title.append("  read-only profile: not sent", style="bold red")
        elif operation.destructive:
            title.append("  destructive: asks for a typed confirmation", style="bold red")
        self.query_one("#api-title", Static).update(title)
        holder = self.query_one("#api-form-holder", Vertical)
        holder.remove_children()
        form = RequestForm(
            operation,
            pickable=lambda field: list_path_for(operation, field, self.operations) is not None,
        )
        self._form = form
        mounting = holder.mount(form)
        self.call_later(self._focus_once_mounted, mounting, form)
        self.refresh_bindings()
        return mounting

    async def _focus_once_mounted(self, mounting: AwaitMount, form: RequestForm) -> None:
        await mounting  # the form's fields exist once its mount finished
        if self.form is not form:
            return  # another operation was chosen meanwhile
        inputs = form.query("#api-form Input, #api-form Select")
        if inputs:
            inputs.first().focus()

    # ------------------------------------------------------------------ sending

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("send", "copy_curl", "copy_sdk", "pick"):
            return True if self.operation is not None else None
        if action == "reveal":
            return True if self.is_mounted and self.response.exchange is not None else None
        before, after = self.response.cursors if self.is_mounted else (None, None)
        if action == "next_page":
            return True if after and not self.sending else None
        if action == "previous_page":
            return True if before and not self.sending else None
        return True

    def prepared(self) -> PreparedRequest | None:
        """The form's request, checked; errors go on the fields and ``None`` is returned."""
        form = self.form
        if self.operation is None or form is None:
            return None
        result = prepare(self.operation, form.fields, form.raw_values(), raw_body=form.raw_body())
        form.show_errors(result.errors)
        if result.request is None:
            count = len(result.errors)
            self.notify(
                f"Not sent: {count} field{'s' if count != 1 else ''} to fix.", severity="warning"
            )
        return result.request

    def action_send(self) -> None:
        if self.sending:  # never cancel a request that may already have changed something
            self.notify("A request is still on its way; wait for its response.")
            return
        request = self.prepared()
        if request is not None:
            self.guard(request)

    def guard(self, request: PreparedRequest) -> None:
        """Read-only refuses a change; DELETE and revoking calls need a typed confirmation, any
        other change in production a yes."""
        from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen

        operation = request.operation
        environment = self.context.environment
        target = f"{request.method} {request.path}"
        if operation.mutates and self.context.read_only:
            message = f"Read-only profile: {target} was not sent (only GET is)."
            self.query_one("#api-response-status", Static).update(Text(message, style="bold red"))
            self.notify(message, title="Read-only", severity="error")
            return
        production = " in PRODUCTION" if environment.is_production else ""
        if operation.destructive:
            expected = (
                request.path_values[-1]
                if request.path_values
                else operation.path.rsplit("/", 1)[-1]
            )
            self.app.push_screen(
                TypedConfirmScreen(
                    f"Send {operation.method}{production}?",
                    f"{target} ({operation.title}) cannot be undone.",
                    expected,
                    label=f"Send {operation.method}",
                ),
                lambda ok: self.dispatch(request) if ok else None,
            )
        elif operation.mutates and environment.is_production:
            self.app.push_screen(
                ConfirmScreen(f"Send {operation.method}{production}?", target),
                lambda ok: self.dispatch(request) if ok else None,
            )
        else:
            self.dispatch(request)

    def dispatch(self, request: PreparedRequest) -> None:
        self.token += 1
        self.sending = True
        self.response.show_sending(request.method, request.path)
        self._send(self.token, request)
        self.refresh_bindings()

    @work(exclusive=True, group="api-console-send")
    async def _send(self, token: int, request: PreparedRequest) -> None:
        self.post_message(ResponseArrived(token, await self._exchange(request)))

    async def _exchange(self, request: PreparedRequest) -> Exchange:
        """Send ``request``; what came back, an error included (never raised)."""
        client = self.client
        records: list[RequestRecord] = []
        unsubscribe = client.request_log.subscribe(records.append)
        started = time.monotonic()
        error: WorkOSError | None = None
        body: Any = None
        try:
            body = await client.request(
                request.method,
                request.path,
                params=request.params or None,
                json=request.body,
                comma_joined=request.comma_joined,
            )
        except WorkOSError as failure:
            error, body = failure, failure.body
        except Exception as exc:  # a bug is shown as an error, never as a traceback
            error = unexpected_error(exc)
        finally:
            unsubscribe()
        mine = [r for r in records if r.method == request.method and r.path == request.path]
        record = mine[-1] if mine else None
        return Exchange(
            request=request,
            status=record.status if record is not None else (error.status if error else None),
            duration_ms=record.duration_ms if record else (time.monotonic() - started) * 1000,
            request_id=(record.request_id if record else None)
            or (error.request_id if error else None),
            body=body,
            error=error,
        )

    async def show_example(self) -> None:
        """The screenshot's example: List Organizations (10), sent for real, shown without its
        duration and request id (they change with every run; the file stays the same)."""
        if not self.operations:
            self.operation_list.set_operations(await asyncio.to_thread(all_operations))
        listing = next(op for op in self.operations if op.operation_id == EXAMPLE_OPERATION)
        self.operation_list.search.value = listing.summary.lower()
        await self.select_operation(listing)
        form = self.form
        assert form is not None
        form.set_value("query-limit", "10")
        request = self.prepared()
        if request is not None:
            exchange = await self._exchange(request)
            self.response.show(replace(exchange, duration_ms=None, request_id=None))
            self.refresh_bindings()
        self.call_after_refresh(self._example_at_rest, form)

    def _example_at_rest(self, form: RequestForm) -> None:
        # after the form's own focus call: the same focus and scroll on every run
        self.operation_list.search.focus()
        form.query_one("#api-form").scroll_home(animate=False)

    @on(ResponseArrived)
    def _response_arrived(self, message: ResponseArrived) -> None:
        message.stop()
        if message.token != self.token:
            return  # a newer request replaced it
        self.sending = False
        self.response.show(message.exchange)
        self.refresh_bindings()

    def _page(self, before: str | None, after: str | None) -> None:
        exchange = self.response.exchange
        if exchange is None or self.sending:
            return
        self.dispatch(exchange.request.with_params(before=before, after=after))

    def action_next_page(self) -> None:
        _, after = self.response.cursors
        if after:
            self._page(None, after)

    def action_previous_page(self) -> None:
        before, _ = self.response.cursors
        if before:
            self._page(before, None)

    # ------------------------------------------------------------------ copy, pick, search

    def action_copy_curl(self) -> None:
        request = self.prepared()
        if request is not None:
            self.app.copy_to_clipboard(curl_command(request, self.context.environment.base_url))
            self.notify("Copied as curl (the key as $WORKOS_API_KEY).")

    def action_copy_sdk(self) -> None:
        request = self.prepared()
        if request is not None:
            base_url = self.context.environment.base_url
            self.app.copy_to_clipboard(python_sdk_call(request, base_url))
            self.notify("Copied as a Python SDK call.")

    def action_pick(self) -> None:
        form, operation = self.form, self.operation
        request_field = form.focused_field() if form is not None else None
        if form is None or operation is None or request_field is None:
            self.notify("Focus a field that names an object (an id) to pick one.")
            return
        source = list_path_for(operation, request_field, self.operations)
        if source is None:
            self.notify(f"No list to pick {request_field.name} from.", severity="warning")
            return

        def picked(value: str | None) -> None:
            if value:
                form.set_value(request_field.key, value)

        title = f"Pick {request_field.name} from {source.title}"
        self.app.push_screen(PickerScreen(title, source, self.client), picked)

    def action_reveal(self) -> None:
        self.response.toggle_reveal()

    def action_search(self) -> None:
        self.operation_list.search.focus()
