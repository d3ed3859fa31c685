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
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service


class RedirectUrisService(ResourceService[RedirectUri]):
    """``/user_management/redirect_uris``: list, add, delete (the default one cannot go)."""

    absent_operations = frozenset({"get"})
    """The API has no GET of one item by id here (``ResourceService.get`` is not an operation)."""

    path = "/user_management/redirect_uris"
    model = RedirectUri

    @operation("GET", "/user_management/redirect_uris")
    async def list(self, **params: Unpack[ListParams]) -> Page[RedirectUri]:
        return await self._list(params)

    @operation("GET", "/user_management/redirect_uris")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[RedirectUri]:
        return self._cursor(params)

    @operation("GET", "/user_management/redirect_uris")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[RedirectUri]:
        return self._iterate(params)

    @operation("POST", "/user_management/redirect_uris")
    async def create(self, redirect_uri: RedirectUriCreate) -> RedirectUri:
        return await self._create(redirect_uri)

    @operation("DELETE", "/user_management/redirect_uris/{id}")
    async def delete(self, redirect_uri_id: str) -> None:
        await self._delete(redirect_uri_id)


class CorsOriginsService(ResourceService[CorsOrigin]):
    """``/user_management/cors_origins``: list and add."""

    absent_operations = frozenset({"get"})
    """The API has no GET of one item by id here (``ResourceService.get`` is not an operation)."""

    path = "/user_management/cors_origins"
    model = CorsOrigin

    @operation("GET", "/user_management/cors_origins")
    async def list(self, **params: Unpack[ListParams]) -> Page[CorsOrigin]:
        return await self._list(params)

    @operation("GET", "/user_management/cors_origins")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[CorsOrigin]:
        return self._cursor(params)

    @operation("GET", "/user_management/cors_origins")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[CorsOrigin]:
        return self._iterate(params)

    @operation("POST", "/user_management/cors_origins")
    async def create(self, origin: CorsOriginCreate) -> CorsOrigin:
        return await self._create(origin)


class JwtTemplateService(Service):
    """``/user_management/jwt_template``: the environment's single JWT template."""

    path = "/user_management/jwt_template"

    @operation("GET", "/user_management/jwt_template")
    async def get(self) -> JwtTemplate:
        return await self._fetch(JwtTemplate, "GET", self.path)

    @operation("PUT", "/user_management/jwt_template")
    async def update(self, template: JwtTemplateUpdate) -> JwtTemplate:
        return await self._fetch(JwtTemplate, "PUT", self.path, body=template)


class AdminPortalService(Service):
    """``/portal/generate_link``: ephemeral Admin Portal links."""

    @operation("POST", "/portal/generate_link")
    async def generate_link(self, request: PortalLinkCreate) -> PortalLink:
        return await self._fetch(PortalLink, "POST", "/portal/generate_link", body=request)
