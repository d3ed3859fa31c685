"""A bounded, observable log of the requests the service layer made.

The UI inspector subscribes to it; support staff read request ids from it. Records hold the
query with secret-ish parameters removed and never any header, so no credential can end up here.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from threading import Lock

logger = logging.getLogger(__name__)

DEFAULT_CAPACITY = 500

RequestSubscriber = Callable[["RequestRecord"], None]


@dataclass(frozen=True)
class RequestRecord:
    """One logical request (all its attempts) as the console shows it."""

    method: str
    path: str
    query: dict[str, str] = field(default_factory=dict)
    status: int | None = None
    duration_ms: float = 0.0
    request_id: str | None = None
    attempts: int = 1
    error: str | None = None
    timestamp: datetime = field(default_factory=lambda: datetime.now(UTC))
    environment: str | None = None

    @property
    def ok(self) -> bool:
        """The request got a 2xx answer."""
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def target(self) -> str:
        """``path?query`` for display (secrets already removed)."""
        if not self.query:
            return self.path
        return self.path + "?" + "&".join(f"{k}={v}" for k, v in self.query.items())


class RequestLog:
    """Ring buffer of the last ``capacity`` requests, published to subscribers."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self._records: deque[RequestRecord] = deque(maxlen=capacity)
        self._subscribers: list[RequestSubscriber] = []
        self._lock = Lock()

    @property
    def capacity(self) -> int:
        maxlen = self._records.maxlen
        return maxlen if maxlen is not None else DEFAULT_CAPACITY

    def __len__(self) -> int:
        return len(self._records)

    def records(self) -> list[RequestRecord]:
        """Oldest first."""
        with self._lock:
            return list(self._records)

    def last(self) -> RequestRecord | None:
        with self._lock:
            return self._records[-1] if self._records else None

    def clear(self) -> None:
        with self._lock:
            self._records.clear()

    def append(self, record: RequestRecord) -> None:
        """Keep the record and tell subscribers; a failing subscriber never breaks a request."""
        with self._lock:
            self._records.append(record)
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(record)
            except Exception:
                logger.exception("request log subscriber failed")

    def subscribe(self, callback: RequestSubscriber) -> Callable[[], None]:
        """Call ``callback`` with every new record; returns a function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe
