"""How a view asks the console to open another view (no import of the views or the app).

A row action (:class:`~workos_tui.resources.view_links.ViewAction`) or a health finding posts
:class:`OpenView`; the console opens the panel it names and, when the panel is a
:class:`TargetedView`, gives it the target (``:xray Acme`` does the same).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.message import Message


class OpenView(Message):
    """Open the panel ``view`` on ``target`` (a row action, a finding's drill-down)."""

    def __init__(self, view: str, target: str) -> None:
        super().__init__()
        self.view = view
        self.target = target


@runtime_checkable
class TargetedView(Protocol):
    """A panel that opens on a target: ``:xray Acme`` gives it ``Acme``."""

    def show_target(self, target: str) -> None: ...
