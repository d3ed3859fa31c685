"""Authorization resources, role assignments, checks and effective permissions over HTTP."""

from __future__ import annotations

import httpx

from workos_tui.emulator.testing import EmulatorHandle

AUTHZ = "/authorization"


def _org(emulator: EmulatorHandle, n: int = 0) -> str:
    return emulator.state["organizations"].order[n]


def _oms(emulator: EmulatorHandle, org: str) -> list[str]:
    return emulator.state["organization_memberships"].index("organization_id").get(org)


def _resource(c: httpx.Client, org: str, external_id: str, type_slug: str = "project") -> dict:
    r = c.get(f"{AUTHZ}/organizations/{org}/resources/{type_slug}/{external_id}")
    assert r.status_code == 200
    return dict(r.json())


def test_resource_crud_by_id_and_external_id(emulator: EmulatorHandle) -> None:
    org = _org(emulator, 3)
    with emulator.client() as c:
        r = c.post(
            f"{AUTHZ}/resources",
            json={
                "organization_id": org,
                "resource_type_slug": "workspace",
                "external_id": "ws-x",
                "name": "X",
            },
        )
        assert r.status_code == 201
        ws = r.json()
        assert ws["id"].startswith("authz_resource_") and ws["parent_resource_id"] is None
        r = c.post(
            f"{AUTHZ}/resources",
            json={
                "organization_id": org,
                "resource_type_slug": "project",
                "external_id": "p-1",
                "name": "P1",
                "description": "first",
                "parent_resource_external_id": "ws-x",
                "parent_resource_type_slug": "workspace",
            },
        )
        project = r.json()
        assert r.status_code == 201 and project["parent_resource_id"] == ws["id"]
        assert c.get(f"{AUTHZ}/resources/{project['id']}").json()["name"] == "P1"
        by_ext = f"{AUTHZ}/organizations/{org}/resources/project/p-1"
        assert c.get(by_ext).json()["id"] == project["id"]
        r = c.patch(f"{AUTHZ}/resources/{project['id']}", json={"name": "P one"})
        assert r.status_code == 200 and r.json()["name"] == "P one"
        r = c.patch(by_ext, json={"description": None, "parent_resource_id": org})
        assert r.json()["description"] is None and r.json()["parent_resource_id"] is None
        r = c.patch(f"{AUTHZ}/resources/{ws['id']}", json={"parent_resource_id": ws["id"]})
        assert r.status_code == 422
        c.patch(by_ext, json={"parent_resource_id": ws["id"]})
        r = c.delete(f"{AUTHZ}/resources/{ws['id']}")
        assert r.status_code == 409 and r.json()["code"] == "resource_has_dependents"
        assert c.delete(f"{AUTHZ}/resources/{ws['id']}?cascade_delete=true").status_code == 204
        assert c.get(by_ext).status_code == 404
        r = c.post(
            f"{AUTHZ}/resources",
            json={
                "organization_id": org,
                "resource_type_slug": "project",
                "external_id": "p-2",
                "name": "P2",
            },
        )
        assert c.delete(f"{AUTHZ}/organizations/{org}/resources/project/p-2").status_code == 204


def test_resource_errors(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    body = {"organization_id": org, "resource_type_slug": "project", "name": "Dup"}
    with emulator.client() as c:
        r = c.post(f"{AUTHZ}/resources", json={**body, "external_id": "proj-website"})
        assert r.status_code == 409
        assert r.json()["code"] == "authorization_resource_external_id_conflict"
        r = c.post(f"{AUTHZ}/resources", json={**body, "organization_id": "org_01NOPE"})
        assert r.status_code == 404
        assert c.post(f"{AUTHZ}/resources", json={"name": "x"}).status_code == 422
        r = c.post(
            f"{AUTHZ}/resources",
            json={**body, "external_id": "n", "parent_resource_id": "authz_resource_01NOPE"},
        )
        assert r.status_code == 404
        assert c.get(f"{AUTHZ}/resources/authz_resource_01NOPE").status_code == 404
        assert c.delete(f"{AUTHZ}/resources/authz_resource_01NOPE").status_code == 404
        r = c.patch(f"{AUTHZ}/organizations/{org}/resources/project/nope", json={"name": "x"})
        assert r.status_code == 404
        r = c.get(f"{AUTHZ}/resources", params={"resource_external_id": "proj-api"})
        assert r.status_code == 400
        assert r.json()["code"] == "missing_organization_id_or_resource_type_slug"


def test_list_resources_filters_and_pagination(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    with emulator.client() as c:
        everything = c.get(f"{AUTHZ}/resources", params={"limit": 100}).json()["data"]
        assert len(everything) == 6
        mine = c.get(f"{AUTHZ}/resources", params={"organization_id": org, "limit": 2}).json()
        assert len(mine["data"]) == 2 and mine["list_metadata"]["after"]
        rest = c.get(
            f"{AUTHZ}/resources",
            params={"organization_id": org, "limit": 10, "after": mine["list_metadata"]["after"]},
        ).json()
        assert len(rest["data"]) == 2
        projects = c.get(f"{AUTHZ}/resources", params={"resource_type_slug": "project"}).json()
        assert len(projects["data"]) == 4
        ws = _resource(c, org, "ws-main", "workspace")
        children = c.get(f"{AUTHZ}/resources", params={"parent_resource_id": ws["id"]}).json()
        assert len(children["data"]) == 3
        same = c.get(
            f"{AUTHZ}/resources",
            params={"parent_resource_type_slug": "workspace", "parent_external_id": "ws-main"},
        ).json()
        assert [x["id"] for x in same["data"]] == [x["id"] for x in children["data"]]
        one = c.get(
            f"{AUTHZ}/resources",
            params={
                "organization_id": org,
                "resource_type_slug": "project",
                "resource_external_id": "proj-api",
            },
        ).json()
        assert [x["external_id"] for x in one["data"]] == ["proj-api"]


def test_membership_role_assignments(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    om = _oms(emulator, org)[-1]
    base = f"{AUTHZ}/organization_memberships/{om}/role_assignments"
    with emulator.client() as c:
        website = _resource(c, org, "proj-website")
        r = c.post(base, json={"role_slug": "project-viewer", "resource_id": website["id"]})
        assert r.status_code == 201
        assignment = r.json()
        assert assignment["source"] == {
            "type": "direct",
            "group_role_assignment_id": None,
            "group": None,
        }
        assert assignment["resource"]["external_id"] == "proj-website"
        r = c.post(
            base,
            json={
                "role_slug": "project-editor",
                "resource_external_id": "proj-mobile",
                "resource_type_slug": "project",
            },
        )
        assert r.status_code == 201
        listed = c.get(base).json()["data"]
        assert {a["role"]["slug"] for a in listed} == {"project-viewer", "project-editor"}
        filtered = c.get(base, params={"resource_id": website["id"]}).json()["data"]
        assert [a["id"] for a in filtered] == [assignment["id"]]
        r = c.request(
            "DELETE",
            base,
            json={
                "role_slug": "project-editor",
                "resource_external_id": "proj-mobile",
                "resource_type_slug": "project",
            },
        )
        assert r.status_code == 204
        assert c.delete(f"{base}/{assignment['id']}").status_code == 204
        assert c.get(base).json()["data"] == []
        r = c.post(base, json={"role_slug": "project-viewer", "resource_id": org})
        assert r.status_code == 422  # a project role cannot apply to the organization
        assert c.post(base, json={"role_slug": "nope", "resource_id": org}).status_code == 422
        assert c.post(base, json={"role_slug": "admin"}).status_code == 422
        assert c.delete(f"{base}/role_assignment_01NOPE").status_code == 404
        r = c.request("DELETE", base, json={"role_slug": "admin", "resource_id": org})
        assert r.status_code == 404
        assert (
            c.get(f"{AUTHZ}/organization_memberships/om_01NOPE/role_assignments").status_code == 404
        )


def test_group_role_assignments_are_inherited(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    group = emulator.state["groups"].index("organization_id").get(org)[1]
    members = emulator.state["groups"].items[group]["_member_ids"]
    base = f"{AUTHZ}/groups/{group}/role_assignments"
    with emulator.client() as c:
        mobile = _resource(c, org, "proj-mobile")
        r = c.post(base, json={"role_slug": "project-viewer", "resource_id": mobile["id"]})
        assert r.status_code == 201
        gra = r.json()
        assert gra["id"].startswith("gra_") and gra["group_id"] == group
        r = c.post(base, json={"role_slug": "project-viewer", "resource_id": mobile["id"]})
        assert r.status_code == 409 and r.json()["code"] == "duplicate_group_role_assignment"
        inherited = c.get(f"{AUTHZ}/organization_memberships/{members[0]}/role_assignments")
        sources = [a["source"] for a in inherited.json()["data"]]
        name = emulator.state["groups"].items[group]["name"]
        source = {
            "type": "group",
            "group_role_assignment_id": gra["id"],
            "group": {"id": group, "name": name},
        }
        assert source in sources
        r = c.delete(
            f"{AUTHZ}/organization_memberships/{members[0]}/role_assignments/"
            + next(
                a["id"]
                for a in inherited.json()["data"]
                if a["source"]["group_role_assignment_id"] == gra["id"]
            )
        )
        assert r.status_code == 403
        assert c.get(f"{base}/{gra['id']}").json()["role"]["slug"] == "project-viewer"
        r = c.put(
            base,
            json={
                "role_assignments": [
                    {"role_slug": "viewer"},
                    {"role_slug": "project-viewer", "resource_id": mobile["id"]},
                ]
            },
        )
        assert r.status_code == 200
        assert {a["role"]["slug"] for a in r.json()["data"]} == {"viewer", "project-viewer"}
        assert c.get(base).json()["data"][0]["resource"]["resource_type_slug"] == "organization"
        r = c.request("DELETE", base, json={"role_slug": "viewer"})
        assert r.status_code == 204
        assert c.delete(f"{base}/{gra['id']}").status_code == 204
        assert c.get(f"{base}/{gra['id']}").status_code == 404
        assert c.get(base).json()["data"] == []
        after = c.get(f"{AUTHZ}/organization_memberships/{members[0]}/role_assignments").json()
        assert all(a["source"]["type"] == "direct" for a in after["data"])
        assert c.get(f"{AUTHZ}/groups/group_01NOPE/role_assignments").status_code == 404
        assert c.request("DELETE", base, json={"role_slug": "viewer"}).status_code == 404
        assert c.put(base, json={"role_assignments": "x"}).status_code == 422


def test_check_effective_permissions_and_who_can(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    oms = _oms(emulator, org)
    admin_of_ws, editor, viewer = oms[0], oms[1], oms[2]
    with emulator.client() as c:
        website = _resource(c, org, "proj-website")

        def check(om: str, permission: str, **target: str) -> bool:
            r = c.post(
                f"{AUTHZ}/organization_memberships/{om}/check",
                json={"permission_slug": permission, **target},
            )
            assert r.status_code == 200
            return bool(r.json()["authorized"])

        assert check(admin_of_ws, "projects:delete", resource_id=website["id"])  # inherited
        assert check(editor, "documents:write", resource_id=website["id"])
        assert not check(viewer, "documents:write", resource_id=website["id"])
        assert check(
            viewer,
            "projects:read",
            resource_external_id="proj-mobile",
            resource_type_slug="project",
        )
        assert check(editor, "users:read", resource_id=org)  # the membership's own role
        perms = c.get(
            f"{AUTHZ}/organization_memberships/{editor}/resources/{website['id']}/permissions",
            params={"limit": 100},
        ).json()
        assert {"documents:write", "projects:read"} <= {p["slug"] for p in perms["data"]}
        by_ext = c.get(
            f"{AUTHZ}/organization_memberships/{viewer}/resources/project/proj-mobile/permissions"
        ).json()
        assert "documents:write" not in {p["slug"] for p in by_ext["data"]}
        who = c.get(
            f"{AUTHZ}/resources/{website['id']}/organization_memberships",
            params={"permission_slug": "documents:write", "assignment": "direct"},
        ).json()
        assert [m["id"] for m in who["data"]] == [editor]
        assert who["data"][0]["user"]["id"]
        who_all = c.get(
            f"{AUTHZ}/organizations/{org}/resources/project/proj-website/organization_memberships",
            params={"permission_slug": "documents:write", "limit": 100},
        ).json()
        assert {editor, admin_of_ws} <= {m["id"] for m in who_all["data"]}
        visible = c.get(
            f"{AUTHZ}/organization_memberships/{viewer}/resources",
            params={
                "permission_slug": "projects:read",
                "parent_resource_external_id": "ws-main",
                "parent_resource_type_slug": "workspace",
            },
        ).json()
        assert [r["external_id"] for r in visible["data"]] == ["proj-mobile"]
        top = c.get(
            f"{AUTHZ}/organization_memberships/{admin_of_ws}/resources",
            params={"permission_slug": "projects:read", "parent_resource_id": org},
        ).json()
        assert [r["external_id"] for r in top["data"]] == ["ws-main"]
        assignments = c.get(
            f"{AUTHZ}/resources/{website['id']}/role_assignments",
            params={"role_slug": "project-editor"},
        ).json()
        assert [a["organization_membership_id"] for a in assignments["data"]] == [editor]
        api = c.get(
            f"{AUTHZ}/organizations/{org}/resources/project/proj-api/role_assignments"
        ).json()
        assert api["data"] and all(a["source"]["type"] == "group" for a in api["data"])


def test_check_and_listing_errors(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    om = _oms(emulator, org)[0]
    with emulator.client() as c:
        url = f"{AUTHZ}/organization_memberships/{om}"
        assert c.post(f"{url}/check", json={"resource_id": org}).status_code == 422
        r = c.post(f"{url}/check", json={"permission_slug": "x", "resource_id": "authz_resource_0"})
        assert r.status_code == 404
        r = c.post(f"{AUTHZ}/organization_memberships/om_01NOPE/check", json={})
        assert r.status_code == 404
        assert c.get(f"{url}/resources", params={"permission_slug": "x"}).status_code == 400
        r = c.get(f"{url}/resources", params={"parent_resource_id": org})
        assert r.status_code == 422
        r = c.get(f"{url}/resources/authz_resource_01NOPE/permissions")
        assert r.status_code == 404
        r = c.get(f"{AUTHZ}/resources/authz_resource_01NOPE/organization_memberships")
        assert r.status_code == 404
        ws = _resource(c, org, "ws-main", "workspace")
        r = c.get(f"{AUTHZ}/resources/{ws['id']}/organization_memberships")
        assert r.status_code == 422
        assert c.get(f"{AUTHZ}/resources/authz_resource_01NOPE/role_assignments").status_code == 404
