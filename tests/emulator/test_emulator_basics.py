"""Server basics over real HTTP: health, authentication, pagination, unknown routes."""

from __future__ import annotations

import httpx
import pytest

from workos_tui.emulator.testing import EmulatorHandle


def test_health_needs_no_key(emulator: EmulatorHandle) -> None:
    r = httpx.get(emulator.base_url + "/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer sk_test_wrong"}, {"Authorization": "Basic sk_test_default"}],
)
def test_missing_or_unknown_key_is_401(emulator: EmulatorHandle, headers: dict[str, str]) -> None:
    r = httpx.get(emulator.base_url + "/organizations", headers=headers)
    assert r.status_code == 401
    body = r.json()
    assert body["code"] == "unauthorized"
    assert body["message"]


def test_valid_key_is_accepted(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        assert c.get("/organizations").status_code == 200


def test_unknown_route_is_json_404(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.get("/no/such/thing")
    assert r.status_code == 404
    assert r.json()["message"]


def _all_ids(c: httpx.Client, path: str, order: str, **params: str) -> list[str]:
    ids: list[str] = []
    after: str | None = None
    while True:
        q = {"limit": "7", "order": order, **params}
        if after:
            q["after"] = after
        body = c.get(path, params=q).json()
        ids.extend(item["id"] for item in body["data"])
        after = body["list_metadata"]["after"]
        if after is None:
            return ids


def test_pagination_forward_covers_everything_once(emulator: EmulatorHandle) -> None:
    expected = sorted(o["id"] for o in emulator.state["organizations"])
    with emulator.client() as c:
        desc = _all_ids(c, "/organizations", "desc")
        asc = _all_ids(c, "/organizations", "asc")
    assert desc == expected[::-1]
    assert asc == expected


def test_default_order_is_desc_and_limit_10(emulator: EmulatorHandle) -> None:
    expected = sorted(o["id"] for o in emulator.state["organizations"])[::-1][:10]
    with emulator.client() as c:
        body = c.get("/organizations").json()
    assert [o["id"] for o in body["data"]] == expected
    assert body["list_metadata"] == {"before": None, "after": expected[-1]}


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_pagination_backwards_with_before(emulator: EmulatorHandle, order: str) -> None:
    with emulator.client() as c:
        first = c.get("/organizations", params={"limit": 5, "order": order}).json()
        second = c.get(
            "/organizations",
            params={"limit": 5, "order": order, "after": first["list_metadata"]["after"]},
        ).json()
        assert second["list_metadata"]["before"] == second["data"][0]["id"]
        back = c.get(
            "/organizations",
            params={"limit": 5, "order": order, "before": second["list_metadata"]["before"]},
        ).json()
    assert [o["id"] for o in back["data"]] == [o["id"] for o in first["data"]]
    assert back["list_metadata"]["before"] is None


def test_order_normal_swaps_cursor_meaning(emulator: EmulatorHandle) -> None:
    ids = sorted(o["id"] for o in emulator.state["organizations"])
    with emulator.client() as c:
        page = c.get("/organizations", params={"limit": 3, "order": "normal"}).json()
        assert [o["id"] for o in page["data"]] == ids[::-1][:3]
        older = c.get(
            "/organizations",
            params={"limit": 3, "order": "normal", "before": page["list_metadata"]["before"]},
        ).json()
        assert [o["id"] for o in older["data"]] == ids[::-1][3:6]
        newer = c.get(
            "/organizations",
            params={"limit": 3, "order": "normal", "after": older["list_metadata"]["after"]},
        ).json()
    assert [o["id"] for o in newer["data"]] == ids[::-1][:3]


@pytest.mark.parametrize(
    ("param", "value"),
    [("limit", "0"), ("limit", "101"), ("limit", "ten"), ("order", "sideways")],
)
def test_invalid_pagination_params_are_422(
    emulator: EmulatorHandle, param: str, value: str
) -> None:
    with emulator.client() as c:
        r = c.get("/organizations", params={param: value})
    assert r.status_code == 422
    body = r.json()
    assert body["message"]
    assert body["errors"][0]["field"] == param


def test_limit_bounds_are_inclusive(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        assert len(c.get("/organizations", params={"limit": 1}).json()["data"]) == 1
        assert len(c.get("/organizations", params={"limit": 100}).json()["data"]) == 25
