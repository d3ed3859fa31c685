"""AuthKit configuration: redirect URIs, CORS origins, the JWT template; Admin Portal links.

``GENERATE_PORTAL_LINK`` is the organization row's action (``organization_actions``): the link
is a secret, shown only when revealed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from workos_tui.api.models.authkit import (
    CorsOriginCreate,
    JwtTemplateUpdate,
    RedirectUriCreate,
)
from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    ListRequest,
    ResourceType,
    service_create,
    service_cursor,
    service_delete,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.organization_actions import PORTAL_LINK
from workos_tui.resources.sources import OneShotSource, PageSource

TIMESTAMPS = DetailSection(
    "Timestamps",
    (
        DetailField("Created", "created_at", format_timestamp),
        DetailField("Updated", "updated_at", format_timestamp),
    ),
)

REDIRECT_URIS = ResourceType(
    key="redirect_uris",
    title="Redirect URIs",
    singular="redirect URI",
    aliases=("redirects", "redirect_uri", "callbacks"),
    description="Where AuthKit may send users after they sign in; the default cannot be deleted.",
    list=service_cursor(lambda w: w.redirect_uris.cursor),
    create=service_create(lambda w: w.redirect_uris.create),
    delete=service_delete(lambda w: w.redirect_uris.delete),
    create_model=RedirectUriCreate,
    columns=(
        Column("uri", "URI", width=52),
        Column("default", "Default", width=8),
        Column("id", "ID", width=32),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Redirect URI",
            (DetailField("URI", "uri"), DetailField("ID", "id"), DetailField("Default", "default")),
        ),
        TIMESTAMPS,
    ),
    name_field="uri",
    dashboard_path="redirects",
)

CORS_ORIGINS = ResourceType(
    key="cors_origins",
    title="CORS origins",
    singular="CORS origin",
    aliases=("cors", "origins", "cors_origin"),
    description="Browser origins allowed to call the WorkOS API directly.",
    list=service_cursor(lambda w: w.cors_origins.cursor),
    create=service_create(lambda w: w.cors_origins.create),
    create_model=CorsOriginCreate,
    columns=(
        Column("origin", "Origin", width=48),
        Column("id", "ID", width=38),
        Column("created_at", "Created", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection("CORS origin", (DetailField("Origin", "origin"), DetailField("ID", "id"))),
        TIMESTAMPS,
    ),
    name_field="origin",
    dashboard_path="authentication",
)


def _jwt_list(workos: Facade, _request: ListRequest) -> PageSource:
    async def fetch() -> list[Any]:
        return [await workos.jwt_template.get()]

    return OneShotSource(fetch)


async def _jwt_get(workos: Facade, _item_id: str) -> Item:
    template: Item = await workos.jwt_template.get()
    return template


async def _jwt_update(workos: Facade, _item_id: str, model: BaseModel) -> Item:
    assert isinstance(model, JwtTemplateUpdate)
    template: Item = await workos.jwt_template.update(model)
    return template


def _jwt_prefill(item: Any) -> Mapping[str, Any]:
    return {"content": getattr(item, "content", "")}


JWT_TEMPLATE = ResourceType(
    key="jwt_template",
    title="JWT template",
    singular="JWT template",
    aliases=("jwt", "claims", "access_token_template"),
    description="The Liquid template shaping the custom claims of AuthKit access tokens.",
    list=_jwt_list,
    get=_jwt_get,
    update=_jwt_update,
    update_model=JwtTemplateUpdate,
    edit_source=_jwt_get,
    edit_prefill=_jwt_prefill,
    columns=(
        Column("content", "Template", width=80),
        Column("updated_at", "Updated", width=20, formatter=format_timestamp),
    ),
    sections=(DetailSection("JWT template", (DetailField("Content", "content"),)), TIMESTAMPS),
    id_field="object",
    name_field="object",
    supports_order=False,
    dashboard_path="authentication",
)


GENERATE_PORTAL_LINK = PORTAL_LINK
"""Declared with the organization's actions (it needs the organization id)."""
