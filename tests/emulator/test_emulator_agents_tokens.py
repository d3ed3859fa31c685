"""Agent auth, widget and Client API tokens, Standalone Connect completion (raw HTTP)."""

from __future__ import annotations

from typing import Any

from workos_tui.emulator import jws
from workos_tui.emulator.routes.agents import agent_access_token, register_agent
from workos_tui.emulator.sessions import active_memberships
from workos_tui.emulator.store import Record
from workos_tui.emulator.testing import EmulatorHandle


def _registrations(emulator: EmulatorHandle) -> dict[str, Record]:
    return {r["status"]: r for r in emulator.state["agent_registrations"]}


def _multi_org_user(emulator: EmulatorHandle) -> Record:
    state = emulator.state
    return next(
        u
        for u in state["users"]
        if u.get("external_id") is None and len(active_memberships(state, u["id"])) > 1
    )


def _member(emulator: EmulatorHandle) -> tuple[str, str]:
    om = next(om for om in emulator.state["organization_memberships"] if om["status"] == "active")
    return om["user_id"], om["organization_id"]


def test_agent_registrations_and_credentials(emulator: EmulatorHandle) -> None:
    regs = _registrations(emulator)
    verified = regs["verified"]
    with emulator.client() as c:
        r = c.get(f"/agents/registrations/{verified['id']}")
        assert r.status_code == 200
        body = r.json()
        assert body["claim"]["claim_completion"]["claimed_at"]
        assert not any(k.startswith("_") for k in body)
        assert c.get("/agents/registrations/agent_reg_missing").status_code == 404
        ok = c.post(
            "/agents/credentials/validate",
            json={"type": "api_key", "credential": verified["_api_key"]},
        ).json()
        assert ok["valid"] and ok["registration_id"] == verified["id"] and ok["expires_at"]
        revoked = c.post(
            "/agents/credentials/validate",
            json={"type": "api_key", "credential": regs["revoked"]["_api_key"]},
        ).json()
        assert revoked == {"valid": False, "registration_id": None, "expires_at": None}
        token = agent_access_token(emulator.state, verified, audience="https://api.example.com")
        check = {"type": "access_token", "credential": token}
        assert c.post("/agents/credentials/validate", json=check).json()["valid"]
        wrong_aud = {**check, "audience": "https://other.example.com"}
        assert not c.post("/agents/credentials/validate", json=wrong_aud).json()["valid"]
        forged = {**check, "credential": token[:-4] + "AAAA"}
        assert not c.post("/agents/credentials/validate", json=forged).json()["valid"]
        bad = c.post("/agents/credentials/validate", json={"type": "password", "credential": "x"})
        assert bad.status_code == 400 and bad.json()["code"] == "invalid_request"


def _link(c: Any, token: str, email: str, external_id: str, **extra: Any) -> Any:
    body = {
        "type": "link_external_user",
        "claim_attempt_token": token,
        "user": {"email": email, "external_id": external_id},
        **extra,
    }
    return c.patch("/agents/claims/attempts", json=body)


def test_link_claim_attempt(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org = next(iter(state["organizations"]))
    fresh = register_agent(state, org["id"])
    regs = _registrations(emulator)
    with emulator.client() as c:
        assert _link(c, "cla_tkn_missing", "a@b.example", "x").json()["code"] == "invalid_claim"
        claimed = _link(c, regs["verified"]["_claim_token"], "a@b.example", "x")
        assert claimed.status_code == 409 and claimed.json()["code"] == "already_claimed"
        expired = _link(c, regs["expired"]["_claim_token"], "a@b.example", "x")
        assert expired.status_code == 410 and expired.json()["code"] == "claim_expired"
        r = c.patch("/agents/claims/attempts", json={"type": "other"})
        assert r.status_code == 400 and r.json()["code"] == "invalid_request"
        # A user with several organizations must pick one.
        user = _multi_org_user(emulator)
        state["users"].get(user["id"])["external_id"] = "ext-agent-owner"  # type: ignore[index]
        state["users"].put(user)
        r = _link(c, fresh["_claim_token"], user["email"], "ext-agent-owner")
        assert r.status_code == 409 and r.json()["code"] == "organization_selection_required"
        choices = r.json()["organizations"]
        assert len(choices) > 1
        mismatch = _link(c, fresh["_claim_token"], "other@b.example", "ext-agent-owner")
        assert mismatch.json()["code"] == "email_mismatch"
        bad_org = _link(
            c, fresh["_claim_token"], user["email"], "ext-agent-owner", organization_id="org_x"
        )
        assert bad_org.json()["code"] == "invalid_organization"
        r = _link(
            c,
            fresh["_claim_token"],
            user["email"],
            "ext-agent-owner",
            organization_id=choices[1]["id"],
        )
        assert r.status_code == 200, r.text
        linked = r.json()
        assert linked["id"] == fresh["id"] and len(linked["user_code"]) == 9
        reg = c.get(f"/agents/registrations/{fresh['id']}").json()
        assert reg["agent_identity"]["userland_user_id"] == user["id"]
        assert reg["organization_id"] == choices[1]["id"]
        # A new external user is created; an email in use by someone else is refused.
        other = register_agent(state, org["id"])
        taken = _link(c, other["_claim_token"], user["email"], "ext-someone-else")
        assert taken.status_code == 409 and taken.json()["code"] == "email_already_in_use"
        created = _link(c, other["_claim_token"], "new.agent.owner@b.example", "ext-new")
        assert created.status_code == 200 and created.json()["organizations"] == []
        assert state["users"].index("external_id").first("ext-new")


def test_widget_and_client_tokens(emulator: EmulatorHandle) -> None:
    user_id, org_id = _member(emulator)
    with emulator.client() as c:
        r = c.post(
            "/widgets/token",
            json={
                "user_id": user_id,
                "organization_id": org_id,
                "scopes": ["widgets:users-table:manage"],
            },
        )
        assert r.status_code == 201
        claims = jws.verify(emulator.state, r.json()["token"])
        assert claims["sub"] == user_id and claims["org_id"] == org_id
        assert c.post("/widgets/token", json={"user_id": user_id}).status_code == 201
        bad = c.post("/widgets/token", json={"user_id": 1, "scopes": ["widgets:nope"]})
        assert bad.status_code == 400 and len(bad.json()["message"]) == 2
        scoped = {"user_id": user_id, "scopes": ["widgets:sso:manage"]}
        no_org = c.post("/widgets/token", json=scoped)
        assert no_org.status_code == 400
        assert c.post("/widgets/token", json={"user_id": "user_x"}).status_code == 404
        r = c.post("/client/token", json={"organization_id": org_id, "user_id": user_id})
        assert r.status_code == 201 and jws.verify(emulator.state, r.json()["token"])["sub"]
        assert c.post("/client/token", json={"user_id": user_id}).status_code == 400
        missing = c.post("/client/token", json={"organization_id": "org_x", "user_id": user_id})
        assert missing.status_code == 404
        stranger = c.post("/user_management/users", json={"email": "stranger@t.example"}).json()
        r = c.post("/client/token", json={"organization_id": org_id, "user_id": stranger["id"]})
        assert r.status_code == 422


def test_complete_external_auth(emulator: EmulatorHandle) -> None:
    state = emulator.state
    demo_user = next(u for u in state["users"] if u.get("external_id"))
    with emulator.client() as c:

        def complete(ext: str, **user: Any) -> Any:
            return c.post("/authkit/oauth2/complete", json={"external_auth_id": ext, "user": user})

        r = complete("ext_auth_1", id="app-user-1", email="ext.one@app.example", first_name="E")
        assert r.status_code == 200 and r.json()["redirect_uri"].startswith("https://")
        uid = state["users"].index("external_id").first("app-user-1")
        assert uid and state["users"].get(uid)["first_name"] == "E"  # type: ignore[index]
        again = complete("ext_auth_1", id="app-user-1", email="ext.one@app.example")
        assert again.json()["code"] == "external_auth_session_already_completed"
        # Upsert: same id updates, including the email of a user this endpoint created.
        r = complete("ext_auth_2", id="app-user-1", email="ext.renamed@app.example")
        assert r.status_code == 200
        assert state["users"].get(uid)["email"] == "ext.renamed@app.example"  # type: ignore[index]
        taken = complete("ext_auth_3", id="app-user-2", email="ext.renamed@app.example")
        assert taken.json()["code"] == "email_not_available"
        change = complete("ext_auth_4", id=demo_user["external_id"], email="moved@app.example")
        assert change.json()["code"] == "email_change_not_allowed"
        bad_email = complete("ext_auth_5", id="u", email="not-an-email")
        assert bad_email.json()["code"] == "invalid_email"
        assert complete("unknown-session", id="u", email="u@app.example").status_code == 404
        r = c.post("/authkit/oauth2/complete", json={"external_auth_id": "ext_auth_6"})
        assert r.status_code == 400 and r.json()["error"] == "Bad Request"
        reserved = c.post(
            "/authkit/oauth2/complete",
            json={
                "external_auth_id": "ext_auth_7",
                "user": {"id": "u7", "email": "u7@app.example"},
                "user_consent_options": [
                    {"claim": "sub", "type": "enum", "label": "x", "choices": []}
                ],
            },
        )
        assert reserved.json()["message"] == 'Claim "sub" is reserved and cannot be used.'
