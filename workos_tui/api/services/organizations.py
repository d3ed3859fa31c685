"""Organizations (and their audit-log settings) and organization domains."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from typing_extensions import Unpack

from ..models.organizations import (
    AuditLogConfiguration,
    AuditLogRetentionDays,
    AuditLogsRetention,
    AuditLogsRetentionUpdate,
    Organization,
    OrganizationCreate,
    OrganizationDomain,
    OrganizationDomainCreate,
    OrganizationUpdate,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class OrganizationListParams(ListParams, total=False):
    """Filters of ``GET /organizations``."""

    domains: Sequence[str] | None
    search: str | None


class OrganizationsService(ResourceService[Organization]):
    """``/organizations``."""

    path = "/organizations"
    model = Organization
    comma_joined = frozenset({"domains"})

    @operation("GET", "/organizations")
    async def list(self, **params: Unpack[OrganizationListParams]) -> Page[Organization]:
        """One page of organizations, optionally filtered by domains or a search string."""
        return await self._list(params)

    @operation("GET", "/organizations")
    def cursor(self, **params: Unpack[OrganizationListParams]) -> Cursor[Organization]:
        return self._cursor(params)

    @operation("GET", "/organizations")
    def iterate(self, **params: Unpack[OrganizationListParams]) -> AsyncIterator[Organization]:
        return self._iterate(params)

    @operation("GET", "/organizations/external_id/{external_id}")
    async def get_by_external_id(self, external_id: str) -> Organization:
        path = f"{self.path}/external_id/{path_segment(external_id)}"
        return await self._fetch(self.model, "GET", path)

    @operation("POST", "/organizations")
    async def create(self, organization: OrganizationCreate) -> Organization:
        return await self._create(organization)

    @operation("PUT", "/organizations/{id}")
    async def update(self, organization_id: str, changes: OrganizationUpdate) -> Organization:
        return await self._update(organization_id, changes)

    @operation("DELETE", "/organizations/{id}")
    async def delete(self, organization_id: str) -> None:
        await self._delete(organization_id)

    @operation("GET", "/organizations/{id}/audit_log_configuration")
    async def get_audit_log_configuration(self, organization_id: str) -> AuditLogConfiguration:
        path = self._item_path(organization_id, "audit_log_configuration")
        return await self._fetch(AuditLogConfiguration, "GET", path)

    @operation("GET", "/organizations/{id}/audit_logs_retention")
    async def get_audit_logs_retention(self, organization_id: str) -> AuditLogsRetention:
        path = self._item_path(organization_id, "audit_logs_retention")
        return await self._fetch(AuditLogsRetention, "GET", path)

    @operation("PUT", "/organizations/{id}/audit_logs_retention")
    async def update_audit_logs_retention(
        self, organization_id: str, retention_period_in_days: AuditLogRetentionDays
    ) -> AuditLogsRetention:
        path = self._item_path(organization_id, "audit_logs_retention")
        body = AuditLogsRetentionUpdate(retention_period_in_days=retention_period_in_days)
        return await self._fetch(AuditLogsRetention, "PUT", path, body=body)


class OrganizationDomainsService(ResourceService[OrganizationDomain]):
    """``/organization_domains``."""

    path = "/organization_domains"
    model = OrganizationDomain

    @operation("POST", "/organization_domains")
    async def create(self, domain: OrganizationDomainCreate) -> OrganizationDomain:
        return await self._create(domain)

    @operation("POST", "/organization_domains/{id}/verify")
    async def verify(self, domain_id: str) -> OrganizationDomain:
        """Start (or retry) verification of a domain."""
        return await self._fetch(self.model, "POST", self._item_path(domain_id, "verify"))

    @operation("DELETE", "/organization_domains/{id}")
    async def delete(self, domain_id: str) -> None:
        await self._delete(domain_id)
