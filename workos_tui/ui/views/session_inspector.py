"""Session inspector: open a sealed session (the ``wos-session`` cookie) and read it.

Either format (Fernet from the Python SDK, iron from the Node SDK and authkit-nextjs) is opened
by :mod:`workos_tui.api.sealed_session`; the view says which, or why the paste does not open
(wrong password, not a seal, damaged), and shows the access token's claims: expiry, organization,
role, permissions, impersonator. **F8** refreshes the session through the API and seals the new
tokens again with the same password. Tokens stay hidden until shown in the result dialog.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from pydantic import SecretStr
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Label, Static, TextArea

from workos_tui.api.errors import WorkOSError
from workos_tui.api.jwt_check import SignatureCheck, check_signature
from workos_tui.api.models.authentication import Jwks
from workos_tui.api.sealed_session import (
    SealedSessionError,
    UnsealedSession,
    reseal,
    unseal_session,
)
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views import ToolView
from workos_tui.ui.views.session_details import (
    EXAMPLE_NOW,
    EXAMPLE_PASSWORD,
    IRON_SESSION_TTL_MS,
    describe_session,
    example_seal,
)


class SessionRefreshed(Message):
    def __init__(self, token: int, authentication: Any, sealed: str) -> None:
        super().__init__()
        self.token = token
        self.authentication = authentication
        self.sealed = sealed


class SignatureChecked(Message):
    def __init__(self, token: int, check: SignatureCheck | None, problem: str = "") -> None:
        super().__init__()
        self.token = token
        self.check = check
        self.problem = problem


class SessionRefreshFailed(Message):
    def __init__(self, token: int, error: WorkOSError) -> None:
        super().__init__()
        self.token = token
        self.error = error


class SessionInspectorView(ToolView):
    """Paste a cookie and its password; read the session."""

    HELP = """
## Session inspector

Paste a **sealed session** (the `wos-session` cookie; `wos-session=…` and URL-encoded values
are fine) and the **cookie password** (hidden; filled from `WORKOS_COOKIE_PASSWORD` when set).

- Both formats open: Fernet (the Python SDK) and iron (`Fe26.2*…~2`, the Node SDK and
  authkit-nextjs). The view says which, or why the paste does not open.
- The claims are shown whatever the signature; a separate line says whether the access token
  verifies with the environment's JWKS (with a client id in the profile).
- **F5** opens again, **F8** refreshes the session through the API (a new access token, sealed
  again with the same password), **F9** shows the tokens in a dialog, hidden until revealed.
"""

    BINDINGS = [
        Binding("f5", "inspect", "Open", id="session.inspect"),
        Binding("f8", "refresh_session", "Refresh", id="session.refresh"),
        Binding("f9", "show_tokens", "Tokens", id="session.tokens"),
    ]

    def __init__(self, context: ConsoleContext, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="tool-view")
        self.context = context
        self.session: UnsealedSession | None = None
        self.failure: SealedSessionError | None = None
        self.refreshed: tuple[Any, str] | None = None
        self._token = 0
        self._inspected = ("", "")
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.signature: SignatureCheck | None = None
        self._jwks: Jwks | None = None

    def compose(self) -> ComposeResult:
        password = self.context.environment.cookie_password  # WORKOS_COOKIE_PASSWORD
        with Horizontal(classes="tool-columns"):
            with Vertical(classes="tool-inputs"):
                yield Label("Sealed session (the wos-session cookie)", classes="tool-label")
                yield TextArea(id="si-seal", soft_wrap=True, show_line_numbers=False)
                yield Label("Cookie password", classes="tool-label")
                yield Input(
                    password.get_secret_value() if password is not None else "",
                    placeholder="WORKOS_COOKIE_PASSWORD",
                    password=True,
                    id="si-password",
                )
                with Horizontal(classes="tool-buttons"):
                    yield Button("Open (F5)", id="si-open", variant="primary")
                    yield Button("Refresh (F8)", id="si-refresh")
                    yield Button("Tokens (F9)", id="si-tokens")
            with VerticalScroll(classes="tool-output"):
                yield Static(plain("Paste a sealed session and its password."), id="si-verdict")
                yield Static(id="si-signature", classes="tool-details")
                yield Static(id="si-details", classes="tool-details")
                yield Label("Access token claims", classes="tool-label")
                yield Static(id="si-claims", classes="tool-json")

    def focus(self, scroll_visible: bool = True) -> SessionInspectorView:
        self.query_one("#si-seal", TextArea).focus(scroll_visible)
        return self

    @property
    def verdict_text(self) -> str:
        return str(self.query_one("#si-verdict", Static).render())

    @property
    def details_text(self) -> str:
        return str(self.query_one("#si-details", Static).render())

    def _verdict(self, text: str, kind: str) -> None:
        verdict = self.query_one("#si-verdict", Static)
        verdict.update(plain(text, multiline=True))
        verdict.set_classes(kind)

    @on(TextArea.Changed, "#si-seal")
    @on(Input.Changed, "#si-password")
    def _changed(self) -> None:
        if self._inputs() != self._inspected:  # a seal loaded after a refresh is already read
            self.action_inspect()

    def _inputs(self) -> tuple[str, str]:
        return self.query_one("#si-seal", TextArea).text, self.query_one(
            "#si-password", Input
        ).value

    def action_inspect(self) -> None:
        seal, password = self._inspected = self._inputs()
        self.refreshed = None
        self._token += 1
        details = self.query_one("#si-details", Static)
        claims = self.query_one("#si-claims", Static)
        self.signature = None
        self.query_one("#si-signature", Static).update("")
        try:
            session = unseal_session(seal, password)
        except SealedSessionError as error:
            self.session, self.failure = None, error
            found = f" ({error.seal_format} seal)" if error.seal_format else ""
            self._verdict(f"✘ Does not open{found}: {error.message}", "-invalid")
            details.update("")
            claims.update("")
            return
        self.session, self.failure = session, None
        now = self.clock()
        if session.seal_expired(now):
            self._verdict(f"✘ Opened, but the seal has expired: {session.format_name}", "-invalid")
        else:
            self._verdict(f"✔ Opened: {session.format_name}", "-valid")
        details.update(plain("\n".join(describe_session(session, now)), multiline=True))
        shown = dict(session.token.claims) if session.token is not None else {}
        claims.update(plain(json.dumps(shown, indent=2, ensure_ascii=False), multiline=True))
        if session.token is not None and session.access_token is not None:
            self._check_signature(self._token, session.access_token)

    # ---------------------------------------------------------------- signature

    @work(exclusive=True, group="session-signature")
    async def _check_signature(self, token: int, access_token: SecretStr) -> None:
        """Whether the access token was signed by the environment (its JWKS, fetched once)."""
        if self._jwks is None:
            if not self.context.environment.client_id:
                self.post_message(
                    SignatureChecked(token, None, "not checked: the profile has no client id")
                )
                return
            jwks = await attempt(self.context.workos.sso.get_jwks())
            if isinstance(jwks, WorkOSError):
                problem = f"not checked: {describe_error(jwks).one_line()}"
                self.post_message(SignatureChecked(token, None, problem))
                return
            self._jwks = jwks
        check = check_signature(access_token.get_secret_value(), self._jwks)
        self.post_message(SignatureChecked(token, check))

    @on(SignatureChecked)
    def _signature_checked(self, message: SignatureChecked) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.signature = message.check
        line = self.query_one("#si-signature", Static)
        if message.check is None:
            line.update(plain(f"Signature     {message.problem}"))
            line.set_classes("tool-details")
            return
        mark = "✔" if message.check.verified else "✘"
        line.update(plain(f"Signature     {mark} {message.check.message}"))
        line.set_classes("tool-details " + ("-valid" if message.check.verified else "-invalid"))

    async def show_example(self) -> None:
        """An iron seal as authkit-nextjs writes it, read as of a fixed time."""
        self.focus()
        self.clock = lambda: EXAMPLE_NOW
        self.query_one("#si-password", Input).value = EXAMPLE_PASSWORD
        self.query_one("#si-seal", TextArea).load_text(example_seal())
        self.action_inspect()

    # ---------------------------------------------------------------- refresh

    def action_refresh_session(self) -> None:
        session = self.session
        if session is None or session.refresh_token is None:
            self.notify("Open a session with a refresh token first.", severity="warning")
            return
        self._token += 1
        self._verdict("… Refreshing through the API", "-warning")
        organization = session.token.claim("org_id") if session.token is not None else None
        self._refresh(
            self._token,
            session,
            session.refresh_token,
            organization if isinstance(organization, str) else None,
            self.query_one("#si-password", Input).value,
        )

    @work(exclusive=True, group="session-refresh")
    async def _refresh(
        self,
        token: int,
        session: UnsealedSession,
        refresh_token: SecretStr,
        organization_id: str | None,
        password: str,
    ) -> None:
        result = await attempt(
            self.context.workos.authentication.authenticate_with_refresh_token(
                refresh_token, organization_id=organization_id
            )
        )
        if isinstance(result, WorkOSError):
            self.post_message(SessionRefreshFailed(token, result))
            return
        camel = session.seal_format == "iron"
        data: dict[str, Any] = dict(session.other)
        data["accessToken" if camel else "access_token"] = result.access_token.get_secret_value()
        data["refreshToken" if camel else "refresh_token"] = result.refresh_token.get_secret_value()
        data["user"] = result.user.model_dump(mode="json", by_alias=True)
        ttl = IRON_SESSION_TTL_MS if session.expires_at is not None else 0
        self.post_message(
            SessionRefreshed(token, result, reseal(session, password, data, ttl_ms=ttl))
        )

    @on(SessionRefreshed)
    def _refreshed(self, message: SessionRefreshed) -> None:
        message.stop()
        if message.token != self._token:
            return
        self.query_one("#si-seal", TextArea).load_text(message.sealed)
        self.action_inspect()
        self.refreshed = (message.authentication, message.sealed)
        self._verdict(
            "✔ Refreshed through the API: a new access token, sealed again with the same "
            "password (the seal above is the new cookie value).",
            "-valid",
        )

    @on(SessionRefreshFailed)
    def _refresh_failed(self, message: SessionRefreshFailed) -> None:
        message.stop()
        if message.token != self._token:
            return
        self._verdict(f"✘ Refresh failed: {describe_error(message.error).one_line()}", "-invalid")

    # ---------------------------------------------------------------- tokens

    def action_show_tokens(self) -> None:
        session = self.session
        if session is None:
            return
        from workos_tui.resources.results import ActionResult, present, secret
        from workos_tui.ui.screens.result import ResultScreen

        sealed = self.query_one("#si-seal", TextArea).text.strip()
        entries = present(
            (
                secret("Access token", session.access_token) if session.access_token else None,
                secret("Refresh token", session.refresh_token) if session.refresh_token else None,
                secret("Sealed session", sealed) if sealed else None,
            )
        )
        self.app.push_screen(
            ResultScreen(
                ActionResult(title="Session tokens", entries=entries),
                open_browser=self.context.open_browser,
                reveal_seconds=self.context.reveal_seconds,
            )
        )

    @on(Button.Pressed, "#si-open")
    def _open_pressed(self) -> None:
        self.action_inspect()

    @on(Button.Pressed, "#si-refresh")
    def _refresh_pressed(self) -> None:
        self.action_refresh_session()

    @on(Button.Pressed, "#si-tokens")
    def _tokens_pressed(self) -> None:
        self.action_show_tokens()
