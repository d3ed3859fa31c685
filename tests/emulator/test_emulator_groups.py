"""Organization groups and their members over HTTP."""

from __future__ import annotations

from typing import Any

from workos_tui.emulator.testing import EmulatorHandle


def _events(emulator: EmulatorHandle, names: str) -> list[dict[str, Any]]:
    with emulator.client() as c:
        return list(c.get("/events", params={"events": names, "limit": 100}).json()["data"])


def test_demo_groups_have_members(emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        groups = c.get(f"/organizations/{org}/groups", params={"order": "asc"}).json()["data"]
        assert [g["name"] for g in groups] == ["Engineering", "Finance", "Support"]
        members = c.get(f"/organizations/{org}/groups/{groups[0]['id']}/organization-memberships")
        assert members.status_code == 200
        assert len(members.json()["data"]) == 3
        om = members.json()["data"][0]
        mine = c.get(f"/user_management/organization_memberships/{om['id']}/groups").json()
        assert [g["id"] for g in mine["data"]] == [groups[0]["id"]]


def test_group_crud_members_and_events(emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[5]
    oms = emulator.state["organization_memberships"].index("organization_id").get(org)
    base = f"/organizations/{org}/groups"
    with emulator.client() as c:
        assert c.get(base).json()["data"] == []
        r = c.post(base, json={"name": "Design"})
        assert r.status_code == 201
        group = r.json()
        assert group["id"].startswith("group_") and group["organization_id"] == org
        assert group["description"] is None
        assert c.get(f"{base}/{group['id']}").json()["name"] == "Design"
        r = c.patch(f"{base}/{group['id']}", json={"name": "Product design"})
        assert r.status_code == 200 and r.json()["name"] == "Product design"
        for om in oms[:3]:
            r = c.post(
                f"{base}/{group['id']}/organization-memberships",
                json={"organization_membership_id": om},
            )
            assert r.status_code == 200 and r.json()["id"] == group["id"]
        page = c.get(f"{base}/{group['id']}/organization-memberships", params={"limit": 2})
        assert len(page.json()["data"]) == 2 and page.json()["list_metadata"]["after"]
        r = c.delete(f"{base}/{group['id']}/organization-memberships/{oms[0]}")
        assert r.status_code == 204
        rest = c.get(f"{base}/{group['id']}/organization-memberships").json()["data"]
        assert {m["id"] for m in rest} == set(oms[1:3])
        assert c.delete(f"{base}/{group['id']}").status_code == 204
        assert c.get(f"{base}/{group['id']}").status_code == 404
    names = [e["event"] for e in _events(emulator, "group.created,group.updated,group.deleted")]
    assert names[:3] == ["group.deleted", "group.updated", "group.created"]
    added = _events(emulator, "group.member_added")
    assert len(added) == 3 and added[0]["data"]["group_id"] == group["id"]
    removed = _events(emulator, "group.member_removed")
    assert removed[0]["data"]["organization_membership_id"] == oms[0]


def test_group_errors(emulator: EmulatorHandle) -> None:
    org, other = emulator.state["organizations"].order[:2]
    group = emulator.state["groups"].index("organization_id").get(org)[0]
    foreign_om = emulator.state["organization_memberships"].index("organization_id").get(other)[0]
    base = f"/organizations/{org}/groups"
    with emulator.client() as c:
        assert c.get("/organizations/org_01NOPE/groups").status_code == 404
        assert c.get(f"/organizations/{other}/groups/{group}").status_code == 404
        assert c.post(base, json={}).status_code == 422
        assert c.post(base, json={"name": "x" * 257}).status_code == 422
        assert c.patch(f"{base}/group_01NOPE", json={"name": "x"}).status_code == 404
        assert c.delete(f"{base}/group_01NOPE").status_code == 404
        members = f"{base}/{group}/organization-memberships"
        r = c.post(members, json={"organization_membership_id": foreign_om})
        assert r.status_code == 422
        assert c.post(members, json={"organization_membership_id": "om_01NOPE"}).status_code == 404
        assert c.post(members, json={}).status_code == 422
        assert c.delete(f"{members}/{foreign_om}").status_code == 404
        r = c.get("/user_management/organization_memberships/om_01NOPE/groups")
        assert r.status_code == 404


def test_membership_groups_paginate(emulator: EmulatorHandle) -> None:
    org = emulator.state["organizations"].order[7]
    om = emulator.state["organization_memberships"].index("organization_id").get(org)[0]
    with emulator.client() as c:
        ids = []
        for n in range(3):
            group = c.post(f"/organizations/{org}/groups", json={"name": f"G{n}"}).json()
            c.post(
                f"/organizations/{org}/groups/{group['id']}/organization-memberships",
                json={"organization_membership_id": om},
            )
            ids.append(group["id"])
        url = f"/user_management/organization_memberships/{om}/groups"
        first = c.get(url, params={"limit": 2}).json()
        assert [g["id"] for g in first["data"]] == ids[::-1][:2]
        after = first["list_metadata"]["after"]
        second = c.get(url, params={"limit": 2, "after": after}).json()
        assert [g["id"] for g in second["data"]] == ids[:1]
        assert second["list_metadata"]["after"] is None
