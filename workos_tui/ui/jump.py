"""The `:` jump: `:orgs`, `:users acme` (open Users searching "acme"), `:sessions user_…`.

Every resource type answers to `:`. A sidebar area opens with the argument as its search; a
list reached from a row opens on its own, scoped by the argument when it needs an owner
(`:sessions user_01…` is that user's sessions); without one, the console says how to reach it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from workos_tui.resources.base import ResourceType


@dataclass(frozen=True)
class Jump:
    target: str
    argument: str


def parse_jump(text: str) -> Jump | None:
    """Split ``:users acme`` into target ``users`` and argument ``acme``; blank gives None."""
    stripped = text.strip().lstrip(":").strip()
    if not stripped:
        return None
    target, _, argument = stripped.partition(" ")
    return Jump(target.lower(), argument.strip())


@dataclass(frozen=True)
class JumpPlan:
    """What a jump opens: a sidebar ``area`` (searching ``search``), or a ``list`` on its own
    scoped by ``scope``; or, when it cannot open, the ``problem`` to tell."""

    area: str | None = None
    search: str = ""
    list: ResourceType | None = None
    scope: Mapping[str, str] = field(default_factory=dict)
    problem: str = ""


ID_PREFIXES = {"org": "organization", "om": "organization_membership", "user": "user"}
"""What an id's prefix names (``org_…`` an organization), where it differs from the prefix."""


def owner_param(params: tuple[str, ...], argument: str) -> str:
    """The scope parameter an id fits: ``org_…`` → ``organization_id``; else the first."""
    prefix = argument.split("_", 1)[0].lower()
    named = ID_PREFIXES.get(prefix, prefix)
    return next((param for param in params if param.startswith(named)), params[0])


def plan_jump(resource: ResourceType | None, jump: Jump) -> JumpPlan:
    """Where ``jump`` goes, ``resource`` being the type its target names (or None)."""
    if resource is None:
        return JumpPlan(problem=f"No area matches {jump.target!r}.")
    if resource.top_level:
        return JumpPlan(area=resource.key, search=jump.argument)
    if not resource.scope_params:
        return JumpPlan(list=resource)
    owner = resource.scope_params[0]
    if jump.argument:
        owner = owner_param(resource.scope_params, jump.argument)
        return JumpPlan(list=resource, scope={owner: jump.argument})
    return JumpPlan(
        problem=(
            f"{resource.title} are listed per {owner.replace('_', ' ')}: "
            f"type :{resource.key} <{owner}>, or open them from a row (0 lists its related)."
        )
    )
