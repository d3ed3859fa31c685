"""Feature flags over HTTP: list, get, enable/disable, targets, per organization and user."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def test_list_get_enable_disable(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/feature-flags", params={"limit": 3, "order": "asc"}).json()
        assert [f["slug"] for f in body["data"]][:1] == ["advanced-analytics"]
        assert body["list_metadata"]["after"]
        flag = c.get("/feature-flags/ai-summaries").json()
        assert flag["enabled"] is False and flag["description"] is None
        r = c.put("/feature-flags/ai-summaries/enable")
        assert r.status_code == 200 and r.json()["enabled"] is True
        assert c.put("/feature-flags/ai-summaries/disable").json()["enabled"] is False
        assert c.get("/feature-flags/nope").status_code == 404
        assert c.put("/feature-flags/nope/enable").status_code == 404
        events = c.get("/events", params={"events": "flag.created,flag.updated"}).json()["data"]
    assert [e["event"] for e in events[:2]] == ["flag.updated", "flag.updated"]


def test_targets_and_scoped_lists(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[-1]
    user = next(u for u in emulator.state["users"] if org_id not in u["_organization_ids"])
    with emulator.client() as c:
        assert c.get(f"/organizations/{org_id}/feature-flags").json()["data"] == []
        assert c.post(f"/feature-flags/legacy-export/targets/{org_id}").status_code == 204
        flags = c.get(f"/organizations/{org_id}/feature-flags").json()["data"]
        assert [f["slug"] for f in flags] == ["legacy-export"]
        before = {
            f["slug"]
            for f in c.get(f"/user_management/users/{user['id']}/feature-flags").json()["data"]
        }
        assert "legacy-export" not in before
        assert c.post(f"/feature-flags/legacy-export/targets/{user['id']}").status_code == 204
        after = c.get(f"/user_management/users/{user['id']}/feature-flags").json()["data"]
        assert "legacy-export" in {f["slug"] for f in after}
        assert c.delete(f"/feature-flags/legacy-export/targets/{org_id}").status_code == 204
        assert c.delete(f"/feature-flags/legacy-export/targets/{org_id}").status_code == 404
        assert c.post("/feature-flags/legacy-export/targets/conn_1").status_code == 400
        assert c.post("/feature-flags/legacy-export/targets/org_nope").status_code == 404
        assert c.post(f"/feature-flags/nope/targets/{org_id}").status_code == 404
        assert c.get("/organizations/org_nope/feature-flags").status_code == 404
        assert c.get("/user_management/users/user_nope/feature-flags").status_code == 404
