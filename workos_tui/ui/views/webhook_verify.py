"""Webhook verifier: paste a payload, its ``WorkOS-Signature`` header and the endpoint secret.

The verdict is the service layer's (:func:`workos_tui.api.webhook_check.check_webhook`); the
view shows why: the signed time and the clock skew, the received and the expected HMAC, which
mangled form of the body the signature would match, and the event as JSON text (data, never
markup). The check is local; the only request lists the webhook endpoints, whose secret can be
picked instead of typed.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from datetime import UTC, datetime

from pydantic import SecretStr
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Input, Label, Select, Static, TextArea

from workos_tui.api.errors import WorkOSError
from workos_tui.api.webhook_check import WebhookCheck, check_webhook
from workos_tui.api.webhooks import DEFAULT_TOLERANCE, sign_webhook
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.error_text import attempt
from workos_tui.ui.safe_text import plain
from workos_tui.ui.views import ToolView

EXAMPLE_SECRET = "whsec_example_0123456789abcdef"
EXAMPLE_SIGNED_MS = 1_735_689_600_123
EXAMPLE_EVENT = {
    "id": "event_01JGXYZABCDEF0123456789AB",
    "event": "user.created",
    "data": {"object": "user", "id": "user_01E4ZCR3C56J083X43JQXF3JK5", "email": "ada@example.com"},
    "created_at": "2025-01-01T00:00:00.000Z",
}


class EndpointsLoaded(Message):
    """The environment's webhook endpoints: (label, id) options and each one's secret."""

    def __init__(self, options: list[tuple[str, str]], secrets: dict[str, SecretStr]) -> None:
        super().__init__()
        self.options = options
        self.secrets = secrets


def parse_instant(text: str) -> float | None:
    """Unix seconds from Unix milliseconds (as in the header) or an ISO 8601 time; None if blank.

    ``ValueError`` when it is neither.
    """
    value = text.strip()
    if not value:
        return None
    if value.isdigit():
        return int(value) / 1000
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _utc(ms: int) -> str:
    try:
        moment = datetime.fromtimestamp(ms / 1000, UTC)
    except (OverflowError, ValueError, OSError):
        return "(not a time)"
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + f"{ms % 1000:03d} UTC"


def _skew(skew: float, tolerance: float) -> str:
    when = f"{skew:.3f} s ago" if skew >= 0 else f"{-skew:.3f} s in the future"
    side = "within" if abs(skew) <= tolerance else "outside"
    return f"signed {when}: {side} the tolerance of {tolerance:g} s"


def describe(check: WebhookCheck) -> list[str]:
    """The lines that explain a check (no secret among them)."""
    lines: list[str] = []
    if check.timestamp_ms is not None:
        lines.append(f"Timestamp    t={check.timestamp_ms}  ({_utc(check.timestamp_ms)})")
    if check.skew_s is not None:
        lines.append(f"Clock skew   {_skew(check.skew_s, check.tolerance)}")
    if check.received is not None:
        lines.append(f"Received v1  {check.received}")
    if check.expected is not None:
        lines.append(f"Expected v1  {check.expected}")
    if check.mac_matches is not None:
        verdict = "matches" if check.mac_matches else "does not match"
        lines.append(f"HMAC         {verdict} the body as pasted (whatever the time)")
    for form in check.matching_forms:
        lines.append(f"             but matches {form}: verify the raw body as received")
    if check.mac_matches is False and not check.matching_forms:
        lines.append("             (nor a re-serialised body: check the endpoint secret)")
    if check.json_problem is not None:
        lines.append(f"Payload      {check.json_problem}")
    return lines


class WebhookVerifyView(ToolView):
    """Paste, and read the verdict as you type."""

    HELP = """
## Webhook verifier

Paste the raw **payload** (request body), the **WorkOS-Signature** header and the endpoint
**secret** (hidden as you type). The verdict updates as you type; **F5** checks again.

- *Received at* checks as of another time (Unix ms, as in the header, or an ISO time):
  a delivery from your logs, say. Empty means now.
- The result names the signed time and the clock skew, both HMACs, and — when the HMAC does
  not match — which re-serialised or re-wrapped form of the body it would match.
- The secret can come from one of the environment's webhook endpoints (listed by URL).
- **F8** fills in a freshly signed example. Nothing is sent anywhere.
"""

    BINDINGS = [
        Binding("f5", "verify", "Verify", id="webhook_verify.verify"),
        Binding("f8", "example", "Example", id="webhook_verify.example"),
    ]

    def __init__(
        self,
        context: ConsoleContext,
        *,
        id: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(id=id, classes="tool-view")
        self.context = context
        self.clock = clock
        self.check: WebhookCheck | None = None
        self._endpoint_secrets: dict[str, SecretStr] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(classes="tool-columns"):
            with Vertical(classes="tool-inputs"):
                yield Label("Payload (the raw request body)", classes="tool-label")
                yield TextArea(id="wv-payload", soft_wrap=True, show_line_numbers=False)
                yield Label("WorkOS-Signature header", classes="tool-label")
                yield Input(placeholder="t=1735689600123, v1=6d78…", id="wv-header")
                with Horizontal(classes="tool-row"):
                    with Vertical():
                        yield Label("Endpoint secret", classes="tool-label")
                        yield Input(placeholder="whsec_…", password=True, id="wv-secret")
                    with Vertical():
                        yield Label("…or an endpoint's", classes="tool-label")
                        yield Select[str]([], prompt="Loading endpoints…", id="wv-endpoint")
                with Horizontal(classes="tool-row"):
                    with Vertical():
                        yield Label("Tolerance (s)", classes="tool-label")
                        yield Input(str(int(DEFAULT_TOLERANCE)), type="number", id="wv-tolerance")
                    with Vertical():
                        yield Label("Received at (empty: now)", classes="tool-label")
                        yield Input(placeholder="Unix ms or ISO time", id="wv-at")
            with VerticalScroll(classes="tool-output"):
                yield Static(plain("Paste a payload, its header and the secret."), id="wv-verdict")
                yield Static(id="wv-details", classes="tool-details")
                yield Label("Event", classes="tool-label")
                yield Static(id="wv-event", classes="tool-json")

    def on_mount(self) -> None:
        self._load_endpoints()

    @work(exclusive=True, group="webhook-endpoints")
    async def _load_endpoints(self) -> None:
        page = await attempt(self.context.workos.webhook_endpoints.list(limit=100))
        if isinstance(page, WorkOSError):
            self.post_message(EndpointsLoaded([], {}))
            return
        options = [(f"{e.endpoint_url} ({e.id})", e.id) for e in page.data if e.secret]
        secrets = {e.id: e.secret for e in page.data if e.secret is not None}
        self.post_message(EndpointsLoaded(options, secrets))

    @on(EndpointsLoaded)
    def _endpoints_loaded(self, message: EndpointsLoaded) -> None:
        message.stop()
        self._endpoint_secrets = message.secrets
        endpoint = self.query_one("#wv-endpoint", Select)
        endpoint.set_options(message.options)
        endpoint.prompt = "Choose an endpoint" if message.options else "No endpoints"

    @on(Select.Changed, "#wv-endpoint")
    def _endpoint_chosen(self, event: Select.Changed) -> None:
        secret = self._endpoint_secrets.get(str(event.value))
        if secret is not None:
            self.query_one("#wv-secret", Input).value = secret.get_secret_value()

    def focus(self, scroll_visible: bool = True) -> WebhookVerifyView:
        self.query_one("#wv-payload", TextArea).focus(scroll_visible)
        return self

    @property
    def verdict_text(self) -> str:
        return str(self.query_one("#wv-verdict", Static).render())

    @on(TextArea.Changed, "#wv-payload")
    @on(Input.Changed)
    def _changed(self) -> None:
        self.action_verify()

    def action_verify(self) -> None:
        payload = self.query_one("#wv-payload", TextArea).text
        header = self.query_one("#wv-header", Input).value
        secret = self.query_one("#wv-secret", Input).value
        verdict = self.query_one("#wv-verdict", Static)
        if not payload and not header:
            self.check = None
            verdict.update(plain("Paste a payload, its header and the secret."))
            verdict.set_classes("")
            return
        try:
            tolerance = float(self.query_one("#wv-tolerance", Input).value or DEFAULT_TOLERANCE)
            at = parse_instant(self.query_one("#wv-at", Input).value)
        except ValueError:
            verdict.update(plain("Tolerance must be seconds; received at Unix ms or an ISO time."))
            verdict.set_classes("-invalid")
            return
        now = self.clock() if at is None else at
        check = check_webhook(payload, header, secret, tolerance=max(tolerance, 0.0), now=now)
        self.check = check
        mark = "✔ VALID" if check.valid else "✘ INVALID"
        verdict.update(plain(f"{mark}  {check.reason}", multiline=True))
        verdict.set_classes("-valid" if check.valid else "-invalid")
        self.query_one("#wv-details", Static).update(
            plain("\n".join(describe(check)), multiline=True)
        )
        event = (
            json.dumps(check.event, indent=2, ensure_ascii=False)
            if check.json_problem is None
            else "(not JSON)"
        )
        self.query_one("#wv-event", Static).update(plain(event, multiline=True))

    def action_example(self) -> None:
        """A freshly signed example event, so the tool can be tried without a delivery."""
        self._fill_example(round(self.clock() * 1000), received_at="", pretty=False)

    async def show_example(self) -> None:
        """A delivery a framework re-serialised: the HMAC matches the compact body it was
        signed over, not the indented one pasted (fixed times: the screenshot is stable)."""
        self.focus()
        self._fill_example(EXAMPLE_SIGNED_MS, str(EXAMPLE_SIGNED_MS + 1_500), pretty=True)

    def _fill_example(self, stamp: int, received_at: str, *, pretty: bool) -> None:
        body = json.dumps(EXAMPLE_EVENT, separators=(",", ":"))
        pasted = json.dumps(EXAMPLE_EVENT, indent=2) if pretty else body
        self.query_one("#wv-payload", TextArea).load_text(pasted)
        self.query_one("#wv-header", Input).value = sign_webhook(body, EXAMPLE_SECRET, stamp)
        self.query_one("#wv-secret", Input).value = EXAMPLE_SECRET
        self.query_one("#wv-at", Input).value = received_at
        self.action_verify()
