"""Organization memberships and invitations (AuthKit user management)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence

from typing_extensions import Unpack

from ..models.invitations import Invitation, InvitationLocale, InvitationResend, InvitationSend
from ..models.memberships import (
    MembershipStatus,
    OrganizationMembership,
    OrganizationMembershipCreate,
    OrganizationMembershipUpdate,
)
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class OrganizationMembershipListParams(ListParams, total=False):
    """Filters of ``GET /user_management/organization_memberships``."""

    organization_id: str | None
    user_id: str | None
    statuses: Sequence[MembershipStatus] | None


class OrganizationMembershipsService(ResourceService[OrganizationMembership]):
    """``/user_management/organization_memberships``."""

    path = "/user_management/organization_memberships"
    model = OrganizationMembership
    comma_joined = frozenset({"statuses"})

    async def list(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> Page[OrganizationMembership]:
        """One page of memberships, filtered by organization, user and/or statuses."""
        return await self._list(params)

    def cursor(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> Cursor[OrganizationMembership]:
        return self._cursor(params)

    def iterate(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> AsyncIterator[OrganizationMembership]:
        return self._iterate(params)

    async def create(self, membership: OrganizationMembershipCreate) -> OrganizationMembership:
        return await self._create(membership)

    async def update(
        self, membership_id: str, changes: OrganizationMembershipUpdate
    ) -> OrganizationMembership:
        """Change the role(s) of a membership."""
        return await self._update(membership_id, changes)

    async def delete(self, membership_id: str) -> None:
        await self._delete(membership_id)

    async def deactivate(self, membership_id: str) -> OrganizationMembership:
        path = self._item_path(membership_id, "deactivate")
        return await self._fetch(self.model, "PUT", path)

    async def reactivate(self, membership_id: str) -> OrganizationMembership:
        path = self._item_path(membership_id, "reactivate")
        return await self._fetch(self.model, "PUT", path)


class InvitationListParams(ListParams, total=False):
    """Filters of ``GET /user_management/invitations``."""

    organization_id: str | None
    email: str | None


class InvitationsService(ResourceService[Invitation]):
    """``/user_management/invitations``."""

    path = "/user_management/invitations"
    model = Invitation

    async def list(self, **params: Unpack[InvitationListParams]) -> Page[Invitation]:
        return await self._list(params)

    def cursor(self, **params: Unpack[InvitationListParams]) -> Cursor[Invitation]:
        return self._cursor(params)

    def iterate(self, **params: Unpack[InvitationListParams]) -> AsyncIterator[Invitation]:
        return self._iterate(params)

    async def send(self, invitation: InvitationSend) -> Invitation:
        """Create an invitation and email it."""
        return await self._create(invitation)

    async def get_by_token(self, token: str) -> Invitation:
        """Look an invitation up by its token (the token never reaches the request log)."""
        path = f"{self.path}/by_token/{path_segment(token)}"
        shown = f"{self.path}/by_token/[redacted]"
        return await self._fetch(self.model, "GET", path, log_path=shown)

    async def resend(
        self, invitation_id: str, locale: InvitationLocale | None = None
    ) -> Invitation:
        path = self._item_path(invitation_id, "resend")
        body = InvitationResend(locale=locale)
        return await self._fetch(self.model, "POST", path, body=body)

    async def revoke(self, invitation_id: str) -> Invitation:
        return await self._fetch(self.model, "POST", self._item_path(invitation_id, "revoke"))
