"""The console's layout keys and breakpoints, and quitting without losing typed input.

A base of :class:`~workos_tui.ui.app.WorkOSConsole`, split out to keep modules small. Below
``DETAIL_MIN_WIDTH`` columns the detail pane waits for F3, below ``SIDEBAR_MIN_WIDTH`` the
sidebar for Ctrl+B; ``z`` shows the list alone. The classes ``-no-detail`` and ``-no-sidebar``
on the app hide them (``styles/app.tcss``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding

from workos_tui.ui.widgets.area_list import AreaList

if TYPE_CHECKING:
    from workos_tui.ui.widgets.resource_view import ResourceView


class ShellLayout(App[None]):
    """Sidebar and detail toggles, zoom, breakpoints, a careful Ctrl+Q."""

    BINDINGS = [
        Binding("ctrl+b", "toggle_sidebar", "Areas", id="app.sidebar"),
        Binding("f3", "toggle_detail", "Details", id="app.detail"),
        Binding("z", "maximise", "Zoom", id="app.maximise"),
    ]

    SIDEBAR_MIN_WIDTH = 100
    """Below this many columns the sidebar is hidden until Ctrl+B shows it."""
    DETAIL_MIN_WIDTH = 120
    """Below this many columns the detail pane is hidden until F3 shows it."""
    ROOMY_MIN_WIDTH = 140
    """From this many columns the sidebar is wide enough for every area's name on one line."""

    current_area: str | None
    start_area: str
    _layout_width: int | None = None

    if TYPE_CHECKING:

        def _focus_area(self, key: str) -> None: ...

        def current_resource_view(self) -> ResourceView | None: ...

    def action_focus_sidebar(self) -> None:
        self.set_class(False, "-no-sidebar")
        self.query_one(AreaList).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Breakpoints: a narrow terminal hides the detail pane, a narrower one the sidebar too
        (F3 and Ctrl+B bring them back); crossing a breakpoint resets what was toggled."""
        width = event.size.width
        previous = self._layout_width
        self._layout_width = width
        for limit, name in (
            (self.DETAIL_MIN_WIDTH, "-no-detail"),
            (self.SIDEBAR_MIN_WIDTH, "-no-sidebar"),
        ):
            if previous is None or (previous < limit) != (width < limit):
                self.set_class(width < limit, name)
        self.set_class(width >= self.ROOMY_MIN_WIDTH, "-roomy")

    def action_toggle_sidebar(self) -> None:
        """Show the sidebar and focus it; hide it when it has the focus."""
        areas = self.query_one(AreaList)
        if self.has_class("-no-sidebar") or not areas.has_focus:
            self.action_focus_sidebar()
        else:
            self.set_class(True, "-no-sidebar")
            self._focus_area(self.current_area or self.start_area)

    def action_toggle_detail(self) -> None:
        self.toggle_class("-no-detail")

    def action_maximise(self) -> None:
        """The list alone (sidebar and detail hidden), or both back."""
        zoomed = self.has_class("-no-sidebar") and self.has_class("-no-detail")
        self.set_class(not zoomed, "-no-sidebar")
        self.set_class(not zoomed, "-no-detail")
        if zoomed:
            return
        view = self.current_resource_view()
        if view is not None and self.focused is self.query_one(AreaList):
            view.focus_table()

    async def action_quit(self) -> None:
        """Ctrl+Q: with a form that has typed input open, ask before throwing it away."""
        from workos_tui.ui.screens.form import FormScreen

        if any(isinstance(s, FormScreen) and s.edited() for s in self.screen_stack):
            from workos_tui.ui.screens.confirm import ConfirmScreen

            question = ConfirmScreen(
                "Quit and discard the open form?", "What was typed is not saved.", yes="Quit"
            )
            self.push_screen(question, lambda quit_now: self.exit() if quit_now else None)
            return
        self.exit()
