"""Organization memberships: which user belongs to which organization, with which roles."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import Field, model_validator

from .base import InputModel, WorkOSModel, empty_list
from .common import OrganizationRef, RoleSlugRef, SlimRole, UserRef
from .users import User

MembershipStatus = Literal["active", "inactive", "pending"]


class OrganizationMembership(WorkOSModel):
    """A user's membership of an organization."""

    object: str = "organization_membership"
    id: str
    user_id: str
    organization_id: str
    organization_name: str | None = None
    status: MembershipStatus | str
    directory_managed: bool | None = None
    role: SlimRole | None = None
    roles: list[SlimRole] = Field(default_factory=empty_list)
    user: User | None = None
    custom_attributes: dict[str, Any] = Field(default_factory=dict)
    created_at: str
    updated_at: str


def _check_one_role_kind(role_slug: str | None, role_slugs: list[str] | None) -> None:
    if role_slug is not None and role_slugs is not None:
        raise ValueError("give either role_slug or role_slugs, not both")


class OrganizationMembershipCreate(InputModel):
    """Add a user to an organization."""

    user_id: UserRef = Field(min_length=1, description="The user who joins the organization.")
    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization the user joins."
    )
    role_slug: RoleSlugRef | None = Field(
        default=None, description="A single role (defaults to member). Not with role_slugs."
    )
    role_slugs: list[str] | None = Field(
        default=None, description="Several roles (when Multiple Roles is on). Not with role_slug."
    )

    @model_validator(mode="after")
    def _one_role_kind(self) -> Self:
        _check_one_role_kind(self.role_slug, self.role_slugs)
        return self


class OrganizationMembershipUpdate(InputModel):
    """Change the roles of a membership."""

    role_slug: RoleSlugRef | None = Field(
        default=None, description="The new single role. Not together with role_slugs."
    )
    role_slugs: list[str] | None = Field(
        default=None, description="The new roles (when Multiple Roles is on). Not with role_slug."
    )

    @model_validator(mode="after")
    def _one_role_kind(self) -> Self:
        _check_one_role_kind(self.role_slug, self.role_slugs)
        return self


__all__ = [
    "OrganizationMembership",
    "OrganizationMembershipCreate",
    "OrganizationMembershipUpdate",
]
