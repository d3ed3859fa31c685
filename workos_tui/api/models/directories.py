"""Directory Sync: directories, their users and groups."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from .base import WorkOSModel, empty_list
from .common import SlimRole

DirectoryState = Literal["linked", "validating", "invalid_credentials", "unlinked", "deleting"]
DirectoryUserState = Literal["active", "suspended", "inactive"]
DirectoryType = Literal[
    "azure scim v2.0",
    "bamboohr",
    "breathe hr",
    "cezanne hr",
    "cyberark scim v2.0",
    "fourth hr",
    "generic scim v2.0",
    "gsuite directory",
    "hibob",
    "sailpoint scim v2.0",
    "jump cloud scim v2.0",
    "okta scim v2.0",
    "onelogin scim v2.0",
    "people hr",
    "personio",
    "pingfederate scim v2.0",
    "rippling scim v2.0",
    "s3",
    "sftp",
    "sftp workday",
    "workday",
]


class DirectoryUserCounts(WorkOSModel):
    """Active and inactive users synced into a directory."""

    active: int = 0
    inactive: int = 0


class DirectoryMetadata(WorkOSModel):
    """Aggregate counts of what a directory synced."""

    users: DirectoryUserCounts | None = None
    groups: int | None = None


class Directory(WorkOSModel):
    """A directory connected to an identity provider or HRIS."""

    object: str = "directory"
    id: str
    organization_id: str | None = None
    external_key: str | None = None
    type: DirectoryType | str
    state: DirectoryState | str
    name: str
    domain: str | None = None
    metadata: DirectoryMetadata | None = None
    created_at: str
    updated_at: str


class DirectoryGroup(WorkOSModel):
    """A group synced from a directory."""

    object: str = "directory_group"
    id: str
    idp_id: str
    directory_id: str
    organization_id: str | None = None
    name: str
    raw_attributes: dict[str, Any] = Field(default_factory=dict)
    created_at: str
    updated_at: str


class DirectoryUserEmail(WorkOSModel):
    """One email address of a directory user."""

    primary: bool | None = None
    type: str | None = None
    value: str | None = None


class DirectoryUser(WorkOSModel):
    """A user synced from a directory."""

    object: str = "directory_user"
    id: str
    directory_id: str
    organization_id: str | None = None
    idp_id: str
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    name: str | None = None
    emails: list[DirectoryUserEmail] = Field(default_factory=empty_list)
    job_title: str | None = None
    username: str | None = None
    state: DirectoryUserState | str
    role: SlimRole | None = None
    roles: list[SlimRole] = Field(default_factory=empty_list)
    groups: list[DirectoryGroup] = Field(default_factory=empty_list)
    raw_attributes: dict[str, Any] = Field(default_factory=dict)
    custom_attributes: dict[str, Any] = Field(default_factory=dict)
    created_at: str
    updated_at: str


__all__ = [
    "Directory",
    "DirectoryGroup",
    "DirectoryMetadata",
    "DirectoryUser",
    "DirectoryUserCounts",
    "DirectoryUserEmail",
]
