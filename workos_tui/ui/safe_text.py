"""Text from outside, on screen: as plain content, and never as terminal control.

Two parts, one rule (``workos_tui.resources.text_safety``):

* :func:`plain` is how a widget shows server or user text: the text made printable, in a
  :class:`~textual.content.Content`, so it is never parsed as markup either (``[red]`` and
  ``[@click=…]`` in a name stay text).
* :class:`TerminalSafetyFilter` is the console's line filter: every line any widget renders
  passes through it on the way to the terminal, and it drops whatever control character is
  still there (and replaces lone surrogates). A widget that forgets :func:`plain` shows a
  value without its controls rather than handing them to the terminal.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.content import Content
from textual.filter import LineFilter

from workos_tui.resources.text_safety import UNSAFE_CHARACTERS, printable

__all__ = ["TerminalSafetyFilter", "plain", "printable"]


def plain(text: object, *, multiline: bool = False) -> Content:
    """``text`` (any value, shown as ``str``) as printable content, never parsed as markup."""
    return Content(printable(str(text), multiline=multiline))


def _scrub(text: str) -> str:
    # Controls and bidi marks are zero cells wide: dropping them keeps the line's width.
    # A lone surrogate is one cell wide: the replacement character takes its place.
    return UNSAFE_CHARACTERS.sub(
        lambda match: "\ufffd" if "\ud800" <= match.group() <= "\udfff" else "", text
    )


class TerminalSafetyFilter(LineFilter):
    """Drops terminal controls from the text of every rendered segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        search = UNSAFE_CHARACTERS.search
        if not search("".join([segment.text for segment in segments])):
            return segments
        return [
            segment
            if segment.control or not search(segment.text)
            else Segment(_scrub(segment.text), segment.style, segment.control)
            for segment in segments
        ]
