"""Client behaviour for faults the emulator cannot produce (httpx.MockTransport), and imports.

Everything the emulator can produce is tested against it over real HTTP instead.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
import pytest
from pydantic import SecretStr

from workos_tui.api import (
    ApiError,
    DecodeError,
    Environment,
    NetworkError,
    ServerError,
    UnprocessableError,
    WorkOS,
    WorkOSClient,
)
from workos_tui.api.client import USER_AGENT

API_KEY = "sk_test_mock_key_0123456789"


def _environment(base_url: str = "https://api.workos.test") -> Environment:
    return Environment(name="mock", api_key=SecretStr(API_KEY), base_url=base_url)


def _facade(handler: httpx.MockTransport) -> WorkOS:
    return WorkOS(WorkOSClient(_environment(), transport=handler, max_retries=0))


async def test_success_body_that_is_not_json_is_a_decode_error() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text="<html>oops"))
    async with _facade(transport) as workos:
        with pytest.raises(DecodeError) as caught:
            await workos.organizations.get("org_1")
    assert caught.value.status == 200 and caught.value.operation == "GET /organizations/org_1"


async def test_body_not_matching_the_model_is_a_decode_error_without_the_values() -> None:
    body = {"id": "o1", "name": "n", "value": {"nested": "topsecret-123"}, "metadata": {"id": "x"}}
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=body))
    async with _facade(transport) as workos:
        with pytest.raises(DecodeError) as caught:
            await workos.vault.read("o1")
    assert "VaultObject" in str(caught.value) and "value" in str(caught.value)
    assert "topsecret-123" not in str(caught.value)


async def test_error_bodies_of_every_shape_are_understood() -> None:
    answers = iter(
        [
            httpx.Response(
                422,
                json={
                    "message": "Validation failed",
                    "code": "invalid_request_parameters",
                    "errors": [{"field": "email", "code": "invalid_email"}],
                },
            ),
            httpx.Response(409, json={"error": "Version check failed"}),
            httpx.Response(400, json={"error": "invalid_grant", "error_description": "Bad code"}),
            httpx.Response(502, text="<html>Bad gateway</html>"),
            httpx.Response(418, json=["unexpected"]),
        ]
    )
    transport = httpx.MockTransport(lambda request: next(answers))
    async with WorkOSClient(_environment(), transport=transport, max_retries=0) as client:
        errors: list[ApiError] = []
        for _ in range(5):
            with pytest.raises(ApiError) as caught:
                await client.request("GET", "/x")
            errors.append(caught.value)
    unprocessable, conflict, bad_request, gateway, teapot = errors
    assert isinstance(unprocessable, UnprocessableError)
    assert unprocessable.field_errors() == {"email": "invalid_email"}
    assert conflict.message == "Version check failed" and conflict.status == 409
    assert bad_request.message == "Bad code" and bad_request.code == "invalid_grant"
    assert isinstance(gateway, ServerError) and "Bad gateway" in gateway.message
    assert type(teapot) is ApiError and teapot.status == 418


async def test_an_error_echoing_the_key_loses_it() -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            401, json={"message": f"Invalid API key {API_KEY}"}, headers={"X-Request-ID": "r1"}
        )
    )
    async with WorkOSClient(_environment(), transport=transport) as client:
        with pytest.raises(ApiError) as caught:
            await client.request("GET", "/organizations")
        logged = repr(client.request_log.records())
    assert caught.value.request_id == "r1"
    for text in (str(caught.value), repr(caught.value), logged, repr(caught.value.args)):
        assert API_KEY not in text


async def test_headers_identify_authenticate_and_mark_posts_idempotent() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    transport = httpx.MockTransport(answer)
    async with WorkOSClient(_environment(), transport=transport) as client:
        for method in ("GET", "POST", "POST", "PUT", "PATCH", "DELETE"):
            assert await client.request(method, "/x", json={} if method != "GET" else None) is None
        posted = await client.request("POST", "/x", idempotency_key="fixed-key")
        assert posted is None
    assert all(r.headers["user-agent"] == USER_AGENT for r in seen)
    assert all(r.headers["authorization"] == f"Bearer {API_KEY}" for r in seen)
    keys = [r.headers.get("idempotency-key") for r in seen]
    assert keys[0] is None and keys[3:6] == [None, None, None]
    assert keys[1] and keys[2] and keys[1] != keys[2] and keys[6] == "fixed-key"
    assert API_KEY not in repr(client) and API_KEY not in repr(client._http.auth)


async def test_refused_connection_is_a_network_error_after_retries() -> None:
    delays: list[float] = []

    async def no_wait(seconds: float) -> None:
        delays.append(seconds)

    environment = _environment("http://127.0.0.1:9")  # discard port: nothing listens
    async with WorkOSClient(environment, sleep=no_wait, connect_timeout=2) as client:
        with pytest.raises(NetworkError) as caught:
            await client.request("GET", "/organizations")
        record = client.request_log.last()
    assert len(delays) == 3 and record is not None and record.attempts == 4
    assert API_KEY not in str(caught.value) and API_KEY not in repr(caught.value)


async def test_request_body_is_sent_as_json() -> None:
    bodies: list[object] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        assert request.headers["content-type"] == "application/json"
        return httpx.Response(201, json={"ok": True})

    async with WorkOSClient(_environment(), transport=httpx.MockTransport(answer)) as client:
        assert await client.request("POST", "/x", json={"a": [1]}) == {"ok": True}
    assert bodies == [{"a": [1]}]


def test_importing_the_layer_is_cheap_and_lazy() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import workos_tui.api; "
        "d = time.perf_counter() - t; "
        "heavy = [m for m in ('httpx', 'pydantic', 'textual', 'rich') if m in sys.modules]; "
        "print(d, heavy)"
    )
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split(maxsplit=1)
    wall = time.perf_counter() - started
    assert out[1].strip() == "[]"
    assert float(out[0]) < 0.05
    assert wall < 1.0  # interpreter start included; generous for a loaded CI machine
