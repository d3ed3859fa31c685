"""When and how long to wait before repeating a request.

Only requests that are safe to repeat are retried (the client decides that: GET, and POSTs that
carry an ``Idempotency-Key``). This module only answers "is this failure transient, and how long
should we wait": exponential backoff with jitter, honouring ``Retry-After`` within a limit.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .errors import NetworkError, RateLimitedError, ServerError, WorkOSError

NOT_IMPLEMENTED = 501


def is_transient(error: WorkOSError) -> bool:
    """429, 5xx (except 501) and network failures (including timeouts) may go away on retry."""
    if isinstance(error, RateLimitedError | NetworkError):
        return True
    return isinstance(error, ServerError) and error.status != NOT_IMPLEMENTED


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


@dataclass(frozen=True)
class RetryPolicy:
    """Retry budget and backoff shape.

    ``max_retries`` repeats at most (so ``max_retries + 1`` attempts). The n-th retry waits a
    random time between half and all of ``backoff_base * 2 ** (n - 1)`` capped at ``max_backoff``,
    or the server's ``Retry-After`` when that is longer. A ``Retry-After`` beyond
    ``max_retry_after`` is not waited for: the error is raised instead.
    """

    max_retries: int = 3
    backoff_base: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0

    def __post_init__(self) -> None:
        if self.max_retries < 0:
            raise ValueError("max_retries must not be negative")
        if self.backoff_base < 0 or self.max_backoff < 0 or self.max_retry_after < 0:
            raise ValueError("backoff times must not be negative")

    def backoff(self, retry_number: int) -> float:
        """Jittered wait before retry number ``retry_number`` (1-based)."""
        ceiling = min(self.max_backoff, self.backoff_base * 2 ** (retry_number - 1))
        return random.uniform(ceiling / 2, ceiling)

    def delay_before_retry(self, attempts_made: int, error: WorkOSError) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` when the error must be raised."""
        if attempts_made > self.max_retries or not is_transient(error):
            return None
        delay = self.backoff(attempts_made)
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            if error.retry_after > self.max_retry_after:
                return None
            delay = max(delay, error.retry_after)
        return delay
