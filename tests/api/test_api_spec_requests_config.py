"""Every request the service layer sends for the configuration areas matches the WorkOS spec.

Webhook endpoints, API keys, audit logs, feature flags, the Admin Portal, AuthKit
configuration (redirect URIs, CORS origins, JWT template), MFA, Magic Auth and email changes:
same method as ``test_api_spec_requests.py`` (a capturing transport, openapi-core), and every
operation of those areas must be exercised.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest
from spec_capture import capture_and_validate
from spec_check import SpecChecker

from workos_tui.api import WorkOS
from workos_tui.api.models import (
    AuditLogActorInput,
    AuditLogContextInput,
    AuditLogEventCreate,
    AuditLogEventInput,
    AuditLogExportCreate,
    AuditLogSchemaActorInput,
    AuditLogSchemaCreate,
    AuditLogSchemaTargetInput,
    AuditLogTargetInput,
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
    "audit_logs.list_actions": lambda w: w.audit_logs.list_actions(limit=5, after="x"),
    "audit_logs.list_schemas": lambda w: w.audit_logs.list_schemas("user.signed_in", limit=2),
    "audit_logs.create_schema": lambda w: w.audit_logs.create_schema(
        "user.signed_in",
        AuditLogSchemaCreate(
            targets=[AuditLogSchemaTargetInput(type="user", metadata={"type": "object"})],
            actor=AuditLogSchemaActorInput(metadata={"type": "object"}),
            metadata={"type": "object"},
        ),
    ),
    "audit_logs.create_event": lambda w: w.audit_logs.create_event(
        AuditLogEventCreate(
            organization_id="org_1",
            event=AuditLogEventInput(
                action="user.signed_in",
                occurred_at="2025-01-01T00:00:00.000Z",
                actor=AuditLogActorInput(id="u", type="user", name="A", metadata={"k": "v"}),
                targets=[AuditLogTargetInput(id="t", type="team", metadata={"n": 1})],
                context=AuditLogContextInput(location="1.2.3.4", user_agent="ua"),
                metadata={"plan": "pro"},
                version=2,
            ),
        )
    ),
    "audit_logs.create_export": lambda w: w.audit_logs.create_export(
        AuditLogExportCreate(
            organization_id="org_1",
            range_start="2025-01-01T00:00:00.000Z",
            range_end="2025-02-01T00:00:00.000Z",
            actions=["user.signed_in"],
            actor_names=["Ann"],
            actor_ids=["user_1"],
            targets=["team"],
        )
    ),
    "audit_logs.get_export": lambda w: w.audit_logs.get_export("audit_log_export_1"),
    "feature_flags.list": lambda w: w.feature_flags.list(limit=5, order="normal"),
    "feature_flags.get": lambda w: w.feature_flags.get("dark-mode"),
    "feature_flags.enable": lambda w: w.feature_flags.enable("dark-mode"),
    "feature_flags.disable": lambda w: w.feature_flags.disable("dark-mode"),
    "feature_flags.add_target": lambda w: w.feature_flags.add_target("dark-mode", "org_1"),
    "feature_flags.remove_target": lambda w: w.feature_flags.remove_target("dark-mode", "user_1"),
    "feature_flags.list_for_organization": lambda w: w.feature_flags.list_for_organization(
        "org_1", limit=3
    ),
    "feature_flags.list_for_user": lambda w: w.feature_flags.list_for_user("user_1", after="f"),
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
    ("GET", "/audit_logs/actions"),
    ("GET", "/audit_logs/actions/{actionName}/schemas"),
    ("POST", "/audit_logs/actions/{actionName}/schemas"),
    ("POST", "/audit_logs/events"),
    ("POST", "/audit_logs/exports"),
    ("GET", "/audit_logs/exports/{auditLogExportId}"),
    ("GET", "/feature-flags"),
    ("GET", "/feature-flags/{slug}"),
    ("PUT", "/feature-flags/{slug}/enable"),
    ("PUT", "/feature-flags/{slug}/disable"),
    ("POST", "/feature-flags/{slug}/targets/{resourceId}"),
    ("DELETE", "/feature-flags/{slug}/targets/{resourceId}"),
    ("GET", "/organizations/{organizationId}/feature-flags"),
    ("GET", "/user_management/users/{userId}/feature-flags"),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    problems, covered = await capture_and_validate(checker, CALLS)
    assert problems == []
    assert covered == EXPECTED_OPERATIONS
