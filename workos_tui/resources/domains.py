"""Organization domains: listed from their organization; add, verify, delete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    ListRequest,
    Related,
    ResourceType,
    api_model,
    service_action,
    service_create,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.sources import OneShotSource, PageSource


def _list(workos: Facade, request: ListRequest) -> PageSource:
    organization_id = str(request.filters["organization_id"])

    async def fetch() -> Sequence[Any]:
        organization = await workos.organizations.get(organization_id)
        domains: list[Any] = list(organization.domains)
        if request.order == "asc":
            domains.reverse()
        return domains

    return OneShotSource(fetch)


def _prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"organization_id": scope.get("organization_id", "")}


DOMAINS = ResourceType(
    key="domains",
    title="Domains",
    singular="domain",
    aliases=("organization_domains",),
    top_level=False,
    scope_params=("organization_id",),
    supports_order=False,
    list=_list,
    get=service_get(lambda w: w.organization_domains.get),
    create=service_create(lambda w: w.organization_domains.create),
    delete=service_delete(lambda w: w.organization_domains.delete),
    create_model=api_model("organizations", "OrganizationDomainCreate"),
    create_prefill=_prefill,
    columns=(
        Column("domain", "Domain", width=30),
        Column("state", "State", width=16),
        Column("verification_strategy", "Strategy", width=10),
        Column("id", "ID", width=32),
    ),
    sections=(
        DetailSection(
            "Domain",
            (
                DetailField("Domain", "domain"),
                DetailField("ID", "id"),
                DetailField("State", "state"),
                DetailField("Strategy", "verification_strategy"),
                DetailField("DNS prefix", "verification_prefix"),
                DetailField("DNS token", "verification_token"),
                DetailField("Organization", "organization_id"),
                DetailField("Created", "created_at", format_timestamp),
            ),
        ),
    ),
    related=(Related("Organization", "organizations", "id", lambda d: d.organization_id),),
    actions=(
        Action(
            "verify",
            "Verify domain",
            service_action(lambda w: w.organization_domains.verify),
            applies=lambda domain: getattr(domain, "state", None) != "verified",
        ),
    ),
    name_field="domain",
)
