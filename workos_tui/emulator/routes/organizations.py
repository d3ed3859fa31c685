"""Organizations and organization domains."""

from __future__ import annotations

import secrets
from typing import Any

from starlette.responses import Response

from .. import render
from ..errors import error
from ..http import Ctx, Routes, empty, json_response
from ..state import EmulatorState
from ..store import Record
from .common import (
    check_metadata,
    fetch,
    list_page,
    optional_bool,
    optional_str,
    require_str,
    union,
)

routes = Routes()

DOMAIN_STATES = ("pending", "verified")


def _domain_specs(body: dict[str, Any], status: int = 422) -> list[tuple[str, str]] | None:
    """``(domain, state)`` pairs from ``domain_data`` or the legacy ``domains`` list."""
    if body.get("domain_data") is not None:
        specs: list[tuple[str, str]] = []
        data = body["domain_data"]
        if not isinstance(data, list):
            raise error(status, "domain_data must be an array.", "invalid_request_parameters")
        for item in data:
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("domain"), str)
                or item.get("state") not in DOMAIN_STATES
            ):
                raise error(
                    status,
                    "Each domain_data entry needs a domain and a state (pending or verified).",
                    "invalid_request_parameters",
                )
            specs.append((item["domain"].strip().lower(), item["state"]))
        return specs
    if body.get("domains") is not None:
        domains = body["domains"]
        if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
            raise error(
                status, "domains must be an array of strings.", "invalid_request_parameters"
            )
        return [(d.strip().lower(), "verified") for d in domains]
    return None


def new_domain(state: EmulatorState, org_id: str, domain: str, domain_state: str) -> Record:
    return state.create(
        "organization_domains",
        {
            "object": "organization_domain",
            "organization_id": org_id,
            "domain": domain,
            "state": domain_state,
            "verification_prefix": f"superapp-domain-verification-{secrets.token_hex(3)}",
            "verification_token": secrets.token_urlsafe(18)[:25],
            "verification_strategy": "manual" if domain_state == "verified" else "dns",
        },
    )


def _check_domains_free(
    state: EmulatorState, specs: list[tuple[str, str]], org_id: str | None
) -> None:
    index = state["organization_domains"].index("domain")
    for domain, _ in specs:
        for did in index.get(domain):
            owner = state["organization_domains"].items[did]
            if owner["organization_id"] != org_id and owner["state"] == "verified":
                raise error(
                    409,
                    f"The domain '{domain}' is already verified by another organization.",
                    "domain_already_verified",
                )


def _check_external_id(state: EmulatorState, value: str | None, org_id: str | None) -> None:
    if value is None:
        return
    other = state["organizations"].index("external_id").first(value)
    if other is not None and other != org_id:
        raise error(
            400,
            "The external_id is already used by another organization.",
            "external_id_already_used",
        )


def _replace_domains(state: EmulatorState, org: Record, specs: list[tuple[str, str]]) -> None:
    col = state["organization_domains"]
    existing = {
        col.items[d]["domain"]: d for d in list(col.index("organization_id").get(org["id"]))
    }
    wanted = dict(specs)
    for domain, did in existing.items():
        if domain not in wanted:
            removed = col.delete(did)
            if removed is not None:
                state.emit("organization_domain.deleted", render.any_record(removed), org["id"])
    for domain, domain_state in specs:
        if domain not in existing:
            d = new_domain(state, org["id"], domain, domain_state)
            state.emit("organization_domain.created", render.any_record(d), org["id"])


def _org_search(term: str) -> Any:
    needle = term.lower()
    return lambda r: needle in r["name"].lower()


@routes.get("/organizations")
def list_organizations(ctx: Ctx) -> Response:
    state = ctx.state
    domains = ctx.query_list("domains")
    candidates = None
    if domains:
        dcol = state["organization_domains"]
        index = dcol.index("domain")
        org_ids = {dcol.items[d]["organization_id"] for dom in domains for d in index.get(dom)}
        candidates = union([[o] for o in sorted(org_ids)])
    search = ctx.query.get("search")
    return list_page(
        ctx,
        "organizations",
        candidates=candidates,
        predicate=_org_search(search) if search else None,
        render=lambda r: render.organization(state, r),
    )


@routes.post("/organizations")
def create_organization(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json()
    name = require_str(body, "name")
    metadata = check_metadata(body.get("metadata"))
    external_id = optional_str(body, "external_id")
    allow = optional_bool(body, "allow_profiles_outside_organization")
    specs = _domain_specs(body) or []
    _check_external_id(state, external_id, None)
    _check_domains_free(state, specs, None)
    org = state.create(
        "organizations",
        {
            "object": "organization",
            "name": name,
            "allow_profiles_outside_organization": bool(allow),
            "metadata": metadata or {},
            "external_id": external_id,
        },
    )
    for domain, domain_state in specs:
        new_domain(state, org["id"], domain, domain_state)
    state.emit("organization.created", render.organization_event(state, org), org["id"])
    return json_response(render.organization(state, org), 201)


@routes.get("/organizations/external_id/{external_id}")
def get_organization_by_external_id(ctx: Ctx) -> Response:
    external_id = ctx.params["external_id"]
    oid = ctx.state["organizations"].index("external_id").first(external_id)
    if oid is None:
        raise error(404, f"Organization not found: '{external_id}'.", "entity_not_found")
    return json_response(render.organization(ctx.state, ctx.state["organizations"].items[oid]))


@routes.get("/organizations/{id}")
def get_organization(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["id"], "Organization")
    return json_response(render.organization(ctx.state, org))


@routes.put("/organizations/{id}")
def update_organization(ctx: Ctx) -> Response:
    state = ctx.state
    org = fetch(state, "organizations", ctx.params["id"], "Organization")
    body = ctx.json()
    if "name" in body:
        org["name"] = require_str(body, "name")
    if "metadata" in body:
        org["metadata"] = check_metadata(body["metadata"]) or {}
    if "external_id" in body:
        external_id = optional_str(body, "external_id")
        _check_external_id(state, external_id, org["id"])
        org["external_id"] = external_id
    if "stripe_customer_id" in body:
        value = optional_str(body, "stripe_customer_id")
        if value is None:
            org.pop("stripe_customer_id", None)
        else:
            org["stripe_customer_id"] = value
    allow = optional_bool(body, "allow_profiles_outside_organization")
    if allow is not None:
        org["allow_profiles_outside_organization"] = allow
    specs = _domain_specs(body)
    if specs is not None:
        _check_domains_free(state, specs, org["id"])
        _replace_domains(state, org, specs)
    state.touch("organizations", org)
    state.emit("organization.updated", render.organization_event(state, org), org["id"])
    return json_response(render.organization(state, org))


@routes.delete("/organizations/{id}")
def delete_organization(ctx: Ctx) -> Response:
    state = ctx.state
    org = fetch(state, "organizations", ctx.params["id"], "Organization")
    event = render.organization_event(state, org)
    dcol = state["organization_domains"]
    for did in list(dcol.index("organization_id").get(org["id"])):
        dcol.delete(did)
    mcol = state["organization_memberships"]
    for mid in list(mcol.index("organization_id").get(org["id"])):
        om = mcol.delete(mid)
        if om is not None:
            _unlink_user(state, om)
    state["organizations"].delete(org["id"])
    state.emit("organization.deleted", event, org["id"])
    return json_response({}, 202)


def _unlink_user(state: EmulatorState, om: Record) -> None:
    u = state["users"].get(om["user_id"])
    if u is not None and om["organization_id"] in u.get("_organization_ids", []):
        u["_organization_ids"] = [o for o in u["_organization_ids"] if o != om["organization_id"]]
        state["users"].put(u)


@routes.get("/organizations/{id}/audit_log_configuration")
def audit_log_configuration(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["id"], "Organization")
    out: Record = {
        "organization_id": org["id"],
        "retention_period_in_days": org.get("_audit_log_retention") or 30,
        "state": org.get("_audit_log_state", "active"),
    }
    stream = org.get("_audit_log_stream")
    if stream:
        out["log_stream"] = stream
    return json_response(out)


@routes.get("/organizations/{id}/audit_logs_retention")
def get_audit_logs_retention(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["id"], "Organization")
    return json_response({"retention_period_in_days": org.get("_audit_log_retention") or 30})


@routes.put("/organizations/{id}/audit_logs_retention")
def put_audit_logs_retention(ctx: Ctx) -> Response:
    org = fetch(ctx.state, "organizations", ctx.params["id"], "Organization")
    days = ctx.json().get("retention_period_in_days")
    if not isinstance(days, int) or isinstance(days, bool) or days not in (30, 365):
        raise error(422, "retention_period_in_days must be 30 or 365.", "invalid_retention_period")
    org["_audit_log_retention"] = days
    ctx.state.touch("organizations", org)
    return json_response({"retention_period_in_days": days})


# -- organization domains ---------------------------------------------------------------------


@routes.post("/organization_domains")
def create_domain(ctx: Ctx) -> Response:
    state = ctx.state
    body = ctx.json(status=409)
    domain = require_str(body, "domain", status=409).lower()
    org_id = require_str(body, "organization_id", status=409)
    org = state["organizations"].get(org_id)
    if org is None:
        raise error(409, f"Organization not found: '{org_id}'.", "organization_not_found")
    index = state["organization_domains"].index("domain")
    for did in index.get(domain):
        existing = state["organization_domains"].items[did]
        if existing["organization_id"] == org_id or existing["state"] == "verified":
            raise error(409, f"The domain '{domain}' is already in use.", "domain_already_exists")
    d = new_domain(state, org_id, domain, "pending")
    state.emit("organization_domain.created", render.any_record(d), org_id)
    return json_response(render.any_record(d), 201)


@routes.get("/organization_domains/{id}")
def get_domain(ctx: Ctx) -> Response:
    d = fetch(ctx.state, "organization_domains", ctx.params["id"], "Organization domain")
    return json_response(render.any_record(d))


@routes.post("/organization_domains/{id}/verify")
def verify_domain(ctx: Ctx) -> Response:
    state = ctx.state
    d = fetch(state, "organization_domains", ctx.params["id"], "Organization domain", status=400)
    if d["state"] == "verified":
        raise error(
            400, f"The domain '{d['domain']}' is already verified.", "domain_already_verified"
        )
    if d["state"] == "failed":
        state.emit(
            "organization_domain.verification_failed",
            {
                "reason": "domain_verification_period_expired",
                "organization_domain": render.any_record(d),
            },
            d["organization_id"],
        )
        raise error(400, f"Verification of '{d['domain']}' failed.", "domain_verification_failed")
    d["state"] = "verified"
    state.touch("organization_domains", d)
    state.emit("organization_domain.verified", render.any_record(d), d["organization_id"])
    return json_response(render.any_record(d), 201)


@routes.delete("/organization_domains/{id}")
def delete_domain(ctx: Ctx) -> Response:
    state = ctx.state
    d = fetch(state, "organization_domains", ctx.params["id"], "Organization domain")
    state["organization_domains"].delete(d["id"])
    state.emit("organization_domain.deleted", render.any_record(d), d["organization_id"])
    return empty(204)
