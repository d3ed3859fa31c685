"""The demo's environment carries the emulator's client id: test sign-in in ``--demo`` starts
with it filled in and signs in (before, it stopped with "a client_id is required")."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
from sign_in_browser import follow_to_redirect
from textual.widgets import Input, Select
from ui_helpers import SIZE, settle

from workos_tui.config.resolve import demo_environment
from workos_tui.emulator.oauth import CLIENT_ID
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.views.test_sign_in import TestSignInView


async def test_test_sign_in_in_the_demo_has_the_client_id_and_signs_in(
    emulator: EmulatorHandle,
) -> None:
    environment = demo_environment(emulator.base_url)
    assert environment.api_key.get_secret_value() == emulator.api_key
    app = WorkOSConsole(
        environment,
        open_browser=False,
        detail_delay=0.0,
        base_url_label="demo",
        prepare_areas=False,
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"test-sign-in", "enter")
        await settle(app, pilot)
        view = app.query_one(TestSignInView)
        assert view.query_one("#ts-client", Input).value == CLIENT_ID
        view.focus()
        view.query_one("#ts-target", Select).value = "provider:authkit"
        await pilot.press("f5")
        for _ in range(500):  # the loopback listener starts in a worker
            if view.authorization_url is not None:
                break
            await pilot.pause()
        url = view.authorization_url
        assert url is not None, view.status_text
        query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
        assert query["client_id"] == CLIENT_ID
        callback = await follow_to_redirect(url, query["redirect_uri"])
        async with httpx.AsyncClient(timeout=30) as browser:
            page = await browser.get(callback)
        assert page.status_code == 200
        await settle(app, pilot)
        assert view.status_text.startswith("✔ Signed in"), view.status_text
