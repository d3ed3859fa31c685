"""Work the console does for later while nobody is waiting: one small step at a time.

After the first rows are on screen the console registers the extension areas and prepares the
main areas (mounted hidden, first page fetched), so that opening one shows rows at once. Each
step blocks the UI for a moment; steps run ``pause`` seconds apart so that keys pressed
meanwhile are handled between them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from textual.message_pump import MessagePump
from textual.timer import Timer


class IdleWork:
    """A queue of steps run one per ``pause`` seconds on ``owner``'s timer."""

    def __init__(self, owner: MessagePump, pause: float) -> None:
        self._owner = owner
        self._pause = pause
        self._steps: deque[Callable[[], None]] = deque()
        self._timer: Timer | None = None

    @property
    def pending(self) -> int:
        return len(self._steps)

    def add(self, step: Callable[[], None]) -> None:
        self._steps.append(step)
        if self._timer is None:
            self._timer = self._owner.set_timer(self._pause, self._run_one)

    def cancel(self) -> None:
        self._steps.clear()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _run_one(self) -> None:
        self._timer = None
        if self._steps:
            self._steps.popleft()()
        if self._steps:
            self._timer = self._owner.set_timer(self._pause, self._run_one)
