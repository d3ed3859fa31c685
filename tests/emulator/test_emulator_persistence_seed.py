"""SQLite persistence across restarts (including a hard kill), YAML seed files, scale seeding."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from workos_tui.emulator import EmulatorServer, create_app, demo_state, ids
from workos_tui.emulator.persistence import open_state
from workos_tui.emulator.seed import SeedError, build_from_seed, load_seed_file

AUTH = {"Authorization": "Bearer sk_test_default"}


def test_state_file_survives_restart(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite"
    state, persistence = open_state(db, demo_state)
    with EmulatorServer(create_app(state)) as server:
        r = httpx.post(f"{server.base_url}/organizations", json={"name": "Persisted"}, headers=AUTH)
        org_id = r.json()["id"]
        victim = state["users"].order[3]
        assert (
            httpx.delete(
                f"{server.base_url}/user_management/users/{victim}", headers=AUTH
            ).status_code
            == 200
        )
    persistence.conn.close()  # no orderly close(): every request was already committed

    again, persistence2 = open_state(db, lambda: pytest.fail("must load, not rebuild"))
    try:
        with EmulatorServer(create_app(again)) as server:
            got = httpx.get(f"{server.base_url}/organizations/{org_id}", headers=AUTH)
            assert got.json()["name"] == "Persisted"
            assert (
                httpx.get(
                    f"{server.base_url}/user_management/users/{victim}", headers=AUTH
                ).status_code
                == 404
            )
            events = httpx.get(
                f"{server.base_url}/events", params={"limit": 2}, headers=AUTH
            ).json()
            assert {e["event"] for e in events["data"]} >= {"user.deleted"}
            newer = httpx.post(
                f"{server.base_url}/organizations", json={"name": "Later"}, headers=AUTH
            )
            assert newer.json()["id"] > org_id  # ids keep sorting by time after a reload
    finally:
        persistence2.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _start(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = f"from workos_tui.emulator import run; run(port={port}, state_file={str(db)!r})"
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("emulator subprocess did not come up")


@pytest.mark.skipif(os.name != "posix", reason="uses SIGKILL")
def test_run_with_state_file_survives_sigkill(tmp_path: Path) -> None:
    db = tmp_path / "killed.sqlite"
    port = _free_port()
    proc = _start(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        org = httpx.post(
            f"{base}/organizations", json={"name": "Before the kill"}, headers=AUTH
        ).json()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    proc = _start(db, port)
    try:
        got = httpx.get(f"http://127.0.0.1:{port}/organizations/{org['id']}", headers=AUTH)
        assert got.status_code == 200 and got.json()["name"] == "Before the kill"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait()


SEED = """
organizations:
  - name: Acme Inc.
    external_id: acme-1
    domains:
      - acme.test
      - {domain: acme.dev, state: pending, verification_strategy: dns}
    connections:
      - {name: Acme Okta, connection_type: OktaSAML, state: active, domains: [acme.test]}
    directories:
      - name: Acme SCIM
        type: okta scim v2.0
        groups: [Engineering, Sales]
        users:
          - {email: ada@acme.test, first_name: Ada, last_name: Lovelace, groups: [Engineering]}
    members:
      - {email: grace@acme.test, first_name: Grace, last_name: Hopper, role: admin}
users:
  - email: alan@example.test
    memberships: [{organization: acme-1, status: pending}]
invitations:
  - {email: new@acme.test, organization: Acme Inc., state: pending}
vault:
  - {name: stripe-key, values: [v1, v2, v3], context: {organization_id: Acme Inc.}}
"""


def test_seed_file(tmp_path: Path) -> None:
    path = tmp_path / "seed.yaml"
    path.write_text(SEED)
    state = load_seed_file(path)
    orgs = list(state["organizations"])
    assert [o["name"] for o in orgs] == ["Acme Inc."]
    org_id = orgs[0]["id"]
    assert {d["state"] for d in state["organization_domains"]} == {"verified", "pending"}
    assert [c["connection_type"] for c in state["connections"]] == ["OktaSAML"]
    du = next(iter(state["directory_users"]))
    assert du["email"] == "ada@acme.test" and len(du["_group_ids"]) == 1
    members = {m["user_id"]: m for m in state["organization_memberships"]}
    assert {m["status"] for m in members.values()} == {"active", "pending"}
    assert next(iter(state["invitations"]))["organization_id"] == org_id
    vault = next(iter(state["vault_objects"]))
    assert vault["value"] == "v3" and len(vault["_versions"]) == 3
    assert vault["context"] == {"organization_id": org_id}
    with EmulatorServer(create_app(state)) as server:
        users = httpx.get(
            f"{server.base_url}/user_management/users",
            params={"organization_id": org_id},
            headers=AUTH,
        ).json()["data"]
    assert sorted(u["email"] for u in users) == ["alan@example.test", "grace@acme.test"]


def test_seed_file_errors() -> None:
    with pytest.raises(SeedError):
        build_from_seed({"invitations": [{"email": "x@y.test", "organization": "Nope"}]})
    with pytest.raises(SeedError):
        build_from_seed({"organizations": "not a list"})


def test_seed_can_extend_the_demo() -> None:
    state = build_from_seed({"demo": True, "scale": 50, "organizations": [{"name": "Extra"}]})
    assert len(state["organizations"]) == 26 and len(state["users"]) == 50


def test_demo_is_deterministic() -> None:
    a, b = demo_state(), demo_state()
    assert a["users"].order == b["users"].order
    assert [u["email"] for u in a["users"]] == [u["email"] for u in b["users"]]
    assert a["events"].order == b["events"].order


@pytest.mark.parametrize("scale", [None, 50])
def test_demo_history_reads_like_a_live_company(scale: int | None) -> None:
    """The setup records of the later seeders are spread over the history, not one burst at
    its end; ids still sort by creation time; a user's last sign-in follows their creation."""
    state = demo_state(scale)
    events = list(state["events"])  # id order
    stamps = [e["created_at"] for e in events]
    assert stamps == sorted(stamps)
    # (40: the last days hold the demo's recent sign-ins and syncs, emulator/demo_health.py)
    newest = events[-40:]
    assert len({e["created_at"][:19] for e in newest}) > 10
    assert {"user.created", "organization_membership.created"} <= {e["event"] for e in newest}
    for name, col in state.collections.items():
        created = [r["created_at"] for r in col if isinstance(r.get("created_at"), str)]
        assert created == sorted(created), name
        times = [ids.decode_time(rid.rsplit("_", 1)[-1][:10]) for rid in col.order if "_" in rid]
        assert times == sorted(times), name
    # The environment was configured before the first customer.
    first_org = min(o["created_at"] for o in state["organizations"])
    for name in ("permissions", "webhook_endpoints", "redirect_uris", "cors_origins"):
        assert all(r["created_at"] < first_org for r in state[name]), name
    for u in state["users"]:
        assert u["last_sign_in_at"] is None or u["last_sign_in_at"] >= u["created_at"], u["id"]
    # Live requests still get ids after everything seeded.
    assert state.now_ms() > max(ids.parse_iso(s) for s in stamps)


def test_scale_seeding_and_deep_pages() -> None:
    state = demo_state(scale=5000)
    assert len(state["users"]) == 5000
    counts: dict[str, int] = {}
    for u in state["users"]:
        for o in u["_organization_ids"]:
            counts[o] = counts.get(o, 0) + 1
    assert len(counts) == 25
    with (
        EmulatorServer(create_app(state)) as server,
        httpx.Client(base_url=server.base_url, headers=AUTH) as c,
    ):
        deep = state["users"].order[2500]
        page = c.get("/user_management/users", params={"after": deep, "limit": 100}).json()
        assert [u["id"] for u in page["data"]] == state["users"].order[2400:2500][::-1]
        org = max(counts, key=lambda k: counts[k])
        org_page = c.get(
            "/user_management/users", params={"organization_id": org, "limit": 100, "order": "asc"}
        ).json()
        expected = [
            u for u in state["users"].order if org in state["users"].items[u]["_organization_ids"]
        ]
        assert [u["id"] for u in org_page["data"]] == expected[:100]


@pytest.mark.parametrize("scale", [1, 2, 3, 7])
def test_small_scales_seed_every_area(scale: int) -> None:
    """A tiny --scale leaves too few users for some demo records: those are skipped, not a crash."""
    state = demo_state(scale=scale)
    assert len(state["users"]) == scale
    assert len(state["organizations"]) == 25
