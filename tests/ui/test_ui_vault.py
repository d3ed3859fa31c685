"""Vault objects (reveal, versions, metadata, version-checked edits) and the crypto panel."""

from __future__ import annotations

from typing import Any

from pydantic import SecretStr
from textual.widgets import Input, TextArea
from ui_helpers import (
    SIZE,
    current_view,
    fill_form,
    jump,
    open_related,
    settle,
    submit_form,
)

from workos_tui.api.models.vault import VaultObjectUpdate
from workos_tui.ui.screens.form import FormScreen
from workos_tui.ui.widgets.detail_pane import HIDDEN_SECRET
from workos_tui.ui.widgets.vault_crypto_panel import VaultCryptoPanel


async def test_value_hidden_until_revealed_then_hidden_again(console_factory: Any) -> None:
    app = console_factory(start_area="vault", reveal_seconds=30.0)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        assert len(view.items) == 8
        assert f"Value: {HIDDEN_SECRET}" in view.detail.plain_text()
        await pilot.press("j")
        assert "twilio-auth-token-v" not in str(view.detail.query_one("#detail-json").render())
        await pilot.press("v")
        await settle(app, pilot)
        shown = view.detail.plain_text()
        assert HIDDEN_SECRET not in shown
        assert "Value: twilio-auth-token-v" in shown
        timer = view._hide_timer
        assert timer is not None and timer._interval == 30.0
        view.hide_secret()  # what the timer does when it fires
        await pilot.pause()
        assert f"Value: {HIDDEN_SECRET}" in view.detail.plain_text()
        # Moving to another row hides a revealed value at once.
        await pilot.press("v")
        await settle(app, pilot)
        await pilot.press("down")
        await pilot.pause()
        assert f"Value: {HIDDEN_SECRET}" in view.detail.plain_text()


async def test_versions_and_metadata(console_factory: Any) -> None:
    app = console_factory(start_area="vault")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        versions = await open_related(app, pilot, 1)
        assert versions.resource.key == "vault_versions"
        assert len(versions.items) == 4
        assert [v.current_version for v in versions.items].count(True) == 1
        await pilot.press("escape")
        await pilot.pause()
        metadata = await open_related(app, pilot, 2)
        assert metadata.resource.key == "vault_metadata"
        assert "Version: " in metadata.detail.plain_text()


async def test_create_update_with_version_check_and_delete(console_factory: Any) -> None:
    app = console_factory(start_area="vault")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-value", Input).password
        await submit_form(
            app,
            pilot,
            {"name": "test-secret", "value": "s3cret", "key_context": '{"env": "test"}'},
        )
        assert not isinstance(app.screen, FormScreen)
        assert "test-secret" in [v.name for v in view.items]
        view.table.move_cursor(row=[v.name for v in view.items].index("test-secret"))
        await pilot.pause()

        await pilot.press("e")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        assert form.query_one("#input-version_check", Input).value
        # Someone else changes the object meanwhile: the version check must refuse the save.
        object_id = view.selected.id
        await app.context.workos.vault.update(
            object_id, VaultObjectUpdate(value=SecretStr("changed elsewhere"))
        )
        await submit_form(app, pilot, {"value": "mine"})
        assert app.screen is form
        assert "Conflict" in str(form.query_one("#form-error").render())
        await pilot.press("escape")  # the form asks before discarding what was typed
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()

        await pilot.press("e")
        await settle(app, pilot)
        await fill_form(app, pilot, {"value": "mine"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        review = str(app.screen.query_one("#form-review").render())
        assert "(empty)" not in review and "current value, hidden" in review, review
        await pilot.click("#form-confirm")
        await settle(app, pilot)
        assert not isinstance(app.screen, FormScreen)
        assert view.selected.updated_at  # "Updated" right after the save, not after r
        revealed = await app.context.workos.vault.read(object_id)
        assert revealed.value.get_secret_value() == "mine"

        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"test-secret", "enter")
        await settle(app, pilot)
        assert "test-secret" not in [v.name for v in view.items]


async def test_vault_search(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = await jump(app, pilot, "vault stripe")
        assert [v.name for v in view.items] == ["stripe-api-key"]


async def test_crypto_panel_round_trip_and_wrong_associated_data(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"crypto", "enter")
        await settle(app, pilot)
        panel = app.query_one(VaultCryptoPanel)
        panel.query_one(".context-key", Input).value = "tenant"
        panel.query_one(".context-value", Input).value = "acme"
        panel.query_one("#crypto-aad", Input).value = "row-42"
        panel.query_one("#crypto-plaintext", TextArea).load_text("hello vault")
        await pilot.press("f5")
        await settle(app, pilot)
        ciphertext = panel.query_one("#crypto-ciphertext", TextArea).text
        assert ciphertext and "hello" not in ciphertext

        panel.query_one("#crypto-plaintext", TextArea).load_text("")
        await pilot.press("f6")
        await settle(app, pilot)
        assert panel.query_one("#crypto-plaintext", TextArea).text == "hello vault"

        panel.query_one("#crypto-aad", Input).value = "row-43"
        await pilot.press("f6")
        await settle(app, pilot)
        status = panel.query_one("#crypto-status")
        assert status.has_class("-error")
        assert "Traceback" not in str(status.render())
