"""Keys typed fast land where they were meant.

A key that opens a dialog or moves the focus (``n`` new, ``e`` edit, ``/`` quick filter, Enter,
Tab …) is handled by the focused widget a moment after the app received it; a fast typist or a
paste has sent the next keys by then, and they used to go to the widget that had the focus
before — the list, where ``e`` opens an edit form. From such a key until the focus has moved
(the dialog's first field, the filter input), or ``HOLD_SECONDS`` at most, the console holds
the keys that follow and then hands them on, in order, to where the focus is now.
"""

from __future__ import annotations

from textual import events, on
from textual.app import App
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

FOCUS_MOVING_ACTIONS = frozenset(
    {
        "create",
        "edit",
        "delete",
        "actions",
        "export",
        "related_menu",
        "quick_filter",
        "focus_filters",
        "select_row",
        "focus_next",
        "focus_previous",
    }
)
NAVIGATION_KEYS = frozenset({"up", "down", "left", "right", "pageup", "pagedown", "home", "end"})
"""Never focus-moving here, and pressed fast while paging: not looked up."""
HOLD_SECONDS = 0.5
POLL_SECONDS = 0.01


class FocusStays(Message):
    """A focus-moving key was refused (read-only: nothing opens), so the keys held after it
    go on at once instead of after ``HOLD_SECONDS``."""


class KeyHold(App[None]):
    """Holds the keys typed after a focus-moving key until the focus has moved."""

    _held: list[events.Key] | None = None
    _held_from: Widget | None = None
    _held_polls = 0
    _hold_poll: Timer | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held is not None:
                self._held.append(event)
                return
            if self._moves_focus(event.key):
                self._held = []
                self._held_from = self.focused
                self._held_polls = 0
                self._hold_poll = self.set_timer(POLL_SECONDS, self._release_when_moved)
        await super().on_event(event)

    def _moves_focus(self, key: str) -> bool:
        if key in NAVIGATION_KEYS:
            return False
        try:
            bound = self.screen.active_bindings.get(key)
        except Exception:  # no screen yet
            return False
        if bound is None:
            return False
        _node, binding, enabled, _tooltip = bound
        action = binding.action.split("(", 1)[0].rsplit(".", 1)[-1]
        return bool(enabled) and action in FOCUS_MOVING_ACTIONS

    @on(FocusStays)
    def _focus_stays(self) -> None:
        if self._held is not None:
            self._release()

    def _release_when_moved(self) -> None:
        self._held_polls += 1
        if not self.screen_stack:  # the console is closing
            self._held = self._held_from = None
            return
        focused = self.focused
        # moved, and the screen it moved to has finished mounting (its on_mount may move the
        # focus again: the keys wait for that too)
        moved = focused is not None and focused is not self._held_from
        moved = moved and self.screen._mounted_event.is_set()
        if not moved and self._held_polls * POLL_SECONDS < HOLD_SECONDS:
            self._hold_poll = self.set_timer(POLL_SECONDS, self._release_when_moved)
            return
        self._release()

    def _release(self) -> None:
        if self._hold_poll is not None:  # released before the focus moved: stop polling
            self._hold_poll.stop()
            self._hold_poll = None
        held, self._held, self._held_from = self._held or [], None, None
        for key in held:
            self.post_message(events.Key(key.key, key.character))
