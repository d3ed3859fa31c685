"""Demo data for the configuration areas: webhook endpoints, API keys, audit logs, feature
flags, redirect URIs and CORS origins.

A few dozen records in all, so the default seed stays cheap on the console's start-up path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import ids
from .http import public
from .routes.api_keys import new_api_key
from .routes.audit_logs import new_schema
from .routes.feature_flags import emit_flag_event
from .seeder import ENVIRONMENT_ID, Seeder
from .store import Record

WEBHOOKS = (
    ("https://hooks.acme-app.example/workos", ("user.created", "user.updated", "user.deleted")),
    ("https://api.acme-app.example/webhooks/dsync", ("dsync.user.created", "dsync.group.created")),
    ("https://staging.acme-app.example/workos", ("organization.created",)),
)
ORG_KEY_NAMES = ("Production backend", "CI pipeline", "Data warehouse sync")
USER_KEY_NAMES = ("Personal CLI", "Local development")
AUDIT_ACTIONS = (
    ("user.signed_in", ("user",)),
    ("document.updated", ("document", "user")),
    ("invoice.paid", ("invoice",)),
    ("team.member_invited", ("team", "user")),
)
FLAGS = (
    ("advanced-analytics", "Advanced analytics", "New analytics dashboard", ("reports",), True),
    ("sso-self-serve", "Self-serve SSO", "Let admins set up SSO alone", ("auth",), True),
    ("ai-summaries", "AI summaries", None, ("beta", "ai"), False),
    ("legacy-export", "Legacy export", "Old CSV export", (), False),
    ("dark-mode", "Dark mode", "Dark theme for the web app", ("ui",), True),
)


ENVIRONMENT_RECORDS = len(WEBHOOKS) + len(AUDIT_ACTIONS) + 1
KEY_ORGS = 4  # the first organizations have API keys
AUDIT_EVENTS = 12
RECORDS = (
    sum(3 - k % 2 for k in range(KEY_ORGS))
    + sum(1 + k % 2 for k in range(3))
    + AUDIT_EVENTS
    + 2
    + len(FLAGS)
)


def seed_environment(seeder: Seeder, tick: Callable[[], None]) -> None:
    """Webhook endpoints and audit log schemas (``tick`` before each)."""
    state = seeder.state
    for k, (url, events) in enumerate(WEBHOOKS):
        tick()
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
    for name, targets in AUDIT_ACTIONS:
        tick()
        new_schema(state, name, {"targets": [{"type": t} for t in targets]})
    tick()
    new_schema(state, "user.signed_in", {"targets": [{"type": "user"}], "metadata": {}})


def seed_extras(
    seeder: Seeder, orgs: list[Record], users: Sequence[Record], tick: Callable[[], None]
) -> None:
    """API keys, audit log events and exports, feature flags (``tick`` before each)."""
    state = seeder.state
    for k, org in enumerate(orgs[:KEY_ORGS]):
        for j, name in enumerate(ORG_KEY_NAMES[: 3 - k % 2]):
            tick()
            owner = {"type": "organization", "id": org["id"]}
            # The data warehouse keys were made to last a quarter (by now, they have expired).
            expires = seeder.iso_after(90) if j == 2 else None
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
            tick()
            seeder.not_before(user)
            new_api_key(state, owner, name, [], None, "sk_" + seeder.token(40))
    _audit_logs(seeder, orgs, tick)
    _feature_flags(seeder, orgs, users, tick)


def _audit_logs(seeder: Seeder, orgs: list[Record], tick: Callable[[], None]) -> None:
    state = seeder.state
    org = orgs[0]
    for k in range(AUDIT_EVENTS):
        tick()
        name, targets = AUDIT_ACTIONS[k % len(AUDIT_ACTIONS)]
        event = {
            "action": name,
            "occurred_at": ids.iso(state.now_ms() - (k + 1) * 60_000),
            "actor": {"id": f"user_{k:02d}", "type": "user", "name": f"Demo user {k}"},
            "targets": [{"id": f"{t}_{k:02d}", "type": t} for t in targets],
            "context": {"location": f"203.0.113.{k + 1}", "user_agent": "Mozilla/5.0"},
        }
        state.create("audit_log_events", {"organization_id": org["id"], "event": event})
    for k, export_state in enumerate(("ready", "expired")):
        tick()
        export = state.create(
            "audit_log_exports",
            {
                "object": "audit_log_export",
                "state": export_state,
                "url": None,
                "_events": AUDIT_EVENTS,
            },
        )
        if export_state == "ready":
            export["url"] = f"https://exports.workos.example/audit_logs/{export['id']}.csv"
        export["_organization_id"] = orgs[k]["id"]
        state["audit_log_exports"].put(export)


def _feature_flags(
    seeder: Seeder, orgs: list[Record], users: Sequence[Record], tick: Callable[[], None]
) -> None:
    for k, (slug, name, description, tags, enabled) in enumerate(FLAGS):
        tick()
        owner = None
        if users and k % 2 == 0:
            u = users[k % len(users)]
            owner = {
                "email": u["email"],
                "first_name": u["first_name"],
                "last_name": u["last_name"],
            }
        targets = [o["id"] for o in orgs[k : k + 3]] + [u["id"] for u in users[k : k + 1]]
        flag = seeder.state.create(
            "feature_flags",
            {
                "object": "feature_flag",
                "environment_id": ENVIRONMENT_ID,
                "slug": slug,
                "name": name,
                "description": description,
                "owner": owner,
                "tags": list(tags),
                "enabled": enabled,
                "default_value": False,
                "_targets": targets if k != 3 else [],
            },
        )
        if seeder.events:
            emit_flag_event(seeder.state, "flag.created", flag)
