"""Pipes: data integrations (``/data-integrations``), an organization's provider
configurations, a user's connected accounts and data providers."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator
from typing import Any

from typing_extensions import Unpack

from ..errors import DecodeError
from ..models.pipes import (
    AccessTokenResult,
    ApiKeyUpsert,
    AuthorizeRequest,
    AuthorizeUrl,
    ClientCredentialsUpsert,
    ConnectedAccount,
    ConnectedAccountInput,
    CredentialsResult,
    DataIntegration,
    DataIntegrationConfiguration,
    DataIntegrationCreate,
    DataIntegrationUpdate,
    DataProvider,
    OrganizationConfigurationUpdate,
    UserScope,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, Service, path_segment


def _items(data: Any, path: str) -> builtins.list[Any]:
    """The ``data`` array of an unpaginated ``{"object": "list", "data": [...]}`` answer."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        raise DecodeError("The response is not a list", method="GET", path=path)
    items: list[Any] = data["data"]
    return items


def _scope(organization_id: str | None) -> dict[str, Any] | None:
    return {"organization_id": organization_id} if organization_id else None


class DataIntegrationsService(ResourceService[DataIntegration]):
    """``/data-integrations/{slug}``: integrations, installs, authorize URL, credentials."""

    path = "/data-integrations"
    model = DataIntegration

    @operation("GET", "/data-integrations")
    async def list(self, **params: Unpack[ListParams]) -> Page[DataIntegration]:
        return await self._list(params)

    @operation("GET", "/data-integrations")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[DataIntegration]:
        return self._cursor(params)

    @operation("GET", "/data-integrations")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[DataIntegration]:
        return self._iterate(params)

    @operation("POST", "/data-integrations")
    async def create(self, integration: DataIntegrationCreate) -> DataIntegration:
        return await self._create(integration)

    @operation("PUT", "/data-integrations/{slug}")
    async def update(self, slug: str, changes: DataIntegrationUpdate) -> DataIntegration:
        return await self._update(slug, changes)

    @operation("DELETE", "/data-integrations/{slug}")
    async def delete(self, slug: str) -> None:
        """Delete the integration and every connected account of it."""
        await self._delete(slug)

    @operation("PUT", "/data-integrations/{slug}/api-key")
    async def upsert_api_key(self, slug: str, install: ApiKeyUpsert) -> ConnectedAccount:
        """Install (or rotate) a user's API key."""
        path = self._item_path(slug, "api-key")
        return await self._fetch(ConnectedAccount, "PUT", path, body=install)

    @operation("PUT", "/data-integrations/{slug}/client-credentials")
    async def upsert_client_credentials(
        self, slug: str, install: ClientCredentialsUpsert
    ) -> ConnectedAccount:
        """Install (or rotate) a user's client credentials."""
        path = self._item_path(slug, "client-credentials")
        return await self._fetch(ConnectedAccount, "PUT", path, body=install)

    @operation("POST", "/data-integrations/{slug}/authorize")
    async def authorize_url(self, slug: str, request: AuthorizeRequest) -> AuthorizeUrl:
        """The provider URL that starts a user's OAuth connection."""
        path = self._item_path(slug, "authorize")
        return await self._fetch(AuthorizeUrl, "POST", path, body=request)

    @operation("POST", "/data-integrations/{slug}/credentials")
    async def credentials(
        self, slug: str, user_id: str, organization_id: str | None = None
    ) -> CredentialsResult:
        """A user's credential (access token, API key, client-credentials token)."""
        body = UserScope(user_id=user_id, organization_id=organization_id)
        path = self._item_path(slug, "credentials")
        return await self._fetch(CredentialsResult, "POST", path, body=body)

    @operation("POST", "/data-integrations/{slug}/token")
    async def token(
        self, slug: str, user_id: str, organization_id: str | None = None
    ) -> AccessTokenResult:
        """A user's OAuth access token (refreshed by WorkOS when needed)."""
        body = UserScope(user_id=user_id, organization_id=organization_id)
        path = self._item_path(slug, "token")
        return await self._fetch(AccessTokenResult, "POST", path, body=body)

    @staticmethod
    def _config_path(organization_id: str, *suffix: str) -> str:
        parts = [path_segment(organization_id), "data_integration_configurations"]
        return "/organizations/" + "/".join([*parts, *map(path_segment, suffix)])

    @operation("GET", "/organizations/{organizationId}/data_integration_configurations")
    async def organization_configurations(
        self, organization_id: str
    ) -> builtins.list[DataIntegrationConfiguration]:
        """Every provider as configured for an organization."""
        path = self._config_path(organization_id)
        items = _items(await self._request("GET", path), path)
        return [self._parse(DataIntegrationConfiguration, i, "GET", path) for i in items]

    @operation("PUT", "/organizations/{organizationId}/data_integration_configurations/{slug}")
    async def configure_for_organization(
        self, organization_id: str, slug: str, changes: OrganizationConfigurationUpdate
    ) -> DataIntegrationConfiguration:
        path = self._config_path(organization_id, slug)
        return await self._fetch(DataIntegrationConfiguration, "PUT", path, body=changes)


class ConnectedAccountsService(Service):
    """``/user_management/users/{id}/connected_accounts/{slug}`` and the user's providers."""

    @staticmethod
    def _path(user_id: str, *suffix: str) -> str:
        parts = [path_segment(user_id), *map(path_segment, suffix)]
        return "/user_management/users/" + "/".join(parts)

    @operation("GET", "/user_management/users/{user_id}/connected_accounts/{slug}")
    async def get(
        self, user_id: str, slug: str, organization_id: str | None = None
    ) -> ConnectedAccount:
        path = self._path(user_id, "connected_accounts", slug)
        params = _scope(organization_id)
        return await self._fetch(ConnectedAccount, "GET", path, params=params)

    @operation("POST", "/user_management/users/{user_id}/connected_accounts/{slug}")
    async def create(
        self,
        user_id: str,
        slug: str,
        account: ConnectedAccountInput,
        organization_id: str | None = None,
    ) -> ConnectedAccount:
        """Import a connected account from existing OAuth tokens."""
        path = self._path(user_id, "connected_accounts", slug)
        params = _scope(organization_id)
        return await self._fetch(ConnectedAccount, "POST", path, params=params, body=account)

    @operation("PUT", "/user_management/users/{user_id}/connected_accounts/{slug}")
    async def update(
        self,
        user_id: str,
        slug: str,
        changes: ConnectedAccountInput,
        organization_id: str | None = None,
    ) -> ConnectedAccount:
        path = self._path(user_id, "connected_accounts", slug)
        params = _scope(organization_id)
        return await self._fetch(ConnectedAccount, "PUT", path, params=params, body=changes)

    @operation("DELETE", "/user_management/users/{user_id}/connected_accounts/{slug}")
    async def delete(self, user_id: str, slug: str, organization_id: str | None = None) -> None:
        """Disconnect: stored tokens are removed (the provider grant is not revoked)."""
        path = self._path(user_id, "connected_accounts", slug)
        await self._send("DELETE", path, params=_scope(organization_id))

    @operation("GET", "/user_management/users/{user_id}/data_providers")
    async def data_providers(
        self, user_id: str, organization_id: str | None = None
    ) -> builtins.list[DataProvider]:
        """Every enabled provider with the user's connected account, if any."""
        path = self._path(user_id, "data_providers")
        items = _items(await self._request("GET", path, params=_scope(organization_id)), path)
        return [self._parse(DataProvider, i, "GET", path) for i in items]
