"""Test sign-in: run a real sign-in against the environment and see what comes back.

Pick AuthKit (PKCE, S256) or SSO, and a connection, an organization or a provider from lists.
The view builds the authorization URL with a fresh state (and code challenge), listens on
``127.0.0.1`` at a free port for the redirect (:class:`workos_tui.api.pkce.LoopbackCallback`),
opens the browser (or shows the URL to copy), checks the state, exchanges the code (with the
code verifier; SSO, which has no PKCE, with the API key) and shows the user or profile. Tokens
stay hidden until shown in the result dialog (**F9**).
"""

from __future__ import annotations

import asyncio
import json
import webbrowser
from typing import Any, Final, get_args

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from workos_tui.api.errors import ValidationError, WorkOSError
from workos_tui.api.pkce import LoopbackCallback, new_pkce, new_state
from workos_tui.api.sealed_session import decode_access_token
from workos_tui.api.services.authentication import AuthKitProvider
from workos_tui.api.services.sso_auth import SsoProvider
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views import ToolView

WAIT_SECONDS: Final = 300.0
FLOWS: Final = (("AuthKit (PKCE)", "authkit"), ("SSO (connection profile)", "sso"))
SSO_PROVIDERS: Final[dict[str, SsoProvider]] = {name: name for name in get_args(SsoProvider)}
AUTHKIT_PROVIDERS: Final[dict[str, AuthKitProvider]] = {"authkit": "authkit", **SSO_PROVIDERS}


class TargetsLoaded(Message):
    def __init__(self, options: list[tuple[str, str]]) -> None:
        super().__init__()
        self.options = options


class SignInStarted(Message):
    def __init__(self, token: int, url: str, redirect_uri: str) -> None:
        super().__init__()
        self.token = token
        self.url = url
        self.redirect_uri = redirect_uri


class SignInFinished(Message):
    """The exchange's answer (``Authentication`` or ``SsoToken``), or why there is none."""

    def __init__(self, token: int, outcome: Any, error: str | None = None) -> None:
        super().__init__()
        self.token = token
        self.outcome = outcome
        self.error = error


def _option(kind: str, label: str, value: str) -> tuple[str, str]:
    return (f"{kind.capitalize()}: {label}", f"{kind}:{value}")


class TestSignInView(ToolView):
    """Choose a flow and a target, start, and read the answer."""

    __test__ = False  # not a pytest test class, whatever its name

    HELP = """
## Test sign-in

Choose **AuthKit** (PKCE with S256) or **SSO**, then a connection, an organization or a
provider, and press **F5**. The console listens on `127.0.0.1` (a free port) for the redirect,
opens the browser (or copy the URL with **F8**), checks the `state`, exchanges the code and
shows the user or profile. **F9** shows the tokens, hidden until revealed. **Escape** on
*Cancel* stops waiting.

The redirect URI is `http://127.0.0.1:<port>/callback`: allow it among the environment's
redirect URIs. SSO has no PKCE: its code is exchanged with the API key.
"""

    BINDINGS = [
        Binding("f5", "start", "Start", id="sign_in.start"),
        Binding("f8", "copy_url", "Copy URL", id="sign_in.copy_url"),
        Binding("f9", "show_tokens", "Tokens", id="sign_in.tokens"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="tool-view")
        self.context = context
        self.authorization_url: str | None = None
        self.outcome: Any = None
        self._token = 0
        self._preset = ""

    def show_target(self, target: str) -> None:
        """Open with ``target`` chosen: a connection id (the SSO flow) or an organization id
        (the SSO debugger's "test sign-in"; ``:test-sign-in conn_…``)."""
        self._preset = target.strip()
        if self.is_mounted:
            self._apply_preset()

    def _apply_preset(self) -> None:
        kind = "connection" if self._preset.startswith("conn_") else "organization"
        if not self._preset.startswith(("conn_", "org_")):
            return
        value = f"{kind}:{self._preset}"
        target = self.query_one("#ts-target", Select)
        known = [(str(p), v) for p, v in target._options if isinstance(v, str)]
        if all(v != value for _, v in known):
            target.set_options([_option(kind, self._preset, self._preset), *known])
        self.query_one("#ts-flow", Select).value = "sso"
        target.value = value

    def compose(self) -> ComposeResult:
        with Horizontal(classes="tool-columns"):
            with Vertical(classes="tool-inputs"):
                yield Label("Flow", classes="tool-label")
                yield Select(FLOWS, value="authkit", allow_blank=False, id="ts-flow")
                yield Label("Sign in through", classes="tool-label")
                yield Select(self._providers(), prompt="Loading…", id="ts-target")
                yield Label("Login hint (optional)", classes="tool-label")
                yield Input(placeholder="user@example.com", id="ts-hint")
                yield Label("Client ID", classes="tool-label")
                yield Input(self.context.environment.client_id or "", id="ts-client")
                with Horizontal(classes="tool-buttons"):
                    yield Button("Start (F5)", id="ts-start", variant="primary")
                    yield Button("Copy URL (F8)", id="ts-copy")
                    yield Button("Cancel", id="ts-cancel")
                    yield Button("Tokens (F9)", id="ts-tokens")
            with VerticalScroll(classes="tool-output"):
                yield Static(plain("Choose a target and press F5."), id="ts-status")
                yield Static(id="ts-url", classes="tool-details")
                yield Label("Result", classes="tool-label")
                yield Static(id="ts-result", classes="tool-json")

    def on_mount(self) -> None:
        self._load_targets()

    def focus(self, scroll_visible: bool = True) -> TestSignInView:
        self.query_one("#ts-target", Select).focus(scroll_visible)
        return self

    @property
    def status_text(self) -> str:
        return str(self.query_one("#ts-status", Static).render())

    def _status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#ts-status", Static)
        status.update(plain(text, multiline=True))
        status.set_classes(kind)

    @staticmethod
    def _providers() -> list[tuple[str, str]]:
        return [_option("provider", name, name) for name in AUTHKIT_PROVIDERS]

    async def show_example(self) -> None:
        """The first organization chosen, ready to start (the URL, port and state of a real
        start are random: the screenshot stops before)."""
        self.focus()
        target = self.query_one("#ts-target", Select)
        organizations = [v for _, v in target._options if str(v).startswith("organization:")]
        if organizations:
            target.value = str(organizations[0])
        self.query_one("#ts-hint", Input).value = "ada@example.com"

    # ---------------------------------------------------------------- targets

    @work(exclusive=True, group="sign-in-targets")
    async def _load_targets(self) -> None:
        workos = self.context.workos
        options: list[tuple[str, str]] = []
        connections = await attempt(workos.connections.list(limit=100))
        if not isinstance(connections, WorkOSError):
            # active ones first: an inactive connection cannot sign anyone in
            for conn in sorted(connections.data, key=lambda c: c.state != "active"):
                label = f"{conn.name} · {conn.connection_type} · {conn.state} ({conn.id})"
                options.append(_option("connection", label, conn.id))
        organizations = await attempt(workos.organizations.list(limit=100))
        if not isinstance(organizations, WorkOSError):
            for org in organizations.data:
                options.append(_option("organization", f"{org.name} ({org.id})", org.id))
        self.post_message(TargetsLoaded(options))

    @on(TargetsLoaded)
    def _targets_loaded(self, message: TargetsLoaded) -> None:
        message.stop()
        target = self.query_one("#ts-target", Select)
        current = target.value
        target.set_options([*message.options, *self._providers()])
        target.prompt = "Choose a connection, organization or provider"
        if isinstance(current, str):
            target.value = current
        if self._preset:
            self._apply_preset()

    # ---------------------------------------------------------------- sign-in

    def action_start(self) -> None:
        target = self.query_one("#ts-target", Select).value
        if not isinstance(target, str):
            self._status("Choose a connection, an organization or a provider first.", "-invalid")
            return
        flow = str(self.query_one("#ts-flow", Select).value)
        hint = self.query_one("#ts-hint", Input).value.strip() or None
        client_id = self.query_one("#ts-client", Input).value.strip() or None
        self._token += 1
        self.authorization_url = None
        self.outcome = None
        self.query_one("#ts-result", Static).update("")
        self._status("Starting the loopback listener…", "-warning")
        self._sign_in(self._token, flow, target, hint, client_id)

    def _authorization_url(
        self, flow: str, target: str, state: str, challenge: str, redirect_uri: str, **more: Any
    ) -> str:
        kind, _, value = target.partition(":")
        workos = self.context.workos
        if flow == "sso":
            return str(
                workos.sso.get_authorization_url(
                    redirect_uri=redirect_uri,
                    state=state,
                    connection=value if kind == "connection" else None,
                    organization=value if kind == "organization" else None,
                    provider=SSO_PROVIDERS.get(value) if kind == "provider" else None,
                    **more,
                )
            )
        return str(
            workos.authentication.get_authorization_url(
                redirect_uri=redirect_uri,
                state=state,
                code_challenge=challenge,
                connection_id=value if kind == "connection" else None,
                organization_id=value if kind == "organization" else None,
                provider=AUTHKIT_PROVIDERS.get(value) if kind == "provider" else None,
                **more,
            )
        )

    @work(exclusive=True, group="test-sign-in")
    async def _sign_in(
        self, token: int, flow: str, target: str, hint: str | None, client_id: str | None
    ) -> None:
        pkce, state = new_pkce(), new_state()
        async with LoopbackCallback(state) as callback:
            try:
                url = self._authorization_url(
                    flow,
                    target,
                    state,
                    pkce.challenge,
                    callback.redirect_uri,
                    login_hint=hint,
                    client_id=client_id,
                )
            except ValidationError as error:
                self.post_message(SignInFinished(token, None, error.message))
                return
            self.post_message(SignInStarted(token, url, callback.redirect_uri))
            if self.context.open_browser:
                await asyncio.to_thread(webbrowser.open, url)
            try:
                answer = await callback.result(timeout=WAIT_SECONDS)
            except TimeoutError:
                self.post_message(SignInFinished(token, None, "No redirect came back in 5 min."))
                return
        if not answer.state_ok:
            self.post_message(SignInFinished(token, None, "The state does not match: refused."))
            return
        if answer.code is None:
            why = answer.error_description or answer.error or "no code in the redirect"
            self.post_message(SignInFinished(token, None, f"{answer.error or 'error'}: {why}"))
            return
        workos = self.context.workos
        outcome: Any
        if flow == "sso":
            outcome = await attempt(
                workos.sso.get_profile_and_token(answer.code, client_id=client_id)
            )
        else:
            outcome = await attempt(
                workos.authentication.authenticate_with_code(
                    answer.code, code_verifier=pkce.verifier
                )
            )
        if isinstance(outcome, WorkOSError):
            self.post_message(SignInFinished(token, None, describe_error(outcome).one_line()))
            return
        self.post_message(SignInFinished(token, outcome))

    @on(SignInStarted)
    def _started(self, message: SignInStarted) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.authorization_url = message.url
        opened = "Opened the browser" if self.context.open_browser else "Open the URL below"
        self._status(
            f"{opened}; waiting for the redirect to {message.redirect_uri} (F8 copies the URL).",
            "-warning",
        )
        self.query_one("#ts-url", Static).update(plain(message.url))

    @on(SignInFinished)
    def _finished(self, message: SignInFinished) -> None:
        message.stop()
        if message.token != self._token:
            return
        if message.error is not None:
            self._status(f"✘ Sign-in failed: {message.error}", "-invalid")
            return
        self.outcome = message.outcome
        self._status("✔ Signed in. F9 shows the tokens (hidden until revealed).", "-valid")
        self.query_one("#ts-result", Static).update(
            plain(json.dumps(self.result_summary(), indent=2, ensure_ascii=False), multiline=True)
        )

    def result_summary(self) -> dict[str, Any]:
        """The user or profile, and the access token's claims: never the tokens themselves."""
        outcome = self.outcome
        if outcome is None:
            return {}
        summary: dict[str, Any] = {}
        if hasattr(outcome, "profile"):
            summary["profile"] = outcome.profile.model_dump(mode="json", exclude_none=True)
        else:
            summary["user"] = outcome.user.model_dump(mode="json", exclude_none=True)
            summary["organization_id"] = outcome.organization_id
            summary["authentication_method"] = outcome.authentication_method
            if outcome.impersonator is not None:
                summary["impersonator"] = outcome.impersonator.model_dump(mode="json")
        try:
            summary["access_token_claims"] = dict(
                decode_access_token(outcome.access_token.get_secret_value()).claims
            )
        except ValueError as exc:
            summary["access_token_claims"] = str(exc)
        return summary

    def action_cancel(self) -> None:
        self._token += 1
        self.workers.cancel_group(self, "test-sign-in")
        self._status("Cancelled.")

    def action_copy_url(self) -> None:
        if self.authorization_url:
            self.app.copy_to_clipboard(self.authorization_url)
            self.notify("Copied the authorization URL")

    def action_show_tokens(self) -> None:
        outcome = self.outcome
        if outcome is None:
            return
        from workos_tui.resources.results import ActionResult, present, secret
        from workos_tui.ui.screens.result import ResultScreen

        refresh = getattr(outcome, "refresh_token", None)
        entries = present(
            (
                secret("Access token", outcome.access_token),
                secret("Refresh token", refresh) if refresh is not None else None,
            )
        )
        self.app.push_screen(
            ResultScreen(
                ActionResult(title="Sign-in tokens", entries=entries),
                open_browser=self.context.open_browser,
                reveal_seconds=self.context.reveal_seconds,
            )
        )

    @on(Button.Pressed, "#ts-start")
    def _start_pressed(self) -> None:
        self.action_start()

    @on(Button.Pressed, "#ts-copy")
    def _copy_pressed(self) -> None:
        self.action_copy_url()

    @on(Button.Pressed, "#ts-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, "#ts-tokens")
    def _tokens_pressed(self) -> None:
        self.action_show_tokens()
