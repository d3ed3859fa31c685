"""Organization memberships and invitations."""

from __future__ import annotations

import pytest

from workos_tui.emulator.testing import EmulatorHandle


def test_membership_lifecycle(emulator: EmulatorHandle) -> None:
    state = emulator.state
    user = next(u for u in state["users"] if len(u["_organization_ids"]) == 1)
    org_id = next(o for o in state["organizations"].order if o not in user["_organization_ids"])
    with emulator.client() as c:
        r = c.post(
            "/user_management/organization_memberships",
            json={"user_id": user["id"], "organization_id": org_id, "role_slug": "admin"},
        )
        assert r.status_code == 201
        om = r.json()
        assert om["id"].startswith("om_") and om["role"] == {"slug": "admin"}
        assert om["user"]["id"] == user["id"] and om["organization_name"]
        dup = c.post(
            "/user_management/organization_memberships",
            json={"user_id": user["id"], "organization_id": org_id},
        )
        assert dup.status_code == 422
        bad_role = c.put(
            f"/user_management/organization_memberships/{om['id']}", json={"role_slug": "wizard"}
        )
        assert bad_role.status_code == 422 and bad_role.json()["code"] == "invalid_role"
        assert c.put(
            f"/user_management/organization_memberships/{om['id']}", json={"role_slug": "member"}
        ).json()["role"] == {"slug": "member"}
        assert (
            c.put(f"/user_management/organization_memberships/{om['id']}/deactivate").json()[
                "status"
            ]
            == "inactive"
        )
        assert (
            c.put(f"/user_management/organization_memberships/{om['id']}/reactivate").json()[
                "status"
            ]
            == "active"
        )
        users = c.get(
            "/user_management/users", params={"organization_id": org_id, "limit": 100}
        ).json()
        assert user["id"] in [u["id"] for u in users["data"]] or users["list_metadata"]["after"]
        assert c.delete(f"/user_management/organization_memberships/{om['id']}").status_code == 200
        assert c.get(f"/user_management/organization_memberships/{om['id']}").status_code == 404
        kinds = c.get(
            "/events",
            params={
                "events": ",".join(
                    f"organization_membership.{k}" for k in ("created", "updated", "deleted")
                ),
                "limit": 5,
            },
        ).json()
    assert [e["event"] for e in kinds["data"]][:2] == [
        "organization_membership.deleted",
        "organization_membership.updated",
    ]


def test_pending_membership_cannot_be_deactivated(emulator: EmulatorHandle) -> None:
    pending = next(
        m for m in emulator.state["organization_memberships"] if m["status"] == "pending"
    )
    with emulator.client() as c:
        r = c.put(f"/user_management/organization_memberships/{pending['id']}/deactivate")
    assert r.status_code == 400
    assert r.json()["code"] == "cannot_deactivate_pending_organization_membership"


def test_list_filters(emulator: EmulatorHandle) -> None:
    state = emulator.state
    org_id = state["organizations"].order[0]
    with emulator.client() as c:
        assert c.get("/user_management/organization_memberships").status_code == 400
        body = c.get(
            "/user_management/organization_memberships",
            params={"organization_id": org_id, "statuses": "inactive,pending", "limit": 100},
        ).json()
        assert body["data"] and {m["status"] for m in body["data"]} <= {"inactive", "pending"}
        assert all(m["organization_id"] == org_id for m in body["data"])
        user_id = body["data"][0]["user_id"]
        mine = c.get(
            "/user_management/organization_memberships", params={"user_id": user_id}
        ).json()
        assert all(m["user_id"] == user_id for m in mine["data"])
    expected = {
        m["id"]
        for m in state["organization_memberships"]
        if m["organization_id"] == org_id and m["status"] in ("inactive", "pending")
    }
    assert {m["id"] for m in body["data"]} == expected


def test_membership_statuses_all_present(emulator: EmulatorHandle) -> None:
    statuses = {m["status"] for m in emulator.state["organization_memberships"]}
    roles = {m["role"]["slug"] for m in emulator.state["organization_memberships"]}
    assert statuses == {"active", "inactive", "pending"}
    assert roles == {"member", "admin"}


def test_invitation_states_all_present(emulator: EmulatorHandle) -> None:
    assert {i["state"] for i in emulator.state["invitations"]} == {
        "pending",
        "accepted",
        "expired",
        "revoked",
    }


def test_invitation_lifecycle(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[1]
    with emulator.client() as c:
        r = c.post(
            "/user_management/invitations",
            json={
                "email": "New.Person@example.com",
                "organization_id": org_id,
                "expires_in_days": 3,
            },
        )
        assert r.status_code == 201
        inv = r.json()
        assert inv["id"].startswith("invitation_") and inv["state"] == "pending"
        assert (
            c.get(f"/user_management/invitations/by_token/{inv['token']}").json()["id"] == inv["id"]
        )
        dup = c.post(
            "/user_management/invitations",
            json={"email": "new.person@example.com", "organization_id": org_id},
        )
        assert (
            dup.status_code == 400 and dup.json()["code"] == "email_already_invited_to_organization"
        )
        assert (
            c.post(f"/user_management/invitations/{inv['id']}/resend", json={}).status_code == 200
        )
        listed = c.get(
            "/user_management/invitations", params={"email": "new.person@example.com"}
        ).json()["data"]
        assert [i["id"] for i in listed] == [inv["id"]]
        r = c.post(f"/user_management/invitations/{inv['id']}/revoke")
        assert r.json()["state"] == "revoked" and r.json()["revoked_at"]
        again = c.post(f"/user_management/invitations/{inv['id']}/revoke")
        assert again.status_code == 400 and again.json()["code"] == "invite_not_pending"
        resend = c.post(f"/user_management/invitations/{inv['id']}/resend", json={})
        assert resend.json()["code"] == "invite_revoked"
        r2 = c.post(
            "/user_management/invitations",
            json={"email": "other@example.com", "organization_id": org_id},
        )
        accepted = c.post(f"/user_management/invitations/{r2.json()['id']}/accept")
        assert accepted.status_code == 200 and accepted.json()["state"] == "accepted"
        events = c.get(
            "/events",
            params={
                "events": "invitation.created,invitation.revoked,"
                "invitation.accepted,invitation.resent",
                "organization_id": org_id,
                "limit": 10,
            },
        ).json()["data"]
    assert [e["event"] for e in events[:3]] == [
        "invitation.accepted",
        "invitation.created",
        "invitation.revoked",
    ]


@pytest.mark.parametrize(
    "days,code", [(0, "expires_in_days_too_short"), (31, "expires_in_days_too_long")]
)
def test_invitation_expiry_bounds(emulator: EmulatorHandle, days: int, code: str) -> None:
    with emulator.client() as c:
        r = c.post(
            "/user_management/invitations", json={"email": "x@example.com", "expires_in_days": days}
        )
    assert r.status_code == 400 and r.json()["code"] == code


def test_invitation_filters_by_org(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[2]
    with emulator.client() as c:
        body = c.get("/user_management/invitations", params={"organization_id": org_id}).json()
        assert body["data"] and all(i["organization_id"] == org_id for i in body["data"])
        assert c.get("/user_management/invitations/invitation_01NOPE").status_code == 404
        assert c.get("/user_management/invitations/by_token/nope").status_code == 404
