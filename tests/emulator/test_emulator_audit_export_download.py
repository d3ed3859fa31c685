"""Audit-log exports download from the emulator itself: the export's URL is on the host the
client reached (``/_emulate/...``, no API key, an unguessable signature) and serves the CSV of
the organization's events that pass the export's range, actions, actors and targets."""

from __future__ import annotations

from typing import Any

import httpx

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.audit_facets import parse_export


def _event(action: str, when: str, actor: str, *targets: str) -> dict[str, Any]:
    return {
        "action": action,
        "occurred_at": when,
        "actor": {"id": f"user_{actor.split()[0].lower()}", "type": "user", "name": actor},
        "targets": [{"id": f"{t}_1", "type": t} for t in targets],
        "context": {"location": "203.0.113.9", "user_agent": "curl/8"},
    }


EVENTS = [
    _event("doc.shared", "2025-03-01T10:00:00.000Z", "Ada Lovelace", "document", "team"),
    _event("doc.shared", "2025-03-02T10:00:00.000Z", "Alan Turing", "document"),
    _event("doc.deleted", "2025-03-03T10:00:00.000Z", "Ada Lovelace", "document"),
    _event("doc.shared", "2025-03-04T10:00:00.000Z", "=HYPERLINK(1)", "team"),
    _event("doc.shared", "2024-01-01T10:00:00.000Z", "Ada Lovelace", "document"),  # out of range
]


def _export(c: httpx.Client, org_id: str, **filters: Any) -> dict[str, Any]:
    body = {
        "organization_id": org_id,
        "range_start": "2025-01-01T00:00:00.000Z",
        "range_end": "2025-12-31T00:00:00.000Z",
        **filters,
    }
    r = c.post("/audit_logs/exports", json=body)
    assert r.status_code == 201, r.text
    export: dict[str, Any] = r.json()
    return export


def test_the_export_url_serves_the_filtered_events_as_csv(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        org_id = c.post("/organizations", json={"name": "Export Co"}).json()["id"]
        for event in EVENTS:
            r = c.post("/audit_logs/events", json={"organization_id": org_id, "event": event})
            assert r.status_code == 200
        everything = _export(c, org_id)
        assert everything["url"].startswith(emulator.base_url + "/_emulate/audit_logs/exports/")
        again = c.get(f"/audit_logs/exports/{everything['id']}").json()
        assert again["url"] == everything["url"]
        narrowed = _export(
            c, org_id, actions=["doc.shared"], actor_names=["Ada Lovelace"], targets=["team"]
        )
        by_id = _export(c, org_id, actor_ids=["user_alan"])
    with httpx.Client() as plain:  # no API key: the signed URL is the credential
        r = plain.get(everything["url"])
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        rows = parse_export(r.text)
        assert [(x.action, x.occurred_at[:10]) for x in rows] == [
            ("doc.shared", "2025-03-01"),
            ("doc.shared", "2025-03-02"),
            ("doc.deleted", "2025-03-03"),
            ("doc.shared", "2025-03-04"),
        ]
        assert rows[0].actor_name == "Ada Lovelace" and rows[0].targets == ("document", "team")
        assert rows[0].actor_id == "user_ada" and rows[0].id.startswith("audit_log_event")
        assert rows[3].actor_name == "'=HYPERLINK(1)"  # never a spreadsheet formula
        assert "curl/8" in r.text and "203.0.113.9" in r.text
        narrowed_rows = parse_export(plain.get(narrowed["url"]).text)
        assert [x.occurred_at[:10] for x in narrowed_rows] == ["2025-03-01"]
        assert [x.actor_name for x in parse_export(plain.get(by_id["url"]).text)] == ["Alan Turing"]
        signature = everything["url"].split("/")[-2]
        assert len(signature) >= 32
        assert plain.get(everything["url"].replace(signature, "guess")).status_code == 404
        unsigned = everything["url"].replace(signature + "/", "")
        assert plain.get(unsigned).status_code == 404
        other = everything["url"].replace(everything["id"], narrowed["id"])
        assert plain.get(other).status_code == 404
