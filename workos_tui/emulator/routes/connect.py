"""Connect applications (OAuth and M2M), their client secrets, and the applications users
authorized (per user and per organization)."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from ..errors import error, not_found, validation
from ..http import Ctx, Routes, empty, json_response, public
from ..pagination import list_body, paginate, parse_page_params
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, optional_str, require_str

routes = Routes()

APP_TYPES = ("oauth", "m2m")
REGISTRATION_TYPES = ("dynamic", "authenticated")


# -- shared helpers (also used by the demo) -------------------------------------------------


def find_application(state: EmulatorState, key: str) -> Record | None:
    """An application by id or by client id."""
    app = state["connect_applications"].get(key)
    if app is not None:
        return app
    rid = state["connect_applications"].index("client_id").first(key)
    return state["connect_applications"].get(rid) if rid else None


def _application(state: EmulatorState, key: str) -> Record:
    app = find_application(state, key)
    if app is None:
        raise not_found("Connect application", key)
    return app


def new_client_secret(state: EmulatorState, app: Record, value: str | None = None) -> Record:
    """Store a new secret for ``app``; the returned record holds the value in ``_secret``."""
    value = value or secrets.token_urlsafe(32)
    return state.create(
        "connect_application_secrets",
        {
            "object": "connect_application_secret",
            "secret_hint": value[-4:],
            "last_used_at": None,
            "_application_id": app["id"],
            "_secret": value,
        },
    )


def _string_list(body: dict[str, Any], name: str) -> list[str] | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise validation(name, "invalid_type", f"{name} must be an array of strings.")
    return list(dict.fromkeys(value))


def _redirect_uris(body: dict[str, Any]) -> list[dict[str, Any]] | None:
    value = body.get("redirect_uris")
    if value is None:
        return None
    if not isinstance(value, list):
        raise validation("redirect_uris", "invalid_type", "redirect_uris must be an array.")
    out: list[dict[str, Any]] = []
    for entry in value:
        uri = entry.get("uri") if isinstance(entry, dict) else None
        if not isinstance(uri, str) or "://" not in uri:
            raise validation("redirect_uris", "invalid_uri", "Each redirect URI needs a valid uri.")
        default = entry.get("default")
        if default is not None and not isinstance(default, bool):
            raise validation("redirect_uris", "invalid_type", "default must be a boolean.")
        out.append({"uri": uri, "default": bool(default)})
    if out and not any(e["default"] for e in out):
        out[0]["default"] = True
    if sum(e["default"] for e in out) > 1:
        raise validation("redirect_uris", "multiple_defaults", "Only one default redirect URI.")
    return out


def _check_organization(state: EmulatorState, org_id: str) -> None:
    if org_id not in state["organizations"]:
        raise not_found("Organization", org_id)


# -- applications -----------------------------------------------------------------------------


@routes.get("/connect/applications")
def list_applications(ctx: Ctx) -> Response:
    types = ctx.query_list("registration_types") or ["authenticated"]
    for t in types:
        if t not in REGISTRATION_TYPES:
            raise validation("registration_types", "invalid_enum_value", "Unknown type.")
    wanted = set(types)
    org_id = ctx.query.get("organization_id")
    candidates = None
    if org_id:
        if org_id not in ctx.state["organizations"]:
            raise error(422, f"Organization not found: '{org_id}'.", "entity_not_found")
        candidates = ctx.state["connect_applications"].index("organization_id").get(org_id)

    def matches(app: Record) -> bool:
        dynamic = bool(app.get("was_dynamically_registered"))
        return ("dynamic" if dynamic else "authenticated") in wanted

    return list_page(ctx, "connect_applications", candidates=candidates, predicate=matches)


@routes.post("/connect/applications")
def create_application(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    name = require_str(body, "name")
    app_type = body.get("application_type")
    if app_type not in APP_TYPES:
        raise validation("application_type", "invalid_enum_value", "Use oauth or m2m.")
    fields: Record = {
        "object": "connect_application",
        "client_id": state.new_id("client"),
        "description": optional_str(body, "description"),
        "name": name,
        "scopes": _string_list(body, "scopes") or [],
        "application_type": app_type,
    }
    org_id = optional_str(body, "organization_id")
    if app_type == "m2m":
        if not org_id:
            raise validation("organization_id", "required", "organization_id is required.")
        _check_organization(state, org_id)
        fields["organization_id"] = org_id
    else:
        first_party = body.get("is_first_party")
        if not isinstance(first_party, bool):
            raise validation("is_first_party", "required", "is_first_party must be a boolean.")
        pkce = body.get("uses_pkce")
        if pkce is not None and not isinstance(pkce, bool):
            raise validation("uses_pkce", "invalid_type", "uses_pkce must be a boolean.")
        fields["redirect_uris"] = _redirect_uris(body) or []
        fields["uses_pkce"] = bool(pkce)
        fields["is_first_party"] = first_party
        if not first_party:
            if not org_id:
                raise validation(
                    "organization_id",
                    "required",
                    "organization_id is required for third-party applications.",
                )
            _check_organization(state, org_id)
            fields["was_dynamically_registered"] = False
            fields["organization_id"] = org_id
    app = state.create("connect_applications", fields)
    return json_response(public(app), 201)


@routes.get("/connect/applications/{id}")
def get_application(ctx: Ctx) -> Response:
    return json_response(public(_application(ctx.state, ctx.params["id"])))


@routes.put("/connect/applications/{id}")
def update_application(ctx: Ctx) -> Response:
    state = ctx.state
    app = _application(state, ctx.params["id"])
    body = ctx.json(required=False)
    if "name" in body:
        app["name"] = require_str(body, "name")
    if "description" in body:
        app["description"] = optional_str(body, "description")
    if "scopes" in body:
        app["scopes"] = _string_list(body, "scopes") or []
    if body.get("redirect_uris") is not None:
        if app["application_type"] != "oauth":
            raise validation("redirect_uris", "not_supported", "Only OAuth apps have redirects.")
        app["redirect_uris"] = _redirect_uris(body) or []
    state.touch("connect_applications", app)
    return json_response(public(app))


@routes.delete("/connect/applications/{id}")
def delete_application(ctx: Ctx) -> Response:
    state = ctx.state
    app = _application(state, ctx.params["id"])
    for col, field in (
        ("connect_application_secrets", "_application_id"),
        ("authorized_applications", "_application_id"),
    ):
        for rid in list(state[col].index(field).get(app["id"])):
            state[col].delete(rid)
    state["connect_applications"].delete(app["id"])
    return empty(204)


# -- client secrets ---------------------------------------------------------------------------


@routes.get("/connect/applications/{id}/client_secrets")
def list_client_secrets(ctx: Ctx) -> Response:
    state = ctx.state
    app = _application(state, ctx.params["id"])
    col = state["connect_application_secrets"]
    rids = col.index("_application_id").get(app["id"])
    return json_response([public(col.items[rid]) for rid in rids])


@routes.post("/connect/applications/{id}/client_secrets")
def create_client_secret(ctx: Ctx) -> Response:
    state = ctx.state
    app = _application(state, ctx.params["id"])
    ctx.json(required=False)
    record = new_client_secret(state, app)
    return json_response({**public(record), "secret": record["_secret"]}, 201)


@routes.delete("/connect/client_secrets/{id}")
def delete_client_secret(ctx: Ctx) -> Response:
    secret = fetch(ctx.state, "connect_application_secrets", ctx.params["id"], "Client secret")
    ctx.state["connect_application_secrets"].delete(secret["id"])
    return empty(204)


# -- authorized applications ------------------------------------------------------------------


def _render_authorization(state: EmulatorState, with_user: bool) -> Any:
    def render(record: Record) -> Record:
        app = state["connect_applications"].get(record["_application_id"]) or {}
        out: Record = {
            "object": "authorized_connect_application",
            "id": record["id"],
            "granted_scopes": record["granted_scopes"],
            "application": public(app),
        }
        if record.get("oauth_resource"):
            out["oauth_resource"] = record["oauth_resource"]
        if with_user:
            out["user_id"] = record["user_id"]
        return out

    return render


def _authorizations_page(ctx: Ctx, field: str, key: str, with_user: bool) -> Response:
    state = ctx.state
    params = parse_page_params(ctx.query)
    col = state["authorized_applications"]
    page = paginate(col.index(field).get(key), col.get, params)
    return json_response(list_body(page, _render_authorization(state, with_user)))


@routes.get("/organizations/{organization_id}/authorized_applications")
def list_organization_authorized_applications(ctx: Ctx) -> Response:
    org_id = ctx.params["organization_id"]
    fetch(ctx.state, "organizations", org_id, "Organization")
    return _authorizations_page(ctx, "_organization_id", org_id, True)


@routes.get("/user_management/users/{user_id}/authorized_applications")
def list_user_authorized_applications(ctx: Ctx) -> Response:
    user_id = ctx.params["user_id"]
    fetch(ctx.state, "users", user_id, "User")
    return _authorizations_page(ctx, "user_id", user_id, False)


@routes.delete("/user_management/users/{user_id}/authorized_applications/{application_id}")
def delete_user_authorized_application(ctx: Ctx) -> Response:
    state = ctx.state
    user_id = ctx.params["user_id"]
    fetch(state, "users", user_id, "User")
    key = ctx.params["application_id"]
    app = find_application(state, key)
    col = state["authorized_applications"]
    for rid in col.index("user_id").get(user_id):
        if app is not None and col.items[rid]["_application_id"] == app["id"]:
            col.delete(rid)
            return empty(204)
    raise not_found("Authorized application", key)
