"""AuthKit configuration and Admin Portal links: services, models and resource declarations
against the emulator over real HTTP."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from pydantic import SecretStr
from pydantic import ValidationError as PydanticValidationError

from workos_tui.api import ConflictError, NotFoundError, UnprocessableError, WorkOS
from workos_tui.api.models import (
    CorsOriginCreate,
    JwtTemplateUpdate,
    PortalLink,
    PortalLinkCreate,
    RedirectUriCreate,
)
from workos_tui.api.models.base import MASK, InputModel
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.authkit import (
    CORS_ORIGINS,
    GENERATE_PORTAL_LINK,
    JWT_TEMPLATE,
    REDIRECT_URIS,
)
from workos_tui.resources.base import ListRequest, ResourceType
from workos_tui.resources.results import ActionResult


async def test_redirect_uris(workos: WorkOS) -> None:
    page = await workos.redirect_uris.list(limit=2, order="asc")
    assert len(page.data) == 2 and page.has_more and page.data[0].default
    every = [u.uri async for u in workos.redirect_uris.iterate(limit=1)]
    assert len(every) == 3
    cursor = workos.redirect_uris.cursor(limit=2)
    assert len(await cursor.next_page()) == 2 and cursor.has_more
    created = await workos.redirect_uris.create(RedirectUriCreate(uri="https://n.example/cb"))
    assert created.uri == "https://n.example/cb" and not created.default
    with pytest.raises(UnprocessableError):
        await workos.redirect_uris.create(RedirectUriCreate(uri="https://n.example/cb"))
    with pytest.raises(ConflictError):
        await workos.redirect_uris.delete(page.data[0].id)
    await workos.redirect_uris.delete(created.id)
    with pytest.raises(NotFoundError) as missing:
        await workos.redirect_uris.delete(created.id)
    assert missing.value.request_id


async def test_cors_origins(workos: WorkOS) -> None:
    page = await workos.cors_origins.list(limit=10, order="normal")
    assert len(page.data) == 3 and not page.has_more
    assert len([o async for o in workos.cors_origins.iterate(limit=2)]) == 3
    assert len(await workos.cors_origins.cursor(limit=2).next_page()) == 2
    created = await workos.cors_origins.create(CorsOriginCreate(origin="https://c.example"))
    assert created.origin == "https://c.example" and created.id.startswith("cors_origin_")
    with pytest.raises(ConflictError) as dup:
        await workos.cors_origins.create(CorsOriginCreate(origin="https://c.example"))
    assert dup.value.code == "duplicate_cors_origin"
    with pytest.raises(UnprocessableError):
        await workos.cors_origins.create(CorsOriginCreate(origin="https://c.example/path"))


async def test_jwt_template(workos: WorkOS, emulator: EmulatorHandle) -> None:
    template = await workos.jwt_template.get()
    assert "{{user.email}}" in template.content
    updated = await workos.jwt_template.update(JwtTemplateUpdate(content='{"a": "{{user.id}}"}'))
    assert updated.content == '{"a": "{{user.id}}"}'
    assert (await workos.jwt_template.get()).content == updated.content
    with pytest.raises(UnprocessableError):
        await workos.jwt_template.update(JwtTemplateUpdate(content="{{user.id"))
    emulator.state.meta.pop("jwt_template")
    with pytest.raises(NotFoundError):
        await workos.jwt_template.get()


async def test_admin_portal(workos: WorkOS, emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    link = await workos.admin_portal.generate_link(
        PortalLinkCreate(
            organization=org_id,
            intent="dsync",
            it_contact_emails=["it@example.com"],
            success_url="https://app.example/done",
        )
    )
    secret = link.link.get_secret_value()
    assert secret.startswith("https://") and secret not in repr(link)
    assert link.raw["link"] == MASK
    with pytest.raises(NotFoundError):
        await workos.admin_portal.generate_link(PortalLinkCreate(organization="org_nope"))
    with pytest.raises(PydanticValidationError):
        PortalLinkCreate(organization=org_id, intent="billing")  # type: ignore[arg-type]


def test_models_follow_the_rules() -> None:
    module = importlib.import_module("workos_tui.api.models.authkit")
    inputs = [
        v
        for v in vars(module).values()
        if inspect.isclass(v) and issubclass(v, InputModel) and v.__module__ == module.__name__
    ]
    assert len(inputs) == 4
    for model in inputs:
        for field, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{field} has no description"
    link = PortalLink.model_validate({"link": "https://p.example/?secret=s3", "new": 1})
    assert isinstance(link.link, SecretStr) and "s3" not in repr(link)
    assert link.extra_fields == {"new": 1}


async def _rows(resource: ResourceType, workos: WorkOS) -> list[Any]:
    rows = list(await resource.open_list(workos, ListRequest(filters={}, limit=5)).next_page())
    for row in rows:
        for column in resource.columns:
            assert isinstance(column.render(row), str)
        for section in resource.sections:
            for field in section.fields:
                assert isinstance(field.render(row), str)
    return rows


async def test_resources(workos: WorkOS, emulator: EmulatorHandle) -> None:
    assert len(await _rows(REDIRECT_URIS, workos)) == 3
    assert REDIRECT_URIS.create is not None and REDIRECT_URIS.delete is not None
    made = await REDIRECT_URIS.create(workos, RedirectUriCreate(uri="https://r.example/cb"))
    await REDIRECT_URIS.delete(workos, REDIRECT_URIS.item_id(made))
    origins = await _rows(CORS_ORIGINS, workos)
    assert CORS_ORIGINS.item_name(origins[0]).startswith("http")
    assert CORS_ORIGINS.create is not None
    await CORS_ORIGINS.create(workos, CorsOriginCreate(origin="https://res.example"))
    [template] = await _rows(JWT_TEMPLATE, workos)
    assert JWT_TEMPLATE.edit_prefill is not None and JWT_TEMPLATE.update is not None
    prefill = JWT_TEMPLATE.edit_prefill(template)
    changed = await JWT_TEMPLATE.update(
        workos, JWT_TEMPLATE.item_id(template), JwtTemplateUpdate(content=prefill["content"] + " ")
    )
    assert changed.content.endswith(" ")  # type: ignore[attr-defined]
    org = (await workos.organizations.list(limit=1)).data[0]
    assert GENERATE_PORTAL_LINK.prefill is not None
    form = PortalLinkCreate(**GENERATE_PORTAL_LINK.prefill(org), intent="sso")
    result = await GENERATE_PORTAL_LINK.run(workos, org, form)
    assert isinstance(result, ActionResult)
    link = next(entry for entry in result.entries if entry.label == "Link")
    assert link.is_secret and link.value().startswith("http")
