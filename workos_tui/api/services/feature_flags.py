"""Feature flags: list, get, enable/disable, targets, per organization and per user."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import Unpack

from ..models.feature_flags import FeatureFlag
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class FeatureFlagsService(ResourceService[FeatureFlag]):
    """``/feature-flags`` (flags are addressed by slug)."""

    path = "/feature-flags"
    model = FeatureFlag

    @operation("GET", "/feature-flags")
    async def list(self, **params: Unpack[ListParams]) -> Page[FeatureFlag]:
        return await self._list(params)

    @operation("GET", "/feature-flags")
    def cursor(self, **params: Unpack[ListParams]) -> Cursor[FeatureFlag]:
        return self._cursor(params)

    @operation("GET", "/feature-flags")
    def iterate(self, **params: Unpack[ListParams]) -> AsyncIterator[FeatureFlag]:
        return self._iterate(params)

    @operation("PUT", "/feature-flags/{slug}/enable")
    async def enable(self, slug: str) -> FeatureFlag:
        return await self._fetch(self.model, "PUT", self._item_path(slug, "enable"))

    @operation("PUT", "/feature-flags/{slug}/disable")
    async def disable(self, slug: str) -> FeatureFlag:
        return await self._fetch(self.model, "PUT", self._item_path(slug, "disable"))

    @operation("POST", "/feature-flags/{slug}/targets/{resourceId}")
    async def add_target(self, slug: str, resource_id: str) -> None:
        """Target an organization (``org_…``) or a user (``user_…``)."""
        await self._send("POST", self._item_path(slug, "targets", path_segment(resource_id)))

    @operation("DELETE", "/feature-flags/{slug}/targets/{resourceId}")
    async def remove_target(self, slug: str, resource_id: str) -> None:
        await self._send("DELETE", self._item_path(slug, "targets", path_segment(resource_id)))

    @staticmethod
    def _organization_path(organization_id: str) -> str:
        return f"/organizations/{path_segment(organization_id)}/feature-flags"

    @staticmethod
    def _user_path(user_id: str) -> str:
        return f"/user_management/users/{path_segment(user_id)}/feature-flags"

    @operation("GET", "/organizations/{organizationId}/feature-flags")
    async def list_for_organization(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Page[FeatureFlag]:
        path = self._organization_path(organization_id)
        return await self._fetch_page(FeatureFlag, path, params)

    @operation("GET", "/organizations/{organizationId}/feature-flags")
    def organization_cursor(
        self, organization_id: str, **params: Unpack[ListParams]
    ) -> Cursor[FeatureFlag]:
        return self._make_cursor(FeatureFlag, self._organization_path(organization_id), params)

    @operation("GET", "/user_management/users/{userId}/feature-flags")
    async def list_for_user(self, user_id: str, **params: Unpack[ListParams]) -> Page[FeatureFlag]:
        return await self._fetch_page(FeatureFlag, self._user_path(user_id), params)

    @operation("GET", "/user_management/users/{userId}/feature-flags")
    def user_cursor(self, user_id: str, **params: Unpack[ListParams]) -> Cursor[FeatureFlag]:
        return self._make_cursor(FeatureFlag, self._user_path(user_id), params)
