"""Pure pieces of the service layer: query encoding, request log, retry policy, pagination."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from workos_tui.api import (
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RequestLog,
    RequestRecord,
    RetryPolicy,
    ServerError,
    ValidationError,
)
from workos_tui.api.pagination import Cursor, ListMetadata, Page, validate_list_params
from workos_tui.api.query import encode_query, redact_query
from workos_tui.api.retry import parse_retry_after


def test_query_drops_none_joins_form_arrays_and_repeats_others() -> None:
    pairs = encode_query(
        {"domains": ["a.com", "b.com"], "tags": ["x", "y"], "search": None, "flag": True},
        comma_joined={"domains"},
    )
    assert pairs == [("domains", "a.com,b.com"), ("tags", "x"), ("tags", "y"), ("flag", "true")]
    assert encode_query({"domains": []}, comma_joined={"domains"}) == []
    assert encode_query(None) == []


def test_redacted_query_hides_secret_parameters() -> None:
    pairs = [("limit", "5"), ("token", "t0k"), ("client_secret", "s"), ("code", "c")]
    shown = redact_query([*pairs, ("a", "1"), ("a", "2")])
    assert shown == {"limit": "5", "a": "1,2"}


def _record(n: int) -> RequestRecord:
    return RequestRecord(method="GET", path=f"/p/{n}", status=200)


def test_request_log_is_a_bounded_ring_buffer() -> None:
    log = RequestLog(capacity=3)
    for n in range(5):
        log.append(_record(n))
    assert [r.path for r in log.records()] == ["/p/2", "/p/3", "/p/4"]
    assert len(log) == 3 and log.capacity == 3
    log.clear()
    assert log.records() == [] and log.last() is None


def test_request_log_publishes_until_unsubscribed_and_survives_bad_subscribers() -> None:
    log = RequestLog()
    seen: list[str] = []

    def broken(record: RequestRecord) -> None:
        raise RuntimeError("subscriber bug")

    log.subscribe(broken)
    unsubscribe = log.subscribe(lambda record: seen.append(record.path))
    log.append(_record(1))
    unsubscribe()
    log.append(_record(2))
    assert seen == ["/p/1"]
    assert len(log) == 2


def test_record_display_helpers() -> None:
    record = RequestRecord(method="GET", path="/x", query={"limit": "2"}, status=200)
    assert record.ok and record.target == "/x?limit=2"
    assert not RequestRecord(method="GET", path="/x", status=500, error="boom").ok


def test_retry_after_accepts_seconds_and_http_dates() -> None:
    now = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after("later") is None
    assert parse_retry_after(None) is None
    when = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert parse_retry_after(when, now=now) == pytest.approx(30.0)


def test_retry_policy_retries_only_transient_errors_within_budget() -> None:
    policy = RetryPolicy(max_retries=2, backoff_base=1.0, max_backoff=3.0)
    server = ServerError("x", status=503)
    assert policy.delay_before_retry(1, server) is not None
    assert policy.delay_before_retry(2, server) is not None
    assert policy.delay_before_retry(3, server) is None
    assert policy.delay_before_retry(1, NotFoundError("x", status=404)) is None
    assert policy.delay_before_retry(1, ServerError("x", status=501)) is None
    assert policy.delay_before_retry(1, NetworkError("x")) is not None
    for retry in range(1, 6):
        ceiling = min(3.0, 2 ** (retry - 1))
        assert ceiling / 2 <= policy.backoff(retry) <= ceiling


def test_retry_policy_waits_for_retry_after_within_its_limit() -> None:
    policy = RetryPolicy(backoff_base=0.01, max_retry_after=10)
    assert policy.delay_before_retry(1, RateLimitedError("x", retry_after=4)) == 4
    assert policy.delay_before_retry(1, RateLimitedError("x", retry_after=11)) is None
    with pytest.raises(ValueError):
        RetryPolicy(max_retries=-1)


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 101}, {"limit": True}, {"order": "up"}, {"before": "a", "after": "b"}],
)
def test_list_params_are_validated_locally(params: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        validate_list_params(params)


def test_list_params_accept_the_spec_range() -> None:
    for limit in (1, 100):
        validate_list_params({"limit": limit, "order": "normal"})


async def test_cursor_iterates_loaded_and_remaining_items() -> None:
    pages = {
        None: Page[int](data=[1, 2], list_metadata=ListMetadata(after="c1")),
        "c1": Page[int](data=[3], list_metadata=ListMetadata(after=None)),
    }
    asked: list[str | None] = []

    async def fetch(after: str | None) -> Page[int]:
        asked.append(after)
        return pages[after]

    cursor = Cursor(fetch)
    assert await cursor.next_page() == [1, 2]
    assert [item async for item in cursor] == [1, 2, 3]
    assert asked == [None, "c1"]
    assert cursor.loaded == 3 and not cursor.has_more and cursor.pages_loaded == 2
    assert await Cursor(fetch).all() == [1, 2, 3]


async def test_a_streaming_cursor_drops_each_page_once_read() -> None:
    pages = {
        None: Page[int](data=[1, 2], list_metadata=ListMetadata(after="c1")),
        "c1": Page[int](data=[3], list_metadata=ListMetadata(after=None)),
    }

    async def fetch(after: str | None) -> Page[int]:
        return pages[after]

    streaming = Cursor(fetch, keep_pages=False)
    assert [item async for item in streaming] == [1, 2, 3]
    assert streaming.items == [] and streaming.loaded == 3 and not streaming.has_more
    keeping = Cursor(fetch)
    assert [item async for item in keeping] == [1, 2, 3]
    assert keeping.items == [1, 2, 3]
