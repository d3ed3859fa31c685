"""AuthKit configuration (redirect URIs, CORS origins, JWT template) and Admin Portal links."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def test_redirect_uris(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/user_management/redirect_uris", params={"order": "asc"}).json()
        assert [u["default"] for u in body["data"]] == [True, False, False]
        assert all(
            u["object"] == "redirect_uri" and u["id"].startswith("redir_") for u in body["data"]
        )
        page = c.get("/user_management/redirect_uris", params={"limit": 2}).json()
        assert len(page["data"]) == 2 and page["list_metadata"]["after"]
        assert c.get("/user_management/redirect_uris", params={"limit": 101}).status_code == 422
        r = c.post("/user_management/redirect_uris", json={"uri": "https://x.example/cb"})
        assert r.status_code == 201 and r.json()["default"] is False
        created = r.json()
        dup = c.post("/user_management/redirect_uris", json={"uri": "https://x.example/cb"})
        assert dup.status_code == 422 and "already exists" in dup.json()["message"]
        assert c.post("/user_management/redirect_uris", json={}).status_code == 422
        insecure = c.post("/user_management/redirect_uris", json={"uri": "http://x.example/cb"})
        assert insecure.status_code == 422
        assert c.post("/user_management/redirect_uris", content=b"{").status_code == 400
        default_id = body["data"][0]["id"]
        r = c.delete(f"/user_management/redirect_uris/{default_id}")
        assert r.status_code == 409 and "default" in r.json()["message"]
        assert c.delete(f"/user_management/redirect_uris/{created['id']}").status_code == 204
        r = c.delete(f"/user_management/redirect_uris/{created['id']}")
        assert r.status_code == 404 and r.json()["message"].startswith("Redirect URI not found")


def test_first_redirect_uri_becomes_default(emulator: EmulatorHandle) -> None:
    col = emulator.state["redirect_uris"]
    for rid in list(col.order):
        col.delete(rid)
    with emulator.client() as c:
        r = c.post("/user_management/redirect_uris", json={"uri": "myapp://callback"})
        assert r.status_code == 201 and r.json()["default"] is True


def test_cors_origins(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/user_management/cors_origins").json()
        assert len(body["data"]) == 3 and body["data"][0]["object"] == "cors_origin"
        r = c.post("/user_management/cors_origins", json={"origin": "https://New.Example:8443/"})
        assert r.status_code == 201 and r.json()["origin"] == "https://new.example:8443"
        dup = c.post("/user_management/cors_origins", json={"origin": "https://new.example:8443"})
        assert dup.status_code == 409 and dup.json()["code"] == "duplicate_cors_origin"
        for bad in ("https://x.example/path", "ftp://x.example", "", None):
            r = c.post("/user_management/cors_origins", json={"origin": bad})
            assert r.status_code == 422 and r.json()["errors"][0]["property"] == "origin"
        after = c.get("/user_management/cors_origins", params={"order": "normal"}).json()
        assert len(after["data"]) == 4


def test_jwt_template(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        current = c.get("/user_management/jwt_template").json()
        assert current["object"] == "jwt_template" and "{{user.email}}" in current["content"]
        content = '{"urn:x:org": "{{organization.id}}"}'
        r = c.put("/user_management/jwt_template", json={"content": content})
        assert r.status_code == 200 and r.json()["content"] == content
        assert r.json()["created_at"] == current["created_at"]
        assert r.json()["updated_at"] > current["updated_at"]
        assert c.get("/user_management/jwt_template").json()["content"] == content
        r = c.put("/user_management/jwt_template", json={"content": 5})
        assert r.status_code == 422 and r.json()["code"] == "invalid_request_parameters"
        r = c.put("/user_management/jwt_template", json={"content": "{{user.email"})
        assert r.status_code == 422
    emulator.state.meta.pop("jwt_template")
    with emulator.client() as c:
        assert c.get("/user_management/jwt_template").status_code == 404


def test_admin_portal_link(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        r = c.post(
            "/portal/generate_link",
            json={
                "organization": org_id,
                "intent": "sso",
                "it_contact_emails": ["it@example.com"],
                "return_url": "https://app.example/settings",
            },
        )
        assert r.status_code == 201 and r.json()["link"].startswith("https://")
        other = c.post("/portal/generate_link", json={"organization": org_id}).json()["link"]
        assert other != r.json()["link"]
        r = c.post("/portal/generate_link", json={"organization": "org_nope", "intent": "sso"})
        assert r.status_code == 404
        assert c.post("/portal/generate_link", json={"intent": "sso"}).status_code == 422
        bad = {"organization": org_id, "intent": "billing"}
        assert c.post("/portal/generate_link", json=bad).status_code == 422
        many = {"organization": org_id, "it_contact_emails": [f"a{i}@x.example" for i in range(21)]}
        assert c.post("/portal/generate_link", json=many).status_code == 422
        assert c.post("/portal/generate_link", content=b"nope").status_code == 400


def test_list_params_are_checked(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        for path in ("/user_management/redirect_uris", "/user_management/cors_origins"):
            assert c.get(path, params={"order": "sideways"}).status_code == 422
