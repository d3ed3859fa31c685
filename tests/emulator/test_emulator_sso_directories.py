"""SSO connections and Directory Sync."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def test_connections_types_and_states(emulator: EmulatorHandle) -> None:
    conns = list(emulator.state["connections"])
    assert {"OktaSAML", "GoogleOAuth", "AzureSAML", "GenericSAML"} <= {
        c["connection_type"] for c in conns
    }
    assert {"active", "inactive", "validating"} <= {c["state"] for c in conns}


def test_connection_filters(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org_id = state["organizations"].order[0]
    with emulator.client() as c:
        by_type = c.get(
            "/connections", params={"connection_type": "GoogleOAuth", "limit": 100}
        ).json()["data"]
        assert by_type and all(x["connection_type"] == "GoogleOAuth" for x in by_type)
        by_org = c.get("/connections", params={"organization_id": org_id}).json()["data"]
        assert by_org and all(x["organization_id"] == org_id for x in by_org)
        by_domain = c.get("/connections", params={"domain": "initech.example"}).json()["data"]
        assert [d["domain"] for x in by_domain for d in x["domains"]] == ["initech.example"]
        by_search = c.get("/connections", params={"search": "hooli"}).json()["data"]
        assert by_search and all("Hooli" in x["name"] for x in by_search)
        assert (
            c.get("/connections", params={"connection_type": "Carrier Pigeon"}).status_code == 422
        )


def test_connection_get_delete(emulator: EmulatorHandle) -> None:
    conn_id = emulator.state["connections"].order[0]
    with emulator.client() as c:
        assert c.get(f"/connections/{conn_id}").json()["id"] == conn_id
        assert c.delete(f"/connections/{conn_id}").status_code == 204
        assert c.get(f"/connections/{conn_id}").status_code == 404
        assert c.delete(f"/connections/{conn_id}").status_code == 404
        ev = c.get("/events", params={"events": "connection.deleted", "limit": 1}).json()["data"][0]
    assert ev["data"]["id"] == conn_id


def test_directories(emulator: EmulatorHandle) -> None:
    state = emulator.state
    dirs = list(state["directories"])
    assert {"okta scim v2.0", "azure scim v2.0", "gsuite directory"} <= {d["type"] for d in dirs}
    d = dirs[0]
    with emulator.client() as c:
        got = c.get(f"/directories/{d['id']}").json()
        assert got["metadata"]["users"]["active"] + got["metadata"]["users"]["inactive"] > 0
        assert [
            x["id"]
            for x in c.get("/directories", params={"organization_id": d["organization_id"]}).json()[
                "data"
            ]
        ] == [d["id"]]
        assert [
            x["id"] for x in c.get("/directories", params={"domain": d["domain"]}).json()["data"]
        ] == [d["id"]]
        assert d["id"] in [
            x["id"] for x in c.get("/directories", params={"search": d["name"][:6]}).json()["data"]
        ]
        assert c.get("/directories/directory_01NOPE").status_code == 404


def test_directory_users_and_groups(emulator: EmulatorHandle) -> None:
    state = emulator.state
    d_id = state["directories"].order[0]
    with emulator.client() as c:
        users = c.get("/directory_users", params={"directory": d_id, "limit": 100}).json()["data"]
        assert users and all(u["directory_id"] == d_id for u in users)
        groups = c.get("/directory_groups", params={"directory": d_id}).json()["data"]
        assert groups
        g = groups[0]["id"]
        in_group = c.get("/directory_users", params={"group": g, "limit": 100}).json()["data"]
        assert in_group and all(g in [x["id"] for x in u["groups"]] for u in in_group)
        u = in_group[0]
        assert g in [
            x["id"] for x in c.get("/directory_groups", params={"user": u["id"]}).json()["data"]
        ]
        assert c.get(f"/directory_users/{u['id']}").json()["groups"]
        assert c.get(f"/directory_groups/{g}").json()["name"] == groups[0]["name"]
        by_email = c.get("/directory_users", params={"email": u["email"]}).json()["data"]
        assert [x["id"] for x in by_email] == [u["id"]]
        assert c.get("/directory_users/directory_user_01NOPE").status_code == 404
        assert c.get("/directory_groups/directory_group_01NOPE").status_code == 404


def test_delete_directory_cascades(emulator: EmulatorHandle) -> None:
    d_id = emulator.state["directories"].order[0]
    with emulator.client() as c:
        assert c.delete(f"/directories/{d_id}").status_code == 202
        assert c.get(f"/directories/{d_id}").status_code == 404
        assert c.get("/directory_users", params={"directory": d_id}).json()["data"] == []
        assert c.delete(f"/directories/{d_id}").status_code == 404
        ev = c.get("/events", params={"events": "dsync.deleted", "limit": 1}).json()["data"][0]
    assert ev["data"]["id"] == d_id
