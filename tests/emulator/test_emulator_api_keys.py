"""Organization and user API keys over HTTP: list, create, validate, expire, delete."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def _org_with_keys(emulator: EmulatorHandle) -> str:
    return next(iter(emulator.state["api_keys"]))["owner"]["id"]


def test_organization_keys_list_create_validate(emulator: EmulatorHandle) -> None:
    org_id = _org_with_keys(emulator)
    with emulator.client() as c:
        body = c.get(f"/organizations/{org_id}/api_keys", params={"limit": 2}).json()
        assert len(body["data"]) == 2 and body["list_metadata"]["after"]
        assert all(k["owner"] == {"type": "organization", "id": org_id} for k in body["data"])
        assert all("value" not in k for k in body["data"])
        r = c.post(
            f"/organizations/{org_id}/api_keys",
            json={"name": "Deploy bot", "permissions": ["posts:write"]},
        )
        assert r.status_code == 201
        created = r.json()
        assert created["value"].startswith("sk_") and created["id"].startswith("api_key_")
        assert created["obfuscated_value"].endswith(created["value"][-4:])
        valid = c.post("/api_keys/validations", json={"value": created["value"]}).json()
        assert valid["api_key"]["id"] == created["id"] and valid["api_key"]["last_used_at"]
        assert c.post("/api_keys/validations", json={"value": "sk_bogus"}).json() == {
            "api_key": None
        }
        assert c.post("/api_keys/validations", json={}).status_code == 422
    events = [e["event"] for e in emulator.state["events"] if e["data"].get("id") == created["id"]]
    assert events == ["api_key.created"]


def test_expire_and_delete(emulator: EmulatorHandle) -> None:
    org_id = _org_with_keys(emulator)
    with emulator.client() as c:
        key = c.post(f"/organizations/{org_id}/api_keys", json={"name": "Temp"}).json()
        r = c.post(f"/api_keys/{key['id']}/expire", json={})
        assert r.status_code == 200 and r.json()["expires_at"]
        assert c.post(f"/api_keys/{key['id']}/expire").status_code == 409
        assert c.post("/api_keys/validations", json={"value": key["value"]}).json() == {
            "api_key": None
        }
        assert c.delete(f"/api_keys/{key['id']}").status_code == 204
        assert c.delete(f"/api_keys/{key['id']}").status_code == 404
        assert c.post(f"/api_keys/{key['id']}/expire").status_code == 404
        future = c.post(
            f"/organizations/{org_id}/api_keys",
            json={"name": "Later", "expires_at": "2999-01-01T00:00:00Z"},
        ).json()
        r = c.post(f"/api_keys/{future['id']}/expire", json={"expires_at": "2998-01-01T00:00:00Z"})
        assert r.json()["expires_at"].startswith("2998-01-01")
        kinds = "api_key.created,api_key.updated,api_key.revoked"
        events = c.get("/events", params={"events": kinds, "limit": 100}).json()["data"]
    assert {e["event"] for e in events} == set(kinds.split(","))


def test_user_keys(emulator: EmulatorHandle) -> None:
    user = next(u for u in emulator.state["users"] if u.get("_organization_ids"))
    org_id = user["_organization_ids"][0]
    with emulator.client() as c:
        r = c.post(
            f"/user_management/users/{user['id']}/api_keys",
            json={"name": "CLI", "organization_id": org_id},
        )
        assert r.status_code == 201
        assert r.json()["owner"] == {"type": "user", "id": user["id"], "organization_id": org_id}
        listed = c.get(
            f"/user_management/users/{user['id']}/api_keys", params={"organization_id": org_id}
        ).json()
        assert r.json()["id"] in [k["id"] for k in listed["data"]]
        other = c.get(
            f"/user_management/users/{user['id']}/api_keys", params={"organization_id": "org_x"}
        ).json()
        assert other["data"] == []
        assert (
            c.post(f"/user_management/users/{user['id']}/api_keys", json={"name": "x"}).status_code
            == 400
        )
        r = c.post(
            f"/user_management/users/{user['id']}/api_keys",
            json={"name": "x", "organization_id": "org_not_mine"},
        )
        assert r.status_code == 422
        assert c.get("/user_management/users/user_nope/api_keys").status_code == 404


def test_errors(emulator: EmulatorHandle) -> None:
    org_id = _org_with_keys(emulator)
    with emulator.client() as c:
        assert c.get("/organizations/org_nope/api_keys").status_code == 404
        assert c.post("/organizations/org_nope/api_keys", json={"name": "x"}).status_code == 404
        r = c.post(f"/organizations/{org_id}/api_keys", json={})
        assert r.status_code == 422 and r.json()["errors"][0]["field"] == "name"
        r = c.post(f"/organizations/{org_id}/api_keys", json={"name": "x", "expires_at": "soon"})
        assert r.status_code == 422
