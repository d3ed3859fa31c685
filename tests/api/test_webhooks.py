"""Webhook and AuthKit Actions signatures against the official SDK's vectors.

Our verifier is deliberately stricter/looser than the Python SDK in three documented places
(FORMATS.md's suggestion): ``","`` without a space is accepted (as Node and Go do), and the two
label cases the Python SDK lets through (``v0=``, ``x=``/``zz=``) are rejected.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from workos_tui.api.errors import ValidationError, WorkOSError
from workos_tui.api.webhooks import (
    InvalidWebhookPayloadError,
    MalformedSignatureHeaderError,
    SignatureMismatchError,
    TimestampOutsideToleranceError,
    WebhookSignatureError,
    compute_signature,
    sign_action_response,
    sign_webhook,
    verify_action,
    verify_event,
    verify_webhook,
)


def _vectors_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "reference" / "vectors"


VECTORS: dict[str, Any] = json.loads((_vectors_dir() / "webhook-signature.json").read_text())
ACTIONS = VECTORS["actions"]


def _payload(vector: dict[str, Any]) -> bytes:
    if "payload_hex" in vector:
        return bytes.fromhex(vector["payload_hex"])
    return str(vector["payload"]).encode("utf-8")


def _kwargs(vector: dict[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"now": vector["verify_now_ms"] / 1000}
    if vector["tolerance_s"] is not None:
        kwargs["tolerance"] = vector["tolerance_s"]
    return kwargs


# Where our verifier knowingly differs from the Python SDK, and what it does instead.
DEVIATIONS: dict[str, type[Exception] | None] = {
    "no_space_after_comma": None,  # SDK rejects; we accept "," like Node and Go
    "label_not_checked_v0": MalformedSignatureHeaderError,  # SDK accepts; we require v1=
    "label_not_checked_x": MalformedSignatureHeaderError,  # SDK accepts; we require t= and v1=
}

_BY_SDK_MESSAGE = [
    ("Unable to extract timestamp", MalformedSignatureHeaderError),
    ("invalid literal for int()", MalformedSignatureHeaderError),
    ("Timestamp outside the tolerance zone", TimestampOutsideToleranceError),
    ("Signature hash does not match", SignatureMismatchError),
    ("codec can't decode", InvalidWebhookPayloadError),
]


def _expected_error(vector: dict[str, Any]) -> type[Exception] | None:
    if vector["name"] in DEVIATIONS:
        return DEVIATIONS[vector["name"]]
    assert vector["sdk_accepts"] is False
    message = vector["sdk_result"]["message"]
    matches = [cls for text, cls in _BY_SDK_MESSAGE if text in message]
    assert len(matches) == 1, message
    return matches[0]


# ------------------------------------------------------------------------------- positives


@pytest.mark.parametrize("vector", VECTORS["positive_vectors"], ids=lambda v: v["name"])
def test_positive_vector(vector: dict[str, Any]) -> None:
    body = _payload(vector)
    assert len(body) == vector["payload_utf8_len"]
    assert (
        compute_signature(body, vector["secret"], vector["timestamp_ms"])
        == (vector["signature_hex"])
    )
    assert sign_webhook(body, vector["secret"], int(vector["timestamp_ms"])) == vector["header"]
    for payload in (body, body.decode("utf-8")):
        verify_webhook(payload, vector["header"], vector["secret"], **_kwargs(vector))
    # The "," form of the same header also verifies.
    compact = vector["header"].replace(", ", ",")
    verify_webhook(body, compact, vector["secret"], **_kwargs(vector))


EVENT_RESULT = "client.webhooks.verify_event(bytes)"


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS["positive_vectors"] if EVENT_RESULT in v["sdk_results"]],
    ids=lambda v: v["name"],
)
def test_verify_event_returns_parsed_json(vector: dict[str, Any]) -> None:
    event = verify_event(_payload(vector), vector["header"], vector["secret"], **_kwargs(vector))
    expected = vector["sdk_results"][EVENT_RESULT]
    assert event["id"] == expected["returned_id"]
    assert event == json.loads(vector["payload"])


def test_verify_event_rejects_non_object_bodies() -> None:
    secret, stamp = "whsec_x", 1_735_689_600_123
    for body in ("", "[1, 2]", "{not json"):
        with pytest.raises(InvalidWebhookPayloadError):
            verify_event(body, sign_webhook(body, secret, stamp), secret, now=stamp / 1000)


# ------------------------------------------------------------------------------- negatives


@pytest.mark.parametrize("vector", VECTORS["negative_vectors"], ids=lambda v: v["name"])
def test_negative_vector(vector: dict[str, Any]) -> None:
    expected = _expected_error(vector)
    body = _payload(vector)
    if expected is None:
        verify_webhook(body, vector["header"], vector["secret"], **_kwargs(vector))
        return
    with pytest.raises(expected) as info:
        verify_webhook(body, vector["header"], vector["secret"], **_kwargs(vector))
    assert isinstance(info.value, WebhookSignatureError)
    assert isinstance(info.value, WorkOSError)
    if "payload" in vector:  # the same outcome for a str body
        with pytest.raises(expected):
            verify_webhook(vector["payload"], vector["header"], vector["secret"], **_kwargs(vector))
    with pytest.raises(expected):
        verify_event(body, vector["header"], vector["secret"], **_kwargs(vector))


def test_every_deviation_names_a_real_vector() -> None:
    negatives = {v["name"]: v for v in VECTORS["negative_vectors"]}
    assert set(DEVIATIONS) <= set(negatives)
    # The two label cases are the ones the SDK accepts; we are stricter on both.
    accepted_by_sdk = {name for name, v in negatives.items() if v["sdk_accepts"]}
    assert accepted_by_sdk == {"label_not_checked_v0", "label_not_checked_x"}
    for name in accepted_by_sdk:
        assert DEVIATIONS[name] is MalformedSignatureHeaderError


def test_sdk_accepted_label_cases_fail_explicitly() -> None:
    for name in ("label_not_checked_v0", "label_not_checked_x"):
        vector = next(v for v in VECTORS["negative_vectors"] if v["name"] == name)
        assert vector["sdk_accepts"] is True
        with pytest.raises(MalformedSignatureHeaderError, match="malformed WorkOS-Signature"):
            verify_webhook(_payload(vector), vector["header"], vector["secret"], **_kwargs(vector))


# -------------------------------------------------------------------------------- behaviour

SECRET = "whsec_test"
STAMP = 1_735_689_600_123
BODY = b'{"id":"event_1","event":"user.created","data":{}}'


@pytest.mark.parametrize(
    "header",
    [
        f"t={STAMP}",
        f"v1={'0' * 64}",
        f"t={STAMP}, v1=",
        f"t={STAMP},  v1={'0' * 64}",
        f"t={STAMP}; v1={'0' * 64}",
        f"t={STAMP}, v1={'0' * 64}, v0={'0' * 64}",
        f"t=-{STAMP}, v1={'0' * 64}",
        f"t={STAMP}.5, v1={'0' * 64}",
        f"T={STAMP}, V1={'0' * 64}",
        "",
    ],
)
def test_malformed_headers(header: str) -> None:
    with pytest.raises(MalformedSignatureHeaderError):
        verify_webhook(BODY, header, SECRET, now=STAMP / 1000)


def test_surrounding_whitespace_is_ignored() -> None:
    header = "  " + sign_webhook(BODY, SECRET, STAMP) + "\r\n"
    verify_webhook(BODY, header, SECRET, now=STAMP / 1000)


def test_window_is_absolute_and_inclusive() -> None:
    header = sign_webhook(BODY, SECRET, STAMP)
    for delta_ms in (-10_000, 0, 10_000):
        verify_webhook(BODY, header, SECRET, tolerance=10, now=(STAMP + delta_ms) / 1000)
    for delta_ms in (-10_001, 10_001):
        with pytest.raises(TimestampOutsideToleranceError) as info:
            verify_webhook(BODY, header, SECRET, tolerance=10, now=(STAMP + delta_ms) / 1000)
        assert info.value.timestamp_ms == STAMP
        assert info.value.tolerance == 10
    with pytest.raises(ValueError):
        verify_webhook(BODY, header, SECRET, tolerance=-1, now=STAMP / 1000)


def test_default_clock_is_now() -> None:
    stamp = round(time.time() * 1000)
    verify_webhook(BODY, sign_webhook(BODY, SECRET, stamp), SECRET)
    with pytest.raises(TimestampOutsideToleranceError):
        verify_webhook(BODY, sign_webhook(BODY, SECRET, stamp - 200_000), SECRET)


def test_lone_surrogate_body_is_rejected() -> None:
    with pytest.raises(InvalidWebhookPayloadError):
        verify_webhook("bad \ud800", sign_webhook(b"x", SECRET, STAMP), SECRET, now=STAMP / 1000)


def test_messages_do_not_show_the_secret() -> None:
    header = sign_webhook(BODY, SECRET, STAMP)
    cases: list[tuple[bytes, str, float]] = [
        (BODY + b" ", header, STAMP / 1000),
        (BODY, header, STAMP / 1000 + 999),
        (BODY, "garbage", STAMP / 1000),
    ]
    for body, sig_header, now in cases:
        with pytest.raises(WebhookSignatureError) as info:
            verify_webhook(body, sig_header, SECRET, now=now)
        assert SECRET not in str(info.value) and SECRET not in repr(info.value)


# -------------------------------------------------------------------------------- Actions


@pytest.mark.parametrize("vector", ACTIONS["request_vectors"], ids=lambda v: v["name"])
def test_action_request_vector(vector: dict[str, Any]) -> None:
    body = _payload(vector)
    if vector["sdk_verify_header"]["ok"]:
        action = verify_action(body, vector["header"], vector["secret"], **_kwargs(vector))
        assert action["id"] == vector["sdk_construct_action"]["returned_id"]
    else:
        assert "Timestamp outside" in vector["sdk_verify_header"]["message"]
        with pytest.raises(TimestampOutsideToleranceError):
            verify_action(body, vector["header"], vector["secret"], **_kwargs(vector))


def test_actions_default_tolerance_is_30_seconds() -> None:
    header = sign_webhook(BODY, SECRET, STAMP)
    verify_action(BODY, header, SECRET, now=(STAMP + 30_000) / 1000)
    with pytest.raises(TimestampOutsideToleranceError):
        verify_action(BODY, header, SECRET, now=(STAMP + 30_001) / 1000)
    verify_webhook(BODY, header, SECRET, now=(STAMP + 30_001) / 1000)  # webhooks: 180 s


@pytest.mark.parametrize(
    "vector", ACTIONS["response_vectors"], ids=lambda v: v["sdk_output"]["object"]
)
def test_action_response_vector(vector: dict[str, Any]) -> None:
    inputs = vector["inputs"]
    response = sign_action_response(
        inputs["action_type"],
        inputs["verdict"],
        inputs["secret"],
        error_message=inputs["error_message"],
        timestamp_ms=inputs["clock_ms"],
    )
    assert response == vector["sdk_output"]
    assert list(response["payload"]) == list(vector["sdk_output"]["payload"])  # key order
    timestamp, _, signed_json = vector["signed_string"].partition(".")
    assert compute_signature(signed_json, inputs["secret"], timestamp) == response["signature"]


def test_action_response_validation_and_clock() -> None:
    with pytest.raises(ValidationError):
        sign_action_response("login", "Allow", SECRET)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        sign_action_response("authentication", "Maybe", SECRET)  # type: ignore[arg-type]
    before = round(time.time() * 1000)
    response = sign_action_response("authentication", "Allow", SECRET)
    assert before <= response["payload"]["timestamp"] <= round(time.time() * 1000)
