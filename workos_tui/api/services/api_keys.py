"""API keys of organizations and users: list, create, validate, expire, delete."""

from __future__ import annotations

from pydantic import SecretStr
from typing_extensions import Unpack

from ..models.api_keys import (
    ApiKey,
    ApiKeyExpire,
    ApiKeyValidate,
    ApiKeyValidation,
    CreatedApiKey,
    OrganizationApiKeyCreate,
    UserApiKeyCreate,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class UserApiKeyListParams(ListParams, total=False):
    """Filters of ``GET /user_management/users/{userId}/api_keys``."""

    organization_id: str | None


class ApiKeysService(ResourceService[ApiKey]):
    """``/api_keys`` plus the keys listed and created under organizations and users."""

    absent_operations = frozenset({"get"})
    """The API has no GET of one item by id here (``ResourceService.get`` is not an operation)."""

    path = "/api_keys"
    model = ApiKey

    @staticmethod
    def _organization_path(organization_id: str) -> str:
        return f"/organizations/{path_segment(organization_id)}/api_keys"

    @staticmethod
    def _user_path(user_id: str) -> str:
        return f"/user_management/users/{path_segment(user_id)}/api_keys"

    @operation("GET", "/organizations/{organizationId}/api_keys")
    async def list_for_organization(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Page[ApiKey]:
        return await self._fetch_page(ApiKey, self._organization_path(organization_id), params)

    @operation("GET", "/organizations/{organizationId}/api_keys")
    def organization_cursor(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Cursor[ApiKey]:
        return self._make_cursor(ApiKey, self._organization_path(organization_id), params)

    @operation("POST", "/organizations/{organizationId}/api_keys")
    async def create_for_organization(
        self, organization_id: str, key: OrganizationApiKeyCreate
    ) -> CreatedApiKey:
        """Create a key; its ``value`` is in the answer only this once."""
        path = self._organization_path(organization_id)
        return await self._fetch(CreatedApiKey, "POST", path, body=key)

    @operation("GET", "/user_management/users/{userId}/api_keys")
    async def list_for_user(
        self, user_id: str, **params: Unpack[UserApiKeyListParams]
    ) -> Page[ApiKey]:
        return await self._fetch_page(ApiKey, self._user_path(user_id), params)

    @operation("GET", "/user_management/users/{userId}/api_keys")
    def user_cursor(self, user_id: str, **params: Unpack[UserApiKeyListParams]) -> Cursor[ApiKey]:
        return self._make_cursor(ApiKey, self._user_path(user_id), params)

    @operation("POST", "/user_management/users/{userId}/api_keys")
    async def create_for_user(self, user_id: str, key: UserApiKeyCreate) -> CreatedApiKey:
        """Create a key for a user; its ``value`` is in the answer only this once."""
        return await self._fetch(CreatedApiKey, "POST", self._user_path(user_id), body=key)

    @operation("POST", "/api_keys/validations")
    async def validate(self, value: str | SecretStr) -> ApiKeyValidation:
        """Check a key value: the key it belongs to, or ``api_key=None``."""
        secret = value if isinstance(value, SecretStr) else SecretStr(value)
        body = ApiKeyValidate(value=secret)
        return await self._fetch(ApiKeyValidation, "POST", f"{self.path}/validations", body=body)

    @operation("POST", "/api_keys/{id}/expire")
    async def expire(self, api_key_id: str, expires_at: str | None = None) -> ApiKey:
        """Expire a key now, or at ``expires_at``."""
        body = ApiKeyExpire(expires_at=expires_at)
        return await self._fetch(ApiKey, "POST", self._item_path(api_key_id, "expire"), body=body)

    @operation("DELETE", "/api_keys/{id}")
    async def delete(self, api_key_id: str) -> None:
        """Revoke a key for good."""
        await self._delete(api_key_id)
