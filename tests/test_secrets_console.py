"""The API key never reaches the screen: not the header, the request inspector, an error panel,
a notification, a screenshot, nor the request log — even when the server echoes it back."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from workos_tui.api.environment import Environment
from workos_tui.emulator import EmulatorServer, EmulatorState, create_app, demo_state
from workos_tui.ui.app import WorkOSConsole

LIVE_KEY = "sk_live_" + secrets.token_hex(16)
SIZE = (140, 40)


@pytest.fixture
def live_emulator() -> Iterator[tuple[EmulatorServer, EmulatorState]]:
    """An emulator that accepts only a freshly made live-looking key."""
    state = demo_state()
    with EmulatorServer(create_app(state, api_keys=frozenset({LIVE_KEY}))) as server:
        yield server, state


def _console(base_url: str, key: str) -> WorkOSConsole:
    environment = Environment(name="prod", api_key=SecretStr(key), base_url=base_url)
    return WorkOSConsole(environment, open_browser=False)


async def _settle(app: WorkOSConsole) -> None:
    for _ in range(5):
        await app.workers.wait_for_complete()
        if not any(worker.is_running for worker in app.workers):
            break


def _visible_text(app: WorkOSConsole) -> str:
    """Everything a person or a screenshot could see: the SVG, plus notifications."""
    notifications = " ".join(str(n.message) for n in app._notifications)
    return app.export_screenshot() + notifications


async def test_key_never_on_screen_even_when_the_server_echoes_it(
    live_emulator: tuple[EmulatorServer, EmulatorState],
) -> None:
    server, state = live_emulator
    app = _console(server.base_url, LIVE_KEY)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app)
        await pilot.pause()
        assert "PRODUCTION" in app.export_screenshot()
        # A failing server that repeats the key in its error message and a retried request.
        state.hooks.add(
            method="GET",
            path="/organizations",
            status=500,
            body={"message": f"internal error for Bearer {LIVE_KEY}", "code": "boom"},
            count=10,
        )
        await pilot.press("r")
        await _settle(app)
        await pilot.pause()
        await pilot.press("ctrl+r")  # the request inspector
        await pilot.pause()
        shown = _visible_text(app)
        assert "500" in shown  # the failure is visible…
        assert LIVE_KEY not in shown  # …but never the key
        assert LIVE_KEY[8:] not in shown
        records = " ".join(repr(record) for record in app.request_log.records())
        assert "/organizations" in records
        assert LIVE_KEY not in records


async def test_rejected_key_is_not_shown(
    live_emulator: tuple[EmulatorServer, EmulatorState],
) -> None:
    server, _state = live_emulator
    wrong_key = "sk_test_" + secrets.token_hex(16)
    app = _console(server.base_url, wrong_key)
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app)
        await pilot.pause()
        shown = _visible_text(app)
        assert "401" in shown or "rejected" in shown.lower() or "authentic" in shown.lower()
        assert wrong_key not in shown
        assert wrong_key[8:] not in shown
