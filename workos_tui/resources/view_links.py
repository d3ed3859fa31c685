"""Row actions that open a specialised view on the selected row (an organization's X-ray, a
connection's or a directory's debugger), declared beside the resource's other actions.

The console opens the view whose panel key is :attr:`ViewAction.view` with the row's id as its
target; the action itself calls nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import Action, Facade, Item


async def _opens_a_view(_workos: Facade, _item: Any, _input: BaseModel | None) -> Item | None:
    return None


@dataclass(frozen=True)
class ViewAction(Action):
    """An action that opens the view ``view`` (a panel key) on the row."""

    view: str = ""


def view_action(key: str, title: str, view: str) -> ViewAction:
    return ViewAction(key=key, title=title, run=_opens_a_view, mutates=False, view=view)
