"""Feature flags: list, get by slug, enable/disable, targets, per organization and user."""

from __future__ import annotations

from starlette.responses import Response

from ..errors import error
from ..http import Ctx, Routes, empty, json_response, public
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page

routes = Routes()


CLIENT_ID = "client_01HZEMULATOR000000000000000"


def emit_flag_event(
    state: EmulatorState, name: str, flag: Record, previous: Record | None = None
) -> None:
    """``flag.*`` events carry a ``context`` (client and actor) beside their data."""
    event = state.emit(name, public(flag))
    context: Record = {
        "client_id": CLIENT_ID,
        "actor": {"id": "key_01HZEMULATORAPIKEY0000000", "source": "api", "name": None},
    }
    if previous is not None:
        context["previous_attributes"] = {"data": previous}
    event["context"] = context
    state["events"].put(event)


def _flag(state: EmulatorState, slug: str) -> Record:
    fid = state["feature_flags"].index("slug").first(slug)
    if fid is None:
        raise error(404, f"Feature flag not found: '{slug}'.")
    return state["feature_flags"].items[fid]


@routes.get("/feature-flags")
def list_flags(ctx: Ctx) -> Response:
    return list_page(ctx, "feature_flags")


@routes.get("/feature-flags/{slug}")
def get_flag(ctx: Ctx) -> Response:
    return json_response(public(_flag(ctx.state, ctx.params["slug"])))


def _set_enabled(ctx: Ctx, enabled: bool) -> Response:
    flag = _flag(ctx.state, ctx.params["slug"])
    if flag["enabled"] != enabled:
        flag["enabled"] = enabled
        ctx.state.touch("feature_flags", flag)
        emit_flag_event(ctx.state, "flag.updated", flag, {"enabled": not enabled})
    return json_response(public(flag))


@routes.put("/feature-flags/{slug}/enable")
def enable_flag(ctx: Ctx) -> Response:
    return _set_enabled(ctx, True)


@routes.put("/feature-flags/{slug}/disable")
def disable_flag(ctx: Ctx) -> Response:
    return _set_enabled(ctx, False)


def _target(state: EmulatorState, resource_id: str) -> str:
    if resource_id.startswith("org_"):
        fetch(state, "organizations", resource_id, "Organization")
    elif resource_id.startswith("user_"):
        fetch(state, "users", resource_id, "User")
    else:
        raise error(
            400, "Targets are organizations (org_…) or users (user_…).", "invalid_target_type"
        )
    return resource_id


@routes.post("/feature-flags/{slug}/targets/{resourceId}")
def add_target(ctx: Ctx) -> Response:
    flag = _flag(ctx.state, ctx.params["slug"])
    target = _target(ctx.state, ctx.params["resourceId"])
    if target not in flag["_targets"]:
        flag["_targets"] = [*flag["_targets"], target]
        ctx.state.touch("feature_flags", flag)
    return empty(204)


@routes.delete("/feature-flags/{slug}/targets/{resourceId}")
def remove_target(ctx: Ctx) -> Response:
    flag = _flag(ctx.state, ctx.params["slug"])
    target = ctx.params["resourceId"]
    if target not in flag["_targets"]:
        raise error(404, f"'{target}' is not a target of '{flag['slug']}'.")
    flag["_targets"] = [t for t in flag["_targets"] if t != target]
    ctx.state.touch("feature_flags", flag)
    return empty(204)


@routes.get("/organizations/{organizationId}/feature-flags")
def organization_flags(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["organizationId"], "Organization")
    return list_page(ctx, "feature_flags", predicate=lambda f: org["id"] in f["_targets"])


@routes.get("/user_management/users/{userId}/feature-flags")
def user_flags(ctx: Ctx) -> Response:
    user = fetch(ctx.state, "users", ctx.params["userId"], "User")
    mine = {user["id"], *user.get("_organization_ids", [])}
    return list_page(ctx, "feature_flags", predicate=lambda f: not mine.isdisjoint(f["_targets"]))
