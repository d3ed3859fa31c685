"""Specialised panels listed beside the resource areas (e.g. Vault encrypt/decrypt)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.widget import Widget

from workos_tui.ui.context import ConsoleContext


@dataclass(frozen=True)
class Panel:
    title: str
    build: Callable[[ConsoleContext, str], Widget]
    aliases: tuple[str, ...] = ()


def _vault_crypto(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.widgets.vault_crypto_panel import VaultCryptoPanel

    return VaultCryptoPanel(context, id=widget_id)


def _api_console(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.api_console import ApiConsole

    return ApiConsole(context, id=widget_id)


PANELS: dict[str, Panel] = {
    "vault-crypto": Panel("Vault crypto", _vault_crypto, aliases=("crypto", "encrypt", "decrypt")),
    "api-console": Panel("API console", _api_console, aliases=("api", "raw", "operations")),
}


def resolve_panel(name: str) -> str | None:
    """The panel key for a `:` jump name, if any."""
    wanted = name.lower()
    for key, panel in PANELS.items():
        if wanted == key or wanted in panel.aliases:
            return key
    return None
