"""Everyday fixes (issue 10, 'What was seen'): keys that were shadowed, silent refusals, lost
input, wrong words and keys typed fast."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea
from ui_helpers import SIZE, settle

from workos_tui.ui.widgets.vault_crypto_panel import VaultCryptoPanel


async def test_f6_decrypts_from_inside_the_ciphertext_box(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *"crypto", "enter")
        await settle(app, pilot)
        panel = app.query_one(VaultCryptoPanel)
        panel.query_one(".context-key", Input).value = "tenant"
        panel.query_one(".context-value", Input).value = "acme"
        plaintext = panel.query_one("#crypto-plaintext", TextArea)
        plaintext.load_text("pasted secret")
        plaintext.focus()
        await pilot.press("f5")  # from inside the Plaintext box
        await settle(app, pilot)
        ciphertext = panel.query_one("#crypto-ciphertext", TextArea)
        assert ciphertext.text and "pasted" not in ciphertext.text
        plaintext.load_text("")
        ciphertext.focus()
        await pilot.press("f6")  # from inside the Ciphertext box: TextArea binds F6 itself
        await settle(app, pilot)
        assert plaintext.text == "pasted secret"


async def test_read_only_n_e_d_say_why(console_factory: Any) -> None:
    app = console_factory(read_only=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        for key, verb in (("n", "creating"), ("e", "editing"), ("d", "deleting")):
            await pilot.press(key)  # the next key follows at once: a refusal holds no key
            await pilot.pause()
            assert app.screen is app.screen_stack[0]
            messages = [notification.message for notification in app._notifications]
            assert any("read-only" in text and verb in text for text in messages), messages
    assert "creating an organization is refused" in messages[0]


def test_refusals_name_the_object_with_its_article() -> None:
    from workos_tui.ui.widgets.resource_actions import with_article

    assert with_article("organization") == "an organization"
    assert with_article("user") == "a user"
    assert with_article("API key") == "an API key"
    assert with_article("JWT template") == "a JWT template"
    assert with_article("role assignment") == "a role assignment"


async def test_typed_confirm_with_a_wrong_value_says_so(console_factory: Any) -> None:
    from workos_tui.ui.screens.confirm import TypedConfirmScreen

    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press(*"wrong", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        messages = [notification.message for notification in app._notifications]
        assert any("nothing was deleted" in text for text in messages), messages


async def test_escape_on_a_filled_form_and_ctrl_q_ask_first(console_factory: Any) -> None:
    from workos_tui.ui.screens.confirm import ConfirmScreen
    from workos_tui.ui.screens.form import FormScreen

    app = console_factory(start_area="organizations")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press(*"Half typed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # keep editing
        await pilot.pause()
        assert app.screen is form
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#confirm-no")
        await pilot.pause()
        assert app.screen is form and app.is_running
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert app.screen is app.screen_stack[0]


async def test_lists_name_organizations_and_empty_related_lists_say_so(
    console_factory: Any,
) -> None:
    from ui_helpers import current_view, jump

    app = console_factory(start_area="invitations")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        view = current_view(app)
        column = [c.key for c in view.resource.columns].index("organization_id")
        with_org = [
            (row, view.items[index])
            for row, index in enumerate(view.visible_rows)
            if view.items[index].organization_id
        ]
        assert with_org
        names = app.context.organization_names
        for row, invitation in with_org:
            shown = view.table.get_row_at(row)[column]
            assert not shown.startswith("org_"), shown
            assert shown == names[invitation.organization_id]
        for area in ("connections", "directories"):
            listed = await jump(app, pilot, area)
            titles = [c.title for c in listed.resource.columns]
            assert "Organization" in titles
        users = await jump(app, pilot, "users")
        users.apply_search("")
        await settle(app, pilot)
        users.table.move_cursor(row=0)
        await settle(app, pilot)
        for number, link in enumerate(users.related_links(), start=1):
            if link.title == "MFA factors":
                await pilot.press(str(number))
                await settle(app, pilot)
                break
        related = current_view(app)
        if not related.items:
            label = related.query_one("#resource-empty")
            assert label.display
            assert "has no" in str(label.render())
