"""Run service calls against a capturing transport and validate every request against the spec.

``await capture_and_validate(checker, calls)`` returns the problems found and the
``(method, spec path)`` operations the calls covered.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Mapping
from urllib.parse import parse_qsl

import httpx
from openapi_core.datatypes import RequestParameters
from pydantic import SecretStr
from spec_check import HOST_URL, SpecChecker
from werkzeug.datastructures import Headers, ImmutableMultiDict

from workos_tui.api import Environment, WorkOS, WorkOSClient, WorkOSError

Call = Callable[[WorkOS], Awaitable[object]]


class SpecRequest:
    """An ``httpx.Request`` in the shape openapi-core validates."""

    def __init__(self, request: httpx.Request) -> None:
        self.host_url = HOST_URL
        self.path = request.url.path
        self.method = request.method.lower()
        self.body: bytes | None = request.content or None
        self.content_type = request.headers.get("content-type", "application/json")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qsl(request.url.query.decode(), keep_blank_values=True)),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path


async def capture_and_validate(
    checker: SpecChecker, calls: Mapping[str, Call]
) -> tuple[list[str], set[tuple[str, str]]]:
    sent: dict[str, list[httpx.Request]] = {}
    current = ""

    def capture(request: httpx.Request) -> httpx.Response:
        sent.setdefault(current, []).append(request)
        return httpx.Response(200, json={})  # parsing fails (DecodeError): only requests count

    environment = Environment(name="spec", api_key=SecretStr("sk_test_spec"))
    client = WorkOSClient(environment, transport=httpx.MockTransport(capture), max_retries=0)
    problems: list[str] = []
    covered: set[tuple[str, str]] = set()
    async with WorkOS(client) as workos:
        for name, call in calls.items():
            current = name
            with contextlib.suppress(WorkOSError):
                await call(workos)
            if not sent.get(name):
                problems.append(f"{name} sent no request")
            for request in sent.get(name, []):
                template = checker.template_for(request.url.path)
                if template is None:
                    problems.append(f"{name}: {request.url.path} is not in the spec")
                    continue
                covered.add((request.method, template))
                for error in checker.openapi.request_validator.iter_errors(SpecRequest(request)):
                    problems.append(f"{name}: {request.method} {request.url}: {error}")
    return problems, covered
