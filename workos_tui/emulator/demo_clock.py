"""The seeding clock: the seeded history's time, moved forward record by record.

:class:`SeedClock` is the base of :class:`.seeder.Seeder` (the demo and YAML seed files).  It
freezes the state's clock while seeding, so ids and ``created_at`` encode the seeded history's
time rather than the wall clock, and it can go back over history already seeded
(:meth:`SeedClock.backdate`).  ``present_ms`` is that history's present: nothing seeded happens
later, and what is still live (sessions, tokens, pending invitations) expires after it.
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable

from . import ids
from .state import EmulatorState
from .store import Record

_TOKEN_TABLE = str.maketrans({"+": "x", "/": "Z", "=": "q"})
DAY_MS = 86_400_000


class SeedClock:
    def __init__(
        self,
        state: EmulatorState,
        rng: random.Random,
        start_ms: int,
        events: bool,
        *,
        present_ms: int | None = None,
    ):
        self.state = state
        self.rng = rng
        self.events = events
        # The seeded history's present: nothing seeded happens later, what is still live
        # (tokens, sessions, invitations) expires after it.  Defaults to the start.
        self.present_ms = start_ms if present_ms is None else present_ms
        self._high_ms = 0
        state.frozen_ms = start_ms

    def at(self, ms: int) -> None:
        """Move the seeding clock forward to ``ms`` (never backwards)."""
        self.state.frozen_ms = max(ms, self.state.last_ms + 1)

    def next_ms(self) -> int:
        """The creation time the next record will get."""
        return max(self.state.frozen_ms or 0, self.state.last_ms + 1)

    def not_before(self, *records: Record | None) -> None:
        """Move the clock past the creation of ``records``: what is seeded next refers to them."""
        for record in records:
            if record is not None:
                self.at(max(self.next_ms(), ids.parse_iso(record["created_at"]) + 1))

    def backdate(self, start_ms: int, end_ms: int, count: int) -> Callable[[], None]:
        """Seed more records into history already seeded, spread over ``[start_ms, end_ms)``.

        Rewinds the clock to ``start_ms`` and returns a function to call before each of the
        ``count`` records: the k-th call moves the clock to about ``start_ms + k * step``, so the
        records (and the events they emit) keep their creation order and ids still encode their
        creation time.  Collections are id-sorted, so the records slot into place among the
        older ones; :meth:`finish` moves the clock back to its high-water mark.
        """
        self._high_ms = max(self._high_ms, self.state.last_ms)
        self.state.last_ms = start_ms - 1
        self.state.frozen_ms = start_ms
        step = max(1, (end_ms - start_ms) // max(1, count))
        calls = 0

        def tick() -> None:
            nonlocal calls
            # A fixed pseudo-random offset within the first half of each slot: irregular
            # times of day, still in order, and no use of the seeding rng.
            jitter = (calls * 2_654_435_761) % max(1, step // 2)
            self.at(start_ms + calls * step + jitter)
            calls += 1

        return tick

    def finish(self) -> EmulatorState:
        self.state.last_ms = max(self.state.last_ms, self._high_ms)
        self.state.frozen_ms = None
        for col in self.state.collections.values():
            col.settle()  # compact collections: the seeded dicts go
        return self.state

    def token(self, n: int = 24) -> str:
        raw = base64.b64encode(self.rng.randbytes(n)).decode()
        return raw.translate(_TOKEN_TABLE)[:n]

    def emit(self, event: str, data: Record, org_id: str | None) -> None:
        if self.events:
            self.state.emit(event, data, org_id)

    def iso_after(self, days: float) -> str:
        """``days`` after the creation time of the next record."""
        return ids.iso(self.next_ms() + int(days * DAY_MS))
