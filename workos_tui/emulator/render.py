"""API representations of stored records (adds derived fields, drops internal ones)."""

from __future__ import annotations

from typing import Any

from .http import public
from .state import EmulatorState
from .store import Record


def domains_of(state: EmulatorState, org_id: str) -> list[Record]:
    col = state["organization_domains"]
    return [public(col.items[d]) for d in col.index("organization_id").get(org_id)]


def organization(state: EmulatorState, org: Record) -> Record:
    out = public(org)
    out["domains"] = domains_of(state, org["id"])
    return out


def organization_event(state: EmulatorState, org: Record) -> Record:
    out = organization(state, org)
    out.pop("allow_profiles_outside_organization", None)
    return out


def user(record: Record) -> Record:
    return public(record)


def membership(state: EmulatorState, om: Record, *, with_user: bool = True) -> Record:
    out = public(om)
    org = state["organizations"].get(om["organization_id"])
    if org is not None:
        out["organization_name"] = org["name"]
    if with_user:
        u = state["users"].get(om["user_id"])
        if u is not None:
            out["user"] = user(u)
    return out


def membership_event(om: Record) -> Record:
    return public(om)


INVITATION_EVENT_DROP = ("token", "accept_invitation_url")


def invitation_event(inv: Record) -> Record:
    out = public(inv)
    for k in INVITATION_EVENT_DROP:
        out.pop(k, None)
    return out


def connection(state: EmulatorState, conn: Record) -> Record:
    return public(conn)


def directory(state: EmulatorState, d: Record) -> Record:
    out = public(d)
    users = state["directory_users"]
    ids = users.index("directory_id").get(d["id"])
    active = sum(1 for u in ids if users.items[u]["state"] == "active")
    out["metadata"] = {
        "users": {"active": active, "inactive": len(ids) - active},
        "groups": len(state["directory_groups"].index("directory_id").get(d["id"])),
    }
    return out


def directory_user(state: EmulatorState, du: Record, *, groups: bool = False) -> Record:
    out = public(du)
    if groups:
        col = state["directory_groups"]
        out["groups"] = [public(col.items[g]) for g in du.get("_group_ids", []) if g in col]
    return out


def any_record(record: Record) -> dict[str, Any]:
    return public(record)
