"""``run``: the blocking entry point behind ``workos-tui emulator``."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import uvicorn

from .app import DEFAULT_API_KEY, create_app
from .demo import demo_state, live_present_ms
from .state import EmulatorState
from .webhook_delivery import WebhookDelivery


def build_state(seed_file: str | Path | None = None, scale: int | None = None) -> EmulatorState:
    if seed_file is not None:
        from .seed import load_seed_file

        return load_seed_file(seed_file, scale=scale)
    return demo_state(scale=scale, present_ms=live_present_ms())


def run(
    host: str = "127.0.0.1",
    port: int = 4100,
    seed_file: str | Path | None = None,
    scale: int | None = None,
    state_file: str | Path | None = None,
    allow_remote_webhooks: bool = False,
) -> None:
    """Serve the emulator until interrupted (Ctrl-C).

    Webhooks are delivered to loopback endpoints only unless ``allow_remote_webhooks``.
    """
    persistence = None
    if state_file is not None:
        from .persistence import open_state

        state, persistence = open_state(state_file, lambda: build_state(seed_file, scale))
    else:
        state = build_state(seed_file, scale)
    webhooks = WebhookDelivery(allow_remote=allow_remote_webhooks)
    app = create_app(state, frozenset({DEFAULT_API_KEY}), webhooks=webhooks)
    config = uvicorn.Config(app, host=host, port=port, log_level="info", lifespan="off")
    server = uvicorn.Server(config)
    print(
        f"WorkOS emulator on http://{host}:{port}  (API key: {DEFAULT_API_KEY})",
        file=sys.stderr,
        flush=True,
    )
    try:
        asyncio.run(server.serve())
    except KeyboardInterrupt:
        pass
    finally:
        if persistence is not None:
            persistence.close()
