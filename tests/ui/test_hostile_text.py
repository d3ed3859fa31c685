"""Hostile text from the server reaches the screen as data, never as terminal control or markup.

Each test renders what the terminal would receive (the compositor's full update, the bytes a
driver writes) and asserts that no control sequence from the data is in it, and that the data is
still shown, its controls made visible.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from ui_helpers import SIZE, current_view, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.widgets.error_panel import ErrorPanel

TITLE = "\x1b]0;pwned-title\x07"
CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CLEAR = "\x1b[2J"
LINK = "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
C1_CSI = "\x9b31m"
BIDI = "\u202egnp.exe"
SURROGATE = "\ud800"
MARKUP = "[red]markup[/red] [@click=app.quit]quit[/]"
FRIENDLY = "שלום 👩\u200d💻 Zoë"
HOSTILE_NAME = f"ZZ {TITLE}{CLIPBOARD}{CLEAR}{LINK}{C1_CSI}{BIDI} {MARKUP} {FRIENDLY}"
# (A lone surrogate cannot be stored by the emulator; the line filter's test below covers it.)

# What Textual itself writes for a frame: colours and attributes (SGR) and cursor moves.
_TEXTUAL_SEQUENCES = re.compile(r"\x1b\[[0-9;:]*m|\x1b\[\d+;\d+H")
_TERMINAL_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_output(app: WorkOSConsole) -> str:
    """What a full repaint of the screen sends to the terminal."""
    update = app.screen._compositor.render_update(full=True)
    assert update is not None
    rendered: str = update.render_segments(app.console)  # type: ignore[attr-defined]
    return rendered


def assert_terminal_safe(output: str) -> None:
    leftover = _TEXTUAL_SEQUENCES.sub("", output)
    found = sorted({f"U+{ord(ch):04X}" for ch in _TERMINAL_CONTROL.findall(leftover)})
    assert found == [], f"terminal controls reached the output: {found}"
    assert "pwned-title" not in output or "\x1b]0;pwned" not in output
    assert "\ud800" not in output
    output.encode("utf-8")  # what the driver does: no lone surrogate may make it raise


def create_hostile_organization(emulator: EmulatorHandle) -> str:
    with emulator.client() as client:
        response = client.post("/organizations", json={"name": HOSTILE_NAME})
        assert response.status_code == 201, response.text
        organization_id: str = response.json()["id"]
    return organization_id


async def test_hostile_names_in_list_detail_and_json(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    create_hostile_organization(emulator)
    app = console_factory(start_search="ZZ")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert [item.name for item in view.items] == [HOSTILE_NAME]
        # the list and the detail pane show the controls as visible stand-ins
        cells = view.table.get_row_at(0)
        shown = " ".join(cells)
        assert "␛]0;pwned-title␇" in shown
        assert "<U+009B>31m" in shown and "<U+202E>gnp.exe" in shown
        detail = view.detail.plain_text()
        assert "␛]52;c;cHduZWQ=␇" in detail and "␛[2J" in detail
        # markup is text, and ordinary Unicode is untouched
        assert MARKUP in detail and FRIENDLY in detail
        assert_terminal_safe(terminal_output(app))
        await pilot.press("j")  # raw JSON
        await settle(app, pilot)
        assert_terminal_safe(terminal_output(app))
        assert app.is_running


async def test_hostile_error_message_in_the_error_panel(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    emulator.add_hook(
        "/organizations",
        method="GET",
        status=500,
        body={"message": f"boom {TITLE}{CLEAR} {MARKUP}", "code": "server_error"},
    )
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = current_view(app).query_one(ErrorPanel)
        message = str(panel.query_one("#error-message").render())
        assert "boom ␛]0;pwned-title␇␛[2J" in message
        assert MARKUP in message
        assert_terminal_safe(terminal_output(app))


async def test_notifications_are_data(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        app.notify(f"copied {TITLE} {MARKUP}", title=f"t{CLEAR}")
        for _ in range(20):
            await pilot.pause()
            if app.screen.query("Toast"):
                break
        toast = app.screen.query_one("Toast")
        text = str(toast.render())
        assert "␛]0;pwned-title␇" in text and MARKUP in text and "t␛[2J" in text
        assert_terminal_safe(terminal_output(app))


async def test_request_inspector_shows_hostile_errors_as_text(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    emulator.add_hook(
        "/organizations",
        method="GET",
        status=400,
        body={"message": f"bad {TITLE} {MARKUP}", "code": "invalid"},
    )
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+r")
        await settle(app, pilot)
        assert_terminal_safe(terminal_output(app))
        table = app.query_one("#inspector-table")
        cells = [str(cell) for row in table.rows for cell in table.get_row(row)]  # type: ignore[attr-defined]
        assert any("␛]0;pwned-title␇" in cell and MARKUP in cell for cell in cells), cells


async def test_a_widget_that_forgets_to_sanitise_still_cannot_reach_the_terminal(
    console_factory: Any,
) -> None:
    """The line filter: raw text in a plain Static loses its controls on the way out."""
    from textual.content import Content
    from textual.widgets import Static

    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        careless = Static(Content(f"careless {TITLE}{CLEAR}{C1_CSI}{BIDI}{SURROGATE} end"))
        await app.screen.mount(careless)
        await pilot.pause()
        output = terminal_output(app)
        assert "careless ]0;pwned-title[2J31mgnp.exe\ufffd end" in _TEXTUAL_SEQUENCES.sub(
            "", output
        )
        assert_terminal_safe(output)


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://portal.example/setup?token=x", True),
        ("file:///etc/passwd", False),
        ("x-app-handler://run?cmd=calc", False),
        ("javascript:alert(1)", False),
    ],
)
async def test_links_from_the_server_open_only_when_they_are_web_links(
    console_factory: Any, monkeypatch: pytest.MonkeyPatch, url: str, opened: bool
) -> None:
    import webbrowser

    from workos_tui.resources.results import ActionResult, link
    from workos_tui.ui.screens.result import ResultScreen

    launched: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda target: launched.append(target) or True)
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        result = ActionResult(title="Portal", entries=(link("Admin Portal link", url),))
        await app.push_screen(ResultScreen(result, open_browser=True))
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert launched == ([url] if opened else [])
        titles = [notification.title for notification in app._notifications]
        assert titles[-1] == ("Opened in browser" if opened else "Not opened: not a web link")
