"""A group's roles as a whole: set them all at once (replacing the others), or remove one by role
and resource. Actions on a group's row (single assignments are one key away, in its
role assignments)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.authorization import GroupRoleAssignmentCreate
from workos_tui.api.models.base import InputModel
from workos_tui.resources.base import Action, Facade
from workos_tui.resources.results import ActionResult, plain


class GroupRolesSet(InputModel):
    """The roles the group holds on the whole organization; every other assignment goes."""

    role_slugs: list[str] = Field(
        min_length=1, description="Role slugs, comma separated (admin, member)."
    )


async def _set_roles(workos: Facade, group: Any, form: BaseModel | None) -> BaseModel:
    assert isinstance(form, GroupRolesSet)
    wanted = [GroupRoleAssignmentCreate(role_slug=slug) for slug in form.role_slugs]
    kept = await workos.group_role_assignments.replace(group.id, wanted)
    return ActionResult(
        title=f"Roles of {group.name}",
        entries=(plain("Roles", ", ".join(a.role.slug for a in kept.data) or "(none)"),),
        note="Every other role assignment of the group was removed.",
        reload=True,
    )


async def _remove_role(workos: Facade, group: Any, form: BaseModel | None) -> None:
    assert isinstance(form, GroupRoleAssignmentCreate)
    await workos.group_role_assignments.remove(group.id, form)


GROUP_ROLE_ACTIONS = (
    Action(
        "set_roles",
        "Set the group's roles (replaces all)",
        _set_roles,
        input_model=GroupRolesSet,
        confirm=True,
    ),
    Action(
        "remove_role",
        "Remove a role (by role and resource)",
        _remove_role,
        input_model=GroupRoleAssignmentCreate,
    ),
)
