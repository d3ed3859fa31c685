"""Pipes: data integrations (CRUD) and an organization's provider configurations."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from ..errors import error, not_found, validation
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, optional_bool, optional_str
from .pipes_providers import PROVIDERS, find_integration, provider_name

routes = Routes()

AUTH_METHODS = ("oauth", "api_key", "client_credentials")
CREDENTIAL_TYPES = ("custom", "organization")
CUSTOM_DEFAULTS: Record = {
    "authorization_url": None,
    "token_url": None,
    "refresh_token_url": None,
    "pkce_enabled": False,
    "request_scope_separator": " ",
    "scopes_required": False,
    "client_secret_required": True,
    "additional_authorization_parameters": {},
    "token_body_content_type": "application/x-www-form-urlencoded",
    "authenticate_via": "request_body",
}
REDIRECT_BASE = "https://api.workos.com/data-integrations"


def render_integration(state: EmulatorState, record: Record) -> Record:
    out = public(record)
    install_id = record.get("_installation_id")
    account = state["connected_accounts"].get(install_id) if install_id else None
    out["installation"] = (
        {
            "id": account["id"],
            "user_id": account["user_id"],
            "organization_id": account["organization_id"],
            "api_key_last_4": account.get("api_key_last_4"),
        }
        if account
        else None
    )
    return out


def _string_map(body: dict[str, Any], name: str) -> dict[str, str] | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise validation(name, "invalid_type", f"{name} must be an object of strings.")
    return dict(value)


def _scopes(body: dict[str, Any]) -> list[str] | None:
    value = body.get("scopes")
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise validation("scopes", "invalid_type", "scopes must be an array of strings.")
    return list(dict.fromkeys(value))


def _credentials(value: Any) -> Record | None:
    if value is None:
        return None
    if not isinstance(value, dict) or value.get("type") not in CREDENTIAL_TYPES:
        raise validation("credentials.type", "invalid_enum_value", "Use custom or organization.")
    client_id = value.get("client_id")
    secret = value.get("client_secret")
    if value["type"] == "custom" and not (client_id and secret):
        raise error(400, "Custom credentials need client_id and client_secret.", "bad_request")
    return {
        "type": value["type"],
        "client_id": client_id if isinstance(client_id, str) else None,
        "redacted_client_secret": f"****{secret[-4:]}" if isinstance(secret, str) else None,
    }


def _custom_provider(value: Any, current: Record | None) -> Record:
    if not isinstance(value, dict):
        raise validation("custom_provider", "invalid_type", "custom_provider must be an object.")
    out = dict(current or CUSTOM_DEFAULTS)
    for key, default in CUSTOM_DEFAULTS.items():
        if key in value:
            given = value[key]
            if given is not None and default is not None and type(given) is not type(default):
                raise validation(f"custom_provider.{key}", "invalid_type", f"Bad {key}.")
            out[key] = given
    if current is None or "name" in value:
        name = value.get("name")
        if not isinstance(name, str) or not name.strip():
            raise validation("custom_provider.name", "required", "custom_provider.name needed.")
        out["name"] = name.strip()
    if out["authenticate_via"] not in ("request_body", "basic_auth_header"):
        raise validation("custom_provider.authenticate_via", "invalid_enum_value", "Bad value.")
    return out


def _auth_methods(body: dict[str, Any]) -> list[str]:
    value = body.get("auth_methods")
    if value is None:
        return ["oauth"]
    if not isinstance(value, list) or not value or any(v not in AUTH_METHODS for v in value):
        raise validation("auth_methods", "invalid_enum_value", "Unknown auth method.")
    return list(dict.fromkeys(value))


@routes.get("/data-integrations")
def list_data_integrations(ctx: Ctx) -> Response:
    state = ctx.state
    return list_page(
        ctx, "data_integrations", render=lambda record: render_integration(state, record)
    )


@routes.post("/data-integrations")
def create_data_integration(ctx: Ctx) -> Response:
    from .pipes_accounts import install_api_key

    state = ctx.state
    body = ctx.json()
    slug = body.get("provider")
    if not isinstance(slug, str) or not slug.strip():
        raise validation("provider", "required", "provider is required.")
    slug = slug.strip()
    custom = body.get("custom_provider")
    if custom is not None and slug in PROVIDERS:
        raise error(400, f"A custom provider cannot shadow '{slug}'.", "bad_request")
    if custom is None and slug not in PROVIDERS:
        raise not_found("Provider", slug)
    if state["data_integrations"].index("slug").first(slug):
        raise error(409, f"A data integration for '{slug}' already exists.", "conflict")
    methods = _auth_methods(body)
    enabled = optional_bool(body, "enabled")
    fields: Record = {
        "object": "data_integration",
        "slug": slug,
        "integration_type": slug,
        "description": optional_str(body, "description"),
        "enabled": True if enabled is None else enabled,
        "state": "valid",
        "scopes": _scopes(body),
        "redirect_uri": f"{REDIRECT_BASE}/{slug}/callback",
        "auth_methods": methods,
        "credentials": _credentials(body.get("credentials")),
        "config": _string_map(body, "config") or {},
        "custom_provider": None if custom is None else _custom_provider(custom, None),
    }
    if fields["credentials"] is None and "oauth" in methods and custom is not None:
        fields["state"] = "requested"
    api_key = body.get("api_key")
    if api_key is not None and "api_key" not in methods:
        raise validation("api_key", "auth_method_mismatch", "api_key needs the api_key method.")
    integration = state.create("data_integrations", fields)
    if api_key is not None:
        account = install_api_key(state, integration, api_key, 5, 422)
        integration["_installation_id"] = account["id"]
    return json_response(render_integration(state, integration), 201)


@routes.get("/data-integrations/{slug}")
def get_data_integration(ctx: Ctx) -> Response:
    state = ctx.state
    return json_response(render_integration(state, find_integration(state, ctx.params["slug"])))


@routes.put("/data-integrations/{slug}")
def update_data_integration(ctx: Ctx) -> Response:
    from .pipes_accounts import install_api_key

    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(required=False)
    if "description" in body:
        integration["description"] = optional_str(body, "description")
    if "enabled" in body:
        integration["enabled"] = bool(optional_bool(body, "enabled"))
    if "scopes" in body:
        integration["scopes"] = _scopes(body)
    if body.get("credentials") is not None:
        integration["credentials"] = _credentials(body["credentials"])
        integration["state"] = "valid"
    if body.get("custom_provider") is not None:
        current = integration.get("custom_provider")
        if current is None:
            raise error(400, "Only custom providers have a custom_provider.", "bad_request")
        integration["custom_provider"] = _custom_provider(body["custom_provider"], current)
    if body.get("api_key") is not None:
        if "api_key" not in integration["auth_methods"]:
            raise validation("api_key", "auth_method_mismatch", "Not an API key integration.")
        account = install_api_key(state, integration, body["api_key"], 5, 422)
        integration["_installation_id"] = account["id"]
    state.touch("data_integrations", integration)
    return json_response(render_integration(state, integration))


@routes.delete("/data-integrations/{slug}")
def delete_data_integration(ctx: Ctx) -> Response:
    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    accounts = state["connected_accounts"]
    for rid in list(accounts.index("_integration_id").get(integration["id"])):
        accounts.delete(rid)
    state["data_integrations"].delete(integration["id"])
    return empty(204)


# -- an organization's provider configurations -----------------------------------------------


def _configuration(integration: Record, org_id: str) -> Record:
    own: Record = integration.get("_org_configs", {}).get(org_id) or {}
    creds = integration.get("credentials") or {}
    kind = creds.get("type") or "shared"
    has_own = bool(own.get("client_id"))
    org_managed = kind == "organization"
    return {
        "object": "data_integration_configuration",
        "id": integration["id"],
        "organization_id": org_id,
        "slug": integration["slug"],
        "name": provider_name(integration),
        "enabled": own.get("enabled", integration["enabled"]),
        "scopes": own.get("scopes", integration["scopes"]),
        "config": own.get("config", integration["config"]),
        "created_at": own.get("created_at", integration["created_at"]),
        "updated_at": own.get("updated_at", integration["updated_at"]),
        "credentials": {
            "credentials_type": kind,
            "has_credentials": has_own if org_managed else kind == "custom",
            "client_id": own.get("client_id") if org_managed else creds.get("client_id"),
            "client_secret_last_four": own.get("client_secret_last_four") if org_managed else None,
            "redirect_uri": integration["redirect_uri"],
        },
    }


@routes.get("/organizations/{organizationId}/data_integration_configurations")
def list_organization_configurations(ctx: Ctx) -> Response:
    state = ctx.state
    org_id = ctx.params["organizationId"]
    fetch(state, "organizations", org_id, "Organization")
    data = [_configuration(i, org_id) for i in state["data_integrations"]]
    return json_response({"object": "list", "data": data})


@routes.put("/organizations/{organizationId}/data_integration_configurations/{slug}")
def configure_for_organization(ctx: Ctx) -> Response:
    state = ctx.state
    org_id = ctx.params["organizationId"]
    fetch(state, "organizations", org_id, "Organization")
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(required=False)
    configs: dict[str, Record] = dict(integration.get("_org_configs") or {})
    own = dict(configs.get(org_id) or {})
    now = state.stamp()[2]
    own.setdefault("created_at", now)
    own["updated_at"] = now
    if "enabled" in body:
        own["enabled"] = bool(optional_bool(body, "enabled"))
    if "scopes" in body:
        own["scopes"] = _scopes(body)
    config = _string_map(body, "config")
    if config is not None:
        own["config"] = config
    client_id, secret = body.get("client_id"), body.get("client_secret")
    if client_id is not None or secret is not None:
        if (integration.get("credentials") or {}).get("type") != "organization":
            raise error(400, "This integration does not take organization credentials.", "bad")
        if not isinstance(client_id, str) or not client_id or not isinstance(secret, str):
            raise validation("client_secret", "required", "client_id and client_secret needed.")
        if not secret:
            raise validation("client_secret", "too_short", "client_secret must not be empty.")
        own["client_id"] = client_id
        own["client_secret_last_four"] = secret[-4:]
    configs[org_id] = own
    integration["_org_configs"] = configs
    state["data_integrations"].put(integration)
    return json_response(_configuration(integration, org_id))
