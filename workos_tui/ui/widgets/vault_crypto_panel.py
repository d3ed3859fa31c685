"""Vault Encrypt/Decrypt: local AES-GCM under WorkOS data keys, compatible with the SDKs."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static, TextArea

from workos_tui.api.errors import WorkOSError
from workos_tui.api.vault_crypto import VaultCrypto
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.messages import CryptoDone, CryptoFailed
from workos_tui.ui.safe_text import plain


class KeyContextRow(Horizontal):
    """One key/value pair of the key context."""

    DEFAULT_CSS = """
    KeyContextRow { height: auto; }
    KeyContextRow Input { width: 1fr; }
    KeyContextRow Button { min-width: 5; width: 5; }
    """

    def __init__(self, key: str = "", value: str = "") -> None:
        super().__init__(classes="context-row")
        self._key = key
        self._value = value

    def compose(self) -> ComposeResult:
        yield Input(value=self._key, placeholder="key", classes="context-key")
        yield Input(value=self._value, placeholder="value", classes="context-value")
        yield Button("✕", classes="context-remove", tooltip="Remove this pair")

    def pair(self) -> tuple[str, str]:
        key = self.query_one(".context-key", Input).value.strip()
        value = self.query_one(".context-value", Input).value
        return key, value

    @on(Button.Pressed, ".context-remove")
    def _remove(self, event: Button.Pressed) -> None:
        event.stop()
        self.remove()


class VaultCryptoPanel(Vertical):
    """Key context rows, optional associated data, plaintext ↔ ciphertext, copy."""

    HELP = """
## Vault encrypt / decrypt

Values are encrypted **locally** with a data key WorkOS issues for the *key context*; the result
is the base64 text the official SDKs produce and accept.

- **F5** encrypts the plaintext, **F6** decrypts the ciphertext.
- **F7 / F8** copy the ciphertext / the plaintext.
- Associated data, when given, must be the same to decrypt.
"""

    DEFAULT_CSS = """
    VaultCryptoPanel { padding: 0 1; }
    VaultCryptoPanel .crypto-label { text-style: bold; margin-top: 1; }
    VaultCryptoPanel #crypto-context { height: auto; max-height: 8; }
    VaultCryptoPanel #crypto-texts { height: 1fr; }
    VaultCryptoPanel #crypto-texts > Vertical { width: 1fr; }
    VaultCryptoPanel TextArea { height: 1fr; }
    VaultCryptoPanel #crypto-buttons { height: auto; }
    VaultCryptoPanel #crypto-buttons Button { margin-right: 1; }
    VaultCryptoPanel #crypto-status { height: auto; color: $text-muted; }
    VaultCryptoPanel #crypto-status.-error { color: $error; }
    """

    BINDINGS = [
        # priority: the TextAreas bind F6 and F7 themselves (select line, select all), and the
        # ciphertext box is exactly where one pastes what to decrypt
        Binding("f5", "encrypt", "Encrypt", id="crypto.encrypt", priority=True),
        Binding("f6", "decrypt", "Decrypt", id="crypto.decrypt", priority=True),
        Binding(
            "f7", "copy_ciphertext", "Copy ciphertext", id="crypto.copy_ciphertext", priority=True
        ),
        Binding(
            "f8", "copy_plaintext", "Copy plaintext", id="crypto.copy_plaintext", priority=True
        ),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.context = context
        self.crypto = VaultCrypto(context.workos.vault)
        self.token = 0
        self.busy = False

    def compose(self) -> ComposeResult:
        yield Label("Key context", classes="crypto-label")
        with VerticalScroll(id="crypto-context"):
            yield KeyContextRow()
        yield Button("+ Add pair", id="crypto-add-pair")
        yield Label("Associated data (optional)", classes="crypto-label")
        yield Input(placeholder="authenticated, not stored", id="crypto-aad")
        with Horizontal(id="crypto-texts"):
            with Vertical():
                yield Label("Plaintext", classes="crypto-label")
                yield TextArea(id="crypto-plaintext", soft_wrap=True)
            with Vertical():
                yield Label("Ciphertext (base64)", classes="crypto-label")
                yield TextArea(id="crypto-ciphertext", soft_wrap=True)
        with Horizontal(id="crypto-buttons"):
            yield Button("Encrypt → (F5)", id="crypto-encrypt", variant="primary")
            yield Button("← Decrypt (F6)", id="crypto-decrypt", variant="primary")
            yield Button("Copy ciphertext", id="crypto-copy-ciphertext")
            yield Button("Copy plaintext", id="crypto-copy-plaintext")
        yield Static(id="crypto-status")

    def focus(self, scroll_visible: bool = True) -> VaultCryptoPanel:
        self.query_one(".context-key", Input).focus(scroll_visible)
        return self

    # ------------------------------------------------------------- reading the inputs

    def key_context(self) -> dict[str, str]:
        pairs = [row.pair() for row in self.query(KeyContextRow)]
        return {key: value for key, value in pairs if key}

    def associated_data(self) -> str | None:
        return self.query_one("#crypto-aad", Input).value or None

    @property
    def plaintext(self) -> TextArea:
        return self.query_one("#crypto-plaintext", TextArea)

    @property
    def ciphertext(self) -> TextArea:
        return self.query_one("#crypto-ciphertext", TextArea)

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#crypto-status", Static)
        status.update(plain(text, multiline=True))
        status.set_class(error, "-error")

    # ------------------------------------------------------------- actions

    def action_encrypt(self) -> None:
        context = self.key_context()
        if not context:
            self._status("Add at least one key context pair to encrypt.", error=True)
            return
        self.token += 1
        self.busy = True
        self._status("Encrypting…")
        self._encrypt(self.token, self.plaintext.text, context, self.associated_data())

    def action_decrypt(self) -> None:
        text = self.ciphertext.text.strip()
        if not text:
            self._status("Paste a ciphertext to decrypt.", error=True)
            return
        self.token += 1
        self.busy = True
        self._status("Decrypting…")
        self._decrypt(self.token, text, self.associated_data())

    @work(exclusive=True, group="vault-crypto")
    async def _encrypt(
        self, token: int, plaintext: str, context: dict[str, str], aad: str | None
    ) -> None:
        output = await attempt(self.crypto.encrypt(plaintext, context, aad))
        if isinstance(output, WorkOSError):
            self.post_message(CryptoFailed(token, output))
            return
        self.post_message(CryptoDone(token, output, "encrypt"))

    @work(exclusive=True, group="vault-crypto")
    async def _decrypt(self, token: int, ciphertext: str, aad: str | None) -> None:
        output = await attempt(self.crypto.decrypt(ciphertext, aad))
        if isinstance(output, WorkOSError):
            self.post_message(CryptoFailed(token, output))
            return
        self.post_message(CryptoDone(token, output, "decrypt"))

    @on(CryptoDone)
    def _done(self, message: CryptoDone) -> None:
        message.stop()
        if message.token != self.token:
            return
        self.busy = False
        if message.direction == "encrypt":
            self.ciphertext.load_text(message.output)
            self._status(f"Encrypted: {len(message.output)} characters of ciphertext.")
        else:
            self.plaintext.load_text(message.output)
            self._status("Decrypted.")

    @on(CryptoFailed)
    def _failed(self, message: CryptoFailed) -> None:
        message.stop()
        if message.token != self.token:
            return
        self.busy = False
        error = message.error
        text = describe_error(error).one_line() if isinstance(error, WorkOSError) else str(error)
        self._status(text, error=True)

    def action_copy_ciphertext(self) -> None:
        self.app.copy_to_clipboard(self.ciphertext.text)
        self.notify("Copied the ciphertext")

    def action_copy_plaintext(self) -> None:
        self.app.copy_to_clipboard(self.plaintext.text)
        self.notify("Copied the plaintext")

    # ------------------------------------------------------------- buttons

    @on(Button.Pressed, "#crypto-add-pair")
    def _add_pair(self) -> None:
        row = KeyContextRow()
        self.query_one("#crypto-context", VerticalScroll).mount(row)
        self.call_after_refresh(lambda: row.query_one(".context-key", Input).focus())

    @on(Button.Pressed, "#crypto-encrypt")
    def _encrypt_pressed(self) -> None:
        self.action_encrypt()

    @on(Button.Pressed, "#crypto-decrypt")
    def _decrypt_pressed(self) -> None:
        self.action_decrypt()

    @on(Button.Pressed, "#crypto-copy-ciphertext")
    def _copy_ciphertext_pressed(self) -> None:
        self.action_copy_ciphertext()

    @on(Button.Pressed, "#crypto-copy-plaintext")
    def _copy_plaintext_pressed(self) -> None:
        self.action_copy_plaintext()
