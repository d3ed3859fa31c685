"""YAML seed files: describe organizations, users, SSO, directories, invitations and Vault data.

Format (every key optional; ids are generated unless given)::

    demo: false            # true: start from the demo dataset and add the objects below
    scale: 1000            # with demo: true, the demo's user count
    organizations:
      - name: Acme Inc.
        id: org_01HZ...                 # optional fixed id
        external_id: acme-1
        metadata: {tier: gold}
        domains:
          - acme.com                    # verified (manual)
          - {domain: acme.dev, state: pending, verification_strategy: dns}
        connections:
          - {name: Acme Okta, connection_type: OktaSAML, state: active, domains: [acme.com]}
        directories:
          - name: Acme Okta SCIM
            type: okta scim v2.0        # the spec's directory types
            state: linked               # linked | validating | invalid_credentials | unlinked
            groups: [Engineering, Sales]
            users:
              - {email: ada@acme.com, first_name: Ada, last_name: Lovelace,
                 groups: [Engineering], state: active, job_title: Engineer}
        members:                        # users created with a membership here
          - {email: grace@acme.com, first_name: Grace, last_name: Hopper,
             role: admin, status: active}
    users:                              # users without membership, or with several:
      - {email: alan@example.com, first_name: Alan, last_name: Turing,
         memberships: [{organization: Acme Inc., role: member, status: pending}]}
    invitations:
      - {email: new@acme.com, organization: Acme Inc., state: pending, role_slug: member}
    vault:
      - {name: stripe-key, values: [v1, v2], context: {organization_id: Acme Inc.}}

``organization`` references (memberships, invitations, Vault contexts) accept an organization's
name, id or external_id.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml

from .demo import BASE_MS, SEED, build_demo
from .seeder import Seeder
from .state import EmulatorState
from .store import Record


class SeedError(ValueError):
    pass


def load_seed_file(path: str | Path, scale: int | None = None) -> EmulatorState:
    with Path(path).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return build_from_seed(data, scale=scale)


def _as_list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SeedError(f"{what} must be a list")
    return value


def build_from_seed(data: dict[str, Any], scale: int | None = None) -> EmulatorState:
    if not isinstance(data, dict):
        raise SeedError("a seed file must be a mapping")
    state = EmulatorState(seed=SEED)
    if data.get("demo"):
        build_demo(state, scale if scale is not None else int(data.get("scale") or 500))
    rng = random.Random(SEED + 1)
    seeder = Seeder(state, rng, max(BASE_MS, state.last_ms + 1), events=True)
    orgs: dict[str, Record] = {}

    def find_org(ref: Any) -> Record:
        org = orgs.get(str(ref))
        if org is None:
            org = state["organizations"].get(str(ref))
        if org is None:
            oid = state["organizations"].index("external_id").first(str(ref))
            org = state["organizations"].get(oid) if oid else None
        if org is None:
            raise SeedError(f"unknown organization {ref!r}")
        return org

    def make_user(spec: dict[str, Any]) -> Record:
        if "email" not in spec:
            raise SeedError("every user needs an email")
        return seeder.user(
            str(spec["email"]),
            spec.get("first_name"),
            spec.get("last_name"),
            email_verified=bool(spec.get("email_verified", True)),
            external_id=spec.get("external_id"),
            metadata=spec.get("metadata"),
            rid=spec.get("id"),
        )

    for spec in _as_list(data.get("organizations"), "organizations"):
        org = seeder.organization(
            str(spec["name"]),
            external_id=spec.get("external_id"),
            metadata=spec.get("metadata"),
            stripe_customer_id=spec.get("stripe_customer_id"),
            rid=spec.get("id"),
        )
        orgs[org["name"]] = org
        for d in _as_list(spec.get("domains"), "domains"):
            if isinstance(d, str):
                seeder.domain(org, d)
            else:
                seeder.domain(
                    org,
                    str(d["domain"]),
                    d.get("state", "verified"),
                    d.get("verification_strategy"),
                )
        seeder.organization_created(org)
        for c in _as_list(spec.get("connections"), "connections"):
            seeder.connection(
                org,
                str(c.get("connection_type", "GenericSAML")),
                str(c.get("name", f"{org['name']} SSO")),
                str(c.get("state", "active")),
                [str(x) for x in c.get("domains", [])],
            )
        for d in _as_list(spec.get("directories"), "directories"):
            directory = seeder.directory(
                org,
                str(d.get("type", "generic scim v2.0")),
                str(d.get("name", f"{org['name']} Directory")),
                str(d.get("state", "linked")),
                d.get("domain"),
            )
            groups = {
                str(g): seeder.directory_group(directory, str(g)) for g in d.get("groups", [])
            }
            for u in _as_list(d.get("users"), "directory users"):
                seeder.directory_user(
                    directory,
                    str(u["email"]),
                    str(u.get("first_name", "")),
                    str(u.get("last_name", "")),
                    groups=[groups[str(g)] for g in u.get("groups", []) if str(g) in groups],
                    state=str(u.get("state", "active")),
                    job_title=u.get("job_title"),
                )
        for m in _as_list(spec.get("members"), "members"):
            user = make_user(m)
            seeder.membership(
                user, org, str(m.get("role", "member")), str(m.get("status", "active"))
            )
    for spec in _as_list(data.get("users"), "users"):
        user = make_user(spec)
        for m in _as_list(spec.get("memberships"), "memberships"):
            seeder.membership(
                user,
                find_org(m["organization"]),
                str(m.get("role", "member")),
                str(m.get("status", "active")),
            )
    for spec in _as_list(data.get("invitations"), "invitations"):
        org_ref = spec.get("organization")
        seeder.invitation(
            str(spec["email"]),
            find_org(org_ref) if org_ref is not None else None,
            str(spec.get("state", "pending")),
            role_slug=spec.get("role_slug", "member"),
        )
    for spec in _as_list(data.get("vault"), "vault"):
        context = {str(k): str(v) for k, v in (spec.get("context") or {}).items()}
        if "organization_id" in context:
            context["organization_id"] = find_org(context["organization_id"])["id"]
        values = spec.get("values") or [spec.get("value", "")]
        seeder.vault_object(str(spec["name"]), [str(v) for v in values], context)
    return seeder.finish()
