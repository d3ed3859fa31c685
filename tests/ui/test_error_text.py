"""How the console words a failure, and how workers turn any failure into a typed error."""

from __future__ import annotations

from workos_tui.api.errors import NotFoundError, RateLimitedError, WorkOSError
from workos_tui.ui.error_text import attempt, describe_error


async def _value() -> int:
    return 7


async def _not_found() -> int:
    raise NotFoundError("No such organization", status=404, request_id="req_1")


async def _bug() -> int:
    raise KeyError("missing")


async def test_attempt_passes_values_and_typed_errors_through() -> None:
    assert await attempt(_value()) == 7
    outcome = await attempt(_not_found())
    assert isinstance(outcome, NotFoundError)
    assert outcome.request_id == "req_1"


async def test_attempt_turns_a_bug_into_an_error_not_a_traceback() -> None:
    outcome = await attempt(_bug())
    assert isinstance(outcome, WorkOSError)
    assert "KeyError" in outcome.message


def test_described_by_type_with_request_id() -> None:
    text = describe_error(NotFoundError("gone", status=404, request_id="req_9"))
    assert text.title == "Not found"
    assert "req_9" in text.one_line()
    waited = describe_error(RateLimitedError("slow down", status=429, retry_after=7))
    assert "7 s" in waited.hint
