"""Every request the service layer sends for the configuration areas matches the WorkOS spec.

Webhook endpoints, API keys, audit logs, feature flags, the Admin Portal, AuthKit
configuration (redirect URIs, CORS origins, JWT template), MFA, Magic Auth and email changes:
same method as ``test_api_spec_requests.py`` (a capturing transport, openapi-core), and every
operation of those areas must be exercised.
"""

from __future__ import annotations

import contextlib
from collections.abc import Awaitable, Callable, Iterator

import httpx
import pytest
from pydantic import SecretStr
from spec_check import SpecChecker
from test_api_spec_requests import _SpecRequest

from workos_tui.api import Environment, WorkOS, WorkOSClient, WorkOSError
from workos_tui.api.models import (
    OrganizationApiKeyCreate,
    UserApiKeyCreate,
    WebhookEndpointCreate,
    WebhookEndpointUpdate,
)

Call = Callable[[WorkOS], Awaitable[object]]

CALLS: dict[str, Call] = {
    "webhook_endpoints.list": lambda w: w.webhook_endpoints.list(
        limit=5, order="asc", after="we_1"
    ),
    "webhook_endpoints.create": lambda w: w.webhook_endpoints.create(
        WebhookEndpointCreate(endpoint_url="https://x.example/h", events=["user.created"])
    ),
    "webhook_endpoints.update": lambda w: w.webhook_endpoints.update(
        "we_1",
        WebhookEndpointUpdate(
            endpoint_url="https://y.example/h", status="disabled", events=["user.deleted"]
        ),
    ),
    "webhook_endpoints.delete": lambda w: w.webhook_endpoints.delete("we_1"),
    "api_keys.list_for_organization": lambda w: w.api_keys.list_for_organization(
        "org_1", limit=10, order="desc", before="api_key_9"
    ),
    "api_keys.create_for_organization": lambda w: w.api_keys.create_for_organization(
        "org_1",
        OrganizationApiKeyCreate(
            name="k", permissions=["a:b"], expires_at="2030-01-01T00:00:00.000Z"
        ),
    ),
    "api_keys.list_for_user": lambda w: w.api_keys.list_for_user(
        "user_1", organization_id="org_1", limit=3
    ),
    "api_keys.create_for_user": lambda w: w.api_keys.create_for_user(
        "user_1", UserApiKeyCreate(name="k", organization_id="org_1")
    ),
    "api_keys.validate": lambda w: w.api_keys.validate("sk_test_abc"),
    "api_keys.expire_now": lambda w: w.api_keys.expire("api_key_1"),
    "api_keys.expire_at": lambda w: w.api_keys.expire("api_key_1", "2030-01-01T00:00:00.000Z"),
    "api_keys.delete": lambda w: w.api_keys.delete("api_key_1"),
}

EXPECTED_OPERATIONS = {
    ("GET", "/webhook_endpoints"),
    ("POST", "/webhook_endpoints"),
    ("PATCH", "/webhook_endpoints/{id}"),
    ("DELETE", "/webhook_endpoints/{id}"),
    ("GET", "/organizations/{organizationId}/api_keys"),
    ("POST", "/organizations/{organizationId}/api_keys"),
    ("GET", "/user_management/users/{userId}/api_keys"),
    ("POST", "/user_management/users/{userId}/api_keys"),
    ("POST", "/api_keys/validations"),
    ("DELETE", "/api_keys/{id}"),
    ("POST", "/api_keys/{id}/expire"),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
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
        for name, call in CALLS.items():
            current = name
            with contextlib.suppress(WorkOSError):
                await call(workos)
            assert sent.get(name), f"{name} sent no request"
            for request in sent[name]:
                template = checker.template_for(request.url.path)
                assert template is not None, f"{name}: {request.url.path} is not in the spec"
                covered.add((request.method, template))
                for error in checker.openapi.request_validator.iter_errors(_SpecRequest(request)):
                    problems.append(f"{name}: {request.method} {request.url}: {error}")
    assert problems == []
    assert covered == EXPECTED_OPERATIONS
