"""Events (filters, time ranges, pagination) and Vault (KV objects, data keys)."""

from __future__ import annotations

import base64

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workos_tui.emulator import ids
from workos_tui.emulator.testing import EmulatorHandle


def test_events_history_and_filters(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org_id = state["organizations"].order[0]
    with emulator.client() as c:
        page = c.get("/events", params={"limit": 100}).json()
        assert len(page["data"]) == 100 and page["list_metadata"]["after"]
        names = {e["event"] for e in state["events"]}
        assert {
            "organization.created",
            "user.created",
            "organization_membership.created",
            "dsync.user.created",
            "invitation.created",
            "connection.activated",
        } <= names
        only = c.get("/events", params={"events": "dsync.group.created", "limit": 100}).json()[
            "data"
        ]
        assert only and {e["event"] for e in only} == {"dsync.group.created"}
        mine = c.get("/events", params={"organization_id": org_id, "limit": 100}).json()["data"]
        assert mine and all(e["data"].get("organization_id", org_id) == org_id for e in mine)
        assert c.get("/events", params={"range_start": "yesterday"}).status_code == 422
        r = c.get(
            "/events",
            params={"range_start": "2025-01-02T00:00:00Z", "range_end": "2025-01-01T00:00:00Z"},
        )
        assert r.status_code == 400


def test_events_time_range(emulator: EmulatorHandle) -> None:
    evs = list(emulator.state["events"])
    lo, hi = evs[100]["created_at"], evs[200]["created_at"]
    expected = [e["id"] for e in evs if lo <= e["created_at"] <= hi]
    got: list[str] = []
    with emulator.client() as c:
        after = None
        while True:
            params = {"range_start": lo, "range_end": hi, "limit": 100, "order": "asc"}
            if after:
                params["after"] = after
            body = c.get("/events", params=params).json()
            got += [e["id"] for e in body["data"]]
            after = body["list_metadata"]["after"]
            if not after:
                break
    assert got == expected


def test_mutation_events_appear_after_cursor(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        newest = c.get("/events", params={"limit": 1}).json()["data"][0]["id"]
        c.post("/organizations", json={"name": "Event Source Inc."})
        fresh = c.get("/events", params={"after": newest, "order": "asc"}).json()["data"]
    assert [e["event"] for e in fresh] == ["organization.created"]
    assert fresh[0]["data"]["name"] == "Event Source Inc."


def test_vault_data_key_round_trip(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post("/vault/v1/keys/data-key", json={"context": {"organization_id": "org_1"}})
        assert r.status_code == 200
        body = r.json()
        key = base64.b64decode(body["data_key"])
        assert len(key) == 32
        blob = base64.b64decode(body["encrypted_keys"])
        assert blob.startswith(b"WOS.EKM.v1")
        dec = c.post("/vault/v1/keys/decrypt", json={"keys": body["encrypted_keys"]}).json()
        assert dec == {"data_key": body["data_key"], "id": body["id"]}
        other = c.post(
            "/vault/v1/keys/data-key", json={"context": {"organization_id": "org_1"}}
        ).json()
        assert other["data_key"] != body["data_key"] and other["id"] == body["id"]
        rekeyed = c.post(
            "/vault/v1/keys/rekey",
            json={
                "encrypted_keys": body["encrypted_keys"],
                "context": {"organization_id": "org_2"},
            },
        ).json()
        assert rekeyed["data_key"] == body["data_key"] and rekeyed["id"] != body["id"]
        again = c.post("/vault/v1/keys/decrypt", json={"keys": rekeyed["encrypted_keys"]}).json()
        assert again["data_key"] == body["data_key"]
        tampered = bytearray(blob)
        tampered[-1] ^= 1
        bad = c.post(
            "/vault/v1/keys/decrypt", json={"keys": base64.b64encode(bytes(tampered)).decode()}
        )
        assert bad.status_code == 400 and "error" in bad.json()
        assert c.post("/vault/v1/keys/decrypt", json={"keys": "%%%"}).status_code == 400
        assert c.post("/vault/v1/keys/data-key", json={}).status_code == 422
    # The key really encrypts: seal locally, open with the key the server hands back.
    nonce = b"\x00" * 12
    sealed = AESGCM(key).encrypt(nonce, b"secret", None)
    assert AESGCM(base64.b64decode(dec["data_key"])).decrypt(nonce, sealed, None) == b"secret"


def test_vault_kv_lifecycle(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post(
            "/vault/v1/kv", json={"name": "api-token", "value": "one", "key_context": {"team": "a"}}
        )
        assert r.status_code == 201
        meta = r.json()
        oid = meta["id"]
        assert (
            c.post(
                "/vault/v1/kv", json={"name": "api-token", "value": "x", "key_context": {}}
            ).status_code
            == 409
        )
        assert c.get(f"/vault/v1/kv/{oid}").json()["value"] == "one"
        assert c.get("/vault/v1/kv/name/api-token").json()["id"] == oid
        stale = c.put(f"/vault/v1/kv/{oid}", json={"value": "two", "version_check": "nope"})
        assert stale.status_code == 409
        r = c.put(f"/vault/v1/kv/{oid}", json={"value": "two", "version_check": meta["version_id"]})
        assert r.status_code == 201 and "value" not in r.json()
        assert c.get(f"/vault/v1/kv/{oid}").json()["value"] == "two"
        versions = c.get(f"/vault/v1/kv/{oid}/versions").json()["data"]
        assert [v["current_version"] for v in versions] == [True, False]
        assert (
            c.get(f"/vault/v1/kv/{oid}/metadata").json()["metadata"]["version_id"]
            == versions[0]["id"]
        )
        listed = c.get("/vault/v1/kv", params={"search": "api-tok"}).json()["data"]
        assert [o["id"] for o in listed] == [oid]
        assert c.delete(f"/vault/v1/kv/{oid}").json() == {"name": "api-token", "success": True}
        assert c.get(f"/vault/v1/kv/{oid}").status_code == 404
        assert c.put(f"/vault/v1/kv/{oid}", json={"value": "x"}).status_code == 404
        assert c.get("/vault/v1/kv", params={"limit": 0}).status_code == 400
        kinds = c.get(
            "/events",
            params={
                "events": "vault.data.created,vault.data.updated,vault.data.deleted",
                "limit": 3,
            },
        ).json()["data"]
    assert [e["event"] for e in kinds] == [
        "vault.data.deleted",
        "vault.data.updated",
        "vault.data.created",
    ]


def test_vault_seeded_objects_have_versions(emulator: EmulatorHandle) -> None:
    objs = list(emulator.state["vault_objects"])
    assert len(objs) >= 5 and max(len(o["_versions"]) for o in objs) >= 3
    with emulator.client() as c:
        page = c.get("/vault/v1/kv", params={"limit": 3, "order": "asc"}).json()
        nxt = c.get(
            "/vault/v1/kv",
            params={"limit": 3, "order": "asc", "after": page["list_metadata"]["after"]},
        ).json()
    assert [o["id"] for o in page["data"] + nxt["data"]] == sorted(o["id"] for o in objs)[:6]


def test_ids_are_ulids_sorted_by_time(emulator: EmulatorHandle) -> None:
    users = emulator.state["users"]
    first, last = users.items[users.order[0]], users.items[users.order[-1]]
    for u in (first, last):
        body = u["id"].removeprefix("user_")
        assert len(body) == 26 and body == body.upper()
        assert ids.iso(ids.decode_time(body[:10])) == u["created_at"]
    assert first["created_at"] < last["created_at"]
