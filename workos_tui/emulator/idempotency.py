"""``Idempotency-Key`` handling: a POST retried with the same key gets the first answer.

WorkOS documents the header ("each subsequent request matching this unique string will return
the same response"; keys expire after 24 hours).  The emulator keeps, per API key and
idempotency key, a fingerprint of the first request (method, path, query, body) and its
response.  A later request with the same key and the same fingerprint gets that response again
without running the handler; the same key with another request is a 400.  Server errors and
429s are not kept (the retry runs anew), nor is a request that got no response.  A duplicate
that arrives while the first is still being answered waits for it.

Kept in memory only (a restart, or a test's rollback, forgets the keys); at most
:data:`MAX_ENTRIES` keys, the oldest dropped first.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

DEFAULT_TTL_S = 24 * 3600.0
MAX_ENTRIES = 10_000
MISMATCH_CODE = "idempotency_key_reused"
MISMATCH_MESSAGE = (
    "This Idempotency-Key was already used with a different request; use a new key for a new "
    "request."
)

Key = tuple[str, str]  # (API key, Idempotency-Key)


@dataclass
class Entry:
    fingerprint: str
    created: float
    status: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytes = b""
    done: bool = False
    finished: asyncio.Event = field(default_factory=asyncio.Event)


def fingerprint(method: str, path: str, query: bytes, body: bytes) -> str:
    """The request as far as idempotency compares it (JSON bodies compared by value)."""
    canonical = body
    if body.strip():
        try:
            canonical = json.dumps(json.loads(body), sort_keys=True).encode()
        except (ValueError, RecursionError):
            canonical = body
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), query, canonical):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def keeps(status: int) -> bool:
    """Whether a response is replayed to later requests with the same key."""
    return 0 < status < 500 and status != 429


class IdempotencyStore:
    """The keys seen in the last ``ttl_s`` seconds (tests shorten it)."""

    def __init__(
        self, ttl_s: float = DEFAULT_TTL_S, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_s = ttl_s
        self.clock = clock
        self._entries: OrderedDict[Key, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        self._entries.clear()

    def _prune(self) -> None:
        """Drop expired keys (and the oldest beyond :data:`MAX_ENTRIES`), oldest first."""
        horizon = self.clock() - self.ttl_s
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            over = len(self._entries) > MAX_ENTRIES
            if not over and (entry.created > horizon or not entry.done):
                break
            del self._entries[key]

    def get(self, key: Key) -> Entry | None:
        self._prune()
        return self._entries.get(key)

    def begin(self, key: Key, fingerprint: str) -> Entry:
        entry = Entry(fingerprint, self.clock())
        self._entries[key] = entry
        self._entries.move_to_end(key)
        self._prune()
        return entry

    def finish(
        self, key: Key, entry: Entry, status: int, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> None:
        """Keep the response for replays (or forget the key if it is not to be kept)."""
        entry.status, entry.headers, entry.body, entry.done = status, headers, body, True
        if not keeps(status) and self._entries.get(key) is entry:
            del self._entries[key]
        entry.finished.set()
