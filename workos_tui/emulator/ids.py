"""Identifiers and timestamps shaped like WorkOS's.

WorkOS object ids are a type prefix plus a ULID: 10 Crockford-base32 characters of millisecond
time followed by 16 characters of randomness (``org_01HXYZ...``).  Because the emulator hands out
strictly increasing milliseconds per state, ids of one collection sort by creation time, which is
what cursor pagination relies on.  Vault objects use time-ordered (version 7) UUIDs instead.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


_PAIRS = [a + b for a in CROCKFORD for b in CROCKFORD]


def _encode(value: int, pairs: int) -> str:
    """``2 * pairs`` Crockford characters of ``value`` (10 bits per table lookup)."""
    table = _PAIRS
    out = [table[(value >> (10 * k)) & 1023] for k in range(pairs - 1, -1, -1)]
    return "".join(out)


def _encode_ulid(v: int) -> str:
    """``_encode(v, 13)`` unrolled: ids are made for every seeded record."""
    t = _PAIRS
    return "".join(
        (
            t[v >> 120 & 1023],
            t[v >> 110 & 1023],
            t[v >> 100 & 1023],
            t[v >> 90 & 1023],
            t[v >> 80 & 1023],
            t[v >> 70 & 1023],
            t[v >> 60 & 1023],
            t[v >> 50 & 1023],
            t[v >> 40 & 1023],
            t[v >> 30 & 1023],
            t[v >> 20 & 1023],
            t[v >> 10 & 1023],
            t[v & 1023],
        )
    )


def encode_time(ms: int) -> str:
    """The 10-character Crockford base32 time part of a ULID."""
    return _encode(ms, 5)


def decode_time(part: str) -> int:
    """Inverse of :func:`encode_time` (raises ``ValueError`` on a bad character)."""
    ms = 0
    for ch in part.upper():
        ms = ms * 32 + CROCKFORD.index(ch)
    return ms


def ulid(ms: int, rng: random.Random) -> str:
    return _encode_ulid((ms << 80) | rng.getrandbits(80))


def prefixed(prefix: str, ms: int, rng: random.Random) -> str:
    return f"{prefix}_{ulid(ms, rng)}"


def lower_bound_id(prefix: str, ms: int) -> str:
    """The smallest possible id of ``prefix`` created at ``ms`` (for time-range queries)."""
    return f"{prefix}_{encode_time(ms)}"


def uuid7(ms: int, rng: random.Random) -> str:
    rand = rng.getrandbits(74)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= ((rand >> 62) & 0xFFF) << 64
    value |= 0b10 << 62
    value |= rand & ((1 << 62) - 1)
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def iso(ms: int) -> str:
    """ISO 8601 with milliseconds and a ``Z``, as WorkOS writes timestamps."""
    sec, milli = divmod(ms, 1000)
    day, rest = divmod(sec, 86_400)
    prefix = _DAY_CACHE.get(day)
    if prefix is None:
        t = time.gmtime(day * 86_400)
        prefix = f"{t.tm_year:04d}-{t.tm_mon:02d}-{t.tm_mday:02d}T"
        _DAY_CACHE[day] = prefix
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    two = _TWO
    return f"{prefix}{two[hour]}:{two[minute]}:{two[second]}.{_THREE[milli]}Z"


_DAY_CACHE: dict[int, str] = {}
_TWO = [f"{i:02d}" for i in range(100)]
_THREE = [f"{i:03d}" for i in range(1000)]


def parse_iso(text: str) -> int:
    """Milliseconds since the epoch of an ISO 8601 timestamp (raises ``ValueError``)."""
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    dt = datetime.fromisoformat(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return int(dt.timestamp() * 1000)
