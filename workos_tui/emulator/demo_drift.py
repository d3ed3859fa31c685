"""The demo's second environment, ``demo-staging``: the same demo with deliberate drift.

``workos-tui --demo`` offers it as a second profile (its emulator starts the first time it is
used), so ``:envdiff demo demo-staging`` has something to show. :func:`staging_state` is the
demo state with :func:`apply_staging_drift` applied; :data:`DRIFT` names each difference as the
environment diff reports it (kind, key, and the status seen from ``demo`` to ``demo-staging``).
"""

from __future__ import annotations

import json

from .demo import NOW_MS, demo_state
from .routes.authkit_config import JWT_META, set_jwt_template
from .state import EmulatorState

STAGING_PROFILE = "demo-staging"

EXTRA_PERMISSION = ("member", "billing:read")
"""A role with an extra permission in staging."""
MISSING_REDIRECT_URI = "http://localhost:3000/auth/callback"
"""A redirect URI production has and staging lacks."""
EXTRA_CLAIM = ("urn:acme:environment", "staging")
"""A claim only staging's JWT template adds."""
WEBHOOK = (
    "https://hooks.acme-app.example/workos",
    ["user.created", "user.updated", "role.created"],
)
"""An endpoint subscribed to other events in staging."""
FLAG_ON = "ai-summaries"
"""A feature flag on in staging only."""

DRIFT: tuple[tuple[str, str, str], ...] = (
    ("role", EXTRA_PERMISSION[0], "changed"),
    ("redirect_uri", MISSING_REDIRECT_URI, "removed"),
    ("jwt_template", "template", "changed"),
    ("webhook_endpoint", WEBHOOK[0], "changed"),
    ("feature_flag", FLAG_ON, "changed"),
)


def apply_staging_drift(state: EmulatorState) -> None:
    """Make a demo state into ``demo-staging`` (each change in :data:`DRIFT`)."""
    slug, permission = EXTRA_PERMISSION
    for rid in state["roles"].index("slug").get(slug):
        role = state["roles"].items[rid]
        if role.get("_organization_id") is None:
            role["permissions"] = [*role["permissions"], permission]
            state.touch("roles", role)
    for rid in list(state["redirect_uris"].index("uri").get(MISSING_REDIRECT_URI)):
        state["redirect_uris"].delete(rid)
    template = state.meta.get(JWT_META)
    claims = json.loads(template["content"]) if template else {}
    claims[EXTRA_CLAIM[0]] = EXTRA_CLAIM[1]
    set_jwt_template(state, json.dumps(claims))
    url, events = WEBHOOK
    for endpoint in list(state["webhook_endpoints"]):
        if endpoint["endpoint_url"] == url:
            endpoint["events"] = list(events)
            state.touch("webhook_endpoints", endpoint)
    flag_id = state["feature_flags"].index("slug").first(FLAG_ON)
    if flag_id is not None:
        flag = state["feature_flags"].items[flag_id]
        flag["enabled"] = True
        state.touch("feature_flags", flag)


def staging_state(scale: int | None = None, *, present_ms: int = NOW_MS) -> EmulatorState:
    """The demo state (as :func:`~.demo.demo_state`) with the staging drift applied."""
    state = demo_state(scale, present_ms=present_ms)
    apply_staging_drift(state)
    return state
