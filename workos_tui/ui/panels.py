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
    command: str = ""
    """The palette command that opens it ("Area: verb"); empty gives "<title>: open"."""


def _vault_crypto(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.widgets.vault_crypto_panel import VaultCryptoPanel

    return VaultCryptoPanel(context, id=widget_id)


def _api_console(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.api_console import ApiConsole

    return ApiConsole(context, id=widget_id)


def _webhook_verify(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.webhook_verify import WebhookVerifyView

    return WebhookVerifyView(context, id=widget_id)


def _session_inspector(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.session_inspector import SessionInspectorView

    return SessionInspectorView(context, id=widget_id)


def _test_sign_in(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.test_sign_in import TestSignInView

    return TestSignInView(context, id=widget_id)


def _xray(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.xray import XrayView

    return XrayView(context, id=widget_id)


def _sso_debugger(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.sso_debugger import SsoDebuggerView

    return SsoDebuggerView(context, id=widget_id)


def _directory_debugger(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.directory_debugger import DirectoryDebuggerView

    return DirectoryDebuggerView(context, id=widget_id)


def _event_tail(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.event_tail import EventTailView

    return EventTailView(context, id=widget_id)


def _rbac_matrix(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.rbac_matrix import RbacMatrixView

    return RbacMatrixView(context, id=widget_id)


def _env_diff(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.env_diff import EnvDiffView

    return EnvDiffView(context, id=widget_id)


def _audit_explorer(context: ConsoleContext, widget_id: str) -> Widget:
    from workos_tui.ui.views.audit_explorer import AuditExplorerView

    return AuditExplorerView(context, id=widget_id)


PANELS: dict[str, Panel] = {
    "vault-crypto": Panel("Vault crypto", _vault_crypto, aliases=("crypto", "encrypt", "decrypt")),
    "api-console": Panel("API console", _api_console, aliases=("api", "raw", "operations")),
    "tool-webhook-verify": Panel(
        "Webhook verifier",
        _webhook_verify,
        aliases=("webhook-verify", "verify-webhook", "webhook-verifier", "signature"),
        command="Tools: verify a webhook",
    ),
    "tool-session": Panel(
        "Session inspector",
        _session_inspector,
        aliases=("session", "session-inspector", "wos-session", "cookie"),
        command="Tools: inspect a sealed session",
    ),
    "tool-test-sign-in": Panel(
        "Test sign-in",
        _test_sign_in,
        aliases=("test-sign-in", "sign-in", "signin", "pkce"),
        command="Tools: test a sign-in",
    ),
    "xray": Panel(
        "X-ray",
        _xray,
        aliases=("x-ray", "health", "org-health"),
        command="Health: X-ray an organization",
    ),
    "sso-debugger": Panel(
        "SSO debugger",
        _sso_debugger,
        aliases=("debug-sso", "sso-debug", "connection-debugger"),
        command="Health: debug an SSO connection",
    ),
    "directory-debugger": Panel(
        "Directory debugger",
        _directory_debugger,
        aliases=("debug-sync", "dsync-debug", "debug-directory", "sync-debugger"),
        command="Health: debug a directory sync",
    ),
    "tail": Panel(
        "Event tail",
        _event_tail,
        aliases=("event-tail", "follow", "live-events"),
        command="Events: follow live",
    ),
    "rbac": Panel(
        "RBAC matrix",
        _rbac_matrix,
        aliases=("rbac-matrix", "matrix", "who-can"),
        command="Roles: edit the permission matrix",
    ),
    "audit": Panel(
        "Audit-log explorer",
        _audit_explorer,
        aliases=("audit-explorer", "audit-export", "audit-logs-explorer"),
        command="Audit logs: explore an export",
    ),
    "envdiff": Panel(
        "Environment diff",
        _env_diff,
        aliases=("env-diff", "diff", "compare"),
        command="Profiles: compare two environments",
    ),
}


def resolve_panel(name: str) -> str | None:
    """The panel key for a `:` jump name, if any."""
    wanted = name.lower()
    for key, panel in PANELS.items():
        if wanted == key or wanted in panel.aliases:
            return key
    return None
