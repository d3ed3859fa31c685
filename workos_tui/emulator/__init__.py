"""A local emulator of the WorkOS API (see ``README`` section "Emulator").

Public API::

    state = demo_state(scale=None)
    app = create_app(state, api_keys=frozenset({"sk_test_default"}), recorder=None)
    with EmulatorServer(app, host="127.0.0.1", port=0) as server:
        server.base_url
    run(host="127.0.0.1", port=4100, seed_file=None, scale=None, state_file=None)
    with EmulatorProcess(scale=None) as emulator:   # the demo state served by a child process
        emulator.base_url
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import DEFAULT_API_KEY, Exchange, create_app
    from .demo import demo_state
    from .process import EmulatorProcess
    from .run import run
    from .server import EmulatorServer
    from .state import EmulatorState

_EXPORTS = {
    "DEFAULT_API_KEY": "app",
    "EmulatorProcess": "process",
    "EmulatorServer": "server",
    "EmulatorState": "state",
    "Exchange": "app",
    "create_app": "app",
    "demo_state": "demo",
    "run": "run",
}

__all__ = [
    "DEFAULT_API_KEY",
    "EmulatorProcess",
    "EmulatorServer",
    "EmulatorState",
    "Exchange",
    "create_app",
    "demo_state",
    "run",
]


def __getattr__(name: str) -> Any:
    """Names load on first use (PEP 562): ``--demo`` starts the emulator's process cheaply."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
