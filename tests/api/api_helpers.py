"""Helpers shared by the service-layer tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from workos_tui.emulator import Exchange


class SleepRecorder:
    """Stands in for ``asyncio.sleep`` in the client: records delays, returns at once."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


async def recorded(
    read: Callable[[], list[Exchange]],
    method: str,
    path: str,
    *,
    at_least: int = 1,
    timeout: float = 3.0,
) -> list[Exchange]:
    """The exchanges for ``method path``, once the emulator has recorded them.

    The emulator records an exchange just after it sent the answer, so the client can see a
    response before its exchange is in the log: wait for ``at_least`` of them, then a little
    longer so that extra (unexpected) ones would show too.
    """

    def hits() -> list[Exchange]:
        return [ex for ex in read() if ex.method == method and ex.path == path]

    deadline = time.monotonic() + timeout
    while len(hits()) < at_least and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.1)
    return hits()
