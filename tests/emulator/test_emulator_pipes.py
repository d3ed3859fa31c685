"""Pipes over HTTP: data integrations, organization configurations, installations, vended
credentials, connected accounts, data providers and their events."""

from __future__ import annotations

from typing import Any

from workos_tui.emulator.testing import EmulatorHandle


def _user(emulator: EmulatorHandle, k: int = 5) -> str:
    return str(list(emulator.state["users"])[k]["id"])


def _events(c: Any, name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = c.get("/events", params={"events": name}).json()["data"]
    return data


def test_integrations_list_paginate_get(emulator: EmulatorHandle) -> None:
    with emulator.client() as c:
        body = c.get("/data-integrations").json()
        assert [i["slug"] for i in body["data"]] == ["acme-crm", "linear", "slack", "github"]
        linear = body["data"][1]
        assert linear["installation"]["api_key_last_4"] and linear["credentials"] is None
        first = c.get("/data-integrations", params={"limit": 3, "order": "asc"}).json()
        assert len(first["data"]) == 3 and first["list_metadata"]["after"]
        rest = c.get(
            "/data-integrations",
            params={"limit": 3, "order": "asc", "after": first["list_metadata"]["after"]},
        ).json()
        assert [i["slug"] for i in rest["data"]] == ["acme-crm"]
        gh = c.get("/data-integrations/github").json()
        assert gh["credentials"]["type"] == "custom" and gh["installation"] is None
        assert c.get("/data-integrations/nope").status_code == 404
        assert c.get("/data-integrations", params={"limit": 0}).status_code == 422


def test_integration_crud_and_errors(emulator: EmulatorHandle) -> None:
    user = _user(emulator)
    with emulator.client() as c:
        r = c.post(
            "/data-integrations",
            json={"provider": "notion", "description": "Docs", "scopes": ["read"]},
        )
        assert r.status_code == 201 and r.json()["slug"] == "notion"
        assert c.post("/data-integrations", json={"provider": "notion"}).status_code == 409
        assert c.post("/data-integrations", json={"provider": "myspace"}).status_code == 404
        assert c.post("/data-integrations", json={}).status_code == 422
        r = c.post("/data-integrations", json={"provider": "github", "custom_provider": {}})
        assert r.status_code == 400
        r = c.post(
            "/data-integrations",
            json={"provider": "hubspot", "credentials": {"type": "custom"}},
        )
        assert r.status_code == 400
        r = c.post(
            "/data-integrations",
            json={
                "provider": "openai",
                "auth_methods": ["api_key"],
                "api_key": {"user_id": user, "secret": "sk-abcdef"},
            },
        )
        assert r.status_code == 201 and r.json()["installation"]["api_key_last_4"] == "cdef"
        custom = c.post(
            "/data-integrations",
            json={
                "provider": "wiki",
                "custom_provider": {
                    "name": "Wiki",
                    "authorization_url": "https://wiki.example/auth",
                    "token_url": "https://wiki.example/token",
                },
            },
        ).json()
        assert custom["custom_provider"]["name"] == "Wiki"
        r = c.put(
            "/data-integrations/wiki",
            json={"enabled": False, "custom_provider": {"pkce_enabled": True}},
        )
        assert r.json()["enabled"] is False and r.json()["custom_provider"]["pkce_enabled"]
        r = c.put("/data-integrations/notion", json={"custom_provider": {"name": "N"}})
        assert r.status_code == 400
        r = c.put("/data-integrations/notion", json={"scopes": "all"})
        assert r.status_code == 422
        assert c.put("/data-integrations/nope", json={}).status_code == 404
        assert c.delete("/data-integrations/notion").status_code == 204
        assert c.delete("/data-integrations/notion").status_code == 404


def test_organization_configurations(emulator: EmulatorHandle) -> None:
    orgs = list(emulator.state["organizations"])
    configured, other = orgs[0]["id"], orgs[3]["id"]
    with emulator.client() as c:
        body = c.get(f"/organizations/{configured}/data_integration_configurations").json()
        slack = next(x for x in body["data"] if x["slug"] == "slack")
        assert slack["credentials"]["has_credentials"] is True
        path = f"/organizations/{other}/data_integration_configurations/slack"
        r = c.put(path, json={"enabled": False, "client_id": "cid", "client_secret": "shhh1234"})
        assert r.status_code == 200
        assert r.json()["enabled"] is False
        assert r.json()["credentials"]["client_secret_last_four"] == "1234"
        r = c.put(
            f"/organizations/{other}/data_integration_configurations/github",
            json={"client_id": "x", "client_secret": "y"},
        )
        assert r.status_code == 400
        r = c.put(path, json={"client_id": "x"})
        assert r.status_code == 422
        assert c.get("/organizations/org_nope/data_integration_configurations").status_code == 404
        r = c.put(f"/organizations/{other}/data_integration_configurations/nope", json={})
        assert r.status_code == 404


def test_installations_credentials_and_tokens(emulator: EmulatorHandle) -> None:
    user = _user(emulator)
    with emulator.client() as c:
        r = c.put("/data-integrations/linear/api-key", json={"user_id": user, "secret": "k-1234"})
        assert r.status_code == 200 and r.json()["auth_method"] == "api_key"
        r = c.put("/data-integrations/linear/api-key", json={"user_id": user, "secret": "k-5678"})
        assert r.json()["api_key_last_4"] == "5678"
        vended = c.post("/data-integrations/linear/credentials", json={"user_id": user}).json()
        assert vended == {
            "active": True,
            "credential": {"object": "credential", "auth_method": "api_key", "value": "k-5678"},
        }
        r = c.put("/data-integrations/github/api-key", json={"user_id": user, "secret": "x"})
        assert r.status_code == 422 and r.json()["code"] == "auth_method_mismatch"
        r = c.put(
            "/data-integrations/acme-crm/client-credentials",
            json={"user_id": user, "client_id": "cid", "client_secret": "sec-9999"},
        )
        assert r.status_code == 200 and r.json()["client_secret_last_4"] == "9999"
        cc = c.post("/data-integrations/acme-crm/credentials", json={"user_id": user}).json()
        assert cc["credential"]["auth_method"] == "client_credentials"
        r = c.put(
            "/data-integrations/linear/client-credentials",
            json={"user_id": user, "client_id": "a", "client_secret": "b"},
        )
        assert r.status_code == 422
        none = c.post("/data-integrations/github/token", json={"user_id": user}).json()
        assert none == {"active": False, "error": "not_installed"}
        r = c.post("/data-integrations/linear/token", json={"user_id": user})
        assert r.status_code == 422 and r.json()["code"] == "auth_method_mismatch"
        assert c.post("/data-integrations/github/token", json={}).status_code == 400
        r = c.post("/data-integrations/github/credentials", json={"user_id": "user_nope"})
        assert r.status_code == 404
        url = c.post("/data-integrations/github/authorize", json={"user_id": user}).json()["url"]
        assert url.startswith("https://github.com/login/oauth/authorize?client_id=Iv1.")
        r = c.post("/data-integrations/linear/authorize", json={"user_id": user})
        assert r.status_code == 400
        c.put("/data-integrations/slack", json={"enabled": False})
        r = c.post("/data-integrations/slack/authorize", json={"user_id": user})
        assert r.status_code == 403
        assert (
            c.post("/data-integrations/nope/authorize", json={"user_id": user}).status_code == 404
        )


def test_connected_accounts_lifecycle_and_events(emulator: EmulatorHandle) -> None:
    user = _user(emulator)
    base = f"/user_management/users/{user}/connected_accounts/github"
    with emulator.client() as c:
        assert c.get(base).status_code == 404
        r = c.post(base, json={"access_token": "gho_x", "refresh_token": "r", "scopes": ["repo"]})
        assert r.status_code == 201 and r.json()["state"] == "connected"
        assert c.post(base, json={"access_token": "gho_y"}).status_code == 409
        assert c.post(base.replace("github", "slack"), json={}).status_code == 422
        token = c.post("/data-integrations/github/token", json={"user_id": user}).json()
        assert token["active"] and token["access_token"]["access_token"] == "gho_x"
        assert token["access_token"]["missing_scopes"] == ["read:user"]
        r = c.put(base, json={"state": "needs_reauthorization"})
        assert r.status_code == 200 and r.json()["state"] == "needs_reauthorization"
        stale = c.post("/data-integrations/github/credentials", json={"user_id": user}).json()
        assert stale == {"active": False, "error": "needs_reauthorization"}
        assert c.put(base, json={"state": "gone"}).status_code == 422
        providers = c.get(f"/user_management/users/{user}/data_providers").json()["data"]
        github = next(p for p in providers if p["slug"] == "github")
        assert github["connected_account"]["userlandUserId"] == user
        assert c.delete(base).status_code == 204
        assert c.delete(base).status_code == 404
        assert c.put(base, json={}).status_code == 404
        kinds = ("connected", "reauthorization_needed", "disconnected")
        for kind in kinds:
            events = _events(c, f"pipes.connected_account.{kind}")
            assert events and events[0]["data"]["provider_slug"] == "github"
        assert c.get(f"{base}?organization_id=org_nope").status_code == 404
        assert c.get("/user_management/users/user_nope/data_providers").status_code == 404
        assert c.get(f"/user_management/users/{user}/connected_accounts/nope").status_code == 404


def test_demo_accounts_and_org_scoped_providers(emulator: EmulatorHandle) -> None:
    account = next(a for a in emulator.state["connected_accounts"] if a["organization_id"])
    user, org = account["user_id"], account["organization_id"]
    with emulator.client() as c:
        r = c.get(f"/user_management/users/{user}/connected_accounts/slack")
        assert r.status_code == 404
        r = c.get(f"/user_management/users/{user}/connected_accounts/slack?organization_id={org}")
        assert r.status_code == 200 and r.json()["organization_id"] == org
        providers = c.get(
            f"/user_management/users/{user}/data_providers", params={"organization_id": org}
        ).json()["data"]
        slack = next(p for p in providers if p["slug"] == "slack")
        assert slack["connected_account"]["id"] == account["id"]
        vended = c.post(
            "/data-integrations/slack/credentials", json={"user_id": user, "organization_id": org}
        ).json()
        assert vended["active"] and vended["credential"]["auth_method"] == "oauth"
