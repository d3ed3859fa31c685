"""AuthKit configuration: redirect URIs, CORS origins and the JWT template."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from starlette.responses import Response

from ..errors import ApiError, error
from ..http import Ctx, Routes, empty, json_response, public
from ..ids import iso
from ..state import EmulatorState
from .common import fetch, list_page

routes = Routes()

JWT_META = "jwt_template"
DEFAULT_JWT_CONTENT = "{}"


# -- redirect URIs -------------------------------------------------------------------------------


def _check_uri(body: dict[str, Any]) -> str:
    value = body.get("uri")
    if not isinstance(value, str) or not value.strip():
        raise error(422, "uri is required and must be a non-empty string.")
    uri = value.strip()
    parts = urlsplit(uri)
    if not parts.scheme or not (parts.netloc or parts.path) or " " in uri:
        raise error(422, f"Redirect URI '{uri}' is not a valid URI.")
    if parts.scheme == "http" and (parts.hostname or "") not in ("localhost", "127.0.0.1"):
        raise error(422, "Redirect URIs must use HTTPS unless they point to localhost.")
    return uri


def new_redirect_uri(state: EmulatorState, uri: str) -> dict[str, Any]:
    """Add a redirect URI; the environment's first one becomes the default."""
    return state.create(
        "redirect_uris",
        {"object": "redirect_uri", "uri": uri, "default": len(state["redirect_uris"]) == 0},
    )


@routes.get("/user_management/redirect_uris")
def list_redirect_uris(ctx: Ctx) -> Response:
    return list_page(ctx, "redirect_uris")


@routes.post("/user_management/redirect_uris")
def create_redirect_uri(ctx: Ctx) -> Response:
    body = ctx.json(status=400)
    uri = _check_uri(body)
    if ctx.state["redirect_uris"].index("uri").get(uri):
        raise error(422, f"Redirect URI '{uri}' already exists.")
    return json_response(public(new_redirect_uri(ctx.state, uri)), 201)


@routes.delete("/user_management/redirect_uris/{id}")
def delete_redirect_uri(ctx: Ctx) -> Response:
    record = fetch(ctx.state, "redirect_uris", ctx.params["id"], "Redirect URI")
    if record["default"]:
        raise error(409, "Cannot delete the default redirect URI.")
    ctx.state["redirect_uris"].delete(record["id"])
    return empty(204)


# -- CORS origins --------------------------------------------------------------------------------


def _invalid_origin(message: str) -> ApiError:
    return error(
        422,
        "Validation failed.",
        "invalid_request_parameters",
        errors=[{"property": "origin", "constraints": {"isOrigin": message}}],
    )


def check_origin(value: Any) -> str:
    """A browser origin: ``scheme://host[:port]`` with no path, query or fragment."""
    if not isinstance(value, str) or not value.strip():
        raise _invalid_origin("origin must be a non-empty string")
    parts = urlsplit(value.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
    ):
        raise _invalid_origin("origin must be a scheme and host, e.g. https://app.example.com")
    return f"{parts.scheme}://{parts.netloc.lower()}"


@routes.get("/user_management/cors_origins")
def list_cors_origins(ctx: Ctx) -> Response:
    return list_page(ctx, "cors_origins")


@routes.post("/user_management/cors_origins")
def create_cors_origin(ctx: Ctx) -> Response:
    body = ctx.json()
    origin = check_origin(body.get("origin"))
    if ctx.state["cors_origins"].index("origin").get(origin):
        raise error(409, "CORS origin already exists.", "duplicate_cors_origin")
    record = ctx.state.create("cors_origins", {"object": "cors_origin", "origin": origin})
    return json_response(public(record), 201)


# -- JWT template ----------------------------------------------------------------------------


def set_jwt_template(state: EmulatorState, content: str) -> dict[str, Any]:
    now = iso(state.now_ms())
    current = state.meta.get(JWT_META)
    template = {
        "object": "jwt_template",
        "content": content,
        "created_at": current["created_at"] if current else now,
        "updated_at": now,
    }
    state.set_meta(JWT_META, template)
    return template


@routes.get("/user_management/jwt_template")
def get_jwt_template(ctx: Ctx) -> Response:
    template = ctx.state.meta.get(JWT_META)
    if template is None:
        raise error(404, "No JWT template is configured for this environment.", "entity_not_found")
    return json_response(template)


@routes.put("/user_management/jwt_template")
def update_jwt_template(ctx: Ctx) -> Response:
    body = ctx.json()
    content = body.get("content")
    if not isinstance(content, str):
        raise error(422, "content is required and must be a string.", "invalid_request_parameters")
    if "{{" in content and content.count("{{") != content.count("}}"):
        raise error(422, "content is not a valid Liquid template.", "invalid_request_parameters")
    return json_response(set_jwt_template(ctx.state, content))
