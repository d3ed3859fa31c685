"""MFA factors and challenges, Magic Auth codes and email changes over HTTP."""

from __future__ import annotations

from workos_tui.emulator import totp
from workos_tui.emulator.testing import EmulatorHandle


def test_totp_enroll_challenge_verify(emulator: EmulatorHandle) -> None:
    user_id = emulator.state["users"].order[0]
    with emulator.client() as c:
        r = c.post(
            "/auth/factors/enroll",
            json={
                "type": "totp",
                "totp_issuer": "Acme",
                "totp_user": "a@x.example",
                "user_id": user_id,
            },
        )
        assert r.status_code == 201
        factor = r.json()
        assert factor["totp"]["secret"] and factor["totp"]["uri"].startswith("otpauth://totp/")
        got = c.get(f"/auth/factors/{factor['id']}").json()
        assert got["user_id"] == user_id and "secret" not in got["totp"]
        r = c.post(f"/auth/factors/{factor['id']}/challenge", json={})
        assert r.status_code == 201
        challenge = r.json()
        assert "code" not in challenge and "expires_at" not in challenge
        code = totp.totp(factor["totp"]["secret"], emulator.state.now_ms())
        wrong = "000000" if code != "000000" else "111111"
        r = c.post(f"/auth/challenges/{challenge['id']}/verify", json={"code": wrong})
        assert r.status_code == 201 and r.json()["valid"] is False
        r = c.post(f"/auth/challenges/{challenge['id']}/verify", json={"code": code})
        assert r.status_code == 201 and r.json()["valid"] is True
        r = c.post(f"/auth/challenges/{challenge['id']}/verify", json={"code": code})
        assert r.status_code == 422
        assert r.json()["code"] == "authentication_challenge_previously_verified"
        assert c.delete(f"/auth/factors/{factor['id']}").status_code == 204
        assert c.get(f"/auth/factors/{factor['id']}").status_code == 404
        assert c.delete(f"/auth/factors/{factor['id']}").status_code == 404
        assert (
            c.post(f"/auth/challenges/{challenge['id']}/verify", json={"code": code}).status_code
            == 404
        )


def test_generic_otp_and_sms(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post("/auth/factors/enroll", json={"type": "generic_otp"})
        assert r.status_code == 201 and "user_id" not in r.json()
        generic = r.json()
        challenge = c.post(f"/auth/factors/{generic['id']}/challenge", json={}).json()
        assert len(challenge["code"]) == 6 and challenge["expires_at"]
        r = c.post(f"/auth/challenges/{challenge['id']}/verify", json={"code": challenge["code"]})
        assert r.json()["valid"] is True
        sms = c.post("/auth/factors/enroll", json={"type": "sms", "phone_number": "+15555550123"})
        assert sms.status_code == 201 and sms.json()["sms"]["phone_number"] == "+15555550123"
        sms_id = sms.json()["id"]
        r = c.post(f"/auth/factors/{sms_id}/challenge", json={"sms_template": "Code: {{code}}"})
        assert r.status_code == 201 and "code" not in r.json()
        cid = r.json()["id"]
        bad_template = c.post(f"/auth/factors/{sms_id}/challenge", json={"sms_template": "no"})
        assert bad_template.status_code == 422
        for _ in range(5):
            r = c.post(f"/auth/challenges/{cid}/verify", json={"code": "x"})
            assert r.status_code == 201 and r.json()["valid"] is False
        r = c.post(f"/auth/challenges/{cid}/verify", json={"code": "x"})
        assert r.status_code == 400 and r.json()["code"] == "one_time_code_too_many_attempts"


def test_sms_code_kept_by_emulator(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        sms = c.post("/auth/factors/enroll", json={"type": "sms", "phone_number": "+15555550123"})
        cid = c.post(f"/auth/factors/{sms.json()['id']}/challenge").json()["id"]
        code = emulator.state["auth_challenges"].get(cid)["_code"]  # type: ignore[index]
        r = c.post(f"/auth/challenges/{cid}/verify", json={"code": code})
        assert r.json()["valid"] is True


def test_mfa_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        for body in (
            {"type": "email"},
            {"type": "sms"},
            {"type": "sms", "phone_number": "555"},
            {"type": "totp", "totp_issuer": "Acme"},
            {"type": "generic_otp", "user_id": "user_nope"},
        ):
            assert c.post("/auth/factors/enroll", json=body).status_code == 422, body
        assert c.post("/auth/factors/auth_factor_nope/challenge", json={}).status_code == 404
        assert (
            c.post("/auth/challenges/auth_challenge_nope/verify", json={"code": "1"}).status_code
            == 404
        )
        generic = c.post("/auth/factors/enroll", json={"type": "generic_otp"}).json()
        cid = c.post(f"/auth/factors/{generic['id']}/challenge", json={}).json()["id"]
        assert c.post(f"/auth/challenges/{cid}/verify", json={}).status_code == 422
    challenge = emulator.state["auth_challenges"].get(cid)
    assert challenge is not None
    challenge["expires_at"] = "2020-01-01T00:00:00.000Z"
    with emulator.client() as c:
        r = c.post(f"/auth/challenges/{cid}/verify", json={"code": "123456"})
        assert r.status_code == 422 and r.json()["code"] == "authentication_challenge_expired"


def test_magic_auth(emulator: EmulatorHandle) -> None:
    user = next(iter(emulator.state["users"]))
    with emulator.client() as c:
        r = c.post("/user_management/magic_auth", json={"email": user["email"].upper()})
        assert r.status_code == 201
        magic = r.json()
        assert magic["user_id"] == user["id"] and len(magic["code"]) == 6
        assert c.get(f"/user_management/magic_auth/{magic['id']}").json() == magic
        assert c.get("/user_management/magic_auth/magic_auth_nope").status_code == 404
        r = c.post("/user_management/magic_auth", json={"email": "brand.new@signup.example"})
        assert r.status_code == 201
        new_user = c.get(f"/user_management/users/{r.json()['user_id']}").json()
        assert new_user["email"] == "brand.new@signup.example" and not new_user["email_verified"]
        events = c.get("/events", params={"events": "magic_auth.created"}).json()["data"]
        assert events and "code" not in events[0]["data"]
        assert c.post("/user_management/magic_auth", json={"email": "nope"}).status_code == 422
        assert c.post("/user_management/magic_auth", json={}).status_code == 422
        r = c.post(
            "/user_management/magic_auth",
            json={"email": user["email"], "invitation_token": "not-a-token"},
        )
        assert r.status_code == 400 and r.json()["error"] == "invitation_invalid"
    inv = next(i for i in emulator.state["invitations"] if i["state"] == "pending")
    with emulator.client() as c:
        r = c.post(
            "/user_management/magic_auth",
            json={"email": inv["email"], "invitation_token": inv["token"]},
        )
        assert r.status_code == 201


def test_email_change(emulator: EmulatorHandle) -> None:
    users = emulator.state["users"]
    user, other = users.get(users.order[0]), users.get(users.order[1])
    assert user is not None and other is not None
    path = f"/user_management/users/{user['id']}/email_change"
    with emulator.client() as c:
        r = c.post(f"{path}/confirm", json={"code": "123456"})
        assert r.status_code == 409 and r.json()["code"] == "no_pending_email_change"
        r = c.post(f"{path}/send", json={"new_email": "moved@new.example"})
        assert r.status_code == 200
        assert r.json()["new_email"] == "moved@new.example" and r.json()["user"]["id"] == user["id"]
        code = next(iter(emulator.state["email_changes"]))["_code"]
        wrong = "000000" if code != "000000" else "111111"
        r = c.post(f"{path}/confirm", json={"code": wrong})
        assert r.status_code == 400 and r.json()["code"] == "email_change_code_incorrect"
        r = c.post(f"{path}/confirm", json={"code": code})
        assert r.status_code == 200 and r.json()["object"] == "email_change_confirmation"
        assert r.json()["user"]["email"] == "moved@new.example"
        r = c.post(f"{path}/confirm", json={"code": code})
        assert r.status_code == 409 and r.json()["code"] == "email_change_code_previously_used"
        r = c.post(f"{path}/send", json={"new_email": "moved@new.example"})
        assert r.status_code == 409 and r.json()["code"] == "email_change_not_needed"
        r = c.post(f"{path}/send", json={"new_email": other["email"]})
        assert r.status_code == 409 and r.json()["code"] == "email_not_available"
        r = c.post(f"{path}/send", json={"new_email": "bad"})
        assert r.status_code == 422 and r.json()["code"] == "invalid_email"
        assert c.post(f"{path}/confirm", json={}).status_code == 422
        r = c.post(
            "/user_management/users/user_nope/email_change/send", json={"new_email": "a@b.example"}
        )
        assert r.status_code == 404
        assert c.post(f"{path}/send", json={"new_email": "again@new.example"}).status_code == 200
        for _ in range(5):
            c.post(f"{path}/confirm", json={"code": "x"})
        r = c.post(f"{path}/confirm", json={"code": "x"})
        assert r.status_code == 429 and r.json()["code"] == "email_change_too_many_attempts"
        c.post(f"{path}/send", json={"new_email": "third@new.example"})
    change = next(iter(emulator.state["email_changes"]))
    change["expires_at"] = "2020-01-01T00:00:00.000Z"
    with emulator.client() as c:
        r = c.post(f"{path}/confirm", json={"code": change["_code"]})
        assert r.status_code == 400 and r.json()["code"] == "email_change_code_expired"
