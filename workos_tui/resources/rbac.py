"""The RBAC matrix: roles x permissions, staged toggles and their application (no UI).

:func:`load_matrix` reads the environment's permissions and roles (and, for an organization,
its custom roles); :class:`Matrix` holds what each role grants and what the user staged;
:meth:`Matrix.changes` is the review (per role: added and removed permissions);
:func:`apply_changes` sends one set-permissions call per changed role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from workos_tui.api.models.authorization import Permission, Role
from workos_tui.resources.base import Facade

Scope = Literal["environment", "organization"]


@dataclass(frozen=True)
class RoleColumn:
    """A role of the matrix: an environment role, or a custom role of ``organization_id``."""

    role: Role
    scope: Scope
    organization_id: str = ""

    @property
    def key(self) -> str:
        return (
            f"{self.organization_id}/{self.role.slug}" if self.organization_id else self.role.slug
        )

    @property
    def label(self) -> str:
        return self.role.slug + (" (org)" if self.scope == "organization" else "")


@dataclass(frozen=True)
class RoleChange:
    """What applying the staged toggles changes on one role."""

    column: RoleColumn
    added: tuple[str, ...]
    removed: tuple[str, ...]
    permissions: tuple[str, ...]
    """The role's whole permission list after the change (what set-permissions sends)."""

    def describe(self) -> list[str]:
        lines = [f"{self.column.label}:"]
        lines += [f"  + {slug}" for slug in self.added]
        lines += [f"  - {slug}" for slug in self.removed]
        return lines


@dataclass
class Matrix:
    permissions: list[Permission]
    columns: list[RoleColumn]
    granted: dict[str, frozenset[str]] = field(default_factory=dict)
    staged: dict[str, set[str]] = field(default_factory=dict)
    organization_id: str = ""

    def __post_init__(self) -> None:
        for column in self.columns:
            self.granted.setdefault(column.key, frozenset(column.role.permissions))
            self.staged.setdefault(column.key, set(column.role.permissions))

    def column(self, key: str) -> RoleColumn:
        return next(c for c in self.columns if c.key == key)

    def has(self, role_key: str, permission: str) -> bool:
        """Whether the role grants ``permission`` once the staged toggles are applied."""
        return permission in self.staged[role_key]

    def changed(self, role_key: str, permission: str) -> bool:
        return (permission in self.staged[role_key]) != (permission in self.granted[role_key])

    def toggle(self, role_key: str, permission: str) -> bool:
        """Stage granting or revoking; returns whether the role grants it now (staged)."""
        staged = self.staged[role_key]
        if permission in staged:
            staged.discard(permission)
            return False
        staged.add(permission)
        return True

    def discard_changes(self) -> None:
        for key, granted in self.granted.items():
            self.staged[key] = set(granted)

    def role_count(self, role_key: str) -> int:
        """How many permissions the role grants (staged)."""
        return len(self.staged[role_key])

    def permission_count(self, permission: str) -> int:
        """How many roles grant ``permission`` (staged)."""
        return sum(1 for c in self.columns if permission in self.staged[c.key])

    def changes(self) -> list[RoleChange]:
        out: list[RoleChange] = []
        for column in self.columns:
            granted, staged = self.granted[column.key], self.staged[column.key]
            if granted == staged:
                continue
            order = [p.slug for p in self.permissions]
            ordered = [s for s in order if s in staged] + sorted(staged - set(order))
            kept = [s for s in column.role.permissions if s in staged]
            permissions = kept + [s for s in ordered if s not in kept]
            out.append(
                RoleChange(
                    column,
                    added=tuple(s for s in ordered if s not in granted),
                    removed=tuple(sorted(granted - staged)),
                    permissions=tuple(permissions),
                )
            )
        return out


async def load_matrix(workos: Facade, organization_id: str = "") -> Matrix:
    """The environment's permissions and roles; with ``organization_id``, its custom roles too."""
    permissions = [p async for p in workos.permissions.iterate(limit=100)]
    columns = [RoleColumn(r, "environment") for r in await workos.roles.list()]
    if organization_id:
        env_slugs = {c.role.slug for c in columns}
        for role in await workos.organization_roles.list(organization_id):
            if role.type == "OrganizationRole" or role.slug not in env_slugs:
                columns.append(RoleColumn(role, "organization", organization_id))
    return Matrix(permissions, columns, organization_id=organization_id)


async def apply_change(workos: Facade, change: RoleChange) -> Role:
    """Send one role's new permission list (set-permissions replaces the whole list)."""
    column, slugs = change.column, list(change.permissions)
    if column.scope == "organization":
        return await workos.organization_roles.set_permissions(
            column.organization_id, column.role.slug, slugs
        )
    return await workos.roles.set_permissions(column.role.slug, slugs)


async def apply_changes(workos: Facade, matrix: Matrix) -> list[Role]:
    """Apply every staged change, role by role; the matrix then holds what the server said."""
    updated: list[Role] = []
    for change in matrix.changes():
        role = await apply_change(workos, change)
        key = change.column.key
        matrix.granted[key] = frozenset(role.permissions)
        matrix.staged[key] = set(role.permissions)
        updated.append(role)
    return updated
