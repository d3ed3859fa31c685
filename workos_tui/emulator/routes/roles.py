"""Environment roles, organization (custom) roles and their permissions; the permissions list."""

from __future__ import annotations

import re
from typing import Any

from starlette.responses import Response

from .. import authz
from ..errors import error, not_found
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page, require_str

routes = Routes()

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_:.*-]*$")
ORG_SLUG_RE = re.compile(r"^org-[a-z0-9_-]+$")
NAME_MAX = 48
DESCRIPTION_MAX = 150


def _text(body: dict[str, Any], name: str, limit: int, *, required: bool = False) -> str | None:
    if required:
        value: str | None = require_str(body, name)
    else:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise error(422, f"{name} must be a string.")
    if value is not None and len(value) > limit:
        raise error(422, f"{name} must be at most {limit} characters.")
    return value


def _slug(value: str, pattern: re.Pattern[str], what: str) -> str:
    if len(value) > NAME_MAX or not pattern.fullmatch(value):
        raise error(400, f"'{value}' is not a valid {what} slug.", "bad_request")
    return value


def _type_slug(body: dict[str, Any]) -> str:
    return _text(body, "resource_type_slug", NAME_MAX) or authz.ORGANIZATION_TYPE


def _org_roles(state: EmulatorState, org_id: str | None) -> list[Record]:
    """Roles in priority order: environment roles, then the organization's custom roles."""
    col = state["roles"]
    env = [r for r in col if r.get("_organization_id") is None]
    if org_id is None:
        return env
    own = [col.items[rid] for rid in col.index("_organization_id").get(org_id)]
    return env + own


def _role_list(roles: list[Record]) -> Response:
    return json_response({"object": "list", "data": [public(r) for r in roles]})


def _new_role(state: EmulatorState, body: dict[str, Any], slug: str, org_id: str | None) -> Record:
    return state.create(
        "roles",
        {
            "object": "role",
            "slug": slug,
            "name": _text(body, "name", NAME_MAX, required=True),
            "description": _text(body, "description", DESCRIPTION_MAX),
            "type": "EnvironmentRole" if org_id is None else "OrganizationRole",
            "resource_type_slug": _type_slug(body),
            "permissions": [],
            "_organization_id": org_id,
        },
    )


def _changed(state: EmulatorState, role: Record) -> Response:
    state.touch("roles", role)
    prefix = authz.role_event_prefix(role)
    state.emit(f"{prefix}.updated", authz.role_event(role), role.get("_organization_id"))
    return json_response(public(role))


def _update(state: EmulatorState, role: Record, body: dict[str, Any]) -> Response:
    if "name" in body:
        role["name"] = _text(body, "name", NAME_MAX, required=True)
    if "description" in body:
        role["description"] = _text(body, "description", DESCRIPTION_MAX)
    return _changed(state, role)


def _add_permission(state: EmulatorState, role: Record, body: dict[str, Any]) -> Response:
    slug = require_str(body, "slug")
    authz.check_permission_slugs(state, [slug], "slug")
    if slug not in role["permissions"]:
        role["permissions"] = [*role["permissions"], slug]
    return _changed(state, role)


def _set_permissions(state: EmulatorState, role: Record, body: dict[str, Any]) -> Response:
    role["permissions"] = authz.check_permission_slugs(
        state, body.get("permissions"), "permissions"
    )
    return _changed(state, role)


# -- environment roles -------------------------------------------------------------------------


def _env_role(state: EmulatorState, slug: str) -> Record:
    role = authz.find_role(state, slug, None)
    if role is None:
        raise not_found("Role", slug)
    return role


@routes.get("/authorization/roles")
def list_roles(ctx: Ctx) -> Response:
    return _role_list(_org_roles(ctx.state, None))


@routes.post("/authorization/roles")
def create_role(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    slug = _slug(require_str(body, "slug"), SLUG_RE, "role")
    if authz.find_role(state, slug, None) is not None:
        raise error(409, f"A role with slug '{slug}' already exists.", "role_slug_conflict")
    role = _new_role(state, body, slug, None)
    state.emit("role.created", authz.role_event(role))
    return json_response(public(role), 201)


@routes.get("/authorization/roles/{slug}")
def get_role(ctx: Ctx) -> Response:
    return json_response(public(_env_role(ctx.state, ctx.params["slug"])))


@routes.patch("/authorization/roles/{slug}")
def update_role(ctx: Ctx) -> Response:
    return _update(ctx.state, _env_role(ctx.state, ctx.params["slug"]), ctx.json())


@routes.post("/authorization/roles/{slug}/permissions")
def add_role_permission(ctx: Ctx) -> Response:
    return _add_permission(ctx.state, _env_role(ctx.state, ctx.params["slug"]), ctx.json())


@routes.put("/authorization/roles/{slug}/permissions")
def set_role_permissions(ctx: Ctx) -> Response:
    return _set_permissions(ctx.state, _env_role(ctx.state, ctx.params["slug"]), ctx.json())


# -- organization roles ------------------------------------------------------------------------


def _any_org_role(ctx: Ctx) -> tuple[Record, Record]:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    slug = ctx.params["slug"]
    role = authz.find_role(ctx.state, slug, org["id"])
    if role is None:
        raise not_found("Role", slug)
    return org, role


def _custom_role(ctx: Ctx) -> Record:
    _, role = _any_org_role(ctx)
    if role.get("_organization_id") is None:
        raise error(
            400,
            f"'{role['slug']}' is an environment role; change it under /authorization/roles.",
            "bad_request",
        )
    return role


# The older path the Node SDK's ``organizations.listOrganizationRoles`` still calls (outside our
# spec copy): the same unpaginated list.
@routes.get("/organizations/{organizationId}/roles")
@routes.get("/authorization/organizations/{organizationId}/roles")
def list_org_roles(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    return _role_list(_org_roles(ctx.state, org["id"]))


@routes.post("/authorization/organizations/{organizationId}/roles")
def create_org_role(ctx: Ctx) -> Response:
    state = ctx.state
    org = fetch(state, "organizations", ctx.params["organizationId"], "Organization")
    body = ctx.json()
    name = _text(body, "name", NAME_MAX, required=True) or ""
    given = _text(body, "slug", NAME_MAX)
    if given is None:
        given = "org-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "role")
    slug = _slug(given, ORG_SLUG_RE, "organization role")
    existing = authz.find_role(state, slug, org["id"])
    if existing is not None and existing.get("_organization_id") == org["id"]:
        raise error(
            409, f"A role with slug '{slug}' already exists.", "organization_role_slug_conflict"
        )
    role = _new_role(state, body, slug, org["id"])
    state.emit("organization_role.created", authz.role_event(role), org["id"])
    return json_response(public(role), 201)


@routes.get("/authorization/organizations/{organizationId}/roles/{slug}")
def get_org_role(ctx: Ctx) -> Response:
    return json_response(public(_any_org_role(ctx)[1]))


@routes.patch("/authorization/organizations/{organizationId}/roles/{slug}")
def update_org_role(ctx: Ctx) -> Response:
    return _update(ctx.state, _custom_role(ctx), ctx.json())


@routes.delete("/authorization/organizations/{organizationId}/roles/{slug}")
def delete_org_role(ctx: Ctx) -> Response:
    state = ctx.state
    role = _custom_role(ctx)
    conflict = authz.role_in_use(state, role)
    if conflict is not None:
        raise conflict
    state["roles"].delete(role["id"])
    state.emit("organization_role.deleted", authz.role_event(role), role["_organization_id"])
    return empty(204)


@routes.post("/authorization/organizations/{organizationId}/roles/{slug}/permissions")
def add_org_role_permission(ctx: Ctx) -> Response:
    return _add_permission(ctx.state, _custom_role(ctx), ctx.json())


@routes.put("/authorization/organizations/{organizationId}/roles/{slug}/permissions")
def set_org_role_permissions(ctx: Ctx) -> Response:
    return _set_permissions(ctx.state, _custom_role(ctx), ctx.json())


@routes.delete(
    "/authorization/organizations/{organizationId}/roles/{slug}/permissions/{permissionSlug}"
)
def remove_org_role_permission(ctx: Ctx) -> Response:
    role = _custom_role(ctx)
    slug = ctx.params["permissionSlug"]
    if slug not in role["permissions"]:
        raise not_found("Role permission", slug)
    role["permissions"] = [p for p in role["permissions"] if p != slug]
    return _changed(ctx.state, role)


# -- permissions -------------------------------------------------------------------------------


def _permission(state: EmulatorState, slug: str) -> Record:
    pid = state["permissions"].index("slug").first(slug)
    if pid is None:
        raise not_found("Permission", slug)
    return state["permissions"].items[pid]


@routes.get("/authorization/permissions")
def list_permissions(ctx: Ctx) -> Response:
    return list_page(ctx, "permissions")


@routes.post("/authorization/permissions")
def create_permission(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    slug = _slug(require_str(body, "slug"), SLUG_RE, "permission")
    if state["permissions"].index("slug").first(slug) is not None:
        raise error(
            409, f"A permission with slug '{slug}' already exists.", "permission_slug_conflict"
        )
    perm = state.create(
        "permissions",
        {
            "object": "permission",
            "slug": slug,
            "name": _text(body, "name", NAME_MAX, required=True),
            "description": _text(body, "description", DESCRIPTION_MAX),
            "system": False,
            "resource_type_slug": _type_slug(body),
        },
    )
    state.emit("permission.created", public(perm))
    return json_response(public(perm), 201)


@routes.get("/authorization/permissions/{slug}")
def get_permission(ctx: Ctx) -> Response:
    return json_response(public(_permission(ctx.state, ctx.params["slug"])))


@routes.patch("/authorization/permissions/{slug}")
def update_permission(ctx: Ctx) -> Response:
    state = ctx.state
    perm = _permission(state, ctx.params["slug"])
    body = ctx.json()
    if "name" in body:
        perm["name"] = _text(body, "name", NAME_MAX, required=True)
    if "description" in body:
        perm["description"] = _text(body, "description", DESCRIPTION_MAX)
    state.touch("permissions", perm)
    state.emit("permission.updated", public(perm))
    return json_response(public(perm))


@routes.delete("/authorization/permissions/{slug}")
def delete_permission(ctx: Ctx) -> Response:
    state = ctx.state
    perm = _permission(state, ctx.params["slug"])
    if perm["system"]:
        raise error(403, f"'{perm['slug']}' is a system permission and cannot be deleted.")
    for role in state["roles"]:
        if perm["slug"] in role["permissions"]:
            role["permissions"] = [p for p in role["permissions"] if p != perm["slug"]]
            state.touch("roles", role)
    state["permissions"].delete(perm["id"])
    state.emit("permission.deleted", public(perm))
    return empty(204)
