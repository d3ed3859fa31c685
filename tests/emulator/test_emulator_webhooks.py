"""Webhook endpoints over HTTP, and the X-Request-ID header on every response."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def test_demo_endpoints_list_and_paginate(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/webhook_endpoints").json()
        assert len(body["data"]) == 3
        assert {e["status"] for e in body["data"]} == {"enabled", "disabled"}
        assert all(e["secret"] and e["object"] == "webhook_endpoint" for e in body["data"])
        first = c.get("/webhook_endpoints", params={"limit": 2, "order": "asc"}).json()
        assert len(first["data"]) == 2 and first["list_metadata"]["after"]
        rest = c.get(
            "/webhook_endpoints",
            params={"limit": 2, "order": "asc", "after": first["list_metadata"]["after"]},
        ).json()
        assert len(rest["data"]) == 1 and rest["list_metadata"]["after"] is None
        assert c.get("/webhook_endpoints", params={"limit": 0}).status_code == 422


def test_crud_round_trip(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post(
            "/webhook_endpoints",
            json={"endpoint_url": "https://example.com/hook", "events": ["user.created"]},
        )
        assert r.status_code == 201
        created = r.json()
        assert created["id"].startswith("we_") and created["status"] == "enabled"
        assert created["secret"]
        r = c.patch(
            f"/webhook_endpoints/{created['id']}",
            json={"status": "disabled", "events": ["user.created", "user.deleted"]},
        )
        assert r.status_code == 200
        assert r.json()["status"] == "disabled" and len(r.json()["events"]) == 2
        assert r.json()["secret"] == created["secret"]
        assert c.delete(f"/webhook_endpoints/{created['id']}").status_code == 204
        assert c.delete(f"/webhook_endpoints/{created['id']}").status_code == 404


def test_errors(emulator: EmulatorHandle) -> None:
    existing = next(iter(emulator.state["webhook_endpoints"]))
    with emulator.client() as c:
        r = c.post("/webhook_endpoints", json={"endpoint_url": "nope", "events": ["user.created"]})
        assert r.status_code == 422 and r.json()["code"] == "invalid_url"
        r = c.post("/webhook_endpoints", json={"endpoint_url": "https://x.example/h"})
        assert r.status_code == 422 and r.json()["code"] == "invalid_request_parameters"
        r = c.post(
            "/webhook_endpoints",
            json={"endpoint_url": existing["endpoint_url"], "events": ["user.created"]},
        )
        assert r.status_code == 409 and r.json()["code"] == "duplicate_endpoint"
        r = c.patch("/webhook_endpoints/we_nope", json={"status": "enabled"})
        assert r.status_code == 404 and r.json()["code"] == "entity_not_found"
        r = c.patch(f"/webhook_endpoints/{existing['id']}", json={"status": "paused"})
        assert r.status_code == 422


def test_every_response_carries_a_fresh_request_id(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        ids = {
            c.get("/webhook_endpoints").headers["x-request-id"],
            c.get("/webhook_endpoints").headers["x-request-id"],
            c.get("/organizations/org_nope").headers["x-request-id"],
        }
    assert len(ids) == 3 and all(ids)
