"""The `/` quick filter: narrows the loaded rows as you type; Escape clears it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class QuickFilter(Input):
    """An input over the loaded rows (no request is made)."""

    HELP = """
## Quick filter

Type to keep only the loaded rows containing the text (any column). **Enter** returns to the
list keeping the filter; **Escape** clears it.
"""

    BINDINGS = [Binding("escape", "clear_filter", "Clear filter", id="quick_filter.clear")]

    class Cleared(Message):
        """The quick filter was cleared and closed."""

    def action_clear_filter(self) -> None:
        self.value = ""
        self.display = False
        self.post_message(self.Cleared())
