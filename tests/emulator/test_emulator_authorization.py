"""Environment roles, organization roles and permissions over HTTP."""

from __future__ import annotations

from typing import Any

from workos_tui.emulator.testing import EmulatorHandle


def _events(emulator: EmulatorHandle, names: str) -> list[dict[str, Any]]:
    with emulator.client() as c:
        return list(c.get("/events", params={"events": names, "limit": 100}).json()["data"])


def _org(emulator: EmulatorHandle, n: int = 0) -> str:
    return emulator.state["organizations"].order[n]


def test_environment_roles_list_get_create_update(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/authorization/roles").json()
        slugs = [r["slug"] for r in body["data"]]
        assert slugs[:4] == ["admin", "member", "billing-admin", "viewer"]
        assert all(r["type"] == "EnvironmentRole" for r in body["data"])
        assert "list_metadata" not in body
        admin = c.get("/authorization/roles/admin").json()
        assert "users:read" in admin["permissions"] and admin["object"] == "role"
        r = c.post(
            "/authorization/roles",
            json={"slug": "support", "name": "Support", "description": "Helps customers"},
        )
        assert r.status_code == 201
        role = r.json()
        assert role["resource_type_slug"] == "organization" and role["permissions"] == []
        r = c.patch("/authorization/roles/support", json={"name": "Customer support"})
        assert r.status_code == 200 and r.json()["name"] == "Customer support"
        r = c.post("/authorization/roles/support/permissions", json={"slug": "users:read"})
        assert r.status_code == 200 and r.json()["permissions"] == ["users:read"]
        r = c.put(
            "/authorization/roles/support/permissions",
            json={"permissions": ["users:read", "audit-logs:read"]},
        )
        assert r.json()["permissions"] == ["users:read", "audit-logs:read"]
    names = [e["event"] for e in _events(emulator, "role.created,role.updated")]
    assert names[:4] == ["role.updated", "role.updated", "role.updated", "role.created"]


def test_environment_role_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        assert c.get("/authorization/roles/nope").status_code == 404
        assert c.patch("/authorization/roles/nope", json={"name": "x"}).status_code == 404
        r = c.post("/authorization/roles", json={"slug": "admin", "name": "Again"})
        assert r.status_code == 409 and r.json()["code"] == "role_slug_conflict"
        r = c.post("/authorization/roles", json={"slug": "Bad Slug", "name": "X"})
        assert r.status_code == 400 and r.json()["code"] == "bad_request"
        assert c.post("/authorization/roles", json={"slug": "x"}).status_code == 422
        r = c.post("/authorization/roles/admin/permissions", json={"slug": "nope:nope"})
        assert r.status_code == 422
        r = c.put("/authorization/roles/admin/permissions", json={"permissions": "users:read"})
        assert r.status_code == 422
        assert c.patch("/authorization/roles/admin", json={"name": "x" * 49}).status_code == 422


def test_organization_roles_crud_and_permissions(emulator: EmulatorHandle) -> None:
    org = _org(emulator, 2)
    base = f"/authorization/organizations/{org}/roles"
    with emulator.client() as c:
        listed = c.get(base).json()["data"]
        assert {r["type"] for r in listed} == {"EnvironmentRole"}
        r = c.post(base, json={"name": "Night Shift", "description": "After hours"})
        assert r.status_code == 201
        role = r.json()
        assert role["slug"] == "org-night-shift" and role["type"] == "OrganizationRole"
        assert c.get(base).json()["data"][-1]["slug"] == "org-night-shift"
        assert c.get(f"{base}/org-night-shift").json()["id"] == role["id"]
        assert c.get(f"{base}/admin").json()["type"] == "EnvironmentRole"
        r = c.patch(f"{base}/org-night-shift", json={"description": None})
        assert r.status_code == 200 and r.json()["description"] is None
        r = c.post(f"{base}/org-night-shift/permissions", json={"slug": "users:read"})
        assert r.json()["permissions"] == ["users:read"]
        r = c.put(
            f"{base}/org-night-shift/permissions",
            json={"permissions": ["users:read", "billing:read"]},
        )
        assert r.json()["permissions"] == ["users:read", "billing:read"]
        r = c.delete(f"{base}/org-night-shift/permissions/users:read")
        assert r.status_code == 200 and r.json()["permissions"] == ["billing:read"]
        assert c.delete(f"{base}/org-night-shift").status_code == 204
        assert c.get(f"{base}/org-night-shift").status_code == 404
    names = [e["event"] for e in _events(emulator, "organization_role.created")]
    assert names and all(n == "organization_role.created" for n in names)
    deleted = _events(emulator, "organization_role.deleted")
    assert deleted[0]["data"]["slug"] == "org-night-shift"
    assert deleted[0]["data"]["organization_id"] == org


def test_organization_role_errors(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    base = f"/authorization/organizations/{org}/roles"
    with emulator.client() as c:
        assert c.get("/authorization/organizations/org_01NOPE/roles").status_code == 404
        assert c.get(f"{base}/org-nope").status_code == 404
        r = c.post(base, json={"slug": "org-support-agent", "name": "Dup"})
        assert r.status_code == 409 and r.json()["code"] == "organization_role_slug_conflict"
        r = c.post(base, json={"slug": "no-prefix", "name": "X"})
        assert r.status_code == 400
        assert c.post(base, json={"description": "no name"}).status_code == 422
        r = c.patch(f"{base}/admin", json={"name": "x"})
        assert r.status_code == 400 and r.json()["code"] == "bad_request"
        assert c.delete(f"{base}/org-support-agent/permissions/billing:read").status_code == 404
        r = c.put(f"{base}/org-auditor/permissions", json={"permissions": ["nope:x"]})
        assert r.status_code == 422


def test_deleting_a_role_in_use_conflicts(emulator: EmulatorHandle) -> None:
    org = _org(emulator)
    base = f"/authorization/organizations/{org}/roles"
    om = emulator.state["organization_memberships"].index("organization_id").get(org)[0]
    group = emulator.state["groups"].index("organization_id").get(org)[1]
    with emulator.client() as c:
        r = c.post(
            f"/authorization/organization_memberships/{om}/role_assignments",
            json={"role_slug": "org-support-agent", "resource_id": org},
        )
        assert r.status_code == 201
        r = c.delete(f"{base}/org-support-agent")
        assert r.status_code == 409 and r.json()["code"] == "role_has_assignments"
        r = c.post(
            f"/authorization/groups/{group}/role_assignments", json={"role_slug": "org-auditor"}
        )
        assert r.status_code == 201
        r = c.delete(f"{base}/org-auditor")
        assert r.status_code == 409 and r.json()["code"] == "role_has_group_role_mappings"


def test_permissions_crud_pagination_and_events(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        first = c.get("/authorization/permissions", params={"limit": 4, "order": "asc"}).json()
        assert [p["slug"] for p in first["data"]] == [
            "users:read",
            "users:write",
            "billing:read",
            "billing:manage",
        ]
        after = first["list_metadata"]["after"]
        second = c.get(
            "/authorization/permissions", params={"limit": 4, "order": "asc", "after": after}
        ).json()
        assert second["data"][0]["slug"] == "settings:manage"
        assert second["list_metadata"]["before"] == second["data"][0]["id"]
        r = c.post(
            "/authorization/permissions",
            json={"slug": "reports:export", "name": "Export reports", "resource_type_slug": "org"},
        )
        assert r.status_code == 201
        perm = r.json()
        assert perm["id"].startswith("perm_") and perm["system"] is False
        assert c.get("/authorization/permissions/reports:export").json()["id"] == perm["id"]
        r = c.patch("/authorization/permissions/reports:export", json={"name": "Export"})
        assert r.status_code == 200 and r.json()["name"] == "Export"
        assert c.delete("/authorization/permissions/reports:export").status_code == 204
        assert c.get("/authorization/permissions/reports:export").status_code == 404
        r = c.delete("/authorization/permissions/users:read")
        assert r.status_code == 204
        assert "users:read" not in c.get("/authorization/roles/admin").json()["permissions"]
    names = [e["event"] for e in _events(emulator, "permission.updated,permission.deleted")]
    assert names[:3] == ["permission.deleted", "permission.deleted", "permission.updated"]


def test_permission_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post("/authorization/permissions", json={"slug": "users:read", "name": "Dup"})
        assert r.status_code == 409 and r.json()["code"] == "permission_slug_conflict"
        assert c.post("/authorization/permissions", json={"slug": "x:y"}).status_code == 422
        r = c.post("/authorization/permissions", json={"slug": "UPPER", "name": "X"})
        assert r.status_code == 400
        assert c.patch("/authorization/permissions/nope", json={"name": "x"}).status_code == 404
        assert c.delete("/authorization/permissions/nope").status_code == 404
