"""Users, identities, sessions, auth factors, email verification and password resets."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def test_user_crud_and_lookup(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post(
            "/user_management/users",
            json={
                "email": "Zed@Example.com",
                "first_name": "Zed",
                "external_id": "ext-zed",
                "password": "correct horse",
            },
        )
        assert r.status_code == 201
        user = r.json()
        assert user["id"].startswith("user_") and user["email_verified"] is False
        assert c.get(f"/user_management/users/{user['id']}").json()["email"] == "Zed@Example.com"
        assert c.get("/user_management/users/external_id/ext-zed").json()["id"] == user["id"]
        found = c.get("/user_management/users", params={"email": "zed@example.com"}).json()["data"]
        assert [u["id"] for u in found] == [user["id"]]
        r = c.put(f"/user_management/users/{user['id']}", json={"last_name": "Zulu"})
        assert r.json()["name"] == "Zed Zulu"
        assert c.delete(f"/user_management/users/{user['id']}").status_code == 200
        assert c.get(f"/user_management/users/{user['id']}").status_code == 404
        events = c.get(
            "/events", params={"events": "user.created,user.updated,user.deleted", "limit": 3}
        ).json()
    assert [e["event"] for e in events["data"]] == ["user.deleted", "user.updated", "user.created"]


def test_user_errors(emulator: EmulatorHandle) -> None:
    existing = next(iter(emulator.state["users"]))["email"]
    with emulator.client() as c:
        assert c.post("/user_management/users", json={}).status_code == 422
        assert c.post("/user_management/users", json={"email": "not-an-email"}).status_code == 422
        r = c.post("/user_management/users", json={"email": existing})
        assert r.status_code == 400 and r.json()["code"] == "user_creation_error"
        r = c.post("/user_management/users", json={"email": "a@b.example", "password": "short"})
        assert r.status_code == 400 and r.json()["code"] == "password_strength_error"
        assert c.get("/user_management/users/user_01NOPE").status_code == 404
        assert c.put("/user_management/users/user_01NOPE", json={}).status_code == 404
        assert c.delete("/user_management/users/user_01NOPE").status_code == 404
        assert c.get("/user_management/users", params={"limit": 101}).status_code == 422


def test_filter_users_by_organization(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org_id = state["organizations"].order[0]
    expected = sorted(u["id"] for u in state["users"] if org_id in u["_organization_ids"])
    got: list[str] = []
    with emulator.client() as c:
        after = None
        while True:
            params = {"organization_id": org_id, "limit": 100, "order": "asc"}
            if after:
                params["after"] = after
            body = c.get("/user_management/users", params=params).json()
            got += [u["id"] for u in body["data"]]
            after = body["list_metadata"]["after"]
            if not after:
                break
    assert got == expected and len(got) > 10


def test_identities_sessions_factors(emulator: EmulatorHandle) -> None:
    state = emulator.state
    with_identity = next(u for u in state["users"] if u.get("_identities"))
    with_session = state["sessions"].items[state["sessions"].order[0]]["user_id"]
    with emulator.client() as c:
        ident = c.get(f"/user_management/users/{with_identity['id']}/identities").json()
        assert ident[0]["provider"] == "GoogleOAuth"
        sessions = c.get(f"/user_management/users/{with_session}/sessions").json()
        assert sessions["data"] and all(s["user_id"] == with_session for s in sessions["data"])
        assert c.get("/user_management/users/user_01NOPE/sessions").status_code == 404
        r = c.post(
            f"/user_management/users/{with_session}/auth_factors",
            json={"type": "totp", "totp_issuer": "Acme", "totp_user": "me@acme.example"},
        )
        assert r.status_code == 201
        factor = r.json()["authentication_factor"]
        assert factor["totp"]["uri"].startswith("otpauth://totp/")
        listed = c.get(f"/user_management/users/{with_session}/auth_factors").json()["data"]
        assert factor["id"] in [f["id"] for f in listed]
        assert (
            c.post(
                f"/user_management/users/{with_session}/auth_factors", json={"type": "sms"}
            ).status_code
            == 422
        )


def test_email_verification_flow(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        user = c.post("/user_management/users", json={"email": "verify@example.com"}).json()
        r = c.post(f"/user_management/users/{user['id']}/email_verification/send")
        assert r.status_code == 200 and r.json()["user"]["id"] == user["id"]
        ev_id = emulator.state["email_verifications"].order[-1]
        ev = c.get(f"/user_management/email_verification/{ev_id}").json()
        assert ev["user_id"] == user["id"] and len(ev["code"]) == 6
        wrong = "000000" if ev["code"] != "000000" else "111111"
        bad = c.post(
            f"/user_management/users/{user['id']}/email_verification/confirm", json={"code": wrong}
        )
        assert bad.status_code == 400 and bad.json()["code"] == "email_verification_code_incorrect"
        ok = c.post(
            f"/user_management/users/{user['id']}/email_verification/confirm",
            json={"code": ev["code"]},
        )
        assert ok.status_code == 200 and ok.json()["user"]["email_verified"] is True
        again = c.post(f"/user_management/users/{user['id']}/email_verification/send")
        assert again.status_code == 400
        kinds = c.get("/events", params={"events": "email_verification.created", "limit": 1}).json()
    assert kinds["data"][0]["data"]["user_id"] == user["id"]


def test_password_reset_flow(emulator: EmulatorHandle) -> None:
    user = next(iter(emulator.state["users"]))
    with emulator.client() as c:
        r = c.post("/user_management/password_reset", json={"email": user["email"]})
        assert r.status_code == 201
        reset = r.json()
        assert reset["user_id"] == user["id"] and reset["password_reset_token"]
        assert c.get(f"/user_management/password_reset/{reset['id']}").json()["id"] == reset["id"]
        assert (
            c.post(
                "/user_management/password_reset", json={"email": "nobody@nowhere.example"}
            ).status_code
            == 404
        )
        ok = c.post(
            "/user_management/password_reset/confirm",
            json={"token": reset["password_reset_token"], "new_password": "a much longer one"},
        )
        assert ok.status_code == 200 and ok.json()["user"]["id"] == user["id"]
        bad = c.post(
            "/user_management/password_reset/confirm",
            json={"token": reset["password_reset_token"], "new_password": "a much longer one"},
        )
        assert bad.status_code == 400
