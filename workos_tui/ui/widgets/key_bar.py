"""``KeyBar``: one line listing the keys that apply now, redrawn without building widgets.

Textual's ``Footer`` recomposes one widget per key on every focus change; in this console that
cost more than drawing the rows the focus change was for. This bar renders the screen's active
bindings (those with ``show=True``) as one line of text, and a click on a key presses it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from textual import events
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

MAX_LINES = 3


class KeyBar(Widget):
    """The keys of the focused widget and its ancestors, then the app's, then the palette's."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-bar--key",
        "key-bar--description",
        "key-bar--disabled",
    }

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--disabled { color: $text-disabled; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._keys: list[tuple[str, str, str, bool]] = []
        self._spans: list[tuple[int, int, int, str]] = []
        self._lines: list[list[tuple[str, str, str, bool]]] = [[]]

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: list[tuple[str, str, str, bool]] = []
        seen_actions: set[str] = set()
        active = screen.active_bindings
        for _node, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in seen_actions:
                continue
            seen_actions.add(binding.action)
            display = self.app.get_key_display(binding)
            keys.append((binding.key, display, binding.description, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette is not None:
            _node, binding, enabled, _tooltip = palette
            if binding.action not in seen_actions:  # last, like Textual's footer
                display = self.app.get_key_display(binding)
                keys.append((binding.key, display, (binding.description or "palette"), enabled))
        if keys != self._keys:
            self._keys = keys
            self._wrap()
            self.refresh()

    def on_resize(self) -> None:
        self._wrap()

    def _wrap(self) -> None:
        """Lines of keys: one when they fit, more (up to ``MAX_LINES``) on a narrow terminal,
        so that no key is cut off the screen."""
        width = self.size.width or self.app.size.width
        lines: list[list[tuple[str, str, str, bool]]] = [[]]
        x = 0
        for entry in self._keys:
            _key, display, description, _enabled = entry
            cells = cell_len(f" {display} ") + cell_len(f"{description} ")
            if x + cells > width and lines[-1] and len(lines) < MAX_LINES:
                lines.append([])
                x = 0
            lines[-1].append(entry)
            x += cells
        self._lines = lines
        if self.styles.height is None or self.styles.height.value != len(lines):
            self.styles.height = len(lines)

    @property
    def keys(self) -> list[tuple[str, str]]:
        """(key shown, description) of each key on the bar, in order."""
        return [(display, description) for _key, display, description, _on in self._keys]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y >= len(self._lines):
            return Strip.blank(width, base)
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled_style = self.get_component_rich_style("key-bar--disabled")
        segments: list[Segment] = []
        spans = [span for span in self._spans if span[0] != y]
        x = 0
        for key, display, description, enabled in self._lines[y]:
            label = f" {display} "
            text = f"{description} "
            start = x
            segments.append(Segment(label, key_style if enabled else disabled_style))
            segments.append(Segment(text, description_style if enabled else disabled_style))
            x += cell_len(label) + cell_len(text)
            if enabled:
                spans.append((y, start, x, key))
        self._spans = spans
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def on_click(self, event: events.Click) -> None:
        for line, start, end, key in self._spans:
            if line == event.y and start <= event.x < end:
                event.stop()
                self.app.simulate_key(key.split(",")[0])
                return
