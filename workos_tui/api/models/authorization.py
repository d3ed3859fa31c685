"""Authorization (RBAC/FGA): roles, permissions, resources, role assignments and checks."""

from __future__ import annotations

from typing import ClassVar, Literal, Self

from pydantic import Field, model_validator

from .base import InputModel, WorkOSModel, empty_list
from .common import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    OrganizationRef,
    PermissionSlugRef,
    ResourceRef,
    RoleSlugRef,
    SlimRole,
)

RoleType = Literal["EnvironmentRole", "OrganizationRole"]
AssignmentSourceType = Literal["direct", "group"]
AssignmentKind = Literal["direct", "indirect"]
NAME_MAX = 48
DESCRIPTION_MAX = 150
SLUG_MAX = 48


class Role(WorkOSModel):
    """An environment role or an organization's custom role, with its permission slugs."""

    object: str = "role"
    id: str
    slug: str
    name: str
    description: str | None = None
    type: RoleType | str | None = None
    resource_type_slug: str | None = None
    permissions: list[str] = Field(default_factory=empty_list)
    created_at: str
    updated_at: str


class Permission(WorkOSModel):
    """A permission roles can grant (``users:read``)."""

    object: str = "permission"
    id: str
    slug: str
    name: str
    description: str | None = None
    system: bool = False
    resource_type_slug: str | None = None
    created_at: str
    updated_at: str


class AuthorizationResource(WorkOSModel):
    """An instance of a resource type (a workspace, a project) that roles can be assigned on."""

    object: str = "authorization_resource"
    id: str
    name: str
    description: str | None = None
    organization_id: str
    parent_resource_id: str | None = None
    external_id: str
    resource_type_slug: str
    created_at: str
    updated_at: str


class AssignmentTarget(WorkOSModel):
    """The resource a role is assigned on (the organization itself when its type says so)."""

    id: str
    external_id: str | None = None
    resource_type_slug: str


class AssignmentSource(WorkOSModel):
    """Where a membership's role assignment comes from: made directly, or through a group."""

    type: AssignmentSourceType | str
    group_role_assignment_id: str | None = None


class RoleAssignment(WorkOSModel):
    """A role an organization membership holds on a resource."""

    object: str = "role_assignment"
    id: str
    organization_membership_id: str
    role: SlimRole
    resource: AssignmentTarget
    source: AssignmentSource | None = None
    created_at: str
    updated_at: str


class GroupRoleAssignment(WorkOSModel):
    """A role a group holds on a resource (its members inherit it)."""

    object: str = "group_role_assignment"
    id: str
    group_id: str
    role: SlimRole
    resource: AssignmentTarget
    created_at: str
    updated_at: str


class AuthorizationCheck(WorkOSModel):
    """The answer of a permission check."""

    authorized: bool


# -- inputs ------------------------------------------------------------------------------------

_SLUG_DESCRIPTION = "Lowercase letters, digits, '-', '_', ':', '.' and '*' (up to 48)."


class RoleCreate(InputModel):
    """Create an environment role."""

    slug: str = Field(min_length=1, max_length=SLUG_MAX, description=_SLUG_DESCRIPTION)
    name: str = Field(min_length=1, max_length=NAME_MAX, description="The role's display name.")
    description: str | None = Field(
        default=None, max_length=DESCRIPTION_MAX, description="What the role is for."
    )
    resource_type_slug: str | None = Field(
        default=None,
        max_length=SLUG_MAX,
        description="The resource type the role applies to (default: organization).",
    )


class OrganizationRoleCreate(InputModel):
    """Create a custom role for one organization."""

    name: str = Field(min_length=1, max_length=NAME_MAX, description="The role's display name.")
    slug: str | None = Field(
        default=None,
        max_length=SLUG_MAX,
        pattern=r"^org-[a-z0-9_-]+$",
        description="Starts with 'org-' (generated from the name when left empty).",
    )
    description: str | None = Field(
        default=None, max_length=DESCRIPTION_MAX, description="What the role is for."
    )
    resource_type_slug: str | None = Field(
        default=None,
        max_length=SLUG_MAX,
        description="The resource type the role applies to (default: organization).",
    )


class RoleUpdate(InputModel):
    """Rename or redescribe a role (environment or custom)."""

    clearable_fields = frozenset({"description"})

    name: str | None = Field(
        default=None, min_length=1, max_length=NAME_MAX, description="The role's display name."
    )
    description: str | None = Field(
        default=None, max_length=DESCRIPTION_MAX, description="What the role is for."
    )


class PermissionCreate(InputModel):
    """Create a permission."""

    slug: str = Field(min_length=1, max_length=SLUG_MAX, description=_SLUG_DESCRIPTION)
    name: str = Field(min_length=1, max_length=NAME_MAX, description="The display name.")
    resource_type_slug: str | None = Field(
        default=None,
        max_length=SLUG_MAX,
        description="The resource type the permission is about (default: organization).",
    )


class PermissionUpdate(InputModel):
    """Rename a permission."""

    name: str | None = Field(
        default=None, min_length=1, max_length=NAME_MAX, description="The display name."
    )


class RolePermissionAdd(InputModel):
    """Grant one more permission to a role."""

    slug: str = Field(min_length=1, description="The permission to add.")


class RolePermissionsSet(InputModel):
    """Replace a role's permissions."""

    permissions: list[str] = Field(description="Every permission slug the role grants.")


def _one_target(
    resource_id: str | None, external_id: str | None, type_slug: str | None, *, required: bool
) -> None:
    by_external = external_id is not None or type_slug is not None
    if resource_id is not None and by_external:
        raise ValueError("give resource_id or resource_external_id + type, not both")
    if by_external and (external_id is None or type_slug is None):
        raise ValueError("resource_external_id and resource_type_slug go together")
    if required and resource_id is None and not by_external:
        raise ValueError("give resource_id, or resource_external_id and resource_type_slug")


class RoleAssignmentCreate(InputModel):
    """A role on a resource, named by id or by external id and type."""

    target_required: ClassVar[bool] = True

    role_slug: RoleSlugRef = Field(min_length=1, description="The role to assign.")
    resource_id: ResourceRef | None = Field(
        default=None, description="The resource's id (or the organization's id)."
    )
    resource_external_id: str | None = Field(
        default=None, description="The resource's external id (with its type)."
    )
    resource_type_slug: str | None = Field(
        default=None, description="The resource's type (with its external id)."
    )

    @model_validator(mode="after")
    def _target(self) -> Self:
        _one_target(
            self.resource_id,
            self.resource_external_id,
            self.resource_type_slug,
            required=self.target_required,
        )
        return self


class GroupRoleAssignmentCreate(RoleAssignmentCreate):
    """A role for a group; without a resource it applies to the whole organization."""

    target_required: ClassVar[bool] = False


class GroupRoleAssignmentsReplace(InputModel):
    """The complete set of a group's role assignments."""

    role_assignments: list[GroupRoleAssignmentCreate] = Field(
        description="Every role assignment the group keeps or gets; others are removed."
    )


class AuthorizationCheckRequest(InputModel):
    """Does a membership have a permission on a resource?"""

    permission_slug: PermissionSlugRef = Field(min_length=1, description="The permission to check.")
    resource_id: ResourceRef | None = Field(default=None, description="The resource's id.")
    resource_external_id: str | None = Field(
        default=None, description="The resource's external id (with its type)."
    )
    resource_type_slug: str | None = Field(
        default=None, description="The resource's type (with its external id)."
    )

    @model_validator(mode="after")
    def _target(self) -> Self:
        _one_target(
            self.resource_id, self.resource_external_id, self.resource_type_slug, required=True
        )
        return self


class _ParentFields(InputModel):
    parent_resource_id: ResourceRef | None = Field(
        default=None, description="The parent resource's id (not with its external id)."
    )
    parent_resource_external_id: str | None = Field(
        default=None, description="The parent's external id (with its type)."
    )
    parent_resource_type_slug: str | None = Field(
        default=None, description="The parent's type (with its external id)."
    )

    @model_validator(mode="after")
    def _parent(self) -> Self:
        _one_target(
            self.parent_resource_id,
            self.parent_resource_external_id,
            self.parent_resource_type_slug,
            required=False,
        )
        return self


class AuthorizationResourceCreate(_ParentFields):
    """Create an authorization resource in an organization."""

    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization owning it."
    )
    resource_type_slug: str = Field(min_length=1, description="Its resource type (project).")
    external_id: str = Field(
        min_length=1,
        max_length=EXTERNAL_ID_MAX_LENGTH,
        pattern=EXTERNAL_ID_PATTERN,
        description="Your own identifier for it (up to 128 ASCII characters).",
    )
    name: str = Field(min_length=1, max_length=NAME_MAX, description="Its display name.")
    description: str | None = Field(
        default=None, max_length=DESCRIPTION_MAX, description="What it is."
    )


class AuthorizationResourceUpdate(_ParentFields):
    """Rename, redescribe or move an authorization resource."""

    clearable_fields = frozenset({"description"})

    name: str | None = Field(
        default=None, min_length=1, max_length=NAME_MAX, description="Its display name."
    )
    description: str | None = Field(
        default=None, max_length=DESCRIPTION_MAX, description="What it is."
    )


__all__ = [
    "AssignmentSource",
    "AssignmentTarget",
    "AuthorizationCheck",
    "AuthorizationCheckRequest",
    "AuthorizationResource",
    "AuthorizationResourceCreate",
    "AuthorizationResourceUpdate",
    "GroupRoleAssignment",
    "GroupRoleAssignmentCreate",
    "GroupRoleAssignmentsReplace",
    "OrganizationRoleCreate",
    "Permission",
    "PermissionCreate",
    "PermissionUpdate",
    "Role",
    "RoleAssignment",
    "RoleAssignmentCreate",
    "RoleCreate",
    "RolePermissionAdd",
    "RolePermissionsSet",
    "RoleUpdate",
]
