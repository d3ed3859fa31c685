"""Finding the object a field names: the choices a picker offers as you type.

One mechanism for every field that names another object (``Picks`` in the input models, the
API console's id parameters): the area's server-side search when it has one (an email filter
for an address), else its first pages matched on the columns it shows. Raw ids are always
accepted by the fields; the choices only save typing them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workos_tui.resources.base import Facade, ListRequest, ResourceType, field_value
from workos_tui.resources.query import quick_match

PICK_LIMIT = 20
PICK_PAGES = 3
"""Pages looked through for an area without a server-side search."""

AREA_FOR_LIST_PATH: dict[str, str] = {
    "/organizations": "organizations",
    "/user_management/users": "users",
    "/user_management/organization_memberships": "memberships",
    "/connections": "connections",
    "/directories": "directories",
    "/authorization/roles": "roles",
    "/authorization/permissions": "permissions",
    "/authorization/resources": "authorization_resources",
    "/webhook_endpoints": "webhooks",
}
"""The console area of a spec list operation (the API console's pickers use them)."""


@dataclass(frozen=True)
class Choice:
    """An object a field may name: the ``value`` to put in, what it is called, its id."""

    value: str
    label: str
    item_id: str


def choice_of(resource: ResourceType, item: Any, value_field: str = "id") -> Choice:
    value = str(field_value(item, value_field) or "")
    label = resource.item_name(item)
    return Choice(value, "" if label == value else label, resource.item_id(item))


def pick_filters(resource: ResourceType, text: str) -> dict[str, str]:
    """The server-side filters that look ``text`` up, where the area has one."""
    if not text:
        return {}
    if resource.search_param:
        return {resource.search_param: text}
    if "@" in text and any(f.key == "email" and f.server for f in resource.filters):
        return {"email": text}
    return {}


async def find_choices(
    workos: Facade,
    resource: ResourceType,
    text: str,
    *,
    value_field: str = "id",
    limit: int = PICK_LIMIT,
) -> list[Choice]:
    """Up to ``limit`` objects of ``resource`` matching ``text`` (any when it is empty)."""
    wanted = text.strip()
    filters = pick_filters(resource, wanted)
    source = resource.open_list(workos, ListRequest(filters, "desc", 100))
    found: list[Choice] = []
    for _ in range(1 if filters or not wanted else PICK_PAGES):
        if not source.has_more:
            break
        for item in await source.next_page():
            cells = [column.render(item) for column in resource.columns]
            if filters or quick_match(cells, wanted):
                choice = choice_of(resource, item, value_field)
                if choice.value:
                    found.append(choice)
            if len(found) >= limit:
                return found
    return found
