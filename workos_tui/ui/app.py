"""``WorkOSConsole``: the shell around the areas — header, sidebar, `:` jump, palette, inspector."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widget import AwaitMount, Widget
from textual.widgets import Input, OptionList

from workos_tui.api.client import WorkOSClient
from workos_tui.api.environment import Environment
from workos_tui.api.facade import WorkOS
from workos_tui.api.requestlog import RequestLog
from workos_tui.resources.catalog import EXTENSION_MODULES, default_registry
from workos_tui.resources.registry import ResourceRegistry
from workos_tui.ui.area_preparation import AreaPreparation
from workos_tui.ui.collection_pause import resume_collection
from workos_tui.ui.context import ConsoleContext
from workos_tui.ui.key_hold import KeyHold
from workos_tui.ui.panels import PANELS, resolve_panel
from workos_tui.ui.profiles import ProfileSource
from workos_tui.ui.safe_text import TerminalSafetyFilter, printable
from workos_tui.ui.shell_layout import ShellLayout
from workos_tui.ui.view_requests import OpenView, TargetedView
from workos_tui.ui.widgets.area_list import AreaList
from workos_tui.ui.widgets.environment_bar import EnvironmentBar
from workos_tui.ui.widgets.key_bar import KeyBar
from workos_tui.ui.widgets.resource_view import ResourceView

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.filter import LineFilter
    from textual.notifications import SeverityLevel
    from textual.screen import Screen

    from workos_tui.ui.screens.related import RelatedScreen

STYLES = Path(__file__).parent / "styles"
"""Absolute, so that subclasses defined elsewhere (tests, benchmarks) find the stylesheets."""
DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
COLLECTION_PAUSE_LIMIT = 3.0
"""Seconds after mounting by which a collector paused for start-up is back on, rows or not."""


def console_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens (keeps startup light)."""
    from workos_tui.ui.commands import ConsoleCommands

    return ConsoleCommands


def related_screen(screen: Screen[Any]) -> RelatedScreen | None:
    """``screen`` if it is a related-resources screen.

    Its module is imported when the first one is pushed, not with the app: until then no
    screen can be one.
    """
    module = sys.modules.get("workos_tui.ui.screens.related")
    if module is None:
        return None
    screen_type: type[RelatedScreen] = module.RelatedScreen
    return screen if isinstance(screen, screen_type) else None


def is_text_field(widget: Widget | None) -> bool:
    """Whether ``widget`` takes typed text (an ``Input`` or a ``TextArea``).

    ``TextArea``'s module (with its document model, ~3 ms) is imported by the views that use
    one, not with the app: until then no widget can be one.
    """
    if isinstance(widget, Input):
        return True
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)


class WorkOSConsole(KeyHold, ShellLayout):
    """The keyboard-first WorkOS admin console."""

    TITLE = "WorkOS console"
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        STYLES / "app.tcss",
        STYLES / "resource.tcss",
        STYLES / "dialogs.tcss",
        STYLES / "api_console.tcss",
        STYLES / "views.tcss",
        STYLES / "health.tcss",
        STYLES / "insight.tcss",
    ]
    COMMANDS: ClassVar[set[Any]] = App.COMMANDS | {console_commands}
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS = [
        # priority: ":" is handled before the keys typed after it reach the list
        Binding("colon", "jump", "Jump", show=False, id="app.jump", priority=True),
        Binding("f1,question_mark", "help", "Help", id="app.help", key_display="F1/?"),
        Binding("ctrl+r", "toggle_inspector", "Requests", id="app.inspector"),
        Binding("ctrl+t", "toggle_theme", "Theme", show=False, id="app.theme"),
    ]

    def __init__(
        self,
        environment: Environment,
        *,
        request_log: RequestLog | None = None,
        profiles: ProfileSource | None = None,
        registry: ResourceRegistry | None = None,
        page_size: int | None = None,
        start_area: str = "organizations",
        start_search: str = "",
        base_url_label: str | None = None,
        open_browser: bool = True,
        reveal_seconds: float = 30.0,
        detail_delay: float = 0.08,
        prepare_areas: bool = True,
        client_factory: Callable[[Environment, RequestLog], WorkOSClient] | None = None,
    ) -> None:
        super().__init__()
        self.environment = environment
        self.request_log = request_log if request_log is not None else RequestLog()
        self.profiles = profiles
        self.registry = registry if registry is not None else default_registry()
        self.page_size = page_size
        self.start_area = start_area
        self.start_search = start_search
        self.base_url_label = base_url_label
        self.open_browser = open_browser
        self.reveal_seconds = reveal_seconds
        self.detail_delay = detail_delay
        self._client_factory = client_factory or (
            lambda env, log: WorkOSClient(env, request_log=log)
        )
        self.client = self._client_factory(environment, self.request_log)
        self.context = self._make_context(environment, WorkOS(self.client))
        self.current_area: str | None = None
        self.preparation = AreaPreparation(
            self, self.registry, self.area_widget, prepare_areas=prepare_areas
        )
        self._terminal_safety = TerminalSafetyFilter()

    def _make_context(self, environment: Environment, workos: WorkOS) -> ConsoleContext:
        return ConsoleContext(
            environment=environment,
            workos=workos,
            registry=self.registry,
            page_size=self.page_size,
            reveal_seconds=self.reveal_seconds,
            open_browser=self.open_browser,
            detail_delay=self.detail_delay,
        )

    # ----------------------------------------------------------------- text safety

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps terminal controls out of every line."""
        return [*super().get_line_filters(), self._terminal_safety]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast whose text is data: made printable and never parsed as markup.

        Notifications carry names, ids and server messages; ``markup`` is accepted for
        Textual's signature and ignored.
        """
        del markup
        super().notify(
            printable(message, multiline=True),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    # ----------------------------------------------------------------- layout

    def area_titles(self) -> list[tuple[str, str]]:
        areas = [(resource.key, resource.title) for resource in self.registry.top_level()]
        areas.extend((key, panel.title) for key, panel in PANELS.items())
        return areas

    def compose(self) -> ComposeResult:
        yield EnvironmentBar(self.environment, base_url_label=self.base_url_label)
        with Horizontal(id="main"):
            yield AreaList(self.area_titles(), id="areas")
            yield Container(id="area-content")
        yield KeyBar()

    def on_mount(self) -> None:
        self.open_area(self.start_area, search=self.start_search or None)
        # The collector paused for start-up resumes after the first rows (area preparation);
        # this is for a start without them (a panel first, a request that hangs).
        self.set_timer(COLLECTION_PAUSE_LIMIT, resume_collection)

    @on(ResourceView.FirstPageShown)
    def _first_page_shown(self, event: ResourceView.FirstPageShown) -> None:
        event.stop()
        self.preparation.first_page_shown(event.ok)

    @property
    def more_areas_loaded(self) -> bool:
        return self.preparation.extensions_loaded

    @property
    def idle_work_done(self) -> bool:
        """The work after the first rows has run (extension areas loaded, areas prepared)."""
        return self.preparation.done

    def load_more_areas(self) -> None:
        """Register every extension area not registered yet, and list them in the sidebar."""
        self.preparation.load_modules(EXTENSION_MODULES)

    async def on_unmount(self) -> None:
        self.preparation.work.cancel()
        await self.client.aclose()

    # ----------------------------------------------------------------- areas

    def current_resource_view(self) -> ResourceView | None:
        related = related_screen(self.screen)
        if related is not None:
            return related.view
        if self.current_area is None:
            return None
        try:
            widget = self.query_one(f"#area-{self.current_area}")
        except Exception:
            return None
        return widget if isinstance(widget, ResourceView) else None

    def area_widget(self, key: str, search: str | None) -> Widget | None:
        if key in PANELS:
            panel = PANELS[key].build(self.context, f"area-{key}")
            if search and isinstance(panel, TargetedView):
                panel.show_target(search)
            return panel
        if key in self.registry:
            resource = self.registry[key]
            return ResourceView(resource, self.context, search=search or "", id=f"area-{key}")
        return None

    def open_area(self, key: str, *, search: str | None = None) -> None:
        """Show an area (mounting it on first use); ``search`` sets its search filter."""
        while related_screen(self.screen) is not None:
            self.pop_screen()
        content = self.query_one("#area-content", Container)
        existing = content.query(f"#area-{key}")
        mounting: AwaitMount | None = None
        if existing:
            widget = existing.first()
            reloaded = False
            if search is not None and isinstance(widget, ResourceView):
                reloaded = widget.apply_search(search)
            elif search and isinstance(widget, TargetedView):
                widget.show_target(search)
            if isinstance(widget, ResourceView) and not reloaded and key != self.current_area:
                widget.refresh_rows()  # the prepared rows at once, the first page again behind
        else:
            created = self.area_widget(key, search)
            if created is None:
                self.notify(f"No area called {key!r}.", severity="warning")
                return
            mounting = content.mount(created)
        for child in content.children:
            child.display = child.id == f"area-{key}"
        self.current_area = key
        titles = dict(self.area_titles())
        self.query_one(EnvironmentBar).area_title = titles.get(key, key)
        self.query_one(AreaList).select_area(key)
        if mounting is None:
            self.call_after_refresh(self._focus_area, key)
        else:
            self.call_later(self._focus_area_once_mounted, mounting, key, self.focused)

    async def _focus_area_once_mounted(
        self, mounting: AwaitMount, key: str, focused_before: Widget | None
    ) -> None:
        # A new area has no children until its mount finishes; focusing earlier would fail.
        await mounting
        # Keys typed meanwhile (":" then an area name, while the first area still mounts)
        # moved the focus on purpose: taking it back would send the rest of them to the list.
        # The screen's own first focus (the sidebar) is not such a move.
        moved = self.focused is not focused_before and is_text_field(self.focused)
        if self.current_area == key and not moved:
            self._focus_area(key)

    def _focus_area(self, key: str) -> None:
        widget = self.query(f"#area-{key}")
        if not widget:
            return
        area = widget.first()
        if isinstance(area, ResourceView):
            area.focus_table()
        else:
            area.focus()

    def create_in_area(self, key: str) -> None:
        self.open_area(key)
        view = self.current_resource_view()
        if view is not None:
            view.action_create()

    @on(OptionList.OptionSelected, "#areas")
    def _area_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and event.option.id != self.current_area:
            self.open_area(event.option.id)
        elif event.option.id is not None:
            self._focus_area(event.option.id)

    @on(OpenView)
    def _open_view(self, event: OpenView) -> None:
        """A row action or a finding opens a specialised view on a record."""
        event.stop()
        self.open_area(event.view, search=event.target)

    @on(ResourceView.OpenRelated)
    def _open_related(self, event: ResourceView.OpenRelated) -> None:
        if event.resource_key not in self.registry and not self.more_areas_loaded:
            self.load_more_areas()  # a view's drill-down may name an extension's list
        if event.resource_key not in self.registry:
            self.notify(f"{event.title} is not available yet.", severity="warning")
            return
        from workos_tui.ui.screens.related import RelatedScreen

        resource = self.registry[event.resource_key]
        self.push_screen(
            RelatedScreen(
                resource,
                self.context,
                event.scope,
                event.title,
                base_url_label=self.base_url_label,
            )
        )

    # ----------------------------------------------------------------- jump

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "jump":
            # from the areas (a related list included), not from a dialog; and a ":" typed
            # into a text field is text
            browsing = self.screen is self.screen_stack[0] or related_screen(self.screen)
            return bool(browsing) and not is_text_field(self.focused)
        return True

    async def action_jump(self) -> None:
        # Focus moves before this returns: the keys typed right after ":" (a fast typist, a
        # paste) are handled after it, by the jump input, not by the list behind it.
        while related_screen(self.screen) is not None:
            await self.pop_screen()
        existing = self.query("#jump")
        if existing:
            jump = existing.first()
            assert isinstance(jump, Input)
            jump.value = ""
        else:
            jump = Input(placeholder=":area [search]  e.g. :users acme", id="jump")
            await self.screen_stack[0].mount(jump)
        jump.display = True
        self.screen_stack[0].set_focus(jump)  # now, not after the keys already queued

    @on(Input.Submitted, "#jump")
    def _jump_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        jump = self.query_one("#jump", Input)
        jump.display = False
        self.jump_to(event.value)

    def jump_to(self, text: str) -> None:
        """Open the area ``:name [search]`` names."""
        from workos_tui.ui.jump import parse_jump, plan_jump  # when ":" is first used

        parsed = parse_jump(text)
        if parsed is None:
            self._focus_area(self.current_area or self.start_area)
            return
        panel = resolve_panel(parsed.target)
        if panel is not None:
            self.open_area(panel, search=parsed.argument or None)
            return
        resource = self.registry.resolve(parsed.target)
        if resource is None and not self.more_areas_loaded:
            self.load_more_areas()
            resource = self.registry.resolve(parsed.target)
        plan = plan_jump(resource, parsed)
        if plan.list is not None:
            title = " / ".join((plan.list.title, *plan.scope.values()))
            self._open_related(ResourceView.OpenRelated(plan.list.key, plan.scope, title))
        elif plan.area is not None:
            self.open_area(plan.area, search=plan.search)
        else:
            self.notify(plan.problem, severity="warning")
            self._focus_area(self.current_area or self.start_area)

    def on_key(self, event: events.Key) -> None:
        jump = self.query("#jump")
        if event.key == "escape" and jump and jump.first().display:
            jump.first().display = False
            self._focus_area(self.current_area or self.start_area)
            event.stop()

    # ----------------------------------------------------------------- shell actions

    def action_help(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_toggle_inspector(self) -> None:
        from workos_tui.ui.widgets.request_inspector import RequestInspector

        existing = self.screen.query(RequestInspector)
        if existing:
            existing.remove()
        else:
            self.screen.mount(RequestInspector(self.request_log, id="inspector"))

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    # ----------------------------------------------------------------- profiles

    def pick_profile(self) -> None:
        if self.profiles is None:
            return
        from workos_tui.ui.screens.profile_picker import ProfilePickerScreen

        names = list(self.profiles.names())
        self.push_screen(ProfilePickerScreen(names, self.environment.name), self._profile_chosen)

    def _profile_chosen(self, name: str | None) -> None:
        if name is None or self.profiles is None or name == self.environment.name:
            return
        try:
            environment = self.profiles.load(name)
        except Exception as error:  # the profile source reports its own problems
            self.notify(f"Cannot load profile {name!r}: {error}", severity="error")
            return
        self.run_worker(self.switch_environment(environment), group="profile-switch")

    async def switch_environment(self, environment: Environment) -> None:
        """Reconnect to another environment and start the areas afresh."""
        while related_screen(self.screen) is not None:
            self.pop_screen()
        old_client = self.client
        self.preparation.restart()
        self.environment = environment
        self.client = self._client_factory(environment, self.request_log)
        self.context = self._make_context(environment, WorkOS(self.client))
        await self.query_one("#area-content", Container).remove_children()
        self.query_one(EnvironmentBar).show_environment(environment)
        area = self.current_area or self.start_area
        self.current_area = None
        self.open_area(area)
        await old_client.aclose()
        self.notify(f"Connected to profile {environment.name}.")
