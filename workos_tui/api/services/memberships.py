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
from ..operations import operation
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

    @operation("GET", "/user_management/organization_memberships")
    async def list(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> Page[OrganizationMembership]:
        """One page of memberships, filtered by organization, user and/or statuses."""
        return await self._list(params)

    @operation("GET", "/user_management/organization_memberships")
    def cursor(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> Cursor[OrganizationMembership]:
        return self._cursor(params)

    @operation("GET", "/user_management/organization_memberships")
    def iterate(
        self, **params: Unpack[OrganizationMembershipListParams]
    ) -> AsyncIterator[OrganizationMembership]:
        return self._iterate(params)

    @operation("POST", "/user_management/organization_memberships")
    async def create(self, membership: OrganizationMembershipCreate) -> OrganizationMembership:
        return await self._create(membership)

    @operation("PUT", "/user_management/organization_memberships/{id}")
    async def update(
        self, membership_id: str, changes: OrganizationMembershipUpdate
    ) -> OrganizationMembership:
        """Change the role(s) of a membership."""
        return await self._update(membership_id, changes)

    @operation("DELETE", "/user_management/organization_memberships/{id}")
    async def delete(self, membership_id: str) -> None:
        await self._delete(membership_id)

    @operation("PUT", "/user_management/organization_memberships/{id}/deactivate")
    async def deactivate(self, membership_id: str) -> OrganizationMembership:
        path = self._item_path(membership_id, "deactivate")
        return await self._fetch(self.model, "PUT", path)

    @operation("PUT", "/user_management/organization_memberships/{id}/reactivate")
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

    @operation("GET", "/user_management/invitations")
    async def list(self, **params: Unpack[InvitationListParams]) -> Page[Invitation]:
        return await self._list(params)

    @operation("GET", "/user_management/invitations")
    def cursor(self, **params: Unpack[InvitationListParams]) -> Cursor[Invitation]:
        return self._cursor(params)

    @operation("GET", "/user_management/invitations")
    def iterate(self, **params: Unpack[InvitationListParams]) -> AsyncIterator[Invitation]:
        return self._iterate(params)

    @operation("POST", "/user_management/invitations")
    async def send(self, invitation: InvitationSend) -> Invitation:
        """Create an invitation and email it."""
        return await self._create(invitation)

    @operation("GET", "/user_management/invitations/by_token/{token}")
    async def get_by_token(self, token: str) -> Invitation:
        """Look an invitation up by its token (the token never reaches the request log)."""
        path = f"{self.path}/by_token/{path_segment(token)}"
        shown = f"{self.path}/by_token/[redacted]"
        return await self._fetch(self.model, "GET", path, log_path=shown)

    @operation("POST", "/user_management/invitations/{id}/accept")
    async def accept(self, invitation_id: str) -> Invitation:
        """Accept an invitation on the invitee's behalf (creates the membership)."""
        return await self._fetch(self.model, "POST", self._item_path(invitation_id, "accept"))

    @operation("POST", "/user_management/invitations/{id}/resend")
    async def resend(
        self, invitation_id: str, locale: InvitationLocale | None = None
    ) -> Invitation:
        path = self._item_path(invitation_id, "resend")
        body = InvitationResend(locale=locale)
        return await self._fetch(self.model, "POST", path, body=body)

    @operation("POST", "/user_management/invitations/{id}/revoke")
    async def revoke(self, invitation_id: str) -> Invitation:
        return await self._fetch(self.model, "POST", self._item_path(invitation_id, "revoke"))
