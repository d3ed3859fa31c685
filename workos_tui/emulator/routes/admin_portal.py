"""The Admin Portal: an ephemeral link, scoped to one organization, for its IT admins."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from ..errors import error
from ..http import Ctx, Routes, json_response
from .common import check_email, fetch

routes = Routes()

INTENTS = (
    "sso",
    "dsync",
    "audit_logs",
    "log_streams",
    "domain_verification",
    "certificate_renewal",
    "bring_your_own_key",
)
PORTAL_BASE = "https://setup.workos.com/portal/launch"
MAX_IT_CONTACTS = 20


def _check_contacts(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise error(422, "it_contact_emails must be an array of email addresses.")
    if len(value) > MAX_IT_CONTACTS:
        raise error(422, f"it_contact_emails accepts up to {MAX_IT_CONTACTS} emails.")
    return [check_email(v, "it_contact_emails") for v in value]


def _check_url(body: dict[str, Any], name: str) -> None:
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or "://" not in value):
        raise error(422, f"{name} must be an absolute URL.")


@routes.post("/portal/generate_link")
def generate_link(ctx: Ctx) -> Response:
    body = ctx.json(status=400)
    org_id = body.get("organization")
    if not isinstance(org_id, str) or not org_id:
        raise error(422, "organization is required.")
    intent = body.get("intent")
    if intent is not None and intent not in INTENTS:
        raise error(422, f"intent must be one of: {', '.join(INTENTS)}.")
    _check_contacts(body.get("it_contact_emails"))
    _check_url(body, "return_url")
    _check_url(body, "success_url")
    fetch(ctx.state, "organizations", org_id, "Organization")
    link = f"{PORTAL_BASE}?secret={secrets.token_urlsafe(24)}"
    if intent:
        link += f"&intent={intent}"
    return json_response({"link": link}, 201)
