"""Directory Sync: directories, directory users and directory groups (read + delete)."""

from __future__ import annotations

from starlette.responses import Response

from .. import render
from ..http import Ctx, Routes, json_response, public
from ..pagination import Predicate
from ..seeder import directory_event
from .common import combine, fetch, index_candidates, list_page

routes = Routes()


@routes.get("/directories")
def list_directories(ctx: Ctx) -> Response:
    state = ctx.state
    preds: list[Predicate] = []
    search = (ctx.query.get("search") or "").lower()
    if search:
        preds.append(lambda r: search in r["name"].lower())
    domain = (ctx.query.get("domain") or "").lower()
    if domain:
        preds.append(lambda r: (r.get("domain") or "").lower() == domain)
    org_id = ctx.query.get("organization_id")
    candidates = state["directories"].index("organization_id").get(org_id) if org_id else None
    return list_page(
        ctx,
        "directories",
        candidates=candidates,
        predicate=(lambda r: all(p(r) for p in preds)) if preds else None,
        render=lambda r: render.directory(state, r),
    )


@routes.get("/directories/{id}")
def get_directory(ctx: Ctx) -> Response:
    d = fetch(ctx.state, "directories", ctx.params["id"], "Directory")
    return json_response(render.directory(ctx.state, d))


@routes.delete("/directories/{id}")
def delete_directory(ctx: Ctx) -> Response:
    state = ctx.state
    d = fetch(state, "directories", ctx.params["id"], "Directory")
    event = directory_event(state, d, deleted=True)
    for collection in ("directory_users", "directory_groups"):
        col = state[collection]
        for rid in list(col.index("directory_id").get(d["id"])):
            col.delete(rid)
    state["directories"].delete(d["id"])
    state.emit("dsync.deleted", event, d["organization_id"])
    return json_response({}, 202)


@routes.get("/directory_users")
def list_directory_users(ctx: Ctx) -> Response:
    state = ctx.state
    candidates = index_candidates(
        ctx, "directory_users", {"directory": "directory_id", "group": "_group_ids"}
    )
    preds: list[Predicate] = []
    idp_id = ctx.query.get("idp_id")
    if idp_id:
        preds.append(lambda r: r["idp_id"] == idp_id)
    email = (ctx.query.get("email") or "").lower()
    if email:
        preds.append(lambda r: (r.get("email") or "").lower() == email)
    return list_page(
        ctx,
        "directory_users",
        candidates=candidates,
        predicate=(lambda r: all(p(r) for p in preds)) if preds else None,
        render=lambda r: render.directory_user(state, r, groups=True),
    )


@routes.get("/directory_users/{id}")
def get_directory_user(ctx: Ctx) -> Response:
    du = fetch(ctx.state, "directory_users", ctx.params["id"], "Directory user")
    return json_response(render.directory_user(ctx.state, du, groups=True))


@routes.get("/directory_groups")
def list_directory_groups(ctx: Ctx) -> Response:
    state = ctx.state
    col = state["directory_groups"]
    lists = []
    directory = ctx.query.get("directory")
    if directory:
        lists.append(col.index("directory_id").get(directory))
    user = ctx.query.get("user")
    if user:
        du = state["directory_users"].get(user)
        lists.append(sorted(du.get("_group_ids", [])) if du else [])
    candidates = combine(lists)
    return list_page(ctx, "directory_groups", candidates=candidates, render=public)


@routes.get("/directory_groups/{id}")
def get_directory_group(ctx: Ctx) -> Response:
    g = fetch(ctx.state, "directory_groups", ctx.params["id"], "Directory group")
    return json_response(public(g))
