"""Shared fixtures: the WorkOS emulator over real HTTP, and the session-wide spec check.

* ``emulator_server`` (session): one :class:`EmulatorServer` on the demo state, recording every
  exchange.  At session end every recorded exchange is validated against the WorkOS OpenAPI spec
  (see ``tests/spec_check.py``); violations fail the run with a readable list.
* ``emulator`` (function): the same server with the state rolled back to the fresh demo seed
  and no hooks; yields an :class:`EmulatorHandle` (``base_url``, ``state``, ``api_key``,
  ``add_hook(...)``, ``client()``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from workos_tui.emulator import EmulatorServer, EmulatorState, create_app, demo_state
from workos_tui.emulator.testing import EmulatorHandle, ExchangeLog


@pytest.fixture(scope="session")
def emulator_log() -> ExchangeLog:
    return ExchangeLog()


@pytest.fixture(scope="session")
def emulator_server(emulator_log: ExchangeLog) -> Iterator[EmulatorServer]:
    state = demo_state()
    state.checkpoint()
    server = EmulatorServer(create_app(state, recorder=emulator_log), port=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        _check_spec(emulator_log)


def _check_spec(log: ExchangeLog) -> None:
    if not log.exchanges:
        return
    from spec_check import SpecChecker

    checker = SpecChecker()
    problems = checker.check_all(log.exchanges)
    if problems:
        shown = "\n  - ".join(problems[:60])
        more = f"\n  ... and {len(problems) - 60} more" if len(problems) > 60 else ""
        pytest.fail(
            f"spec fidelity: {len(problems)} violation(s) in {len(log.exchanges)} recorded "
            f"exchanges:\n  - {shown}{more}",
            pytrace=False,
        )


@pytest.fixture
def emulator(emulator_server: EmulatorServer, emulator_log: ExchangeLog) -> EmulatorHandle:
    state: EmulatorState = emulator_server.app.state.data
    state.hooks.clear()
    # A request an earlier test gave up on (a timeout) must neither change the fresh state
    # nor land in this test's exchanges.
    assert emulator_server.wait_idle(), "an earlier test left a request hanging in the emulator"
    state.rollback()
    return EmulatorHandle(server=emulator_server, state=state, log=emulator_log)


@pytest.fixture(autouse=True)
def _unfreeze_collected_objects() -> Iterator[None]:
    """A console that prepared its areas froze its objects (``gc.freeze``): give them back to
    the collector after the test, so that tests do not keep each other's garbage alive."""
    yield
    gc.unfreeze()
