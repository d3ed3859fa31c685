"""Command palette providers; every command reads "Area: verb"."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workos_tui.ui.panels import PANELS

if TYPE_CHECKING:
    from workos_tui.api.environment import Environment
    from workos_tui.resources.registry import ResourceRegistry
    from workos_tui.ui.profiles import ProfileSource
    from workos_tui.ui.widgets.resource_view import ResourceView


class PaletteHost(Protocol):
    """What the palette needs of the console (the app implements it; no import of the app)."""

    registry: ResourceRegistry
    environment: Environment
    profiles: ProfileSource | None

    def area_titles(self) -> list[tuple[str, str]]: ...

    def open_area(self, key: str, *, search: str | None = None) -> None: ...

    def create_in_area(self, key: str) -> None: ...

    def current_resource_view(self) -> ResourceView | None: ...

    def action_toggle_theme(self) -> None: ...

    def action_toggle_inspector(self) -> None: ...

    def action_help(self) -> None: ...

    def pick_profile(self) -> None: ...


@dataclass(frozen=True)
class PaletteCommand:
    name: str
    help: str
    run: Callable[[], object]


class ConsoleCommands(Provider):
    """Areas, actions on the selected row, and console-wide commands."""

    def _commands(self) -> list[PaletteCommand]:
        app = cast("PaletteHost", self.app)
        commands: list[PaletteCommand] = []
        for key, title in app.area_titles():
            name = (PANELS[key].command if key in PANELS else "") or f"{title}: open"
            commands.append(PaletteCommand(name, f"Show {title}", partial(app.open_area, key)))
        for resource in app.registry.top_level():
            if resource.create is not None and not app.environment.read_only:
                commands.append(
                    PaletteCommand(
                        f"{resource.title}: create",
                        f"New {resource.singular}",
                        partial(app.create_in_area, resource.key),
                    )
                )
        view = app.current_resource_view()
        if view is not None:
            resource = view.resource
            verbs: list[tuple[str, str, str]] = [
                ("refresh", "refresh", "Reload the list"),
                ("export", "export", "Export the list to a file"),
                ("copy_id", "copy id", "Copy the selected row's id"),
                ("copy_json", "copy JSON", "Copy the selected row as JSON"),
                ("toggle_order", "toggle order", "Newest or oldest first"),
                ("toggle_watch", "watch", "Refresh the list every few seconds (toggle)"),
            ]
            if resource.update is not None:
                verbs.append(("edit", "edit selected", "Edit the selected row"))
            if resource.delete is not None:
                verbs.append(("delete", "delete selected", "Delete the selected row"))
            if view.related_links():
                verbs.append(("related_menu", "related lists", "Every related list of the row"))
            if resource.dashboard_path is not None:
                verbs.append(("open_dashboard", "open in Dashboard", "Open the WorkOS Dashboard"))
            for action, verb, help_text in verbs:
                commands.append(
                    PaletteCommand(
                        f"{resource.title}: {verb}",
                        help_text,
                        partial(view.run_action, action),
                    )
                )
            selected = view.selected
            for extra in resource.actions:
                if selected is not None and not extra.applies(selected):
                    continue
                commands.append(
                    PaletteCommand(
                        f"{resource.title}: {extra.title.lower()}",
                        f"On the selected {resource.singular}",
                        partial(view.run_extra_action, extra.key),
                    )
                )
        commands.extend(
            [
                PaletteCommand("Theme: toggle", "Switch dark/light", app.action_toggle_theme),
                PaletteCommand(
                    "Requests: show inspector",
                    "Show or hide the request log",
                    app.action_toggle_inspector,
                ),
                PaletteCommand("Help: keys", "Help for the focused widget", app.action_help),
            ]
        )
        if app.profiles is not None:
            commands.append(
                PaletteCommand("Profile: switch", "Connect to another profile", app.pick_profile)
            )
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> AsyncIterator[DiscoveryHit | Hit]:
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)
