"""Radar's allow and block lists: one row per list (IP ranges, domains, emails, …, allowed or
blocked); actions add an entry to the highlighted list or remove one.

The API has no endpoint that lists a list's entries, so the rows are the lists themselves and
each entry is typed; what was added or removed shows in the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, get_args

from pydantic import BaseModel, Field

from workos_tui.api.models.authentication import RadarListAction, RadarListType
from workos_tui.api.models.base import WorkOSModel
from workos_tui.resources.base import Action, Column, Facade, ListRequest, ResourceType
from workos_tui.resources.results import ActionResult, plain
from workos_tui.resources.sources import OneShotSource, PageSource


class RadarList(WorkOSModel):
    """One of Radar's lists: a type of entry and what Radar does with it."""

    id: str
    type: str
    action: str

    @property
    def title(self) -> str:
        verb = "Blocked" if self.action == "block" else "Allowed"
        return f"{verb} {self.type.replace('_', ' ')}s"


def _lists(_workos: Facade, _request: ListRequest) -> PageSource:
    async def all_lists() -> Sequence[Any]:
        return [
            RadarList.model_validate(
                {"id": f"{list_type}/{action}", "type": list_type, "action": action}
            )
            for action in get_args(RadarListAction)
            for list_type in get_args(RadarListType)
        ]

    return OneShotSource(all_lists)


class RadarEntry(BaseModel):
    """An entry of the list: an IP range, a domain, an email address, …"""

    entry: str = Field(min_length=1, description="The value to add or remove.")


async def _add(workos: Facade, radar_list: Any, form: BaseModel | None) -> BaseModel:
    assert isinstance(radar_list, RadarList) and isinstance(form, RadarEntry)
    added = await workos.radar.add_list_entry(
        _type(radar_list.type), _action(radar_list.action), form.entry
    )
    state = "added" if added else "was already on the list"
    return ActionResult(
        title=radar_list.title, entries=(plain("Entry", form.entry), plain("Result", state))
    )


async def _remove(workos: Facade, radar_list: Any, form: BaseModel | None) -> BaseModel:
    assert isinstance(radar_list, RadarList) and isinstance(form, RadarEntry)
    await workos.radar.remove_list_entry(
        _type(radar_list.type), _action(radar_list.action), form.entry
    )
    return ActionResult(
        title=radar_list.title, entries=(plain("Entry", form.entry), plain("Result", "removed"))
    )


def _type(value: str) -> RadarListType:
    for choice in get_args(RadarListType):
        if choice == value:
            return choice  # type: ignore[no-any-return]
    raise ValueError(f"not a Radar list type: {value!r}")


def _action(value: str) -> RadarListAction:
    return "block" if value == "block" else "allow"


RADAR_LISTS = ResourceType(
    key="radar_lists",
    title="Radar lists",
    singular="Radar list",
    aliases=("radar", "blocklist", "allowlist"),
    description="Radar's allow and block lists: a adds or removes an entry.",
    supports_order=False,
    list=_lists,
    columns=(
        Column("title", "List", width=28),
        Column("type", "Entry type", width=16),
        Column("action", "Radar", width=8),
    ),
    actions=(
        Action("add_entry", "Add an entry", _add, input_model=RadarEntry),
        Action("remove_entry", "Remove an entry", _remove, input_model=RadarEntry, confirm=True),
    ),
    name_field="id",
    dashboard_path="radar",
)
