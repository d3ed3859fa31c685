"""Fixtures for the console's Pilot tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from ui_helpers import make_console

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.ui.app import WorkOSConsole


@pytest.fixture
def console_factory(emulator: EmulatorHandle) -> Callable[..., WorkOSConsole]:
    def build(**options: Any) -> WorkOSConsole:
        return make_console(emulator, **options)

    return build
