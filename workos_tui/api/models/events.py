"""Events: the activity stream of an environment."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from .base import WorkOSModel


class Event(WorkOSModel):
    """Something that happened (``event`` names the type, e.g. ``dsync.user.created``)."""

    object: str = "event"
    id: str
    event: str
    data: dict[str, Any] = Field(default_factory=dict)
    context: dict[str, Any] | None = None
    created_at: str


__all__ = [
    "Event",
]
