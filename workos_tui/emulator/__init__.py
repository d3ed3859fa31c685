"""A local emulator of the WorkOS API (see ``README`` section "Emulator").

Public API::

    state = demo_state(scale=None)
    app = create_app(state, api_keys=frozenset({"sk_test_default"}), recorder=None)
    with EmulatorServer(app, host="127.0.0.1", port=0) as server:
        server.base_url
    run(host="127.0.0.1", port=4100, seed_file=None, scale=None, state_file=None)
"""

from __future__ import annotations

from .app import DEFAULT_API_KEY, Exchange, create_app
from .demo import demo_state
from .run import run
from .server import EmulatorServer
from .state import EmulatorState

__all__ = [
    "DEFAULT_API_KEY",
    "EmulatorServer",
    "EmulatorState",
    "Exchange",
    "create_app",
    "demo_state",
    "run",
]
