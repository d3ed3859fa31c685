"""Vault: key-value objects with versions and metadata, and data-key management."""

from __future__ import annotations

import base64
import binascii
import hashlib
from typing import Any

from starlette.responses import Response

from .. import ids
from ..errors import ApiError, vault_error
from ..http import Ctx, Routes, json_response
from ..pagination import paginate, parse_page_params
from ..seeder import ENVIRONMENT_ID
from ..store import Record
from ..vault_crypto import BlobError, key_id_for, new_data_key, unwrap, wrap

routes = Routes()
API_ACTOR = {"id": "key_01HZEMULATORAPIKEY0000000", "name": "API key (emulator)"}


def _actor() -> dict[str, str]:
    return {"actor_id": API_ACTOR["id"], "actor_source": "api", "actor_name": API_ACTOR["name"]}


def _context(body: dict[str, Any], field: str) -> dict[str, str]:
    value = body.get(field)
    if not isinstance(value, dict):
        raise vault_error(422, f"{field} is required and must be an object of strings.")
    if len(value) > 10:
        raise vault_error(400, f"{field} may hold at most 10 entries.")
    for k, v in value.items():
        if not isinstance(v, str) or len(v) > 500:
            raise vault_error(400, f"{field}.{k} must be a string of at most 500 characters.")
    return {str(k): v for k, v in value.items()}


def _metadata(obj: Record) -> Record:
    versions = obj.get("_versions") or []
    return {
        "context": obj["context"],
        "environment_id": obj.get("environment_id", ENVIRONMENT_ID),
        "id": obj["id"],
        "key_id": obj["key_id"],
        "updated_at": obj["updated_at"],
        "updated_by": obj["updated_by"],
        "version_id": versions[-1]["id"] if versions else None,
    }


def _without_value(obj: Record) -> Record:
    return {"id": obj["id"], "name": obj["name"], "metadata": _metadata(obj)}


def _with_value(obj: Record) -> Record:
    return {**_without_value(obj), "value": obj["value"]}


def _fetch(ctx: Ctx, status: int = 404) -> Record:
    oid = ctx.params["id"]
    obj = ctx.state["vault_objects"].get(oid)
    if obj is None:
        raise vault_error(status, f"Object not found: '{oid}'.")
    return obj


def _body(ctx: Ctx) -> dict[str, Any]:
    try:
        return ctx.json(status=400)
    except ApiError as exc:
        raise vault_error(400, str(exc.body.get("message"))) from None


def _version(state_ms: int, rng: Any, value: str) -> Record:
    return {
        "id": ids.uuid7(state_ms, rng),
        "etag": hashlib.md5(value.encode()).hexdigest(),
        "size": len(value.encode()),
        "created_at": ids.iso(state_ms),
        "value": value,
    }


def _check_version(obj: Record, expected: str | None) -> None:
    if expected is None:
        return
    current = obj["_versions"][-1]
    if expected not in (current["id"], current["etag"]):
        raise vault_error(409, "version_check does not match the current version.")


@routes.get("/vault/v1/kv")
def list_objects(ctx: Ctx) -> Response:
    state = ctx.state

    def bad(field: str, code: str, message: str) -> ApiError:
        return vault_error(400, message)

    params = parse_page_params(ctx.query, max_limit=None, orders=("asc", "desc"), make_error=bad)
    search = (ctx.query.get("search") or "").lower()
    updated_after = ctx.query.get("updatedAfter")
    after_ms: int | None = None
    if updated_after:
        try:
            after_ms = ids.parse_iso(updated_after)
        except ValueError:
            raise vault_error(400, "updatedAfter must be an ISO 8601 timestamp.") from None

    def keep(r: Record) -> bool:
        if search and search not in r["name"].lower():
            return False
        return after_ms is None or ids.parse_iso(r["updated_at"]) > after_ms

    col = state["vault_objects"]
    page = paginate(col.order, col.get, params, keep if search or after_ms is not None else None)
    state.emit("vault.names.listed", _actor())
    return json_response(
        {
            "data": [
                {"id": r["id"], "name": r["name"], "updated_at": r["updated_at"]}
                for r in page.items
            ],
            "list_metadata": {"before": page.before, "after": page.after},
        }
    )


@routes.post("/vault/v1/kv")
def create_object(ctx: Ctx) -> Response:
    state = ctx.state
    body = _body(ctx)
    name, value = body.get("name"), body.get("value")
    if not isinstance(name, str) or not name or len(name) > 200:
        raise vault_error(422, "name is required (a string of at most 200 characters).")
    if not isinstance(value, str):
        raise vault_error(422, "value is required and must be a string.")
    context = _context(body, "key_context")
    if state["vault_objects"].index("name").first(name) is not None:
        raise vault_error(409, f"An object named '{name}' already exists.")
    ms = state.now_ms()
    obj = state.create(
        "vault_objects",
        {
            "name": name,
            "value": value,
            "context": context,
            "key_id": key_id_for(state, context),
            "environment_id": ENVIRONMENT_ID,
            "updated_by": dict(API_ACTOR),
            "_versions": [_version(ms, state.rng, value)],
        },
    )
    state.emit(
        "vault.data.created",
        {**_actor(), "kv_name": name, "key_id": obj["key_id"], "key_context": context},
    )
    return json_response(_metadata(obj), 201)


@routes.get("/vault/v1/kv/name/{name}")
def read_by_name(ctx: Ctx) -> Response:
    state = ctx.state
    name = ctx.params["name"]
    oid = state["vault_objects"].index("name").first(name)
    if oid is None:
        raise vault_error(404, f"Object not found: '{name}'.")
    obj = state["vault_objects"].items[oid]
    state.emit("vault.data.read", {**_actor(), "kv_name": name, "key_id": obj["key_id"]})
    return json_response(_with_value(obj))


@routes.get("/vault/v1/kv/{id}")
def read_object(ctx: Ctx) -> Response:
    obj = _fetch(ctx)
    ctx.state.emit("vault.data.read", {**_actor(), "kv_name": obj["name"], "key_id": obj["key_id"]})
    return json_response(_with_value(obj))


@routes.put("/vault/v1/kv/{id}")
def update_object(ctx: Ctx) -> Response:
    state = ctx.state
    obj = _fetch(ctx)
    body = _body(ctx)
    value = body.get("value")
    if not isinstance(value, str):
        raise vault_error(400, "value is required and must be a string.")
    check = body.get("version_check")
    _check_version(obj, check if isinstance(check, str) else None)
    version = _version(state.now_ms(), state.rng, value)
    obj["value"] = value
    obj["_versions"] = [*obj["_versions"], version]
    obj["updated_by"] = dict(API_ACTOR)
    obj["updated_at"] = version["created_at"]
    state["vault_objects"].put(obj)
    state.emit(
        "vault.data.updated",
        {
            **_actor(),
            "kv_name": obj["name"],
            "key_id": obj["key_id"],
            "key_context": obj["context"],
        },
    )
    return json_response(_without_value(obj), 201)


@routes.delete("/vault/v1/kv/{id}")
def delete_object(ctx: Ctx) -> Response:
    state = ctx.state
    obj = _fetch(ctx)
    _check_version(obj, ctx.query.get("version_check") or None)
    state["vault_objects"].delete(obj["id"])
    state.emit("vault.data.deleted", {**_actor(), "kv_name": obj["name"]})
    return json_response({"name": obj["name"], "success": True})


@routes.get("/vault/v1/kv/{id}/metadata")
def describe_object(ctx: Ctx) -> Response:
    obj = _fetch(ctx)
    ctx.state.emit("vault.metadata.read", {**_actor(), "kv_name": obj["name"]})
    return json_response(_without_value(obj))


@routes.get("/vault/v1/kv/{id}/versions")
def object_versions(ctx: Ctx) -> Response:
    obj = _fetch(ctx)
    versions = obj["_versions"]
    data = [
        {
            "created_at": v["created_at"],
            "current_version": i == len(versions) - 1,
            "etag": v["etag"],
            "id": v["id"],
            "size": v["size"],
        }
        for i, v in enumerate(versions)
    ]
    data.reverse()
    return json_response({"data": data, "list_metadata": {"before": None, "after": None}})


# -- keys ------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _blob(value: Any, field: str) -> bytes:
    if not isinstance(value, str) or not value:
        raise vault_error(400, f"{field} is required (base64 of an encrypted-keys blob).")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise vault_error(400, f"{field} is not valid base64.") from None


@routes.post("/vault/v1/keys/data-key")
def create_data_key(ctx: Ctx) -> Response:
    state = ctx.state
    context = _context(_body(ctx), "context")
    key_id, data_key, blob = new_data_key(state, context)
    state.emit("vault.dek.read", {**_actor(), "key_ids": [key_id], "key_context": context})
    return json_response(
        {"context": context, "data_key": _b64(data_key), "encrypted_keys": _b64(blob), "id": key_id}
    )


@routes.post("/vault/v1/keys/decrypt")
def decrypt_data_key(ctx: Ctx) -> Response:
    state = ctx.state
    blob = _blob(_body(ctx).get("keys"), "keys")
    try:
        key_id, data_key, _ = unwrap(state, blob)
    except BlobError as exc:
        raise vault_error(400, str(exc)) from None
    state.emit("vault.dek.decrypted", {**_actor(), "key_id": key_id})
    return json_response({"data_key": _b64(data_key), "id": key_id})


@routes.post("/vault/v1/keys/rekey")
def rekey(ctx: Ctx) -> Response:
    state = ctx.state
    body = _body(ctx)
    blob = _blob(body.get("encrypted_keys"), "encrypted_keys")
    context = _context(body, "context")
    try:
        _, data_key, _ = unwrap(state, blob)
    except BlobError as exc:
        raise vault_error(400, str(exc)) from None
    key_id = key_id_for(state, context)
    new_blob = wrap(state, key_id, data_key, context)
    state.emit("vault.dek.read", {**_actor(), "key_ids": [key_id], "key_context": context})
    return json_response(
        {
            "context": context,
            "data_key": _b64(data_key),
            "encrypted_keys": _b64(new_blob),
            "id": key_id,
        }
    )
