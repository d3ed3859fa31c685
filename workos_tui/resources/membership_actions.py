"""Actions on a membership's row: the access check (does this member hold permission P on
resource R, and why) and removing a role by role and resource.

Loaded with the Memberships list, so it stays light: the check lives in ``access`` and loads
when it runs.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import Action, Facade, api_model


async def _check_access(workos: Facade, membership: Any, form: BaseModel | None) -> BaseModel:
    from workos_tui.resources.access import check_access

    return await check_access(workos, membership, form)


async def _remove_role(workos: Facade, membership: Any, form: BaseModel | None) -> None:
    from workos_tui.api.models.authorization import RoleAssignmentCreate

    assert isinstance(form, RoleAssignmentCreate)
    await workos.role_assignments.remove(str(membership.id), form)


MEMBERSHIP_ACTIONS = (
    Action(
        "check_access",
        "Check access (permission on a resource)",
        _check_access,
        input_model=api_model("authorization", "AuthorizationCheckRequest"),
        mutates=False,
    ),
    Action(
        "remove_role",
        "Remove a role (by role and resource)",
        _remove_role,
        input_model=api_model("authorization", "RoleAssignmentCreate"),
        confirm=True,
    ),
)
