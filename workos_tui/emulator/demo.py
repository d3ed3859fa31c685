"""The deterministic demo dataset (fixed random seed, fixed base timestamps).

25 organizations with domains in every verification state, ~500 users (or ``scale`` users)
with memberships in every status, invitations in every state, SSO connections and directories
of several types and states with directory users and groups, Vault objects with several
versions, sessions, MFA factors and the event history all of that produced.
"""

from __future__ import annotations

import base64
import random
import time

from . import (
    demo_agents,
    demo_authkit,
    demo_authz,
    demo_connect,
    demo_extras,
    demo_health,
    ids,
    names,
)
from .ids import parse_iso
from .seeder import Seeder, paused_gc
from .state import EmulatorState
from .store import Record, RecordList
from .vault_crypto import MASTER_META

SEED = 20250303
BASE_MS = parse_iso("2024-03-04T09:00:00Z")
DAY_MS = 86_400_000
# The demo's present: its year of history ends here.  Nothing seeded happens later; what is
# still live (pending invitations, active sessions, tokens) expires after it.
HISTORY_DAYS = 380
NOW_MS = BASE_MS + HISTORY_DAYS * DAY_MS
DEFAULT_USERS = 500
DOMAIN_STATES = ("verified", "verified", "pending", "failed")


def demo_state(scale: int | None = None, *, present_ms: int = NOW_MS) -> EmulatorState:
    """A fresh demo state with ``scale`` users (default about 500) whose history ends at
    ``present_ms``: the same data for the same arguments (tests and screenshots use the fixed
    default; the live demo passes :func:`live_present_ms` so that its history ends today)."""
    state = EmulatorState(seed=SEED)
    with paused_gc():  # seeding makes no cycles; collections only slow a large --scale
        build_demo(state, DEFAULT_USERS if scale is None else scale, present_ms=present_ms)
    return state


def live_present_ms() -> int:
    """Now, to the minute: the present of a demo served to a person."""
    minute = 60_000
    return time.time_ns() // 1_000_000 // minute * minute


def build_demo(state: EmulatorState, n_users: int, *, present_ms: int = NOW_MS) -> None:
    base_ms = present_ms - HISTORY_DAYS * DAY_MS
    rng = random.Random(SEED)
    state.set_meta(MASTER_META, base64.b64encode(rng.randbytes(32)).decode())
    big = n_users > 5 * DEFAULT_USERS
    seeder = Seeder(state, rng, base_ms, events=True, present_ms=present_ms)
    orgs: list[Record] = []
    directories: dict[str, tuple[Record, list[Record]]] = {}
    for i, (name, domain) in enumerate(names.COMPANIES):
        seeder.at(base_ms + i * 3 * DAY_MS)
        org = seeder.organization(
            name,
            external_id=f"crm-{1000 + i}",
            metadata={
                "tier": ("enterprise", "growth", "starter")[i % 3],
                "region": "eu" if i % 4 == 0 else "us",
            },
            stripe_customer_id=f"cus_{seeder.token(14)}" if i % 2 == 0 else None,
        )
        seeder.domain(org, domain, "verified", "dns" if i % 2 else "manual")
        extra_state = DOMAIN_STATES[i % len(DOMAIN_STATES)]
        if i % 3 != 2:
            seeder.domain(
                org,
                domain.replace(".example", "-corp.example"),
                extra_state,
                "dns" if i % 2 == 0 else "manual",
            )
        seeder.organization_created(org)
        orgs.append(org)
        ctype, cname = names.CONNECTION_TYPES[i % len(names.CONNECTION_TYPES)]
        seeder.connection(
            org,
            ctype,
            f"{name} {cname}",
            names.CONNECTION_STATES[i % len(names.CONNECTION_STATES)],
            [domain],
        )
        if i % 5 == 0:
            seeder.connection(org, "GoogleOAuth", f"{name} Google OAuth", "active")
        if i % 2 == 0:
            dtype, dname = names.DIRECTORY_TYPES[(i // 2) % len(names.DIRECTORY_TYPES)]
            d = seeder.directory(
                org,
                dtype,
                f"{name} {dname}",
                names.DIRECTORY_STATES[(i // 2) % len(names.DIRECTORY_STATES)],
                domain,
            )
            groups = [seeder.directory_group(d, dep) for dep in names.DEPARTMENTS[: 3 + i % 4]]
            directories[org["id"]] = (d, groups)

    # Users, spread over the organizations (first ones bigger), each with a membership.
    start = base_ms + 80 * DAY_MS
    end = present_ms
    span = end - start  # 300 days
    step = max(1, span // max(1, n_users))
    weights = [1.0 / (1 + k * 0.15) for k in range(len(orgs))]
    org_choices = rng.choices(range(len(orgs)), weights=weights, k=n_users)
    seeder.events = not big
    used_emails: set[str] = set()
    users = RecordList(state["users"])  # ids: a million user dicts need not stay alive
    sessions: list[tuple[Record, Record, str, tuple[str, str]]] = []
    for j in range(n_users):
        seeder.at(start + j * step)
        org = orgs[org_choices[j]]
        first = names.FIRST_NAMES[rng.randrange(len(names.FIRST_NAMES))]
        last = names.LAST_NAMES[rng.randrange(len(names.LAST_NAMES))]
        domain = names.COMPANIES[org_choices[j]][1]
        email = f"{first}.{last}@{domain}".lower()
        if email in used_emails:
            email = f"{first}.{last}{j}@{domain}".lower()
        used_emails.add(email)
        other = orgs[(org_choices[j] + 1) % len(orgs)] if j % 25 == 3 else None
        u = seeder.user(
            email,
            first,
            last,
            organization_ids=[org["id"]] + ([other["id"]] if other else []),
            email_verified=j % 9 != 0,
            external_id=f"emp-{100000 + j}" if j % 3 == 0 else None,
            last_sign_in_at=None if j % 7 == 0 else _last_sign_in(seeder, rng, end),
            locale="en-US" if j % 4 else None,
        )
        users.append(u)
        r = j % 20
        status = "inactive" if r == 0 else "pending" if r == 1 else "active"
        role = "admin" if j % 11 == 0 else "member"
        entry = directories.get(org["id"])
        managed = entry is not None and j % 2 == 0
        seeder.membership(u, org, role, status, directory_managed=managed, link_user=False)
        if other is not None:
            seeder.membership(u, other, "member", "active", link_user=False)
        if not big or j < 2000:
            if entry is not None and j % 2 == 0:
                d, groups = entry
                mine = [groups[j % len(groups)]] + (
                    [groups[0]] if j % 6 == 0 and j % len(groups) else []
                )
                seeder.directory_user(
                    d,
                    email,
                    first,
                    last,
                    groups=mine,
                    state="active" if j % 13 else "suspended",
                    job_title=names.JOB_TITLES[j % len(names.JOB_TITLES)],
                    department=mine[0]["name"],
                )
            if j % 10 == 0:  # signed in again lately (the sessions are seeded below)
                status = "active" if j % 30 else "revoked"
                sessions.append((u, org, status, seeder.session_origin()))
            if j % 15 == 0:
                seeder.auth_factor(u, names.COMPANIES[org_choices[j]][0])
            if j % 8 == 0:
                u["_identities"] = [
                    {"idp_id": seeder.token(12), "type": "OAuth", "provider": "GoogleOAuth"}
                ]

    # Invitations over the last two months, each from a user who existed: the older ones were
    # accepted, revoked or expired; only recent ones (some sent for 30 days) are still pending.
    seeder.events = True
    inv_start = end - 60 * DAY_MS
    tick = seeder.backdate(inv_start, end, 60)
    inv_states = ("pending", "accepted", "expired", "revoked")
    for k in range(60):
        tick()
        org = orgs[k % len(orgs)]
        existing = min(len(users), 1 + (inv_start + k * DAY_MS - start) // step)
        inviter = users[(k * 7) % existing] if users else None
        sent = seeder.next_ms()
        lifetime = 30 if k % 3 == 0 else 7
        st = inv_states[k % 4]
        if st in ("pending", "expired"):
            st = "pending" if sent + lifetime * DAY_MS > present_ms else "expired"
        first = names.FIRST_NAMES[(k * 5) % len(names.FIRST_NAMES)]
        email = f"{first.lower()}.invitee{k}@{names.COMPANIES[k % len(orgs)][1]}"
        accepted = users[(k * 13) % existing] if st == "accepted" and users else None
        seeder.invitation(
            email,
            org,
            st,
            inviter=inviter,
            accepted_user=accepted,
            role_slug="admin" if k % 6 == 0 else "member",
            expires_in_days=lifetime,
            settled_after_days=min(0.2 + k % 5, (present_ms - sent) / DAY_MS / 2),
        )

    # The sessions of the users who signed in during the last week: the active ones have not
    # expired yet, the revoked ones ended before now.
    tick = seeder.backdate(present_ms - 6 * DAY_MS, present_ms, len(sessions))
    for u, org, status, origin in sessions:
        tick()
        seeder.not_before(u)
        ended = (present_ms - seeder.next_ms()) / DAY_MS / 2
        seeder.session(u, org, status, origin=origin, ended_after_days=ended)

    # Vault objects, spread over the history, each value replaced every month or so.
    tick = seeder.backdate(start, end - 120 * DAY_MS, len(names.VAULT_SECRETS))
    for k, secret in enumerate(names.VAULT_SECRETS):
        tick()
        org = orgs[k % len(orgs)]
        values = [f"{secret}-v{v}-{seeder.token(20)}" for v in range(1, 2 + k % 4)]
        seeder.vault_object(secret, values, {"organization_id": org["id"]}, every_days=28 + k)

    # The environment was configured before the first customer: permissions and roles,
    # webhook endpoints, audit log schemas, redirect URIs, CORS origins and the JWT template.
    setup = seeder.backdate(
        base_ms - 21 * DAY_MS,
        base_ms - DAY_MS,
        demo_authz.ENVIRONMENT_RECORDS + demo_extras.ENVIRONMENT_RECORDS + demo_authkit.RECORDS,
    )
    roles = demo_authz.seed_roles(seeder, setup)
    demo_extras.seed_environment(seeder, setup)
    demo_authkit.seed_authkit(seeder, setup)

    # Then, over the year of sign-ups, records added as customers used the product (each
    # seeder's records in their own stretch of that history, so the events interleave).
    # Custom roles, authorization resources, role assignments and groups.
    tick = seeder.backdate(start + span // 3, end, demo_authz.ORGANIZATION_RECORDS)
    demo_authz.seed_authorization(seeder, orgs, roles, tick)
    # API keys, audit logs, feature flags.
    tick = seeder.backdate(start + DAY_MS, end, demo_extras.RECORDS)
    demo_extras.seed_extras(seeder, orgs, users, tick)
    # Connect applications, authorized applications, Pipes integrations and accounts.
    tick = seeder.backdate(start + span // 6, end, demo_connect.RECORDS)
    demo_connect.seed_connect(seeder, orgs, users, tick)
    # Agent registrations, a recent feature.
    tick = seeder.backdate(end - 20 * DAY_MS, end, demo_agents.RECORDS)
    demo_agents.seed_agents(seeder, orgs, users, tick)
    # Last (the rest keeps its ids): sign-in and sync activity, and an organization in trouble.
    demo_health.seed_health(seeder, orgs)
    seeder.finish()


def _last_sign_in(seeder: Seeder, rng: random.Random, end: int) -> str:
    """Within the last month of the demo's history, and never before the user's creation."""
    state = seeder.state
    created = max(state.frozen_ms or 0, state.last_ms + 1)  # what the user will get
    return ids.iso(end - int(rng.random() * min(30 * DAY_MS, end - created)))
