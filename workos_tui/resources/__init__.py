"""Resource declarations: one per kind of WorkOS object, driving the console's generic screens."""

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    field_value,
)
from workos_tui.resources.registry import ResourceRegistry

__all__ = [
    "Action",
    "Column",
    "DetailField",
    "DetailSection",
    "Filter",
    "Related",
    "ResourceRegistry",
    "ResourceType",
    "field_value",
]
