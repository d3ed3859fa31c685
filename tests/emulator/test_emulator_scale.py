"""The compact record store that large ``--scale`` datasets use (store.CompactItems): the same
data as plain dicts, and the API behaves the same over it.

The demo's users and memberships become compact past ``state.COMPACT_AT`` records; here a
demo-sized state is made compact by hand and served on its own server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from workos_tui.emulator import EmulatorServer, EmulatorState, create_app, demo_state
from workos_tui.emulator.state import COMPACT_AT
from workos_tui.emulator.store import CompactItems

AUTH = {"Authorization": "Bearer sk_test_default"}


def _dump(state: EmulatorState, name: str) -> list[str]:
    col = state[name]
    return [json.dumps(col.items[rid], sort_keys=True) for rid in col.order]


@pytest.fixture(scope="module")
def compact_state() -> EmulatorState:
    state = demo_state()
    for name in COMPACT_AT:
        state[name].make_compact(hot_limit=64)
    return state


@pytest.fixture(scope="module")
def client(compact_state: EmulatorState) -> Iterator[httpx.Client]:
    with (
        EmulatorServer(create_app(compact_state)) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as c,
    ):
        yield c


def test_compact_collections_hold_the_same_records() -> None:
    plain = demo_state()
    compact = demo_state()
    for name in COMPACT_AT:
        compact[name].make_compact(hot_limit=8)
        assert isinstance(compact[name].items, CompactItems)
        assert _dump(compact, name) == _dump(plain, name)
        for field, ix in plain[name].indexes.items():
            other = compact[name].index(field)
            assert {k: ix.get(k) for k in ix.lists} == {k: other.get(k) for k in other.lists}


def test_big_scales_switch_to_the_compact_store() -> None:
    state = demo_state(scale=COMPACT_AT["users"] + 10)
    assert state["users"].compact is not None
    assert state["organization_memberships"].compact is not None
    assert not state["users"].compact.hot  # settled when seeding finished
    assert state["organizations"].compact is None


def test_reads_writes_and_indexes_over_http(
    client: httpx.Client, compact_state: EmulatorState
) -> None:
    users = compact_state["users"]
    created = client.post(
        "/user_management/users", json={"email": "Compact.User@Scale.example", "first_name": "C"}
    ).json()
    assert users.index("email").get("compact.user@scale.example") == [created["id"]]
    r = client.put(
        f"/user_management/users/{created['id']}",
        json={"email": "moved@scale.example", "last_name": "Store"},
    )
    assert r.status_code == 200 and r.json()["last_name"] == "Store"
    assert users.index("email").get("compact.user@scale.example") == []
    assert users.index("email").get("moved@scale.example") == [created["id"]]
    assert not users.compact or not users.compact.hot  # each request settles what it read
    got = client.get(f"/user_management/users/{created['id']}").json()
    assert got["email"] == "moved@scale.example" and got["first_name"] == "C"
    org_id = compact_state["organizations"].order[3]
    om = client.post(
        "/user_management/organization_memberships",
        json={"user_id": created["id"], "organization_id": org_id},
    ).json()
    listed = client.get(
        "/user_management/users", params={"organization_id": org_id, "limit": 100}
    ).json()["data"]
    assert created["id"] in {u["id"] for u in listed}
    assert client.delete(f"/user_management/organization_memberships/{om['id']}").status_code in (
        200,
        204,
    )
    assert om["id"] not in compact_state["organization_memberships"]
    assert client.delete(f"/user_management/users/{created['id']}").status_code in (200, 202, 204)
    assert users.index("email").get("moved@scale.example") == []


def test_every_page_of_a_compact_collection(
    client: httpx.Client, compact_state: EmulatorState
) -> None:
    seen: list[str] = []
    after: str | None = None
    while True:
        params = {"limit": "100", "order": "asc", **({"after": after} if after else {})}
        body = client.get("/user_management/users", params=params).json()
        seen += [u["id"] for u in body["data"]]
        after = body["list_metadata"]["after"]
        if after is None:
            break
    assert seen == compact_state["users"].order
