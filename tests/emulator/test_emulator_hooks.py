"""Fault injection through /_emulate/hooks (count, wildcards, latency, dropped connections)."""

from __future__ import annotations

import httpx
import pytest

from workos_tui.emulator.testing import EmulatorHandle


def test_hook_api_add_list_delete(emulator: EmulatorHandle) -> None:
    base = emulator.base_url
    r = httpx.post(
        f"{base}/_emulate/hooks",
        json={
            "method": "GET",
            "path": "/organizations",
            "status": 503,
            "body": {"message": "down"},
        },
    )
    assert r.status_code == 201
    hook = r.json()
    listed = httpx.get(f"{base}/_emulate/hooks").json()["data"]
    assert [h["id"] for h in listed] == [hook["id"]]
    with emulator.client() as c:
        r = c.get("/organizations")
        assert r.status_code == 503 and r.json() == {"message": "down"}
        assert c.post("/organizations", json={"name": "Unaffected"}).status_code == 201
    assert httpx.delete(f"{base}/_emulate/hooks/{hook['id']}").status_code == 200
    assert httpx.delete(f"{base}/_emulate/hooks/{hook['id']}").status_code == 404
    with emulator.client() as c:
        assert c.get("/organizations").status_code == 200


def test_hook_count_then_removes_itself(emulator: EmulatorHandle) -> None:
    httpx.post(
        f"{emulator.base_url}/_emulate/hooks",
        json={"method": "*", "path": "/organizations", "status": 500, "count": 2},
    )
    with emulator.client() as c:
        statuses = [c.get("/organizations").status_code for _ in range(3)]
    assert statuses == [500, 500, 200]
    assert httpx.get(f"{emulator.base_url}/_emulate/hooks").json()["data"] == []


def test_hook_clear_all(emulator: EmulatorHandle) -> None:
    for path in ("/a", "/b"):
        httpx.post(f"{emulator.base_url}/_emulate/hooks", json={"path": path, "status": 500})
    assert httpx.delete(f"{emulator.base_url}/_emulate/hooks").status_code == 200
    assert httpx.get(f"{emulator.base_url}/_emulate/hooks").json()["data"] == []


@pytest.mark.parametrize(
    ("pattern", "path", "hit"),
    [
        ("/user_management/*", "/user_management/users", True),
        ("/user_management/*", "/organizations", False),
        ("/*", "/connections", True),
        (
            "/organizations/*/audit_logs_retention",
            "/organizations/org_1/audit_logs_retention",
            True,
        ),
        ("/organizations", "/organizations/org_1", False),
    ],
)
def test_hook_path_patterns(emulator: EmulatorHandle, pattern: str, path: str, hit: bool) -> None:
    emulator.add_hook(pattern, status=418)
    with emulator.client() as c:
        assert (c.get(path).status_code == 418) is hit


def test_hook_method_must_match(emulator: EmulatorHandle) -> None:
    emulator.add_hook("/organizations", method="POST", status=429, body={"message": "slow down"})
    with emulator.client() as c:
        assert c.get("/organizations").status_code == 200
        assert c.post("/organizations", json={"name": "X"}).status_code == 429


def test_hook_latency_then_normal_answer(emulator: EmulatorHandle) -> None:
    emulator.add_hook("/organizations", latency_ms=300, count=1)
    with emulator.client() as c:
        with pytest.raises(httpx.ReadTimeout):
            c.get("/organizations", timeout=0.05)
        assert c.get("/organizations").status_code == 200


def test_hook_drop_closes_connection(emulator: EmulatorHandle) -> None:
    emulator.add_hook("/organizations", drop=True, count=1)
    with emulator.client() as c:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            c.get("/organizations")
        assert c.get("/organizations").status_code == 200


def test_hooks_recorded_as_hooked(emulator: EmulatorHandle) -> None:
    start = len(emulator.log)
    emulator.add_hook("/organizations", status=502, count=1)
    with emulator.client() as c:
        c.get("/organizations")
    ex = [e for e in emulator.log.since(start) if e.path == "/organizations"]
    assert ex and ex[0].hooked and ex[0].status == 502


def test_invalid_hook_is_400(emulator: EmulatorHandle) -> None:
    r = httpx.post(f"{emulator.base_url}/_emulate/hooks", json={"path": "/x"})
    assert r.status_code == 400
