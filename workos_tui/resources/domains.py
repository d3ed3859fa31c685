"""Organization domains: listed from their organization; add, verify, delete."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    ListRequest,
    Related,
    ResourceType,
    api_model,
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


async def _create(workos: Facade, model: BaseModel) -> Item:
    domain: Item = await workos.organization_domains.create(model)
    return domain


async def _delete(workos: Facade, item_id: str) -> None:
    await workos.organization_domains.delete(item_id)


async def _verify(workos: Facade, item: Any, _input: BaseModel | None) -> Item:
    domain: Item = await workos.organization_domains.verify(item.id)
    return domain


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
    create=_create,
    delete=_delete,
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
            _verify,
            applies=lambda domain: getattr(domain, "state", None) != "verified",
        ),
    ),
    name_field="domain",
)
