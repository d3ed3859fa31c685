"""Demo data for the configuration areas: webhook endpoints, API keys, audit logs, feature
flags, redirect URIs and CORS origins.

A few dozen records in all, so the default seed stays cheap on the console's start-up path.
"""

from __future__ import annotations

from .http import public
from .routes.api_keys import new_api_key
from .seeder import Seeder
from .store import Record

WEBHOOKS = (
    ("https://hooks.acme-app.example/workos", ("user.created", "user.updated", "user.deleted")),
    ("https://api.acme-app.example/webhooks/dsync", ("dsync.user.created", "dsync.group.created")),
    ("https://staging.acme-app.example/workos", ("organization.created",)),
)
ORG_KEY_NAMES = ("Production backend", "CI pipeline", "Data warehouse sync")
USER_KEY_NAMES = ("Personal CLI", "Local development")


def seed_extras(seeder: Seeder, orgs: list[Record], users: list[Record]) -> None:
    state = seeder.state
    for k, (url, events) in enumerate(WEBHOOKS):
        state.create(
            "webhook_endpoints",
            {
                "object": "webhook_endpoint",
                "endpoint_url": url,
                "secret": seeder.token(32),
                "status": "disabled" if k == 2 else "enabled",
                "events": list(events),
            },
        )
    for k, org in enumerate(orgs[:4]):
        for j, name in enumerate(ORG_KEY_NAMES[: 3 - k % 2]):
            owner = {"type": "organization", "id": org["id"]}
            expires = seeder.iso_after(-5) if j == 2 else None
            key, _ = new_api_key(
                state, owner, name, ["posts:read"] if j else [], expires, "sk_" + seeder.token(40)
            )
            seeder.emit("api_key.created", public(key), org["id"])
    for k, user in enumerate(users[:3]):
        org_ids = user.get("_organization_ids") or []
        if not org_ids:
            continue
        owner = {"type": "user", "id": user["id"], "organization_id": org_ids[0]}
        for name in USER_KEY_NAMES[: 1 + k % 2]:
            new_api_key(state, owner, name, [], None, "sk_" + seeder.token(40))
