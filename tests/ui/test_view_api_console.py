"""The API console (`:api`): search, generated form, send, table/tree, paging, guards, copies."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from textual.widgets import Button, HelpPanel, Input, Markdown, TabbedContent, TextArea, Tree
from ui_helpers import SIZE, run_palette_command, settle

from workos_tui.api.environment import Environment
from workos_tui.resources import operations
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.screens.confirm import ConfirmScreen, TypedConfirmScreen
from workos_tui.ui.views import ToolView
from workos_tui.ui.views.api_console import ApiConsole
from workos_tui.ui.views.api_console.picker import PickerScreen
from workos_tui.ui.views.api_console.request_form import RequestForm, short_description
from workos_tui.ui.widgets.form_field import FormField

HOSTILE_NAME = "[b]Evil[/b] [link=file:///etc/passwd]co[/link] \x1b]0;pwned\x07 Corp"


@pytest.fixture(autouse=True, scope="module")
def _operation_index_in_a_temporary_cache(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[None]:
    """The console caches its operation index in the user cache dir: here, a temporary one."""
    patch = pytest.MonkeyPatch()
    patch.setenv(operations.CACHE_DIR_ENV, str(tmp_path_factory.mktemp("cache")))
    operations.all_operations.cache_clear()
    yield
    patch.undo()
    operations.all_operations.cache_clear()


async def open_console(app: Any, pilot: Any) -> ApiConsole:
    await settle(app, pilot)
    await pilot.press("colon", *"api", "enter")
    await settle(app, pilot)
    console = app.query_one(ApiConsole)
    assert console.display and console.operations, "the console shows the loaded operations"
    return console


async def choose(app: Any, pilot: Any, console: ApiConsole, search: str) -> None:
    """Type ``search`` into the operation search and open the first match."""
    console.query_one("#api-search", Input).focus()
    await pilot.press(*search, "enter")
    await settle(app, pilot)


def form_values(console: ApiConsole, values: dict[str, str]) -> None:
    form = console.query_one(RequestForm)
    for key, value in values.items():
        widget = form.query_one(f"#input-{key}")
        widget.value = value  # type: ignore[attr-defined]


def exchanges(emulator: Any, start: int, method: str, prefix: str) -> list[Any]:
    return [
        e for e in emulator.log.since(start) if e.method == method and e.path.startswith(prefix)
    ]


def table_rows(console: ApiConsole) -> list[list[str]]:
    table = console.response.table
    return [table.get_row_at(row) for row in range(table.row_count)]


async def test_api_opens_searches_sends_and_pages(console_factory: Any, emulator: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        assert len(console.operations) == 212
        await pilot.press(*"list organizations")
        await settle(app, pilot)
        tree: Tree[Any] = console.query_one("#api-operations", Tree)
        leaves = [str(leaf.label) for tag in tree.root.children for leaf in tag.children]
        assert any("List Organizations" in leaf for leaf in leaves)
        await pilot.press("enter")
        await settle(app, pilot)
        assert console.operation is not None
        assert console.operation.operation_id == "OrganizationsController_list"
        form_values(console, {"query-limit": "5", "query-order": "asc"})
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        first = table_rows(console)
        names = {org["name"] for org in emulator.state["organizations"]}
        assert len(first) == 5
        name_column = [c.title for c in console.response.table.columns].index("name")
        assert all(row[name_column] in names for row in first)
        status = str(console.query_one("#api-response-status").render())
        assert "200" in status and "request " in status
        assert len(exchanges(emulator, start, "GET", "/organizations")) == 1
        # the next page follows list_metadata.after, the previous one list_metadata.before
        await pilot.press("f9")
        await settle(app, pilot)
        second = table_rows(console)
        assert len(second) == 5 and not {r[0] for r in second} & {r[0] for r in first}
        await pilot.press("f8")
        await settle(app, pilot)
        assert [r[0] for r in table_rows(console)] == [r[0] for r in first]
        sent = exchanges(emulator, start, "GET", "/organizations")
        assert "after=" in sent[1].query_string and "before=" in sent[2].query_string


async def test_palette_opens_it(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "API console: open")
        assert app.current_area == "api-console"
        assert app.query_one(ApiConsole).display
        app.query_one("#api-search", Input).focus()
        await pilot.press("f1")  # the help lists the console's keys
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "API console" in help_text and "F5" in help_text and "WORKOS_API_KEY" in help_text


async def test_missing_required_field_is_refused_before_sending(
    console_factory: Any, emulator: Any
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_create")
        assert console.operation is not None and console.operation.method == "POST"
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        name_field = console.query_one("#field-body-name", FormField)
        assert name_field.has_class("-invalid")
        assert "required" in str(name_field.query_one(".field-error").render())
        assert exchanges(emulator, start, "POST", "/organizations") == []
        # a type error is refused the same way
        form_values(console, {"body-name": "Typed Co", "body-metadata": "[1, 2]"})
        await pilot.press("f5")
        await settle(app, pilot)
        assert console.query_one("#field-body-metadata", FormField).has_class("-invalid")
        assert exchanges(emulator, start, "POST", "/organizations") == []


async def test_read_only_refuses_a_delete_without_a_request(
    console_factory: Any, emulator: Any
) -> None:
    org_id = next(iter(emulator.state["organizations"]))["id"]
    app = console_factory(read_only=True)
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "delete /organizations/{id}")
        assert console.operation is not None and console.operation.method == "DELETE"
        form_values(console, {"path-id": org_id})
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        assert "Read-only profile" in str(console.query_one("#api-response-status").render())
        assert any("Read-only" in n.message for n in app._notifications)
        assert not isinstance(app.screen, TypedConfirmScreen)
        assert emulator.log.since(start) == []
        assert org_id in emulator.state["organizations"]


async def test_delete_asks_for_the_typed_id(console_factory: Any, emulator: Any) -> None:
    org_id = next(iter(emulator.state["organizations"]))["id"]
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "delete /organizations/{id}")
        form_values(console, {"path-id": org_id})
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, TypedConfirmScreen)
        assert app.screen.expected == org_id
        assert str(app.screen.query_one("#confirm-delete", Button).label) == "Send DELETE"
        await pilot.press("escape")
        await settle(app, pilot)
        assert exchanges(emulator, start, "DELETE", "/organizations") == []


async def test_copy_as_curl_and_sdk_call_never_hold_the_key(
    console_factory: Any, emulator: Any
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_create")
        form_values(console, {"body-name": "Copy Co", "body-external_id": "ext-1"})
        await pilot.press("f6")
        curl = app.clipboard
        assert curl.startswith("curl -X POST ") and "/organizations" in curl
        assert '"Authorization: Bearer $WORKOS_API_KEY"' in curl
        assert '"name": "Copy Co"' in curl
        assert emulator.api_key not in curl
        await pilot.press("f7")
        sdk = app.clipboard
        assert "client.organizations.create_organization(" in sdk and "name='Copy Co'" in sdk
        assert emulator.api_key not in sdk


async def test_errors_show_as_the_response(console_factory: Any, emulator: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_find")
        form_values(console, {"path-id": "org_does_not_exist"})
        await pilot.press("f5")
        await settle(app, pilot)
        status = str(console.query_one("#api-response-status").render())
        assert "404" in status and "Not found" in status
        exchange = console.response.exchange
        assert exchange is not None and exchange.error is not None
        assert isinstance(exchange.body, dict) and "message" in exchange.body
        # a dropped connection is a response without a status, not a crash
        emulator.add_hook("/organizations/*", method="GET", drop=True)
        await pilot.press("f5")
        await settle(app, pilot)
        assert "no response" in str(console.query_one("#api-response-status").render())


async def test_hostile_names_in_a_response_are_text(console_factory: Any, emulator: Any) -> None:
    with emulator.client() as http:
        assert http.post("/organizations", json={"name": HOSTILE_NAME}).status_code == 201
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "list organizations")
        form_values(console, {"query-search": "Evil"})
        await pilot.press("f5")
        await settle(app, pilot)
        rows = table_rows(console)
        assert len(rows) == 1
        cells = " ".join(rows[0])
        assert "[b]Evil[/b] [link=file:///etc/passwd]co[/link]" in cells
        assert "\x1b" not in cells and "\x07" not in cells and "␛" in cells
        shown = tree_labels(console)
        assert "[b]Evil[/b] [link=file:///etc/passwd]co[/link]" in shown
        assert "\x1b" not in shown


async def test_picker_fills_an_id_field(console_factory: Any, emulator: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_find")
        assert app.focused is not None and app.focused.id == "input-path-id"
        hint = console.query_one("#field-path-id .field-description").render()
        assert "F4 picks one" in str(hint)
        await pilot.press("f4")
        await settle(app, pilot)
        assert isinstance(app.screen, PickerScreen)
        organizations = emulator.state["organizations"]
        wanted = next(org for org in organizations if org["name"] == "Acme Rockets")
        await pilot.press(*"Acme Rock")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert console.query_one("#input-path-id", Input).value == wanted["id"]


async def test_raw_body_starts_from_the_fields_and_is_sent(
    console_factory: Any, emulator: Any
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_create")
        form_values(console, {"body-name": "Raw Co"})
        console.query_one("#api-request-tabs", TabbedContent).active = "api-tab-raw"
        await settle(app, pilot)
        editor = console.query_one("#api-raw-body", TextArea)
        assert json.loads(editor.text) == {"name": "Raw Co"}
        editor.load_text('{"name": "Raw Co", "external_id": "raw-1"}')
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        [sent] = exchanges(emulator, start, "POST", "/organizations")
        assert json.loads(sent.request_body) == {"name": "Raw Co", "external_id": "raw-1"}
        assert "201" in str(console.query_one("#api-response-status").render())


async def test_production_asks_before_any_change(emulator: Any) -> None:
    environment = Environment(
        name="prod", api_key=SecretStr("sk_live_abc123"), base_url=emulator.base_url
    )
    app = WorkOSConsole(environment, open_browser=False, prepare_areas=False)
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_create")
        form_values(console, {"body-name": "Prod Co"})
        start = len(emulator.log)
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert "PRODUCTION" in app.screen.question
        await pilot.press("escape")
        await settle(app, pilot)
        assert exchanges(emulator, start, "POST", "/organizations") == []


async def test_a_second_send_never_cancels_one_in_flight(
    console_factory: Any, emulator: Any
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "OrganizationsController_create")
        form_values(console, {"body-name": "Once Co"})
        emulator.add_hook("/organizations", method="POST", latency_ms=1500)
        start = len(emulator.log)
        await pilot.press("f5")
        await pilot.pause()
        assert console.sending
        await pilot.press("f5")
        await settle(app, pilot)
        assert len(exchanges(emulator, start, "POST", "/organizations")) == 1
        assert any("still on its way" in n.message for n in app._notifications)
        assert "201" in str(console.query_one("#api-response-status").render())


def tree_labels(console: ApiConsole) -> str:
    labels: list[str] = []

    def walk(node: Any) -> None:
        labels.append(node.label.plain)
        for child in node.children:
            walk(child)

    walk(console.response.json_tree.root)
    return "\n".join(labels)


async def test_secret_values_are_masked_until_revealed(console_factory: Any, emulator: Any) -> None:
    secret = next(iter(emulator.state["vault_objects"]))
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        await choose(app, pilot, console, "Read an object by name")
        form_values(console, {"path-name": secret["name"]})
        await pilot.press("f5")
        await settle(app, pilot)
        shown = tree_labels(console)
        assert secret["name"] in shown and secret["value"] not in shown
        assert "value: ••••••" in shown
        assert secret["value"] not in app.export_screenshot()
        await pilot.press("f2")
        await pilot.pause()
        assert f'value: "{secret["value"]}"' in tree_labels(console)
        await pilot.press("f5")  # a new response is masked again
        await settle(app, pilot)
        assert secret["value"] not in tree_labels(console)


async def test_the_screenshot_example_is_a_real_list_without_volatile_figures(
    console_factory: Any,
) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        console = await open_console(app, pilot)
        assert isinstance(console, ToolView)  # python -m workos_tui.screenshots calls it
        await console.show_example()
        await settle(app, pilot)
        assert len(table_rows(console)) == 10
        status = str(console.query_one("#api-response-status").render())
        assert "200" in status and "GET /organizations" in status
        assert " ms" not in status and "request " not in status


def test_screenshot_path_is_where_the_readme_points() -> None:
    assert (Path(__file__).parents[2] / "screenshots" / "api-console.svg").exists()


def test_field_descriptions_are_one_plain_sentence() -> None:
    text = "The ID of the [user](/reference/authkit/user). When absent, the default applies."
    assert short_description(text) == "The ID of the user."
    assert short_description("Between `1` and `100`.", 10) == "Between `1` and `100`. Default: 10."
