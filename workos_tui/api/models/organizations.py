"""Organizations, their domains and audit-log settings."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import InputModel, WorkOSModel, empty_list
from .common import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    METADATA_DESCRIPTION,
    METADATA_MAX_KEYS,
    Metadata,
    Name,
    OrganizationRef,
    Text,
)

OrganizationDomainState = Literal["failed", "legacy_verified", "pending", "unverified", "verified"]
DomainVerificationStrategy = Literal["dns", "manual"]
AuditLogConfigurationState = Literal["active", "inactive", "disabled"]
DomainDataState = Literal["pending", "verified"]
AuditLogRetentionDays = Literal[30, 365]


class OrganizationDomain(WorkOSModel):
    """A domain that belongs to an organization."""

    object: str = "organization_domain"
    id: str
    organization_id: str | None = None
    domain: str
    state: OrganizationDomainState | str | None = None
    verification_prefix: str | None = None
    verification_token: str | None = None
    verification_strategy: DomainVerificationStrategy | str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class Organization(WorkOSModel):
    """An organization: a customer of the application."""

    object: str = "organization"
    id: str
    name: str
    domains: list[OrganizationDomain] = Field(default_factory=empty_list)
    metadata: dict[str, str] = Field(default_factory=dict)
    external_id: str | None = None
    stripe_customer_id: str | None = None
    allow_profiles_outside_organization: bool | None = None
    created_at: str
    updated_at: str


class AuditLogStream(WorkOSModel):
    """The audit-log stream configured for an organization."""

    id: str
    type: str | None = None
    state: str | None = None
    last_synced_at: str | None = None
    created_at: str | None = None


class AuditLogConfiguration(WorkOSModel):
    """How audit logs are kept for an organization."""

    organization_id: str
    retention_period_in_days: int
    state: AuditLogConfigurationState | str
    log_stream: AuditLogStream | None = None


class AuditLogsRetention(WorkOSModel):
    """How many days audit-log events are kept."""

    retention_period_in_days: int | None = None


class OrganizationDomainData(InputModel):
    """A domain to attach to an organization, with its verification state."""

    domain: str = Field(description="The domain, e.g. foo-corp.com.", min_length=1)
    state: DomainDataState = Field(
        default="pending", description="Verification state: pending or verified."
    )


class OrganizationCreate(InputModel):
    """Create an organization."""

    name: Name = Field(description="The name of the organization.", min_length=1)
    domain_data: list[OrganizationDomainData] | None = Field(
        default=None,
        description="Domains of the organization, each with its verification state.",
    )
    allow_profiles_outside_organization: bool | None = Field(
        default=None,
        description="Whether profiles from outside the organization's domains may sign in.",
    )
    external_id: str | None = Field(
        default=None,
        max_length=EXTERNAL_ID_MAX_LENGTH,
        pattern=EXTERNAL_ID_PATTERN,
        description="Your own identifier for the organization (up to 128 ASCII characters).",
    )
    metadata: Metadata | None = Field(
        default=None, max_length=METADATA_MAX_KEYS, description=METADATA_DESCRIPTION
    )


class OrganizationUpdate(InputModel):
    """Change an organization; fields left empty stay as they are."""

    clearable_fields = frozenset({"external_id", "metadata"})

    name: Name | None = Field(
        default=None, min_length=1, description="The name of the organization."
    )
    domain_data: list[OrganizationDomainData] | None = Field(
        default=None,
        description="Replaces the domains of the organization, each with its verification state.",
    )
    allow_profiles_outside_organization: bool | None = Field(
        default=None,
        description="Whether profiles from outside the organization's domains may sign in.",
    )
    stripe_customer_id: Text | None = Field(
        default=None, description="The Stripe customer ID associated with the organization."
    )
    external_id: str | None = Field(
        default=None,
        max_length=EXTERNAL_ID_MAX_LENGTH,
        pattern=EXTERNAL_ID_PATTERN,
        description="Your own identifier for the organization (up to 128 ASCII characters).",
    )
    metadata: Metadata | None = Field(
        default=None, max_length=METADATA_MAX_KEYS, description=METADATA_DESCRIPTION
    )


class AuditLogsRetentionUpdate(InputModel):
    """Set how long audit-log events are kept."""

    retention_period_in_days: AuditLogRetentionDays = Field(
        description="Days audit-log events are kept: 30 or 365."
    )


class OrganizationDomainCreate(InputModel):
    """Add a domain to an organization."""

    organization_id: OrganizationRef = Field(description="The organization the domain is added to.")
    domain: str = Field(min_length=1, description="The domain to add, e.g. foo-corp.com.")


__all__ = [
    "AuditLogConfiguration",
    "AuditLogStream",
    "AuditLogsRetention",
    "AuditLogsRetentionUpdate",
    "Organization",
    "OrganizationCreate",
    "OrganizationDomain",
    "OrganizationDomainCreate",
    "OrganizationDomainData",
    "OrganizationUpdate",
]
