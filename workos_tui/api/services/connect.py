"""Connect applications and their client secrets (``/connect``), and the applications users
authorized (per user and per organization)."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Sequence

from typing_extensions import Unpack

from ..models.connect import (
    AuthorizedApplication,
    ClientSecret,
    ConnectApplication,
    ConnectApplicationCreate,
    ConnectApplicationUpdate,
    RegistrationType,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service, path_segment


class ApplicationListParams(ListParams, total=False):
    registration_types: Sequence[RegistrationType] | None
    organization_id: str | None


class ConnectApplicationsService(ResourceService[ConnectApplication]):
    """``/connect/applications`` (addressed by id or client id) and their client secrets."""

    path = "/connect/applications"
    model = ConnectApplication
    comma_joined = frozenset({"registration_types"})

    @operation("GET", "/connect/applications")
    async def list(self, **params: Unpack[ApplicationListParams]) -> Page[ConnectApplication]:
        return await self._list(params)

    @operation("GET", "/connect/applications")
    def cursor(self, **params: Unpack[ApplicationListParams]) -> Cursor[ConnectApplication]:
        return self._cursor(params)

    @operation("GET", "/connect/applications")
    def iterate(self, **params: Unpack[ApplicationListParams]) -> AsyncIterator[ConnectApplication]:
        return self._iterate(params)

    @operation("POST", "/connect/applications")
    async def create(self, application: ConnectApplicationCreate) -> ConnectApplication:
        return await self._create(application)

    @operation("PUT", "/connect/applications/{id}")
    async def update(
        self, application_id: str, changes: ConnectApplicationUpdate
    ) -> ConnectApplication:
        return await self._update(application_id, changes)

    @operation("DELETE", "/connect/applications/{id}")
    async def delete(self, application_id: str) -> None:
        await self._delete(application_id)

    @operation("GET", "/connect/applications/{id}/client_secrets")
    async def list_client_secrets(self, application_id: str) -> builtins.list[ClientSecret]:
        """Every client secret of the application (values are never listed)."""
        path = self._item_path(application_id, "client_secrets")
        return await self._fetch_many(ClientSecret, "GET", path)

    @operation("POST", "/connect/applications/{id}/client_secrets")
    async def create_client_secret(self, application_id: str) -> ClientSecret:
        """A new secret; its ``secret`` value is returned this once."""
        path = self._item_path(application_id, "client_secrets")
        return await self._fetch(ClientSecret, "POST", path, body={})

    @operation("DELETE", "/connect/client_secrets/{id}")
    async def delete_client_secret(self, secret_id: str) -> None:
        """Revoke a client secret."""
        await self._send("DELETE", f"/connect/client_secrets/{path_segment(secret_id)}")


class AuthorizedApplicationsService(Service):
    """Applications users granted access: an organization's, or one user's."""

    @staticmethod
    def _org_path(organization_id: str) -> str:
        return f"/organizations/{path_segment(organization_id)}/authorized_applications"

    @staticmethod
    def _user_path(user_id: str, *suffix: str) -> str:
        parts = [path_segment(user_id), "authorized_applications", *map(path_segment, suffix)]
        return "/user_management/users/" + "/".join(parts)

    @operation("GET", "/organizations/{organization_id}/authorized_applications")
    async def list_for_organization(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Page[AuthorizedApplication]:
        path = self._org_path(organization_id)
        return await self._fetch_page(AuthorizedApplication, path, params)

    @operation("GET", "/organizations/{organization_id}/authorized_applications")
    def organization_cursor(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Cursor[AuthorizedApplication]:
        return self._make_cursor(AuthorizedApplication, self._org_path(organization_id), params)

    @operation("GET", "/user_management/users/{user_id}/authorized_applications")
    async def list_for_user(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Page[AuthorizedApplication]:
        return await self._fetch_page(AuthorizedApplication, self._user_path(user_id), params)

    @operation("GET", "/user_management/users/{user_id}/authorized_applications")
    def user_cursor(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Cursor[AuthorizedApplication]:
        return self._make_cursor(AuthorizedApplication, self._user_path(user_id), params)

    @operation("GET", "/user_management/users/{user_id}/authorized_applications")
    def iterate_for_user(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> AsyncIterator[AuthorizedApplication]:
        return self._iterate_all(AuthorizedApplication, self._user_path(user_id), params)

    @operation(
        "DELETE",
        "/user_management/users/{user_id}/authorized_applications/{application_id}",
    )
    async def revoke(self, user_id: str, application_id: str) -> None:
        """Remove the user's grant to an application (by application id or client id)."""
        await self._send("DELETE", self._user_path(user_id, application_id))
