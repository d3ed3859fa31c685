"""AuthKit configuration (``/user_management/redirect_uris``, ``cors_origins``,
``jwt_template``) and the Admin Portal (``/portal/generate_link``)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.authkit import (
    CorsOrigin,
    CorsOriginCreate,
    JwtTemplate,
    JwtTemplateUpdate,
    PortalLink,
    PortalLinkCreate,
    RedirectUri,
    RedirectUriCreate,
)
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service


class RedirectUrisService(ResourceService[RedirectUri]):
    """``/user_management/redirect_uris``: list, add, delete (the default one cannot go)."""

    path = "/user_management/redirect_uris"
    model = RedirectUri

    async def list(self, **params: Unpack[ListParams]) -> Page[RedirectUri]:
        return await self._list(params)

    def cursor(self, **params: Unpack[ListParams]) -> Cursor[RedirectUri]:
        return self._cursor(params)

    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[RedirectUri]:
        return self._iterate(params)

    async def create(self, redirect_uri: RedirectUriCreate) -> RedirectUri:
        return await self._create(redirect_uri)

    async def delete(self, redirect_uri_id: str) -> None:
        await self._delete(redirect_uri_id)


class CorsOriginsService(ResourceService[CorsOrigin]):
    """``/user_management/cors_origins``: list and add."""

    path = "/user_management/cors_origins"
    model = CorsOrigin

    async def list(self, **params: Unpack[ListParams]) -> Page[CorsOrigin]:
        return await self._list(params)

    def cursor(self, **params: Unpack[ListParams]) -> Cursor[CorsOrigin]:
        return self._cursor(params)

    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[CorsOrigin]:
        return self._iterate(params)

    async def create(self, origin: CorsOriginCreate) -> CorsOrigin:
        return await self._create(origin)


class JwtTemplateService(Service):
    """``/user_management/jwt_template``: the environment's single JWT template."""

    path = "/user_management/jwt_template"

    async def get(self) -> JwtTemplate:
        return await self._fetch(JwtTemplate, "GET", self.path)

    async def update(self, template: JwtTemplateUpdate) -> JwtTemplate:
        return await self._fetch(JwtTemplate, "PUT", self.path, body=template)


class AdminPortalService(Service):
    """``/portal/generate_link``: ephemeral Admin Portal links."""

    async def generate_link(self, request: PortalLinkCreate) -> PortalLink:
        return await self._fetch(PortalLink, "POST", "/portal/generate_link", body=request)
