"""Feature flags and who they target."""

from __future__ import annotations

from pydantic import Field

from .base import WorkOSModel, empty_list


class FeatureFlagOwner(WorkOSModel):
    """The person responsible for a flag."""

    email: str
    first_name: str | None = None
    last_name: str | None = None


class FeatureFlag(WorkOSModel):
    """A feature flag."""

    object: str = "feature_flag"
    id: str
    slug: str
    name: str
    description: str | None = None
    owner: FeatureFlagOwner | None = None
    tags: list[str] = Field(default_factory=empty_list)
    enabled: bool
    default_value: bool = False
    created_at: str
    updated_at: str


__all__ = [
    "FeatureFlag",
    "FeatureFlagOwner",
]
