"""Audit logs over HTTP: actions, schema versions, events, exports."""

from __future__ import annotations

from typing import Any

from workos_tui.emulator.testing import EmulatorHandle


def _event(action: str = "user.signed_in", target: str = "user") -> dict[str, Any]:
    return {
        "action": action,
        "occurred_at": "2025-01-01T10:00:00.000Z",
        "actor": {"id": "user_1", "type": "user"},
        "targets": [{"id": "t_1", "type": target}],
        "context": {"location": "203.0.113.9"},
    }


def test_actions_and_schemas(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/audit_logs/actions", params={"limit": 2}).json()
        assert len(body["data"]) == 2 and body["list_metadata"]["after"]
        assert all(a["object"] == "audit_log_action" and "id" not in a for a in body["data"])
        rest = c.get(
            "/audit_logs/actions", params={"limit": 2, "after": body["list_metadata"]["after"]}
        ).json()
        assert {a["name"] for a in body["data"] + rest["data"]} >= {"invoice.paid"}
        versions = c.get("/audit_logs/actions/user.signed_in/schemas").json()["data"]
        assert [s["version"] for s in versions] == [2, 1]
        r = c.post(
            "/audit_logs/actions/user.signed_in/schemas",
            json={"targets": [{"type": "user"}, {"type": "team"}], "actor": {"metadata": {}}},
        )
        assert r.status_code == 201 and r.json()["version"] == 3
        r = c.post("/audit_logs/actions/brand.new/schemas", json={"targets": [{"type": "x"}]})
        assert r.status_code == 201 and r.json()["version"] == 1
        page = c.get(
            "/audit_logs/actions/user.signed_in/schemas", params={"order": "asc", "limit": 1}
        ).json()
        assert page["data"][0]["version"] == 1 and page["list_metadata"]["after"]
        assert c.post("/audit_logs/actions/x/schemas", json={"targets": []}).status_code == 422
        assert c.get("/audit_logs/actions/nope/schemas").status_code == 404


def test_events(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        r = c.post("/audit_logs/events", json={"organization_id": org_id, "event": _event()})
        assert r.status_code == 200 and r.json() == {"success": True}
        r = c.post(
            "/audit_logs/events",
            json={"organization_id": org_id, "event": _event(target="invoice")},
        )
        assert r.status_code == 400 and r.json()["errors"][0]["instancePath"] == "/targets/0/type"
        r = c.post("/audit_logs/events", json={"organization_id": org_id, "event": {}})
        assert r.status_code == 422 and len(r.json()["errors"]) == 5
        r = c.post("/audit_logs/events", json={"organization_id": "org_nope", "event": _event()})
        assert r.status_code == 404


def test_exports(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        r = c.post(
            "/audit_logs/exports",
            json={
                "organization_id": org_id,
                "range_start": "2000-01-01T00:00:00Z",
                "range_end": "2999-01-01T00:00:00Z",
                "actions": ["invoice.paid"],
            },
        )
        assert r.status_code == 201
        export = r.json()
        assert export["state"] == "ready" and export["url"].endswith(".csv")
        assert c.get(f"/audit_logs/exports/{export['id']}").json()["id"] == export["id"]
        assert c.get("/audit_logs/exports/audit_log_export_nope").status_code == 404
        assert c.post("/audit_logs/exports", json={"organization_id": org_id}).status_code == 400
    assert emulator.state["audit_log_exports"].items[export["id"]]["_events"] == 3
