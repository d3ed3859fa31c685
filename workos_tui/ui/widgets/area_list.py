"""The sidebar: every area of the console, one key or click away."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option


class AreaList(OptionList):
    """Areas by title; the option id is the area key."""

    HELP = """
## Areas

**↑ ↓** choose an area, **Enter** opens it. **:** jumps by name (`:users acme`),
**Ctrl+P** opens the command palette.

Developer tools: `:webhook-verify` (check a webhook signature), `:session` (open a sealed
`wos-session` cookie), `:test-sign-in` (run an AuthKit or SSO sign-in with PKCE).

Health: `:xray NAME` (an organization's health at a glance), `:debug-sso CONNECTION` and
`:debug-sync DIRECTORY` (why sign-ins fail, whether a directory still syncs); also *X-ray* and
*Debug* among a row's actions (**a**).

Insight: `:tail [TYPES]` (events as they happen), `:rbac [ORGANIZATION]` (roles against
permissions, editable), `:audit [ORGANIZATION]` (export and explore audit logs), `:envdiff A B`
(compare two profiles' configuration).
"""

    DEFAULT_CSS = """
    AreaList {
        width: 18;
        dock: left;
        border: none;
        border-right: vkey $foreground 20%;
        padding: 0;
    }
    """

    def __init__(self, areas: Sequence[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(*[Option(title, id=key) for key, title in areas], id=id)

    def add_areas(self, areas: Sequence[tuple[str, str]]) -> None:
        """Append areas registered after start-up."""
        known = {option.id for option in self.options}
        self.add_options([Option(title, id=key) for key, title in areas if key not in known])

    def select_area(self, key: str) -> None:
        index = self.get_option_index(key)
        self.highlighted = index
