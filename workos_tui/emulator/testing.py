"""Helpers for tests that run against the emulator (used by ``tests/conftest.py``)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import httpx

from .app import DEFAULT_API_KEY, Exchange
from .hooks import Hook
from .server import EmulatorServer
from .state import EmulatorState


@dataclass
class ExchangeLog:
    """A thread-safe recorder: pass it as ``create_app(..., recorder=log)``."""

    exchanges: list[Exchange] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, exchange: Exchange) -> None:
        with self.lock:
            self.exchanges.append(exchange)

    def since(self, start: int) -> list[Exchange]:
        with self.lock:
            return self.exchanges[start:]

    def __len__(self) -> int:
        return len(self.exchanges)


@dataclass
class EmulatorHandle:
    """What the ``emulator`` fixture yields."""

    server: EmulatorServer
    state: EmulatorState
    log: ExchangeLog
    api_key: str = DEFAULT_API_KEY

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def add_hook(
        self,
        path: str,
        *,
        method: str = "*",
        status: int | None = None,
        body: Any = None,
        count: int | None = None,
        latency_ms: int = 0,
        drop: bool = False,
    ) -> Hook:
        """Install a fault-injection hook (same semantics as ``POST /_emulate/hooks``)."""
        return self.state.hooks.add(
            method=method,
            path=path,
            status=status,
            body=body,
            count=count,
            latency_ms=latency_ms,
            drop=drop,
        )

    def clear_hooks(self) -> None:
        self.state.hooks.clear()

    def client(self, **kwargs: Any) -> httpx.Client:
        """An httpx client with base URL and API key set (close it, or use ``with``)."""
        headers = {"Authorization": f"Bearer {self.api_key}", **kwargs.pop("headers", {})}
        return httpx.Client(base_url=self.base_url, headers=headers, **kwargs)
