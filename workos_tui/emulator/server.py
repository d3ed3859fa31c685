"""Serving the emulator with uvicorn: :class:`EmulatorServer` (a background thread) and ``run``."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.types import Scope

from .app import EmulatorMiddleware
from .sockets import listening_socket


class EmulatorServer:
    """Runs an emulator app with uvicorn in a daemon thread.

    ``port=0`` picks a free port; :attr:`base_url` is known as soon as the object exists because
    the socket is bound here, before uvicorn starts. ``sock`` serves a socket already listening
    instead (``host`` and ``port`` are then read from it).
    """

    def __init__(
        self,
        app: Starlette,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        sock: socket.socket | None = None,
    ) -> None:
        self.app = app
        self._sock = sock if sock is not None else listening_socket(host, port)
        self._sock.set_inheritable(True)
        address = self._sock.getsockname()
        self.host: str = address[0] if sock is not None else host
        self.port: int = address[1]
        config = uvicorn.Config(
            app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        middleware: EmulatorMiddleware = app.state.emulator
        middleware.dropper = self._drop

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def _drop(self, scope: Scope) -> bool:
        """Close the connection that carries ``scope`` without answering."""
        client = scope.get("client")
        for conn in list(self._server.server_state.connections):
            proto: Any = conn
            if client is not None and tuple(proto.client or ()) == tuple(client):
                proto.transport.abort()
                return True
        return False

    def wait_idle(self, timeout: float = 5.0) -> bool:
        """Wait until no request is being answered (e.g. a slow one whose client gave up).

        Returns False if requests were still in flight after ``timeout`` seconds.
        """
        middleware: EmulatorMiddleware = self.app.state.emulator
        deadline = time.monotonic() + timeout
        while middleware.in_flight:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.002)
        return True

    def start(self) -> EmulatorServer:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(
            target=lambda: asyncio.run(self._server.serve(sockets=[self._sock])),
            name=f"workos-emulator:{self.port}",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the emulator server did not start")
            time.sleep(0.002)
        return self

    def stop(self) -> None:
        if self._thread is None:
            self._sock.close()
            return
        self._server.should_exit = True
        self._thread.join(timeout=5)
        self._thread = None
        self._sock.close()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
