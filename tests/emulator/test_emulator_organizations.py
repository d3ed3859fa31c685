"""Organizations and organization domains over HTTP."""

from __future__ import annotations

from workos_tui.emulator.testing import EmulatorHandle


def _events(emulator: EmulatorHandle, name: str) -> list[dict[str, object]]:
    with emulator.client() as c:
        return list(c.get("/events", params={"events": name, "limit": 100}).json()["data"])


def test_crud_round_trip(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        r = c.post(
            "/organizations",
            json={
                "name": "Zeta Labs",
                "domain_data": [{"domain": "zeta.example", "state": "pending"}],
                "external_id": "zeta-1",
                "metadata": {"tier": "gold"},
            },
        )
        assert r.status_code == 201
        org = r.json()
        assert org["id"].startswith("org_") and len(org["id"]) == 30
        assert org["domains"][0]["domain"] == "zeta.example"
        assert org["domains"][0]["state"] == "pending"
        assert c.get(f"/organizations/{org['id']}").json()["name"] == "Zeta Labs"
        assert c.get("/organizations/external_id/zeta-1").json()["id"] == org["id"]
        r = c.put(f"/organizations/{org['id']}", json={"name": "Zeta Labs GmbH"})
        assert r.status_code == 200 and r.json()["name"] == "Zeta Labs GmbH"
        assert c.delete(f"/organizations/{org['id']}").status_code == 202
        assert c.get(f"/organizations/{org['id']}").status_code == 404
    names = [
        e["event"]
        for e in _events(emulator, "organization.created,organization.updated,organization.deleted")
    ]
    assert names[:3] == ["organization.deleted", "organization.updated", "organization.created"]


def test_errors(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        assert c.get("/organizations/org_01NOPE").status_code == 404
        assert c.get("/organizations/external_id/nope").status_code == 404
        assert c.post("/organizations", json={}).status_code == 422
        r = c.post("/organizations", json={"name": "X", "external_id": "crm-1000"})
        assert r.status_code == 400 and r.json()["code"] == "external_id_already_used"
        r = c.post("/organizations", json={"name": "X", "metadata": {"k": 1}})
        assert r.status_code == 400 and r.json()["code"] == "invalid_metadata"
        r = c.post("/organizations", json={"name": "X", "domains": ["globex.example"]})
        assert r.status_code == 409
        assert c.put("/organizations/org_01NOPE", json={"name": "x"}).status_code == 404
        assert c.delete("/organizations/org_01NOPE").status_code == 404


def test_filter_by_domains_comma_separated(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/organizations", params={"domains": "globex.example,initech.example"}).json()
    assert sorted(o["name"] for o in body["data"]) == ["Globex Corporation", "Initech"]


def test_search_by_name(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/organizations", params={"search": "pied"}).json()
    assert [o["name"] for o in body["data"]] == ["Pied Piper"]


def test_domain_states_cover_every_state(emulator: EmulatorHandle) -> None:
    states = {
        (d["state"], d["verification_strategy"]) for d in emulator.state["organization_domains"]
    }
    assert {s for s, _ in states} >= {"verified", "pending", "failed"}
    assert {v for _, v in states} == {"dns", "manual"}


def test_domain_create_verify_delete(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        r = c.post(
            "/organization_domains", json={"domain": "new.example", "organization_id": org_id}
        )
        assert r.status_code == 201
        d = r.json()
        assert d["state"] == "pending" and d["verification_strategy"] == "dns"
        assert c.get(f"/organization_domains/{d['id']}").json()["domain"] == "new.example"
        r = c.post(f"/organization_domains/{d['id']}/verify")
        assert r.status_code == 201 and r.json()["state"] == "verified"
        assert c.post(f"/organization_domains/{d['id']}/verify").status_code == 400
        again = c.post(
            "/organization_domains", json={"domain": "new.example", "organization_id": org_id}
        )
        assert again.status_code == 409
        assert c.delete(f"/organization_domains/{d['id']}").status_code == 204
        assert c.get(f"/organization_domains/{d['id']}").status_code == 404
    kinds = [
        e["event"]
        for e in _events(
            emulator,
            "organization_domain.created,organization_domain.verified,organization_domain.deleted",
        )
    ]
    assert kinds[:3] == [
        "organization_domain.deleted",
        "organization_domain.verified",
        "organization_domain.created",
    ]


def test_audit_log_configuration_and_retention(emulator: EmulatorHandle) -> None:
    org_id = emulator.state["organizations"].order[0]
    with emulator.client() as c:
        conf = c.get(f"/organizations/{org_id}/audit_log_configuration").json()
        assert conf["organization_id"] == org_id and conf["retention_period_in_days"] == 30
        assert c.get(f"/organizations/{org_id}/audit_logs_retention").json() == {
            "retention_period_in_days": 30
        }
        r = c.put(
            f"/organizations/{org_id}/audit_logs_retention", json={"retention_period_in_days": 365}
        )
        assert r.json() == {"retention_period_in_days": 365}
        assert (
            c.put(
                f"/organizations/{org_id}/audit_logs_retention",
                json={"retention_period_in_days": 7},
            ).status_code
            == 422
        )
        assert c.get("/organizations/org_01NOPE/audit_logs_retention").status_code == 404
