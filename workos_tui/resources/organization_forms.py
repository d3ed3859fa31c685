"""The organization forms: domains typed as a plain list of names, not as ``domain_data`` JSON.

The API takes ``domain_data`` — a list of ``{domain, state}`` with state ``pending`` or
``verified``. The form asks for the domain names (comma-separated) and one state for the domains
it adds (pending by default); :meth:`OrganizationCreateForm.to_create` and :func:`domain_data`
build the request. Imported when a form first needs it (it builds the API's models).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

from workos_tui.api.models.common import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    METADATA_DESCRIPTION,
    METADATA_MAX_KEYS,
    Metadata,
    Name,
    Text,
)
from workos_tui.api.models.organizations import (
    DomainDataState,
    OrganizationCreate,
    OrganizationDomainData,
    OrganizationUpdate,
)

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
DOMAIN_PATTERN = re.compile(rf"^(?=.{{1,253}}$)(?:{_LABEL}\.)+[a-z](?:[a-z0-9-]{{0,61}}[a-z0-9])$")
"""A host name of two labels or more (``acme.com``, ``eu.acme.co.uk``, ``xn--80ak6aa92e.com``)."""

DOMAINS_DESCRIPTION = "Domain names, comma-separated, e.g. acme.com, acme.io."
STATE_DESCRIPTION = (
    "State of the domains added: pending (verify later through DNS) or verified (trusted now)."
)
DOMAIN_ERRORS: Mapping[str, str] = {
    "domain_data": "domains",
    "domains": "domains",
    "domain_already_verified": "domains",
}
"""Server errors (by field or code) shown on the form's ``domains`` field."""


def clean_domains(value: Sequence[str] | None) -> list[str] | None:
    """Lower-cased, stripped, de-duplicated names; a clear error names the ones that are wrong."""
    if value is None:
        return None
    names: list[str] = []
    for raw in value:
        name = raw.strip().lower().rstrip(".")
        if name.startswith(("http://", "https://")) or "@" in name:
            raise PydanticCustomError(
                "domain", "“{name}”: give the domain name only (e.g. acme.com)", {"name": raw}
            )
        if not DOMAIN_PATTERN.match(name):
            raise PydanticCustomError(
                "domain", "“{name}” is not a domain name (e.g. acme.com)", {"name": raw}
            )
        if name not in names:
            names.append(name)
    return names


class OrganizationCreateForm(BaseModel):
    """Create an organization."""

    model_config = ConfigDict(extra="forbid")

    server_error_fields: ClassVar[Mapping[str, str]] = DOMAIN_ERRORS

    name: Name = Field(min_length=1, description="The name of the organization.")
    domains: list[str] | None = Field(default=None, description=DOMAINS_DESCRIPTION)
    domain_state: DomainDataState = Field(
        default="pending", title="Domain state", description=STATE_DESCRIPTION
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

    @field_validator("domains")
    @classmethod
    def _clean_domains(cls, value: list[str] | None) -> list[str] | None:
        return clean_domains(value)

    def to_create(self) -> OrganizationCreate:
        fields = self.model_dump(exclude={"domains", "domain_state"}, exclude_none=True)
        if self.domains:
            fields["domain_data"] = domain_data(self.domains, self.domain_state)
        return OrganizationCreate(**fields)


class OrganizationUpdateForm(BaseModel):
    """Change an organization; fields left empty stay as they are."""

    model_config = ConfigDict(extra="forbid")

    server_error_fields: ClassVar[Mapping[str, str]] = DOMAIN_ERRORS
    clearable_fields: ClassVar[frozenset[str]] = OrganizationUpdate.clearable_fields

    name: Name | None = Field(
        default=None, min_length=1, description="The name of the organization."
    )
    domains: list[str] | None = Field(
        default=None,
        description="Replaces the domains: " + DOMAINS_DESCRIPTION,
    )
    domain_state: DomainDataState = Field(
        default="pending", title="Domain state", description=STATE_DESCRIPTION
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

    @field_validator("domains")
    @classmethod
    def _clean_domains(cls, value: list[str] | None) -> list[str] | None:
        return clean_domains(value)

    def to_update(self, current: Any) -> OrganizationUpdate:
        """The update for the organization as it is now: domains it keeps keep their state."""
        fields = {
            name: getattr(self, name)
            for name in self.model_fields_set
            if name not in ("domains", "domain_state")
        }
        existing = {d.domain: d.state for d in getattr(current, "domains", None) or []}
        wanted = self.domains or []
        if "domains" in self.model_fields_set and set(wanted) != set(existing):
            kept = {name: _kept_state(state) for name, state in existing.items()}
            fields["domain_data"] = domain_data(wanted, self.domain_state, kept)
        return OrganizationUpdate(**fields)


def _kept_state(state: Any) -> DomainDataState:
    return "verified" if state in ("verified", "legacy_verified") else "pending"


def domain_data(
    domains: Sequence[str],
    state: DomainDataState,
    kept: Mapping[str, DomainDataState] | None = None,
) -> list[OrganizationDomainData]:
    """``domain_data`` for the names: ``state`` for new ones, the ``kept`` state for the rest."""
    known = kept or {}
    return [OrganizationDomainData(domain=d, state=known.get(d, state)) for d in domains]


def edit_prefill(organization: Any) -> Mapping[str, Any]:
    """The edit form shows the organization's domains as names."""
    return {"domains": [d.domain for d in getattr(organization, "domains", None) or []]}
