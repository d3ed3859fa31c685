"""Groups of organization memberships (role assignments made to a group apply to its members)."""

from __future__ import annotations

from pydantic import Field

from .base import InputModel, WorkOSModel
from .common import MembershipRef

GROUP_NAME_MAX = 256


class Group(WorkOSModel):
    """A group of an organization's members."""

    object: str = "group"
    id: str
    organization_id: str
    name: str
    description: str | None = None
    created_at: str
    updated_at: str


class GroupCreate(InputModel):
    """Create a group in an organization."""

    name: str = Field(min_length=1, max_length=GROUP_NAME_MAX, description="The group's name.")


class GroupUpdate(InputModel):
    """Rename a group."""

    name: str | None = Field(
        default=None, min_length=1, max_length=GROUP_NAME_MAX, description="The group's name."
    )


class GroupMemberAdd(InputModel):
    """Add an organization membership to a group."""

    organization_membership_id: MembershipRef = Field(
        min_length=1, description="The membership to add (of the group's organization)."
    )


__all__ = [
    "Group",
    "GroupCreate",
    "GroupMemberAdd",
    "GroupUpdate",
]
