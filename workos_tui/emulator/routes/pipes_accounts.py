"""Pipes installations: a user's connected accounts, API-key and client-credentials upserts,
the OAuth authorize URL, vended credentials and access tokens, and a user's data providers."""

from __future__ import annotations

import secrets
from typing import Any
from urllib.parse import urlencode

from starlette.responses import Response

from .. import ids
from ..errors import error, not_found, validation
from ..http import Ctx, Routes, empty, json_response
from ..state import EmulatorState
from ..store import Record
from .common import fetch
from .pipes_providers import PROVIDERS, find_integration, provider_name

routes = Routes()

ACCOUNT_STATES = ("connected", "needs_reauthorization")
TOKEN_TTL_MS = 3_600_000
BAD_REQUEST = 400  # these operations' 422 is reserved for auth_method_mismatch


def render_account(record: Record) -> Record:
    return {
        "object": "connected_account",
        "id": record["id"],
        "user_id": record["user_id"],
        "organization_id": record["organization_id"],
        "scopes": record["scopes"],
        "auth_method": record["auth_method"],
        "api_key_last_4": record.get("api_key_last_4"),
        "client_id": record.get("client_id"),
        "client_secret_last_4": record.get("client_secret_last_4"),
        "config": record.get("config", {}),
        "state": record["state"],
        "created_at": record["created_at"],
        "updated_at": record["updated_at"],
    }


def event_payload(record: Record, integration: Record) -> Record:
    return {
        "object": "connected_account",
        "id": record["id"],
        "data_integration_id": integration["id"],
        "provider_slug": integration["slug"],
        "user_id": record["user_id"],
        "organization_id": record["organization_id"],
        "scopes": record["scopes"],
        "state": "needs_reauthorization"
        if record["state"] == "needs_reauthorization"
        else "connected",
        "created_at": record["created_at"],
        "updated_at": record["updated_at"],
    }


def find_account(
    state: EmulatorState, integration: Record, user_id: str, org_id: str | None
) -> Record | None:
    col = state["connected_accounts"]
    for rid in col.index("user_id").get(user_id):
        record = col.items[rid]
        if record["_integration_id"] == integration["id"] and record["organization_id"] == org_id:
            return record
    return None


def upsert_account(
    state: EmulatorState,
    integration: Record,
    user_id: str,
    org_id: str | None,
    method: str,
    fields: Record,
) -> Record:
    """Create or update the user's installation; emits ``connected`` for a new one."""
    record = find_account(state, integration, user_id, org_id)
    if record is None:
        record = state.create(
            "connected_accounts",
            {
                "object": "connected_account",
                "user_id": user_id,
                "organization_id": org_id,
                "scopes": [],
                "auth_method": method,
                "config": {},
                "state": "connected",
                "_integration_id": integration["id"],
                **fields,
            },
        )
        state.emit("pipes.connected_account.connected", event_payload(record, integration))
        return record
    record.update(fields)
    record["auth_method"] = method
    record["state"] = "connected"
    return state.touch("connected_accounts", record)


def _user_and_org(
    state: EmulatorState, body: dict[str, Any], status: int = BAD_REQUEST
) -> tuple[str, str | None]:
    """The body's user (and organization); a malformed body is 400 where 422 means a mismatch."""
    user_id = body.get("user_id")
    if not isinstance(user_id, str) or not user_id:
        raise validation("user_id", "required", "user_id is required.", status)
    fetch(state, "users", user_id, "User")
    org_id = body.get("organization_id")
    if org_id is not None:
        if not isinstance(org_id, str):
            raise validation("organization_id", "invalid_type", "Must be a string.", status)
        fetch(state, "organizations", org_id, "Organization")
    return user_id, org_id


def _mismatch(integration: Record, method: str) -> None:
    if method not in integration["auth_methods"]:
        raise error(
            422,
            f"The '{integration['slug']}' integration does not use {method}.",
            "auth_method_mismatch",
        )


def install_api_key(
    state: EmulatorState,
    integration: Record,
    body: Any,
    min_length: int = 1,
    status: int = BAD_REQUEST,
) -> Record:
    if not isinstance(body, dict):
        raise validation("api_key", "invalid_type", "api_key must be an object.", status)
    user_id, org_id = _user_and_org(state, body, status)
    secret = body.get("secret")
    if not isinstance(secret, str) or len(secret) < min_length:
        raise validation("secret", "too_short", f"secret needs {min_length}+ characters.", status)
    fields = {"api_key_last_4": secret[-4:], "_secret": secret}
    return upsert_account(state, integration, user_id, org_id, "api_key", fields)


@routes.put("/data-integrations/{slug}/api-key")
def upsert_api_key(ctx: Ctx) -> Response:
    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(status=BAD_REQUEST)
    _mismatch(integration, "api_key")
    return json_response(render_account(install_api_key(state, integration, body)))


@routes.put("/data-integrations/{slug}/client-credentials")
def upsert_client_credentials(ctx: Ctx) -> Response:
    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(status=BAD_REQUEST)
    _mismatch(integration, "client_credentials")
    user_id, org_id = _user_and_org(state, body)
    client_id, secret = body.get("client_id"), body.get("client_secret")
    for name, value in (("client_id", client_id), ("client_secret", secret)):
        if not isinstance(value, str) or not value:
            raise validation(name, "required", f"{name} is required.", BAD_REQUEST)
    config = body.get("config")
    if config is not None and not isinstance(config, dict):
        raise validation("config", "invalid_type", "Must be an object of strings.", BAD_REQUEST)
    fields: Record = {
        "client_id": client_id,
        "client_secret_last_4": str(secret)[-4:],
        "_client_secret": secret,
    }
    if config is not None:
        fields["config"] = dict(config)
    record = upsert_account(state, integration, user_id, org_id, "client_credentials", fields)
    return json_response(render_account(record))


@routes.post("/data-integrations/{slug}/authorize")
def authorize_url(ctx: Ctx) -> Response:
    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(status=BAD_REQUEST)
    user_id, org_id = _user_and_org(state, body)
    if "oauth" not in integration["auth_methods"]:
        raise error(400, f"'{integration['slug']}' is not an OAuth integration.", "bad_request")
    if not integration["enabled"]:
        raise error(403, f"The '{integration['slug']}' integration is disabled.", "forbidden")
    custom = integration.get("custom_provider") or {}
    base = custom.get("authorization_url") or PROVIDERS.get(integration["slug"], ("", ""))[1]
    creds = integration.get("credentials") or {}
    query = {
        "client_id": creds.get("client_id") or f"workos_shared_{integration['slug']}",
        "redirect_uri": integration["redirect_uri"],
        "response_type": "code",
        "scope": " ".join(integration.get("scopes") or []),
        "state": secrets.token_urlsafe(16),
    }
    if not base:
        base = f"https://{integration['slug']}.example/oauth/authorize"
    del user_id, org_id
    return json_response({"url": f"{base}?{urlencode(query)}"})


def _installation(ctx: Ctx) -> tuple[Record, Record | None]:
    state = ctx.state
    integration = find_integration(state, ctx.params["slug"])
    body = ctx.json(status=BAD_REQUEST)
    user_id, org_id = _user_and_org(state, body)
    return integration, find_account(state, integration, user_id, org_id)


def _access_token(state: EmulatorState, record: Record, integration: Record) -> Record:
    """The account's OAuth token, refreshed when expired."""
    expires = record.get("_expires_at")
    now = state.now_ms()
    if not record.get("_access_token") or (expires and ids.parse_iso(expires) <= now):
        record["_access_token"] = "gho_" + secrets.token_urlsafe(24)
        record["_expires_at"] = ids.iso(now + TOKEN_TTL_MS)
        state["connected_accounts"].put(record)
    wanted = integration.get("scopes") or []
    return {
        "value": record["_access_token"],
        "expires_at": record.get("_expires_at"),
        "scopes": record["scopes"],
        "missing_scopes": [s for s in wanted if s not in record["scopes"]],
    }


def _inactive(record: Record | None) -> Record | None:
    if record is None:
        return {"active": False, "error": "not_installed"}
    if record["state"] != "connected":
        return {"active": False, "error": "needs_reauthorization"}
    return None


@routes.post("/data-integrations/{slug}/credentials")
def vend_credentials(ctx: Ctx) -> Response:
    state = ctx.state
    integration, record = _installation(ctx)
    inactive = _inactive(record)
    if inactive is not None or record is None:
        return json_response(inactive)
    method = record["auth_method"]
    credential: Record = {"object": "credential", "auth_method": method}
    if method == "api_key":
        credential["value"] = record["_secret"]
    elif method == "client_credentials":
        token = _access_token(state, record, integration)
        credential.update(token, metadata={"client_id": record.get("client_id")})
    else:
        credential.update(_access_token(state, record, integration))
    return json_response({"active": True, "credential": credential})


@routes.post("/data-integrations/{slug}/token")
def userland_token(ctx: Ctx) -> Response:
    state = ctx.state
    integration, record = _installation(ctx)
    if record is not None and record["auth_method"] != "oauth":
        raise error(422, "The installation does not use OAuth.", "auth_method_mismatch")
    inactive = _inactive(record)
    if inactive is not None or record is None:
        return json_response(inactive)
    token = _access_token(state, record, integration)
    token["access_token"] = token.pop("value")
    return json_response({"active": True, "access_token": {"object": "access_token", **token}})


# -- a user's connected accounts and data providers ------------------------------------------


def _scope(ctx: Ctx) -> tuple[Record, Record, str | None]:
    state = ctx.state
    user = fetch(state, "users", ctx.params["user_id"], "User")
    integration = find_integration(state, ctx.params["slug"])
    org_id = ctx.query.get("organization_id") or None
    if org_id is not None:
        fetch(state, "organizations", org_id, "Organization")
    return user, integration, org_id


def _account_or_404(ctx: Ctx) -> tuple[Record, Record]:
    user, integration, org_id = _scope(ctx)
    record = find_account(ctx.state, integration, user["id"], org_id)
    if record is None:
        raise not_found("Connected account", f"{user['id']}/{integration['slug']}")
    return record, integration


def _token_fields(body: dict[str, Any], *, creating: bool) -> Record:
    fields: Record = {}
    for name in ("access_token", "refresh_token", "expires_at"):
        value = body.get(name)
        if value is not None:
            if not isinstance(value, str) or not value:
                raise validation(name, "invalid_type", f"{name} must be a string.")
            if name == "expires_at":
                try:
                    ids.parse_iso(value)
                except ValueError:
                    raise validation(name, "invalid_date", "expires_at must be ISO 8601.") from None
            fields["_" + name] = value
    if creating and "_access_token" not in fields:
        raise validation("access_token", "required", "access_token is required.")
    scopes = body.get("scopes")
    if scopes is not None:
        if not isinstance(scopes, list) or not all(isinstance(s, str) for s in scopes):
            raise validation("scopes", "invalid_type", "scopes must be an array of strings.")
        fields["scopes"] = list(dict.fromkeys(scopes))
    state = body.get("state")
    if state is not None:
        if state not in ACCOUNT_STATES:
            raise validation("state", "invalid_enum_value", "Use connected or needs_reauth….")
        fields["state"] = state
    return fields


@routes.get("/user_management/users/{user_id}/connected_accounts/{slug}")
def get_connected_account(ctx: Ctx) -> Response:
    record, _ = _account_or_404(ctx)
    return json_response(render_account(record))


@routes.post("/user_management/users/{user_id}/connected_accounts/{slug}")
def import_connected_account(ctx: Ctx) -> Response:
    state = ctx.state
    user, integration, org_id = _scope(ctx)
    if find_account(state, integration, user["id"], org_id) is not None:
        raise error(409, "The user already has a connected account for this provider.", "conflict")
    fields = _token_fields(ctx.json(), creating=True)
    record = upsert_account(state, integration, user["id"], org_id, "oauth", fields)
    return json_response(render_account(record), 201)


@routes.put("/user_management/users/{user_id}/connected_accounts/{slug}")
def update_connected_account(ctx: Ctx) -> Response:
    state = ctx.state
    record, integration = _account_or_404(ctx)
    fields = _token_fields(ctx.json(required=False), creating=False)
    was = record["state"]
    record.update(fields)
    state.touch("connected_accounts", record)
    if was != record["state"] == "needs_reauthorization":
        payload = event_payload(record, integration)
        state.emit("pipes.connected_account.reauthorization_needed", payload)
    return json_response(render_account(record))


@routes.delete("/user_management/users/{user_id}/connected_accounts/{slug}")
def delete_connected_account(ctx: Ctx) -> Response:
    state = ctx.state
    record, integration = _account_or_404(ctx)
    state["connected_accounts"].delete(record["id"])
    state.emit("pipes.connected_account.disconnected", event_payload(record, integration))
    return empty(204)


def _data_provider(integration: Record, account: Record | None) -> Record:
    creds = integration.get("credentials") or {}
    connected: Record | None = None
    if account is not None:
        connected = render_account(account)
        connected.update(
            userlandUserId=account["user_id"],
            organizationId=account["organization_id"],
            createdAt=account["created_at"],
            updatedAt=account["updated_at"],
        )
    kind = creds.get("type") or "shared"
    return {
        "object": "data_provider",
        "id": integration["id"],
        "name": provider_name(integration),
        "description": integration.get("description"),
        "slug": integration["slug"],
        "integration_type": integration["integration_type"],
        "credentials_type": kind,
        "scopes": integration.get("scopes"),
        "auth_methods": integration["auth_methods"],
        "ownership": "userland_user",
        "created_at": integration["created_at"],
        "updated_at": integration["updated_at"],
        "integrationType": integration["integration_type"],
        "credentialsType": kind,
        "createdAt": integration["created_at"],
        "updatedAt": integration["updated_at"],
        "connected_account": connected,
    }


@routes.get("/user_management/users/{user_id}/data_providers")
def list_data_providers(ctx: Ctx) -> Response:
    state = ctx.state
    user = fetch(state, "users", ctx.params["user_id"], "User")
    org_id = ctx.query.get("organization_id") or None
    if org_id is not None:
        fetch(state, "organizations", org_id, "Organization")
    data = [
        _data_provider(i, find_account(state, i, user["id"], org_id))
        for i in state["data_integrations"]
        if i["enabled"]
    ]
    return json_response({"object": "list", "data": data})
