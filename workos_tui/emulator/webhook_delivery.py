"""Webhook delivery: every event the emulator records is POSTed to the endpoints subscribing to it.

When :meth:`EmulatorState.emit` records an event, each *enabled* webhook endpoint whose ``events``
list names the event's type gets a :class:`Delivery`. Background worker threads (never the
request handler) POST the event, exactly as ``GET /events`` shows it, with the header::

    WorkOS-Signature: t=<unix ms>, v1=<lowercase hex HMAC-SHA256 of "<t>.<body>">

keyed by the endpoint's secret (UTF-8), as WorkOS signs. A 2xx answer delivers it; anything else
(another status, a redirect, a timeout, a refused connection) is retried with exponential back-off
(:class:`RetryPolicy`: by default 6 attempts, 5 s, 25 s, 125 s ... apart) and then marked failed.

Only loopback targets (``localhost``, 127.0.0.0/8, ``::1``) are contacted unless the emulator was
started with ``allow_remote`` (``workos-tui emulator --allow-remote-webhooks``); a delivery to any
other host is logged as ``skipped`` with the reason, and nothing is sent. Proxies from the
environment are ignored and redirects are not followed, so a loopback delivery stays on loopback.

The delivery log (the newest :data:`MAX_LOG` deliveries) is served at ``/_emulate`` (see
:mod:`.webhook_routes`):

* ``GET /_emulate/webhook_deliveries[?endpoint_id=&event_id=&status=]`` -> ``{"data": [...]}``
  oldest first; ``GET /_emulate/webhook_deliveries/{id}``; ``DELETE /_emulate/webhook_deliveries``
  clears the log and cancels pending retries;
* ``POST /_emulate/webhook_deliveries/{id}/resend`` -> 202 and a new delivery of the same event
  to the endpoint's current URL and secret (``resent_from`` names the original).

A delivery is ``{"object": "webhook_delivery", "id", "event_id", "event", "endpoint_id",
"endpoint_url", "status": "pending" | "delivered" | "failed" | "skipped", "status_code",
"attempts", "last_error", "created_at", "last_attempt_at", "next_attempt_at", "delivered_at",
"resent_from", "history": [{"attempt", "at", "status_code", "error"}]}`` (times ISO 8601).
"""

from __future__ import annotations

import hashlib
import heapq
import hmac
import ipaddress
import json
import random
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from . import ids
from .http import public
from .store import Record

if TYPE_CHECKING:
    import httpx

    from .state import EmulatorState

MAX_LOG = 1000
IDLE_EXIT_S = 5.0  # a worker with nothing queued or scheduled ends after this long
USER_AGENT = "WorkOS-Emulator-Webhooks/1.0"
REMOTE_REFUSED = (
    "not delivered: {host!r} is not a loopback address (start the emulator with "
    "--allow-remote-webhooks to deliver to other hosts)"
)


@dataclass(frozen=True)
class RetryPolicy:
    """``max_attempts`` tries; the n-th retry waits ``first_delay_s * factor ** (n - 1)``."""

    max_attempts: int = 6
    first_delay_s: float = 5.0
    factor: float = 5.0
    timeout_s: float = 10.0

    def delay(self, failed_attempts: int) -> float:
        return self.first_delay_s * self.factor ** (failed_attempts - 1)


@dataclass
class Attempt:
    number: int
    at_ms: int
    status_code: int | None
    error: str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "attempt": self.number,
            "at": ids.iso(self.at_ms),
            "status_code": self.status_code,
            "error": self.error,
        }


@dataclass
class Delivery:
    id: str
    event: Record  # the event record itself; serialised when first sent
    endpoint_id: str
    endpoint_url: str
    secret: str = field(repr=False)
    created_ms: int
    status: str = "pending"
    status_code: int | None = None
    last_error: str | None = None
    last_attempt_ms: int | None = None
    next_attempt_ms: int | None = None
    delivered_ms: int | None = None
    resent_from: str | None = None
    history: list[Attempt] = field(default_factory=list)
    body: bytes | None = field(default=None, repr=False)

    @property
    def attempts(self) -> int:
        return len(self.history)

    def as_json(self) -> dict[str, Any]:
        def when(ms: int | None) -> str | None:
            return None if ms is None else ids.iso(ms)

        return {
            "object": "webhook_delivery",
            "id": self.id,
            "event_id": self.event.get("id"),
            "event": self.event.get("event"),
            "endpoint_id": self.endpoint_id,
            "endpoint_url": self.endpoint_url,
            "status": self.status,
            "status_code": self.status_code,
            "attempts": self.attempts,
            "last_error": self.last_error,
            "created_at": when(self.created_ms),
            "last_attempt_at": when(self.last_attempt_ms),
            "next_attempt_at": when(self.next_attempt_ms),
            "delivered_at": when(self.delivered_ms),
            "resent_from": self.resent_from,
            "history": [a.as_json() for a in self.history],
        }


def sign(body: bytes, secret: str, timestamp_ms: int) -> str:
    """The ``WorkOS-Signature`` header value for ``body``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp_ms}.".encode("ascii"), hashlib.sha256)
    mac.update(body)
    return f"t={timestamp_ms}, v1={mac.hexdigest()}"


def is_loopback_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def _now_ms() -> int:
    return int(time.time() * 1000)


class WebhookDelivery:
    """The delivery queue, its worker threads and the log (see the module docstring).

    :meth:`attach` wires it to a state's event recording; ``policy`` may be replaced at any
    time (tests use short delays).
    """

    def __init__(
        self,
        *,
        allow_remote: bool = False,
        policy: RetryPolicy | None = None,
        max_workers: int = 4,
        max_log: int = MAX_LOG,
    ) -> None:
        self.allow_remote = allow_remote
        self.policy = policy or RetryPolicy()
        self.max_workers = max_workers
        self.max_log = max_log
        self.state: EmulatorState | None = None
        self._log: OrderedDict[str, Delivery] = OrderedDict()
        self._due: list[tuple[int, int, str]] = []  # (due ms, sequence, delivery id)
        self._seq = 0
        self._cond = threading.Condition()
        self._workers = 0
        self._idle = 0
        self._closed = False
        self._rng = random.Random()
        self._client: httpx.Client | None = None

    # -- wiring -------------------------------------------------------------------------------

    def attach(self, state: EmulatorState) -> None:
        self.state = state
        state.event_listener = self.on_event

    def on_event(self, event: Record) -> None:
        """Called by ``emit`` (under the state lock): log a delivery per subscribed endpoint."""
        state = self.state
        if state is None:
            return
        for endpoint in state["webhook_endpoints"]:
            if endpoint.get("status") == "enabled" and event["event"] in endpoint.get("events", ()):
                self._add(event, endpoint, None)

    def _add(self, event: Record, endpoint: Record, resent_from: str | None) -> Delivery:
        now = _now_ms()
        delivery = Delivery(
            id=ids.prefixed("whdel", now, self._rng),
            event=event,
            endpoint_id=endpoint["id"],
            endpoint_url=endpoint["endpoint_url"],
            secret=endpoint["secret"],
            created_ms=now,
            resent_from=resent_from,
        )
        with self._cond:
            self._log[delivery.id] = delivery
            while len(self._log) > self.max_log:
                self._log.popitem(last=False)
            if not self.allow_remote and not is_loopback_url(delivery.endpoint_url):
                delivery.status = "skipped"
                host = urlsplit(delivery.endpoint_url).hostname or delivery.endpoint_url
                delivery.last_error = REMOTE_REFUSED.format(host=host)
            else:
                self._schedule(delivery, now)
        return delivery

    def _schedule(self, delivery: Delivery, due_ms: int) -> None:
        """Queue an attempt (the condition's lock is held)."""
        delivery.next_attempt_ms = due_ms
        self._seq += 1
        heapq.heappush(self._due, (due_ms, self._seq, delivery.id))
        if self._idle == 0 and self._workers < self.max_workers and not self._closed:
            self._workers += 1
            threading.Thread(target=self._work, name="emulator-webhooks", daemon=True).start()
        self._cond.notify()

    # -- the log ------------------------------------------------------------------------------

    def deliveries(
        self,
        endpoint_id: str | None = None,
        event_id: str | None = None,
        status: str | None = None,
    ) -> list[Delivery]:
        with self._cond:
            found = list(self._log.values())
        return [
            d
            for d in found
            if (endpoint_id is None or d.endpoint_id == endpoint_id)
            and (event_id is None or d.event.get("id") == event_id)
            and (status is None or d.status == status)
        ]

    def get(self, delivery_id: str) -> Delivery | None:
        with self._cond:
            return self._log.get(delivery_id)

    def resend(self, delivery_id: str) -> Delivery:
        """A new delivery of the same event to the endpoint as it is now.

        ``KeyError`` when the delivery or its endpoint no longer exists.
        """
        original = self.get(delivery_id)
        state = self.state
        if original is None or state is None:
            raise KeyError(delivery_id)
        with state.lock:
            endpoint = state["webhook_endpoints"].get(original.endpoint_id)
            if endpoint is None:
                raise KeyError(original.endpoint_id)
            return self._add(original.event, endpoint, original.id)

    def clear(self) -> None:
        """Forget every delivery and cancel pending attempts."""
        with self._cond:
            self._log.clear()
            self._due.clear()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._due.clear()
            self._cond.notify_all()

    # -- the workers --------------------------------------------------------------------------

    def _next_job(self) -> Delivery | None:
        """The next due delivery, or ``None`` when this worker should end."""
        with self._cond:
            idle_since = time.monotonic()
            while not self._closed:
                now = _now_ms()
                while self._due and self._due[0][0] <= now:
                    _, _, delivery_id = heapq.heappop(self._due)
                    delivery = self._log.get(delivery_id)
                    if delivery is not None and delivery.status == "pending":
                        return delivery
                if not self._due and time.monotonic() - idle_since >= IDLE_EXIT_S:
                    break
                wait = (self._due[0][0] - now) / 1000 if self._due else IDLE_EXIT_S
                self._idle += 1
                try:
                    self._cond.wait(max(0.001, min(wait, IDLE_EXIT_S)))
                finally:
                    self._idle -= 1
            self._workers -= 1
            return None

    def _work(self) -> None:
        while (delivery := self._next_job()) is not None:
            try:
                self._attempt(delivery)
            except Exception as exc:  # a worker must survive anything one delivery does
                self._record(delivery, None, f"{type(exc).__name__}: {exc}")

    def _body(self, delivery: Delivery) -> bytes:
        if delivery.body is None:
            state = self.state
            # The state lock is held while a request is answered: the event is complete (its
            # handler has returned) once the lock is ours.
            if state is not None:
                with state.lock:
                    payload = public(delivery.event)
            else:
                payload = public(delivery.event)
            delivery.body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        return delivery.body

    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(follow_redirects=False, trust_env=False)
        return self._client

    def _attempt(self, delivery: Delivery) -> None:
        body = self._body(delivery)
        stamp = _now_ms()
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "WorkOS-Signature": sign(body, delivery.secret, stamp),
        }
        import httpx

        try:
            response = self._http().post(
                delivery.endpoint_url,
                content=body,
                headers=headers,
                timeout=self.policy.timeout_s,
            )
        except httpx.HTTPError as exc:
            self._record(delivery, None, f"{type(exc).__name__}: {exc}" if str(exc) else repr(exc))
            return
        if 200 <= response.status_code < 300:
            self._record(delivery, response.status_code, None)
        else:
            self._record(delivery, response.status_code, f"HTTP {response.status_code}")

    def _record(self, delivery: Delivery, status_code: int | None, error: str | None) -> None:
        now = _now_ms()
        with self._cond:
            delivery.history.append(Attempt(delivery.attempts + 1, now, status_code, error))
            delivery.status_code = status_code
            delivery.last_error = error
            delivery.last_attempt_ms = now
            delivery.next_attempt_ms = None
            if error is None:
                delivery.status = "delivered"
                delivery.delivered_ms = now
            elif delivery.attempts >= self.policy.max_attempts:
                delivery.status = "failed"
            elif delivery.id in self._log:
                delay_ms = int(self.policy.delay(delivery.attempts) * 1000)
                self._schedule(delivery, now + delay_ms)
