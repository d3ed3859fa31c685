"""Organizations and organization domains against the emulator over real HTTP."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable

import pytest

from workos_tui.api import NotFoundError, Page, UnprocessableError, WorkOS
from workos_tui.api.models import (
    Organization,
    OrganizationCreate,
    OrganizationDomainCreate,
    OrganizationDomainData,
    OrganizationUpdate,
)
from workos_tui.emulator import Exchange
from workos_tui.emulator.testing import EmulatorHandle


async def test_list_returns_a_typed_page(workos: WorkOS) -> None:
    page = await workos.organizations.list(limit=10)
    assert isinstance(page, Page)
    assert len(page.data) == 10
    assert all(isinstance(org, Organization) for org in page.data)
    assert page.has_more and page.list_metadata.after


async def test_iterate_walks_every_page(workos: WorkOS, emulator: EmulatorHandle) -> None:
    ids = [org.id async for org in workos.organizations.iterate(limit=7, order="asc")]
    assert len(ids) == len(set(ids)) == len(emulator.state["organizations"].order)
    assert ids == sorted(ids)
    fetches = [r for r in workos.client.request_log.records() if r.path == "/organizations"]
    assert len(fetches) == 4  # 7 + 7 + 7 + 4


async def test_iterate_holds_only_the_page_being_read(workos: WorkOS) -> None:
    """A walk through a long list does not keep every model it has yielded (the garbage collector
    would traverse a heap growing with the list)."""
    first_page: list[weakref.ref[Organization]] = []
    alive: list[Organization | None] = []
    count = 0
    async for org in workos.organizations.iterate(limit=5):
        count += 1
        if count <= 5:
            first_page.append(weakref.ref(org))
        elif count == 11:  # the third page is being read
            gc.collect()
            alive = [ref() for ref in first_page]
    assert count > 11
    assert alive == [None] * 5


async def test_cursor_pulls_pages_on_demand(workos: WorkOS) -> None:
    cursor = workos.organizations.cursor(limit=10)
    assert cursor.has_more and cursor.loaded == 0
    first = await cursor.next_page()
    assert len(first) == 10 and cursor.loaded == 10 and cursor.has_more
    await cursor.next_page()
    last = await cursor.next_page()
    assert len(last) == 5 and cursor.loaded == 25
    assert not cursor.has_more
    assert await cursor.next_page() == []


async def test_domains_filter_is_comma_joined(
    workos: WorkOS, exchanges: Callable[[], list[Exchange]]
) -> None:
    first, second = (await workos.organizations.list(limit=2)).data
    wanted = [first.domains[0].domain, second.domains[0].domain]
    page = await workos.organizations.list(domains=wanted)
    assert {org.id for org in page.data} == {first.id, second.id}
    sent = exchanges()[-1]
    assert sent.query_string.count("domains=") == 1
    assert "%2C" in sent.query_string or "," in sent.query_string


async def test_search_filters_by_name(workos: WorkOS) -> None:
    some = (await workos.organizations.list(limit=1)).data[0]
    word = some.name.split()[0]
    page = await workos.organizations.list(search=word.lower(), limit=100)
    assert page.data and all(word.lower() in org.name.lower() for org in page.data)


async def test_get_and_get_by_external_id(workos: WorkOS) -> None:
    listed = (await workos.organizations.list(limit=1)).data[0]
    assert listed.external_id
    by_id = await workos.organizations.get(listed.id)
    by_external = await workos.organizations.get_by_external_id(listed.external_id)
    assert by_id.id == by_external.id == listed.id
    assert by_id.raw["id"] == listed.id


async def test_create_update_delete_round_trip(workos: WorkOS) -> None:
    created = await workos.organizations.create(
        OrganizationCreate(
            name="Round Trip Ltd",
            external_id="rt-1",
            metadata={"tier": "test"},
            domain_data=[OrganizationDomainData(domain="round-trip.example", state="pending")],
        )
    )
    assert created.name == "Round Trip Ltd"
    assert [d.domain for d in created.domains] == ["round-trip.example"]
    updated = await workos.organizations.update(
        created.id, OrganizationUpdate(name="Round Trip 2", metadata={"tier": "gold"})
    )
    assert updated.name == "Round Trip 2" and updated.metadata == {"tier": "gold"}
    assert updated.external_id == "rt-1"  # not given: unchanged
    cleared = await workos.organizations.update(created.id, OrganizationUpdate(external_id=None))
    assert cleared.external_id is None and cleared.name == "Round Trip 2"
    await workos.organizations.delete(created.id)
    with pytest.raises(NotFoundError) as caught:
        await workos.organizations.get(created.id)
    assert caught.value.status == 404
    assert caught.value.operation == f"GET /organizations/{created.id}"


async def test_unprocessable_carries_field_errors(workos: WorkOS) -> None:
    invalid = OrganizationCreate.model_construct(name="")  # skip local validation
    with pytest.raises(UnprocessableError) as caught:
        await workos.organizations.create(invalid)
    assert caught.value.status == 422
    assert "name" in caught.value.field_errors()


async def test_audit_log_settings(workos: WorkOS) -> None:
    org = (await workos.organizations.list(limit=1)).data[0]
    configuration = await workos.organizations.get_audit_log_configuration(org.id)
    assert configuration.organization_id == org.id
    retention = await workos.organizations.update_audit_logs_retention(org.id, 365)
    assert retention.retention_period_in_days == 365
    again = await workos.organizations.get_audit_logs_retention(org.id)
    assert again.retention_period_in_days == 365


async def test_domain_create_get_verify_delete(workos: WorkOS) -> None:
    org = (await workos.organizations.list(limit=1)).data[0]
    domain = await workos.organization_domains.create(
        OrganizationDomainCreate(organization_id=org.id, domain="fresh-domain.example")
    )
    assert domain.organization_id == org.id and domain.domain == "fresh-domain.example"
    fetched = await workos.organization_domains.get(domain.id)
    assert fetched.id == domain.id
    verified = await workos.organization_domains.verify(domain.id)
    assert verified.id == domain.id and verified.state
    await workos.organization_domains.delete(domain.id)
    with pytest.raises(NotFoundError):
        await workos.organization_domains.get(domain.id)
