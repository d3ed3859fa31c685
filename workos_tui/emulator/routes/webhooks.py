"""Webhook endpoints: list, create, update (PATCH), delete."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlsplit

from starlette.responses import Response

from ..errors import error, validation
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from .common import fetch, list_page

routes = Routes()

STATUSES = ("enabled", "disabled")


def check_url(value: Any) -> str:
    """An absolute http(s) URL, else the spec's 422 ``invalid_url``."""
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme in ("http", "https") and parts.netloc:
            return value.strip()
    raise error(422, "endpoint_url must be a valid http(s) URL.", "invalid_url")


def _check_events(value: Any) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise validation("events", "invalid_type", "events must be a non-empty array of strings.")
    return list(dict.fromkeys(value))


def _check_unique(state: EmulatorState, url: str, own_id: str | None) -> None:
    for endpoint in state["webhook_endpoints"]:
        if endpoint["endpoint_url"] == url and endpoint["id"] != own_id:
            raise error(409, f"An endpoint for '{url}' already exists.", "duplicate_endpoint")


def new_secret() -> str:
    return secrets.token_urlsafe(24)


@routes.get("/webhook_endpoints")
def list_webhook_endpoints(ctx: Ctx) -> Response:
    return list_page(ctx, "webhook_endpoints")


@routes.post("/webhook_endpoints")
def create_webhook_endpoint(ctx: Ctx) -> Response:
    body = ctx.json()
    if "endpoint_url" not in body:
        raise validation("endpoint_url", "required", "endpoint_url is required.")
    url = check_url(body["endpoint_url"])
    events = _check_events(body.get("events"))
    _check_unique(ctx.state, url, None)
    endpoint = ctx.state.create(
        "webhook_endpoints",
        {
            "object": "webhook_endpoint",
            "endpoint_url": url,
            "secret": new_secret(),
            "status": "enabled",
            "events": events,
        },
    )
    return json_response(public(endpoint), 201)


@routes.patch("/webhook_endpoints/{id}")
def update_webhook_endpoint(ctx: Ctx) -> Response:
    state = ctx.state
    endpoint = fetch(state, "webhook_endpoints", ctx.params["id"], "Webhook endpoint")
    body = ctx.json(required=False)
    if "endpoint_url" in body:
        url = check_url(body["endpoint_url"])
        _check_unique(state, url, endpoint["id"])
        endpoint["endpoint_url"] = url
    if "events" in body:
        endpoint["events"] = _check_events(body["events"])
    if "status" in body:
        if body["status"] not in STATUSES:
            raise validation("status", "invalid_enum_value", "status must be enabled or disabled.")
        endpoint["status"] = body["status"]
    state.touch("webhook_endpoints", endpoint)
    return json_response(public(endpoint))


@routes.delete("/webhook_endpoints/{id}")
def delete_webhook_endpoint(ctx: Ctx) -> Response:
    endpoint = fetch(ctx.state, "webhook_endpoints", ctx.params["id"], "Webhook endpoint")
    ctx.state["webhook_endpoints"].delete(endpoint["id"])
    return empty(204)
