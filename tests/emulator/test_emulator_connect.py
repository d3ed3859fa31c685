"""Connect applications, client secrets and authorized applications over HTTP."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def _org(emulator: EmulatorHandle) -> str:
    return str(next(iter(emulator.state["organizations"]))["id"])


def test_list_filters_and_paginates(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/connect/applications").json()
        names = {a["name"] for a in body["data"]}
        assert names == {"Acme Console", "Partner Analytics", "Nightly Sync"}
        both = c.get(
            "/connect/applications", params={"registration_types": "dynamic,authenticated"}
        ).json()
        assert len(both["data"]) == 4
        dynamic = c.get("/connect/applications", params={"registration_types": "dynamic"}).json()
        assert [a["was_dynamically_registered"] for a in dynamic["data"]] == [True]
        first = c.get("/connect/applications", params={"limit": 2, "order": "asc"}).json()
        assert len(first["data"]) == 2 and first["list_metadata"]["after"]
        rest = c.get(
            "/connect/applications",
            params={"limit": 2, "order": "asc", "after": first["list_metadata"]["after"]},
        ).json()
        assert len(rest["data"]) == 1 and rest["list_metadata"]["after"] is None
        org = next(a["organization_id"] for a in body["data"] if a["application_type"] == "m2m")
        mine = c.get("/connect/applications", params={"organization_id": org}).json()
        assert [a["organization_id"] for a in mine["data"]] == [org]
        assert c.get("/connect/applications", params={"limit": 101}).status_code == 422
        r = c.get("/connect/applications", params={"organization_id": "org_nope"})
        assert r.status_code == 422 and "not found" in r.json()["message"]
        r = c.get("/connect/applications", params={"registration_types": "odd"})
        assert r.status_code == 422


def test_application_crud_by_id_and_client_id(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    with emulator.client() as c:
        r = c.post(
            "/connect/applications",
            json={
                "name": "Docs bot",
                "application_type": "oauth",
                "is_first_party": False,
                "organization_id": org,
                "redirect_uris": [{"uri": "https://docs.example/cb"}],
                "scopes": ["openid"],
            },
        )
        assert r.status_code == 201
        app = r.json()
        assert app["id"].startswith("conn_app_") and app["client_id"].startswith("client_")
        assert app["redirect_uris"] == [{"uri": "https://docs.example/cb", "default": True}]
        assert app["was_dynamically_registered"] is False and app["uses_pkce"] is False
        assert c.get(f"/connect/applications/{app['client_id']}").json()["id"] == app["id"]
        r = c.put(
            f"/connect/applications/{app['id']}",
            json={"name": "Docs bot 2", "description": "d", "scopes": ["openid", "email"]},
        )
        assert r.status_code == 200 and r.json()["name"] == "Docs bot 2"
        assert r.json()["scopes"] == ["openid", "email"]
        m2m = c.post(
            "/connect/applications",
            json={"name": "Cron", "application_type": "m2m", "organization_id": org},
        ).json()
        assert m2m["application_type"] == "m2m" and "redirect_uris" not in m2m
        r = c.put(
            f"/connect/applications/{m2m['id']}",
            json={"redirect_uris": [{"uri": "https://x.example/cb"}]},
        )
        assert r.status_code == 422
        first = c.post(
            "/connect/applications",
            json={"name": "Web", "application_type": "oauth", "is_first_party": True},
        ).json()
        assert first["is_first_party"] is True and "organization_id" not in first
        assert c.delete(f"/connect/applications/{app['id']}").status_code == 204
        assert c.get(f"/connect/applications/{app['id']}").status_code == 404
        assert c.delete(f"/connect/applications/{app['id']}").status_code == 404


def test_application_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        bad = [
            {"application_type": "oauth", "is_first_party": True},
            {"name": "x", "application_type": "saml"},
            {"name": "x", "application_type": "oauth"},
            {"name": "x", "application_type": "oauth", "is_first_party": False},
            {"name": "x", "application_type": "m2m"},
            {"name": "x", "application_type": "oauth", "is_first_party": True,
             "redirect_uris": [{"uri": "nope"}]},
        ]  # fmt: skip
        for body in bad:
            assert c.post("/connect/applications", json=body).status_code == 422, body
        r = c.post(
            "/connect/applications",
            json={"name": "x", "application_type": "m2m", "organization_id": "org_nope"},
        )
        assert r.status_code == 404
        r = c.put("/connect/applications/conn_app_nope", json={"name": "y"})
        assert r.status_code == 404 and r.json()["code"] == "entity_not_found"


def test_client_secrets(emulator: EmulatorHandle) -> None:
    app = next(a for a in emulator.state["connect_applications"] if a["name"] == "Nightly Sync")
    with emulator.client() as c:
        listed = c.get(f"/connect/applications/{app['id']}/client_secrets").json()
        assert len(listed) == 2 and all("secret" not in s for s in listed)
        r = c.post(f"/connect/applications/{app['client_id']}/client_secrets", json={})
        assert r.status_code == 201
        created = r.json()
        assert created["secret"].endswith(created["secret_hint"])
        assert created["last_used_at"] is None
        listed = c.get(f"/connect/applications/{app['id']}/client_secrets").json()
        assert len(listed) == 3
        assert c.delete(f"/connect/client_secrets/{created['id']}").status_code == 204
        assert c.delete(f"/connect/client_secrets/{created['id']}").status_code == 404
        assert c.get("/connect/applications/nope/client_secrets").status_code == 404
        assert c.post("/connect/applications/nope/client_secrets", json={}).status_code == 404
        r = c.post(f"/connect/applications/{app['id']}/client_secrets", content=b"[1]")
        assert r.status_code == 422


def test_authorized_applications(emulator: EmulatorHandle) -> None:
    grant = next(iter(emulator.state["authorized_applications"]))
    user_id, org_id = grant["user_id"], grant["_organization_id"]
    app = emulator.state["connect_applications"].get(grant["_application_id"])
    assert app is not None
    with emulator.client() as c:
        mine = c.get(f"/user_management/users/{user_id}/authorized_applications").json()
        assert [a["application"]["id"] for a in mine["data"]] == [app["id"]]
        assert "user_id" not in mine["data"][0]
        org = c.get(f"/organizations/{org_id}/authorized_applications", params={"limit": 1})
        body = org.json()
        assert body["data"][0]["user_id"] and body["data"][0]["object"] == (
            "authorized_connect_application"
        )
        assert c.get("/organizations/org_nope/authorized_applications").status_code == 404
        r = c.get(f"/organizations/{org_id}/authorized_applications", params={"limit": 0})
        assert r.status_code == 422
        assert c.get("/user_management/users/user_nope/authorized_applications").status_code == 404
        r = c.get(f"/user_management/users/{user_id}/authorized_applications?order=up")
        assert r.status_code == 422
        path = f"/user_management/users/{user_id}/authorized_applications/{app['client_id']}"
        assert c.delete(path).status_code == 204
        assert c.delete(path).status_code == 404
        after = c.get(f"/user_management/users/{user_id}/authorized_applications").json()
        assert after["data"] == []


def test_all_organization_grants_page_through(emulator: EmulatorHandle) -> None:
    grants = list(emulator.state["authorized_applications"])
    org_id = grants[0]["_organization_id"]
    expected = [g["id"] for g in grants if g["_organization_id"] == org_id]
    seen: list[str] = []
    after = None
    with emulator.client() as c:
        while True:
            params = {"limit": 1, "order": "asc", **({"after": after} if after else {})}
            body = c.get(f"/organizations/{org_id}/authorized_applications", params=params).json()
            seen += [g["id"] for g in body["data"]]
            after = body["list_metadata"]["after"]
            if not after:
                break
    assert seen == expected
