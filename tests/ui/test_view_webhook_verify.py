"""The webhook verifier view: the official SDK vectors (positive and negative) pasted into it.

The library is tested in tests/api/test_webhooks.py; here every vector goes through the view's
inputs (payload, header, masked secret, tolerance, "received at") and the verdict it shows is
checked, with the reason it names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.widgets import Input, Select, Static, TextArea
from ui_helpers import SIZE, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.views.webhook_verify import WebhookVerifyView

VECTORS: dict[str, Any] = json.loads(
    (
        Path(__file__).resolve().parents[1] / "reference" / "vectors" / "webhook-signature.json"
    ).read_text()
)

# Where our verifier knowingly differs from the Python SDK (see tests/api/test_webhooks.py).
ACCEPTED_BY_US = {"no_space_after_comma"}
REJECTED_BY_US = {
    "label_not_checked_v0": "malformed_header",
    "label_not_checked_x": "malformed_header",
}
BY_SDK_MESSAGE = {
    "Unable to extract timestamp": "malformed_header",
    "invalid literal for int()": "malformed_header",
    "Timestamp outside the tolerance zone": "timestamp",
    "Signature hash does not match": "signature",
    "codec can't decode": "payload",
}
SHOWN = {
    "malformed_header": "malformed WorkOS-Signature header",
    "timestamp": "outside the tolerance zone",
    "signature": "signature does not match",
    "payload": "not valid",
}


def _payload(vector: dict[str, Any]) -> str:
    if "payload_hex" in vector:  # invalid UTF-8: what a paste of those bytes can carry
        return bytes.fromhex(vector["payload_hex"]).decode("utf-8", "surrogateescape")
    payload = vector.get("payload")
    if payload is None:  # the negatives reuse the first positive's body unless they change it
        payload = VECTORS["positive_vectors"][0]["payload"]
    return str(payload)


def _expected(vector: dict[str, Any]) -> str | None:
    name = vector["name"]
    if name in ACCEPTED_BY_US:
        return None
    if name in REJECTED_BY_US:
        return REJECTED_BY_US[name]
    message = vector["sdk_result"]["message"]
    return next(kind for text, kind in BY_SDK_MESSAGE.items() if text in message)


async def _paste(view: WebhookVerifyView, pilot: Any, vector: dict[str, Any]) -> None:
    view.query_one("#wv-payload", TextArea).load_text(_payload(vector))
    view.query_one("#wv-header", Input).value = vector["header"]
    view.query_one("#wv-secret", Input).value = vector["secret"]
    tolerance = vector["tolerance_s"]
    view.query_one("#wv-tolerance", Input).value = "180" if tolerance is None else str(tolerance)
    view.query_one("#wv-at", Input).value = str(vector["verify_now_ms"])
    await pilot.pause()


async def _open(app: Any, pilot: Any) -> WebhookVerifyView:
    await pilot.press("colon", *"webhook-verify", "enter")
    await settle(app, pilot)
    view = app.query_one(WebhookVerifyView)
    assert view.display
    return view


async def test_every_vector_gets_its_verdict_in_the_view(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = await _open(app, pilot)
        assert view.query_one("#wv-secret", Input).password  # the secret is masked
        negatives = [v for v in VECTORS["negative_vectors"] if "payload" in v or "header" in v]
        assert len(VECTORS["positive_vectors"]) == 8 and len(negatives) == 19
        for vector in [*VECTORS["positive_vectors"], *negatives]:
            await _paste(view, pilot, vector)
            expected = _expected(vector) if vector in negatives else None
            if vector["name"] == "empty_body":  # signed right, but an event must be JSON
                expected = "payload"
                details = str(view.query_one("#wv-details", Static).render())
                assert "HMAC         matches the body as pasted" in details
            shown = view.verdict_text
            assert view.check is not None, vector["name"]
            if expected is None:
                assert shown.startswith("✔ VALID"), (vector["name"], shown)
                assert view.check.valid
            else:
                assert shown.startswith("✘ INVALID"), (vector["name"], shown)
                assert view.check.failure == expected, (vector["name"], view.check.failure)
                assert SHOWN[expected] in shown, (vector["name"], shown)
            assert vector["secret"] not in shown
            assert vector["secret"] not in str(view.query_one("#wv-details", Static).render())


async def test_the_view_explains_skew_and_a_reserialised_body(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = await _open(app, pilot)
        stale = next(v for v in VECTORS["negative_vectors"] if v["name"] == "stale_timestamp")
        await _paste(view, pilot, stale)
        details = str(view.query_one("#wv-details", Static).render())
        assert "signed 181.000 s ago: outside the tolerance of 180 s" in details
        assert "HMAC         matches the body as pasted" in details  # only the time is wrong
        reserialised = next(
            v for v in VECTORS["negative_vectors"] if v["name"] == "whitespace_changed_payload"
        )
        await _paste(view, pilot, reserialised)
        details = str(view.query_one("#wv-details", Static).render())
        assert "but matches the body re-serialised compactly (JSON.stringify)" in details
        event = str(view.query_one("#wv-event", Static).render())
        assert '"event": "user.created"' in event


async def test_event_text_is_data_and_non_json_is_said(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Tools: verify a webhook")
        view = app.query_one(WebhookVerifyView)
        assert view.display
        from workos_tui.api.webhooks import sign_webhook

        body = json.dumps({"event": "[bold red]x[/] \x1b]0;pwned\x07", "object": "event"})
        view.query_one("#wv-payload", TextArea).load_text(body)
        view.query_one("#wv-header", Input).value = sign_webhook(body, "whsec_x", 1_000)
        view.query_one("#wv-secret", Input).value = "whsec_x"
        view.query_one("#wv-at", Input).value = "1970-01-01T00:00:01Z"
        await pilot.pause()
        assert view.verdict_text.startswith("✔ VALID")
        event = str(view.query_one("#wv-event", Static).render())
        assert "[bold red]x[/]" in event and "\x1b" not in event
        not_json = "not json"
        view.query_one("#wv-payload", TextArea).load_text(not_json)
        view.query_one("#wv-header", Input).value = sign_webhook(not_json, "whsec_x", 1_000)
        await pilot.pause()
        assert view.verdict_text.startswith("✘ INVALID")
        assert "not valid JSON" in view.verdict_text
        view.query_one("#wv-secret", Input).value = ""
        await pilot.pause()
        assert "Enter the endpoint secret" in view.verdict_text


async def test_the_worked_example_and_a_fresh_one(console_factory: Any) -> None:
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        await view.show_example()  # what the screenshot shows: a re-serialised delivery
        await pilot.pause()
        assert view.verdict_text.startswith("✘ INVALID")
        details = str(view.query_one("#wv-details", Static).render())
        assert "signed 1.500 s ago: within the tolerance of 180 s" in details
        assert "but matches the body re-serialised compactly (JSON.stringify)" in details
        await pilot.press("f8")  # a freshly signed example, checked now
        await pilot.pause()
        assert view.verdict_text.startswith("✔ VALID"), view.verdict_text


async def test_the_secret_can_come_from_an_endpoint(
    console_factory: Any, emulator: EmulatorHandle
) -> None:
    from pydantic import SecretStr

    from workos_tui.api.client import WorkOSClient
    from workos_tui.api.environment import Environment
    from workos_tui.api.facade import WorkOS
    from workos_tui.api.models.webhooks import WebhookEndpointCreate
    from workos_tui.api.webhooks import sign_webhook

    environment = Environment("t", SecretStr(emulator.api_key), base_url=emulator.base_url)
    async with WorkOSClient(environment) as client:
        endpoint = await WorkOS(client).webhook_endpoints.create(
            WebhookEndpointCreate(
                endpoint_url="https://hooks.example/workos", events=["user.created"]
            )
        )
    assert endpoint.secret is not None
    secret = endpoint.secret.get_secret_value()
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        view = await _open(app, pilot)
        chooser = view.query_one("#wv-endpoint", Select)
        assert endpoint.id in [value for _label, value in chooser._options]
        chooser.value = endpoint.id
        await pilot.pause()
        field = view.query_one("#wv-secret", Input)
        assert field.password and field.value == secret
        body = '{"event":"user.created"}'
        view.query_one("#wv-payload", TextArea).load_text(body)
        view.query_one("#wv-header", Input).value = sign_webhook(body, secret, 5_000)
        view.query_one("#wv-at", Input).value = "5000"
        await pilot.pause()
        assert view.verdict_text.startswith("✔ VALID")
        assert secret not in view.verdict_text
