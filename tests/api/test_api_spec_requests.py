"""Every request the service layer sends for this wave's operations matches the WorkOS spec.

Each service method runs once against a capturing transport; every captured request (method,
path, query parameters, body) is validated with openapi-core against the official spec. The
session-wide check in tests/conftest.py does the same for requests that reach the emulator;
this test covers every method, with every filter set, in one place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

import pytest
from pydantic import SecretStr
from spec_capture import capture_and_validate
from spec_check import SpecChecker

from workos_tui.api import WorkOS
from workos_tui.api.models import (
    InvitationSend,
    OrganizationCreate,
    OrganizationDomainCreate,
    OrganizationDomainData,
    OrganizationMembershipCreate,
    OrganizationMembershipUpdate,
    OrganizationUpdate,
    UserCreate,
    UserUpdate,
    VaultObjectCreate,
    VaultObjectUpdate,
)

Call = Callable[[WorkOS], Awaitable[object]]


async def _first_item(workos: WorkOS) -> object:
    return [item async for item in workos.organizations.iterate(limit=3, search="a")]


CALLS: dict[str, Call] = {
    "organizations.list": lambda w: w.organizations.list(
        limit=5, order="asc", after="org_1", domains=["a.example", "b.example"], search="acme"
    ),
    "organizations.iterate": _first_item,
    "organizations.get": lambda w: w.organizations.get("org_1"),
    "organizations.get_by_external_id": lambda w: w.organizations.get_by_external_id("crm-1"),
    "organizations.create": lambda w: w.organizations.create(
        OrganizationCreate(
            name="Acme",
            external_id="ext-1",
            allow_profiles_outside_organization=False,
            metadata={"tier": "gold"},
            domain_data=[OrganizationDomainData(domain="acme.example", state="verified")],
        )
    ),
    "organizations.update": lambda w: w.organizations.update(
        "org_1",
        OrganizationUpdate(name="Acme 2", stripe_customer_id="cus_1", external_id="ext-2"),
    ),
    "organizations.update_clearing": lambda w: w.organizations.update(
        "org_1", OrganizationUpdate(external_id=None, metadata=None)
    ),
    "organizations.delete": lambda w: w.organizations.delete("org_1"),
    "organizations.audit_log_configuration": lambda w: w.organizations.get_audit_log_configuration(
        "org_1"
    ),
    "organizations.audit_logs_retention": lambda w: w.organizations.get_audit_logs_retention(
        "org_1"
    ),
    "organizations.update_audit_logs_retention": lambda w: (
        w.organizations.update_audit_logs_retention("org_1", 30)
    ),
    "organization_domains.create": lambda w: w.organization_domains.create(
        OrganizationDomainCreate(organization_id="org_1", domain="acme.example")
    ),
    "organization_domains.get": lambda w: w.organization_domains.get("org_domain_1"),
    "organization_domains.verify": lambda w: w.organization_domains.verify("org_domain_1"),
    "organization_domains.delete": lambda w: w.organization_domains.delete("org_domain_1"),
    "users.list": lambda w: w.users.list(
        limit=10, order="desc", before="user_9", email="a@b.example", organization_id="org_1"
    ),
    "users.get": lambda w: w.users.get("user_1"),
    "users.get_by_external_id": lambda w: w.users.get_by_external_id("emp-1"),
    "users.create": lambda w: w.users.create(
        UserCreate(
            email="a@b.example",
            first_name="A",
            last_name="B",
            email_verified=True,
            password=SecretStr("pw"),
            metadata={"k": "v"},
        )
    ),
    "users.create_with_hash": lambda w: w.users.create(
        UserCreate(
            email="a@b.example", password_hash=SecretStr("$2a$10$x"), password_hash_type="bcrypt"
        )
    ),
    "users.update": lambda w: w.users.update(
        "user_1", UserUpdate(first_name="C", locale="en-US", email_verified=False)
    ),
    "users.update_clearing": lambda w: w.users.update(
        "user_1", UserUpdate(external_id=None, metadata=None, locale=None)
    ),
    "users.delete": lambda w: w.users.delete("user_1"),
    "users.identities": lambda w: w.users.list_identities("user_1"),
    "users.sessions": lambda w: w.users.list_sessions("user_1", limit=20, order="asc"),
    "users.auth_factors": lambda w: w.users.list_auth_factors("user_1", limit=20),
    "users.send_verification_email": lambda w: w.users.send_verification_email("user_1"),
    "users.send_password_reset": lambda w: w.users.send_password_reset("a@b.example"),
    "memberships.list": lambda w: w.organization_memberships.list(
        organization_id="org_1", user_id="user_1", statuses=["active", "pending"], limit=50
    ),
    "memberships.get": lambda w: w.organization_memberships.get("om_1"),
    "memberships.create": lambda w: w.organization_memberships.create(
        OrganizationMembershipCreate(user_id="user_1", organization_id="org_1", role_slug="admin")
    ),
    "memberships.create_multi_role": lambda w: w.organization_memberships.create(
        OrganizationMembershipCreate(
            user_id="user_1", organization_id="org_1", role_slugs=["admin", "member"]
        )
    ),
    "memberships.update": lambda w: w.organization_memberships.update(
        "om_1", OrganizationMembershipUpdate(role_slug="member")
    ),
    "memberships.delete": lambda w: w.organization_memberships.delete("om_1"),
    "memberships.deactivate": lambda w: w.organization_memberships.deactivate("om_1"),
    "memberships.reactivate": lambda w: w.organization_memberships.reactivate("om_1"),
    "invitations.list": lambda w: w.invitations.list(
        organization_id="org_1", email="a@b.example", limit=10
    ),
    "invitations.send": lambda w: w.invitations.send(
        InvitationSend(
            email="a@b.example",
            organization_id="org_1",
            role_slug="admin",
            expires_in_days=7,
            inviter_user_id="user_1",
            locale="en-GB",
        )
    ),
    "invitations.get": lambda w: w.invitations.get("invitation_1"),
    "invitations.get_by_token": lambda w: w.invitations.get_by_token("tok_abc"),
    "invitations.resend": lambda w: w.invitations.resend("invitation_1", locale="fr"),
    "invitations.resend_default": lambda w: w.invitations.resend("invitation_1"),
    "invitations.revoke": lambda w: w.invitations.revoke("invitation_1"),
    "connections.list": lambda w: w.connections.list(
        connection_type="OktaSAML",
        domain="a.example",
        organization_id="org_1",
        search="okta",
        limit=100,
    ),
    "connections.get": lambda w: w.connections.get("conn_1"),
    "connections.delete": lambda w: w.connections.delete("conn_1"),
    "directories.list": lambda w: w.directories.list(
        organization_id="org_1", search="x", domain="a.example", limit=1
    ),
    "directories.get": lambda w: w.directories.get("directory_1"),
    "directories.delete": lambda w: w.directories.delete("directory_1"),
    "directory_users.list": lambda w: w.directory_users.list(
        directory="directory_1", group="directory_group_1", idp_id="i", email="a@b.example"
    ),
    "directory_users.get": lambda w: w.directory_users.get("directory_user_1"),
    "directory_groups.list": lambda w: w.directory_groups.list(
        directory="directory_1", user="directory_user_1"
    ),
    "directory_groups.get": lambda w: w.directory_groups.get("directory_group_1"),
    "events.list": lambda w: w.events.list(
        events=["user.created", "dsync.user.created"],
        range_start="2025-01-01T00:00:00Z",
        range_end="2025-02-01T00:00:00Z",
        organization_id="org_1",
        limit=100,
    ),
    "vault.list": lambda w: w.vault.list(
        limit=10, order="asc", search="key", updated_after="2025-01-01T00:00:00Z"
    ),
    "vault.read": lambda w: w.vault.read("obj_1"),
    "vault.read_by_name": lambda w: w.vault.read_by_name("stripe-api-key"),
    "vault.create": lambda w: w.vault.create(
        VaultObjectCreate(name="n", value=SecretStr("v"), key_context={"org": "org_1"})
    ),
    "vault.update": lambda w: w.vault.update(
        "obj_1", VaultObjectUpdate(value=SecretStr("v2"), version_check="ver_1")
    ),
    "vault.delete": lambda w: w.vault.delete("obj_1", version_check="ver_1"),
    "vault.metadata": lambda w: w.vault.get_metadata("obj_1"),
    "vault.versions": lambda w: w.vault.list_versions("obj_1"),
    "vault.create_data_key": lambda w: w.vault.create_data_key({"organization_id": "org_1"}),
    "vault.decrypt_data_key": lambda w: w.vault.decrypt_data_key("ZW5jcnlwdGVk"),
    "vault.rekey": lambda w: w.vault.rekey("ZW5jcnlwdGVk", {"organization_id": "org_2"}),
}

# (method, spec path) of every operation issue 2 asks for.
EXPECTED_OPERATIONS = {
    ("GET", "/organizations"),
    ("POST", "/organizations"),
    ("GET", "/organizations/external_id/{external_id}"),
    ("GET", "/organizations/{id}"),
    ("PUT", "/organizations/{id}"),
    ("DELETE", "/organizations/{id}"),
    ("GET", "/organizations/{id}/audit_log_configuration"),
    ("GET", "/organizations/{id}/audit_logs_retention"),
    ("PUT", "/organizations/{id}/audit_logs_retention"),
    ("POST", "/organization_domains"),
    ("GET", "/organization_domains/{id}"),
    ("POST", "/organization_domains/{id}/verify"),
    ("DELETE", "/organization_domains/{id}"),
    ("GET", "/user_management/users"),
    ("POST", "/user_management/users"),
    ("GET", "/user_management/users/external_id/{external_id}"),
    ("GET", "/user_management/users/{id}"),
    ("PUT", "/user_management/users/{id}"),
    ("DELETE", "/user_management/users/{id}"),
    ("GET", "/user_management/users/{id}/identities"),
    ("GET", "/user_management/users/{id}/sessions"),
    ("GET", "/user_management/users/{userlandUserId}/auth_factors"),
    ("POST", "/user_management/users/{id}/email_verification/send"),
    ("POST", "/user_management/password_reset"),
    ("GET", "/user_management/organization_memberships"),
    ("POST", "/user_management/organization_memberships"),
    ("GET", "/user_management/organization_memberships/{id}"),
    ("PUT", "/user_management/organization_memberships/{id}"),
    ("DELETE", "/user_management/organization_memberships/{id}"),
    ("PUT", "/user_management/organization_memberships/{id}/deactivate"),
    ("PUT", "/user_management/organization_memberships/{id}/reactivate"),
    ("GET", "/user_management/invitations"),
    ("POST", "/user_management/invitations"),
    ("GET", "/user_management/invitations/{id}"),
    ("GET", "/user_management/invitations/by_token/{token}"),
    ("POST", "/user_management/invitations/{id}/resend"),
    ("POST", "/user_management/invitations/{id}/revoke"),
    ("GET", "/connections"),
    ("GET", "/connections/{id}"),
    ("DELETE", "/connections/{id}"),
    ("GET", "/directories"),
    ("GET", "/directories/{id}"),
    ("DELETE", "/directories/{id}"),
    ("GET", "/directory_users"),
    ("GET", "/directory_users/{id}"),
    ("GET", "/directory_groups"),
    ("GET", "/directory_groups/{id}"),
    ("GET", "/events"),
    ("GET", "/vault/v1/kv"),
    ("POST", "/vault/v1/kv"),
    ("GET", "/vault/v1/kv/{id}"),
    ("GET", "/vault/v1/kv/name/{name}"),
    ("PUT", "/vault/v1/kv/{id}"),
    ("DELETE", "/vault/v1/kv/{id}"),
    ("GET", "/vault/v1/kv/{id}/metadata"),
    ("GET", "/vault/v1/kv/{id}/versions"),
    ("POST", "/vault/v1/keys/data-key"),
    ("POST", "/vault/v1/keys/decrypt"),
    ("POST", "/vault/v1/keys/rekey"),
}


@pytest.fixture(scope="module")
def checker() -> Iterator[SpecChecker]:
    yield SpecChecker()


@pytest.mark.filterwarnings("ignore:domain parameter is deprecated:DeprecationWarning")
async def test_every_request_matches_the_spec(checker: SpecChecker) -> None:
    problems, covered = await capture_and_validate(checker, CALLS)
    assert problems == []
    assert covered == EXPECTED_OPERATIONS
