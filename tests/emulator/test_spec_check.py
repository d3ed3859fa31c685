"""The spec checker must be able to fail: feed it bad exchanges and expect violations."""

from __future__ import annotations

import json

import pytest
from spec_check import SpecChecker

from workos_tui.emulator import Exchange


@pytest.fixture(scope="module")
def checker() -> SpecChecker:
    return SpecChecker()


def _exchange(
    method: str,
    path: str,
    status: int,
    body: object,
    *,
    query: str = "",
    request_body: bytes = b"",
    agent: str = "pytest",
    hooked: bool = False,
) -> Exchange:
    return Exchange(
        method=method,
        path=path,
        query_string=query,
        request_headers={"user-agent": agent, "content-type": "application/json"},
        request_body=request_body,
        status=status,
        response_headers={"content-type": "application/json"},
        response_body=json.dumps(body).encode(),
        hooked=hooked,
    )


ORG = {
    "object": "organization",
    "id": "org_01HXYZ123456789ABCDEFGHIJ",
    "name": "Acme",
    "domains": [],
    "metadata": {},
    "external_id": None,
    "created_at": "2026-01-15T12:00:00.000Z",
    "updated_at": "2026-01-15T12:00:00.000Z",
}


def test_valid_response_passes(checker: SpecChecker) -> None:
    assert checker.check(_exchange("GET", "/organizations/org_1", 200, ORG)) == []


def test_missing_required_field_is_caught(checker: SpecChecker) -> None:
    bad = {k: v for k, v in ORG.items() if k != "name"}
    problems = checker.check(_exchange("GET", "/organizations/org_1", 200, bad))
    assert problems and "name" in problems[0]


def test_wrong_type_in_list_is_caught(checker: SpecChecker) -> None:
    body = {"object": "list", "data": [{**ORG, "metadata": []}], "list_metadata": {}}
    problems = checker.check(_exchange("GET", "/organizations", 200, body))
    assert problems


def test_undeclared_status_is_caught(checker: SpecChecker) -> None:
    problems = checker.check(_exchange("GET", "/organizations/org_1", 418, {"message": "x"}))
    assert problems and "not declared" in problems[0]


def test_allowed_401_still_needs_a_message(checker: SpecChecker) -> None:
    assert checker.check(_exchange("GET", "/organizations", 401, {"message": "no"})) == []
    assert checker.check(_exchange("GET", "/organizations", 401, {"code": "x"}))


def test_hooked_responses_are_not_checked(checker: SpecChecker) -> None:
    assert checker.check(_exchange("GET", "/organizations", 503, "boom", hooked=True)) == []


def test_client_requests_are_validated(checker: SpecChecker) -> None:
    ok = _exchange(
        "GET",
        "/organizations",
        200,
        {"object": "list", "data": [], "list_metadata": {"before": None, "after": None}},
        query="limit=5",
        agent="workos-tui/0.1",
    )
    assert checker.check(ok) == []
    bad_query = _exchange(
        "GET",
        "/organizations",
        200,
        {"object": "list", "data": [], "list_metadata": {"before": None, "after": None}},
        query="limit=500",
        agent="workos-tui/0.1",
    )
    assert any("request invalid" in p for p in checker.check(bad_query))
    bad_body = _exchange(
        "POST", "/organizations", 201, ORG, request_body=b'{"nom": 1}', agent="workos-tui/0.1"
    )
    assert any("request invalid" in p for p in checker.check(bad_body))


def test_unknown_operation_is_reported(checker: SpecChecker) -> None:
    assert checker.check(_exchange("PATCH", "/organizations/org_1", 200, ORG))


def _events_page(*events: object) -> dict[str, object]:
    return {
        "object": "list",
        "data": list(events),
        "list_metadata": {"before": None, "after": None},
    }


USER = {
    "object": "user",
    "id": "user_01",
    "first_name": None,
    "last_name": None,
    "profile_picture_url": None,
    "email": "a@b.example",
    "email_verified": True,
    "external_id": None,
    "last_sign_in_at": None,
    "created_at": "2026-01-15T12:00:00.000Z",
    "updated_at": "2026-01-15T12:00:00.000Z",
}


def _event(name: str, data: object) -> dict[str, object]:
    return {
        "object": "event",
        "id": "event_01",
        "event": name,
        "data": data,
        "created_at": "2026-01-15T12:00:00.000Z",
    }


def test_event_pages_are_checked_per_event_type(checker: SpecChecker) -> None:
    good = _exchange("GET", "/events", 200, _events_page(_event("user.created", USER)))
    assert checker.check(good) == []
    missing = {k: v for k, v in USER.items() if k != "email"}
    bad = _exchange("GET", "/events", 200, _events_page(_event("user.created", missing)))
    assert any("email" in p for p in checker.check(bad))
    unknown = _exchange("GET", "/events", 200, _events_page(_event("user.exploded", USER)))
    assert any("not in the spec" in p for p in checker.check(unknown))
    no_meta = _exchange("GET", "/events", 200, {"object": "list", "data": []})
    assert checker.check(no_meta)
