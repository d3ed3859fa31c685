"""Audit logs: actions and their schema versions, event ingestion, exports."""

from __future__ import annotations

import csv
import hmac
import io
import secrets
from typing import Any

from starlette.responses import Response

from .. import ids
from ..errors import error
from ..http import Ctx, Routes, json_response, public
from ..pagination import list_body, paginate, parse_page_params
from ..state import EmulatorState
from ..store import Record
from .common import fetch, list_page

routes = Routes()

EVENT_FIELDS = ("action", "occurred_at", "actor", "targets", "context")


def _render_action(record: Record) -> Record:
    out = public(record)
    out.pop("id", None)  # actions are named, not numbered (the id is only the cursor)
    return out


def _action(state: EmulatorState, name: str) -> Record | None:
    aid = state["audit_log_actions"].index("name").first(name)
    return None if aid is None else state["audit_log_actions"].items[aid]


def new_schema(state: EmulatorState, name: str, body: dict[str, Any]) -> Record:
    """Add a schema version to action ``name`` (creating the action on its first schema)."""
    action = _action(state, name)
    now = ids.iso(state.now_ms())
    schema: Record = {
        "object": "audit_log_schema",
        "version": 1 + (len(action["_schemas"]) if action else 0),
        "actor": {"metadata": dict((body.get("actor") or {}).get("metadata") or {})},
        "targets": [
            {"type": t["type"], **({"metadata": t["metadata"]} if "metadata" in t else {})}
            for t in body["targets"]
        ],
        "created_at": now,
    }
    if isinstance(body.get("metadata"), dict):
        schema["metadata"] = body["metadata"]
    if action is None:
        state.create(
            "audit_log_actions",
            {"object": "audit_log_action", "name": name, "schema": schema, "_schemas": [schema]},
        )
    else:
        action["schema"] = schema
        action["_schemas"] = [*action["_schemas"], schema]
        state.touch("audit_log_actions", action)
    return schema


@routes.get("/audit_logs/actions")
def list_actions(ctx: Ctx) -> Response:
    return list_page(ctx, "audit_log_actions", render=_render_action)


@routes.post("/audit_logs/actions/{actionName}/schemas")
def create_schema(ctx: Ctx) -> Response:
    body = ctx.json()
    targets = body.get("targets")
    if (
        not isinstance(targets, list)
        or not targets
        or not all(isinstance(t, dict) and isinstance(t.get("type"), str) for t in targets)
    ):
        raise error(422, "targets must be a non-empty array of objects with a type.")
    actor = body.get("actor")
    valid_actor = isinstance(actor, dict) and isinstance(actor.get("metadata"), dict)
    if actor is not None and not valid_actor:
        raise error(422, "actor must be an object with metadata.")
    return json_response(new_schema(ctx.state, ctx.params["actionName"], body), 201)


@routes.get("/audit_logs/actions/{actionName}/schemas")
def list_schemas(ctx: Ctx) -> Response:
    name = ctx.params["actionName"]
    action = _action(ctx.state, name)
    if action is None:
        raise error(404, f"Audit log action not found: '{name}'.")
    params = parse_page_params(ctx.query)
    by_key = {f"{s['version']:08d}": {**s, "id": f"{s['version']:08d}"} for s in action["_schemas"]}
    page = paginate(sorted(by_key), by_key.get, params)
    return json_response(list_body(page, lambda s: {k: v for k, v in s.items() if k != "id"}))


def _missing(body: dict[str, Any], names: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"field": n, "code": "required"} for n in names if body.get(n) in (None, "")]


def _check_event(event: Any) -> dict[str, Any]:
    if not isinstance(event, dict):
        raise error(422, "event is required.", errors=[{"field": "event", "code": "required"}])
    missing = [{**e, "field": f"event.{e['field']}"} for e in _missing(event, EVENT_FIELDS)]
    if isinstance(event.get("actor"), dict):
        missing += [
            {"field": f"event.actor.{e['field']}", "code": "required"}
            for e in _missing(event["actor"], ("id", "type"))
        ]
    if missing:
        raise error(422, "The audit log event is missing required fields.", errors=missing)
    try:
        ids.parse_iso(str(event["occurred_at"]))
    except ValueError:
        raise error(
            422,
            "occurred_at must be an ISO 8601 timestamp.",
            errors=[{"field": "event.occurred_at", "code": "invalid_date"}],
        ) from None
    return event


@routes.post("/audit_logs/events")
def create_event(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    missing = _missing(body, ("organization_id", "event"))
    if missing:
        raise error(422, "organization_id and event are required.", errors=missing)
    org = fetch(state, "organizations", str(body["organization_id"]), "Organization")
    event = _check_event(body["event"])
    action = _action(state, str(event["action"]))
    if action is not None:
        allowed = {t["type"] for t in action["schema"]["targets"]}
        for n, target in enumerate(event["targets"]):
            if not isinstance(target, dict) or target.get("type") not in allowed:
                raise error(
                    400,
                    f"The event does not match the schema of '{event['action']}'.",
                    "invalid_audit_log",
                    errors=[{"instancePath": f"/targets/{n}/type"}],
                )
    state.create("audit_log_events", {"organization_id": org["id"], "event": event})
    return json_response({"success": True})


def _matches(event: dict[str, Any], filters: dict[str, Any]) -> bool:
    """Whether ``event`` is in the export's range and passes its action/actor/target filters."""
    occurred = ids.parse_iso(str(event["occurred_at"]))
    if not filters["start"] <= occurred <= filters["end"]:
        return False
    actor = event.get("actor") or {}
    types = {t.get("type") for t in event.get("targets") or [] if isinstance(t, dict)}
    return (
        (not filters["actions"] or event["action"] in filters["actions"])
        and (not filters["actor_names"] or actor.get("name") in filters["actor_names"])
        and (not filters["actor_ids"] or actor.get("id") in filters["actor_ids"])
        and (not filters["targets"] or bool(types & set(filters["targets"])))
    )


def _filters(body: dict[str, Any]) -> dict[str, Any]:
    def names(*keys: str) -> list[str]:
        return [str(v) for key in keys for v in body.get(key) or [] if isinstance(v, str)]

    return {
        "start": ids.parse_iso(body["range_start"]),
        "end": ids.parse_iso(body["range_end"]),
        "actions": names("actions"),
        "actor_names": names("actor_names", "actors"),  # ``actors`` is the deprecated spelling
        "actor_ids": names("actor_ids"),
        "targets": names("targets"),
    }


def _exported(state: EmulatorState, org_id: str, filters: dict[str, Any] | None) -> list[Record]:
    """The organization's audit-log events an export holds (``{"id", "event"}``), oldest first."""
    table = state["audit_log_events"]
    records = [table.items[eid] for eid in table.index("organization_id").get(org_id)]
    if filters is not None:
        records = [r for r in records if _matches(r["event"], filters)]
    return sorted(records, key=lambda r: ids.parse_iso(str(r["event"]["occurred_at"])))


def _download_url(ctx: Ctx, export: Record) -> str:
    base = str(ctx.request.base_url).rstrip("/")
    return f"{base}{DOWNLOAD_PREFIX}/{export['_token']}/{export['id']}.csv"


def _render_export(ctx: Ctx, export: Record) -> Record:
    out = public(export)
    if "_token" in export and export["state"] == "ready":
        out["url"] = _download_url(ctx, export)  # the host the client reached, like a presigned URL
    return out


@routes.post("/audit_logs/exports")
def create_export(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json(status=400)
    for name in ("organization_id", "range_start", "range_end"):
        if not isinstance(body.get(name), str) or not body[name]:
            raise error(400, f"{name} is required.")
    if body["organization_id"] not in state["organizations"]:
        raise error(400, f"Organization not found: '{body['organization_id']}'.")
    try:
        filters = _filters(body)
        count = len(_exported(state, body["organization_id"], filters))
    except ValueError:
        raise error(400, "range_start and range_end must be ISO 8601 timestamps.") from None
    export = state.create(
        "audit_log_exports",
        {
            "object": "audit_log_export",
            "state": "ready",
            "url": None,
            "_events": count,
            "_organization_id": body["organization_id"],
            "_filters": filters,
            "_token": secrets.token_urlsafe(24),
        },
    )
    return json_response(_render_export(ctx, export), 201)


@routes.get("/audit_logs/exports/{auditLogExportId}")
def get_export(ctx: Ctx) -> Response:
    export = fetch(ctx.state, "audit_log_exports", ctx.params["auditLogExportId"], "Export")
    return json_response(_render_export(ctx, export))


# The export's CSV, served by the emulator itself under /_emulate (not an API operation, no
# API key: like WorkOS's presigned link, the unguessable signature in the path is the credential).
downloads = Routes()
DOWNLOAD_PREFIX = "/_emulate/audit_logs/exports"
CSV_HEADER = (
    "ID",
    "Action",
    "Occurred At",
    "Actor ID",
    "Actor Name",
    "Actor Type",
    "Targets",
    "Location",
    "User Agent",
)


def _cell(value: Any) -> str:
    """A CSV cell no spreadsheet runs as a formula (server text is data)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(records: list[Record]) -> str:
    """The CSV of the audit-log event ``records`` (as stored: ``{"id", "event"}``).

    WorkOS documents the export as "a CSV file" without naming its columns, so these are the
    ones the console's explorer reads (:mod:`workos_tui.resources.audit_facets`): one row per
    event, targets as ``type:id`` joined by ``; ``.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for record in records:
        event = record["event"]
        actor = event.get("actor") or {}
        context = event.get("context") or {}
        targets = "; ".join(
            f"{t.get('type', '')}:{t.get('id', '')}"
            for t in event.get("targets") or []
            if isinstance(t, dict)
        )
        row = (
            record["id"],
            event["action"],
            event["occurred_at"],
            actor.get("id"),
            actor.get("name"),
            actor.get("type"),
            targets,
            context.get("location"),
            context.get("user_agent"),
        )
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


@downloads.get(DOWNLOAD_PREFIX + "/{signature}/{file}")
def download_export(ctx: Ctx) -> Response:
    export_id, dot, ext = ctx.params["file"].rpartition(".")
    export = ctx.state["audit_log_exports"].items.get(export_id) if dot and ext == "csv" else None
    token = ctx.params["signature"]
    if (
        export is None
        or "_token" not in export
        or export["state"] != "ready"
        or not hmac.compare_digest(token.encode(), str(export["_token"]).encode())
    ):
        raise error(404, "Not Found", "not_found")
    records = _exported(ctx.state, export["_organization_id"], export.get("_filters"))
    return Response(
        export_csv(records).encode(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{export_id}.csv"'},
    )
