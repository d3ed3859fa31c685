"""Feature flags: enable/disable, target organizations and users; flags per org and user."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pydantic import BaseModel, Field

from workos_tui.api.models.base import InputModel
from workos_tui.resources.base import (
    Action,
    ActionRunner,
    Column,
    DetailField,
    DetailSection,
    Facade,
    Item,
    Related,
    ResourceType,
    scoped_cursor,
    service_action,
    service_cursor,
    service_get,
)
from workos_tui.resources.formatting import format_timestamp


class FlagTarget(InputModel):
    """An organization or user a flag targets."""

    resource_id: str = Field(
        min_length=1, description="The organization (org_…) or user (user_…) to target."
    )


TargetRef = Callable[[Facade], Callable[[str, str], Awaitable[None]]]


def _target(method: TargetRef) -> ActionRunner:
    async def run(workos: Facade, item: Any, form: BaseModel | None) -> Item:
        assert isinstance(form, FlagTarget)
        await method(workos)(item.slug, form.resource_id)
        flag: Item = await workos.feature_flags.get(item.slug)
        return flag

    return run


COLUMNS = (
    Column("name", "Name", width=24),
    Column("slug", "Slug", width=24),
    Column("enabled", "Enabled", width=8),
    Column("default_value", "Default", width=8),
    Column("tags", "Tags", width=18),
    Column("updated_at", "Updated", width=20, formatter=format_timestamp),
)
SECTIONS = (
    DetailSection(
        "Feature flag",
        (
            DetailField("Name", "name"),
            DetailField("Slug", "slug"),
            DetailField("ID", "id"),
            DetailField("Description", "description"),
            DetailField("Enabled", "enabled"),
            DetailField("Default value", "default_value"),
            DetailField("Tags", "tags"),
            DetailField("Owner", "owner.email"),
        ),
    ),
    DetailSection(
        "Timestamps",
        (
            DetailField("Created", "created_at", format_timestamp),
            DetailField("Updated", "updated_at", format_timestamp),
        ),
    ),
)
ACTIONS = (
    Action(
        "enable",
        "Enable flag",
        service_action(lambda w: w.feature_flags.enable, "slug"),
        applies=lambda f: not getattr(f, "enabled", False),
    ),
    Action(
        "disable",
        "Disable flag",
        service_action(lambda w: w.feature_flags.disable, "slug"),
        confirm=True,
        applies=lambda f: bool(getattr(f, "enabled", False)),
    ),
    Action(
        "add_target",
        "Add target",
        _target(lambda w: w.feature_flags.add_target),
        input_model=FlagTarget,
    ),
    Action(
        "remove_target",
        "Remove target",
        _target(lambda w: w.feature_flags.remove_target),
        input_model=FlagTarget,
    ),
)

FEATURE_FLAGS = ResourceType(
    key="feature_flags",
    title="Feature flags",
    singular="feature flag",
    aliases=("flags", "feature-flags", "ff"),
    description="Feature flags, the organizations and users they target.",
    list=service_cursor(lambda w: w.feature_flags.cursor),
    get=service_get(lambda w: w.feature_flags.get),
    columns=COLUMNS,
    sections=SECTIONS,
    actions=ACTIONS,
    id_field="slug",
    name_field="slug",
    dashboard_path="feature-flags/{id}",
)

ORGANIZATION_FEATURE_FLAGS = ResourceType(
    key="organization_feature_flags",
    title="Feature flags",
    singular="feature flag",
    top_level=False,
    scope_params=("organization_id",),
    list=scoped_cursor(lambda w: w.feature_flags.organization_cursor, "organization_id"),
    columns=COLUMNS,
    sections=SECTIONS,
    actions=ACTIONS[:2],
    related=(Related("Flag", "feature_flags", "slug", lambda f: f.slug),),
    id_field="slug",
    name_field="slug",
)

USER_FEATURE_FLAGS = ResourceType(
    key="user_feature_flags",
    title="Feature flags",
    singular="feature flag",
    top_level=False,
    scope_params=("user_id",),
    list=scoped_cursor(lambda w: w.feature_flags.user_cursor, "user_id"),
    columns=COLUMNS,
    sections=SECTIONS,
    actions=ACTIONS[:2],
    related=(Related("Flag", "feature_flags", "slug", lambda f: f.slug),),
    id_field="slug",
    name_field="slug",
)


def _id(item: Any) -> str | None:
    return getattr(item, "id", None)


# For the UI engineer: append to ORGANIZATIONS.related / USERS.related.
ORGANIZATION_RELATED = (
    Related("Feature flags", "organization_feature_flags", "organization_id", _id),
)
USER_RELATED = (Related("Feature flags", "user_feature_flags", "user_id", _id),)
