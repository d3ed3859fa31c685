"""Fixtures for the service-layer tests: a WorkOS facade talking to the emulator over HTTP.

Retries sleep through a recording fake, so tests never wait for backoff but can check the
delays the client chose.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from api_helpers import SleepRecorder
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS
from workos_tui.emulator import Exchange
from workos_tui.emulator.testing import EmulatorHandle


@pytest.fixture
def environment(emulator: EmulatorHandle) -> Environment:
    return Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
async def workos(environment: Environment, sleeps: SleepRecorder) -> AsyncIterator[WorkOS]:
    async with WorkOS.connect(environment, sleep=sleeps, read_timeout=10) as facade:
        yield facade


@pytest.fixture
def exchanges(emulator: EmulatorHandle) -> Callable[[], list[Exchange]]:
    """Exchanges the emulator saw since the test started (hooks included)."""
    start = len(emulator.log)
    return lambda: [ex for ex in emulator.log.since(start) if not ex.path.startswith("/_emulate")]
