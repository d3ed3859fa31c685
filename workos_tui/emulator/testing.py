"""Helpers for tests that run against the emulator (used by ``tests/conftest.py``)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


class HostedForm(HTMLParser):
    """The form of a hosted sign-in page (see :mod:`.hosted_pages`), read as a browser would.

    ``HostedForm.read(html)`` gives the form's ``action`` and ``fields`` (hidden inputs, text
    inputs' values, each select's selected option, else its first); ``options[name]`` lists a
    select's ``(value, label)`` pairs. ``submit(client, **changes)`` posts the fields with
    ``changes`` applied, like a browser (no redirect followed).
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.action = ""
        self.fields: dict[str, str] = {}
        self.options: dict[str, list[tuple[str, str]]] = {}
        self._select: str | None = None
        self._option: tuple[str, bool] | None = None
        self._label: list[str] = []

    @classmethod
    def read(cls, html: str) -> HostedForm:
        form = cls()
        form.feed(html)
        form.close()
        return form

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a.get("action", "")
        elif tag == "input" and "name" in a:
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "select" and "name" in a:
            self._select = a["name"]
            self.options[self._select] = []
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value", ""), "selected" in a)
            self._label = []

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._label.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "option" and self._select is not None and self._option is not None:
            value, selected = self._option
            self.options[self._select].append((value, "".join(self._label)))
            if selected or not self.options[self._select][1:]:  # selected, else the first
                self.fields[self._select] = value
            self._option = None
        elif tag == "select":
            self._select = None

    def submit(self, client: httpx.Client, **changes: str) -> httpx.Response:
        return client.post(self.action, data={**self.fields, **changes})


@dataclass
class ReceivedDelivery:
    """One POST a :class:`WebhookListener` received."""

    body: bytes
    signature: str
    user_agent: str


@dataclass
class WebhookListener:
    """A loopback HTTP server for webhook deliveries: answers the scripted statuses, then 200."""

    url: str
    received: list[ReceivedDelivery] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@contextmanager
def webhook_listener(path: str = "/workos/webhooks") -> Iterator[WebhookListener]:
    """Serve a :class:`WebhookListener` on 127.0.0.1 (a free port) while the block runs."""
    holder: list[WebhookListener] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            target = holder[0]
            with target.lock:
                target.received.append(
                    ReceivedDelivery(
                        body,
                        self.headers.get("WorkOS-Signature", ""),
                        self.headers.get("User-Agent", ""),
                    )
                )
                status = target.statuses.pop(0) if target.statuses else 200
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder.append(WebhookListener(url=f"http://127.0.0.1:{server.server_address[1]}{path}"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
