"""Organization X-ray: one organization's health, read from its records (no UI here).

:func:`organization_xray` reads, side by side, what an admin checks one screen at a time in the
Dashboard: SSO connections (by state, each with its last successful sign-in from the events),
directories (by state, counts, the time of the last sync event), domains (pending / failed with
the DNS record to add), members (by status and role), invitations (pending, expired), API keys
(expiring soon), feature flags on, the audit-log retention and the Vault objects scoped to the
organization. Each section is a :class:`Badge` with its findings, each leading to the records
behind it; a section that cannot be read says so and the others still show.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.organizations import Organization
from workos_tui.resources.base import Facade
from workos_tui.resources.diagnostics import (
    DSYNC_EVENTS,
    SSO_EVENTS,
    Drill,
    Finding,
    Severity,
    age,
    attempt,
    collect,
    environment_present,
    error_line,
    events_for,
    parse_time,
    short_time,
    verdict,
    worst,
)
from workos_tui.resources.dsync_debug import about_directory, directory_findings
from workos_tui.resources.sso_debug import about_connection, connection_findings, sign_in_stats

XRAY = "xray"
"""The X-ray's view key (a panel of the console)."""
LIST_CAP = 2000
KEY_EXPIRY_DAYS = 14
INVITATION_LOOKBACK_DAYS = 30
VAULT_CAP = 200


@dataclass(frozen=True)
class Badge:
    """One health section: a summary line, its findings, and the list behind it."""

    key: str
    title: str
    summary: str
    findings: tuple[Finding, ...] = ()
    drill: Drill | None = None
    error: str = ""

    @property
    def severity(self) -> Severity:
        return worst(self.findings, "warning" if self.error else "ok")


@dataclass(frozen=True)
class XrayReport:
    organization: Organization
    present: datetime
    badges: tuple[Badge, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for b in self.badges for f in b.findings)

    @property
    def verdict(self) -> str:
        """``"2 problems, 1 warning"``, and how many sections could not be read."""
        unread = sum(1 for b in self.badges if b.error)
        more = f"; {unread} section{'' if unread == 1 else 's'} not read" if unread else ""
        return verdict(self.findings) + more


def _states(values: list[str], order: tuple[str, ...]) -> str:
    counts = Counter(values)
    known = [f"{counts.pop(s)} {s}" for s in order if s in counts]
    return " · ".join(known + [f"{n} {s}" for s, n in sorted(counts.items())]) or "none"


def _org_list(title: str, resource: str, org: Organization) -> Drill:
    return Drill(f"{org.name} / {title}", resource=resource, scope={"organization_id": org.id})


# ------------------------------------------------------------------------------ sections


async def _connections(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.connections.cursor(organization_id=org.id, limit=100), LIST_CAP)
    events = await events_for(workos, SSO_EVENTS, organization_id=org.id, present=present)
    findings: list[Finding] = []
    lines: list[str] = []
    for conn in got.items:
        own = [e for e in events.items if about_connection(e, conn.id)]
        stats = sign_in_stats(own)
        last = parse_time(stats.last_success.created_at) if stats.last_success else None
        lines.append(f"{conn.name} ({conn.state}): last sign-in {short_time(last)}")
        findings.extend(connection_findings(conn, stats, present, org))
    if not got.items:
        findings.append(Finding("info", "No SSO connection", _org_list("SSO", "connections", org)))
    summary = _states(
        [str(c.state) for c in got.items], ("active", "inactive", "draft", "validating")
    )
    detail = tuple(Finding("ok", line) for line in lines)
    return Badge(
        "sso",
        "SSO connections",
        summary,
        (*findings, *detail),
        _org_list("SSO connections", "connections", org),
    )


async def _directories(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.directories.cursor(organization_id=org.id, limit=100), LIST_CAP)
    events = (
        await events_for(workos, DSYNC_EVENTS, organization_id=org.id, present=present)
        if got.items
        else None
    )
    findings: list[Finding] = []
    for d in got.items:
        own = [e for e in events.items if about_directory(e, d.id)] if events else []
        last = parse_time(own[0].created_at) if own else None
        users = groups = "?"
        if d.metadata is not None and d.metadata.users is not None:
            users = str(d.metadata.users.active + d.metadata.users.inactive)
        if d.metadata is not None and d.metadata.groups is not None:
            groups = str(d.metadata.groups)
        findings.extend(directory_findings(d, last, present))
        when = f"{short_time(last)} ({age(last, present)} ago)" if last else "none in 90 days"
        findings.append(
            Finding(
                "ok",
                f"{d.name} ({d.state}): {users} users, {groups} groups; last sync event {when}",
                Drill(f"Debug {d.name}", view="directory-debugger", target=d.id),
            )
        )
    summary = _states([str(d.state) for d in got.items], ("linked", "validating", "unlinked"))
    return Badge(
        "directories",
        "Directories",
        summary,
        tuple(findings),
        _org_list("Directories", "directories", org),
    )


def _domains(org: Organization) -> Badge:
    findings: list[Finding] = []
    drill = _org_list("Domains", "domains", org)
    for d in org.domains:
        state = str(d.state or "unknown")
        if state not in ("pending", "failed"):
            continue
        record = ""
        if d.verification_token:
            host = f"{d.verification_prefix}.{d.domain}" if d.verification_prefix else d.domain
            record = f": add TXT {host} = {d.verification_token}"
        severity: Severity = "problem" if state == "failed" else "warning"
        verb = "failed verification" if state == "failed" else "is pending verification"
        findings.append(Finding(severity, f"{d.domain} {verb}{record}", drill))
    summary = _states(
        [str(d.state or "unknown") for d in org.domains], ("verified", "pending", "failed")
    )
    return Badge("domains", "Domains", summary, tuple(findings), drill)


async def _members(workos: Facade, org: Organization, present: datetime) -> Badge:
    cursor = workos.organization_memberships.cursor(
        organization_id=org.id, statuses=["active", "inactive", "pending"], limit=100
    )
    got = await collect(cursor, LIST_CAP)
    statuses = _states([str(m.status) for m in got.items], ("active", "pending", "inactive"))
    roles = Counter(m.role.slug if m.role is not None else "none" for m in got.items)
    role_text = ", ".join(f"{slug} {n}" for slug, n in roles.most_common())
    more = "+" if got.truncated else ""
    summary = f"{len(got.items)}{more} members: {statuses}" + (
        f"; roles: {role_text}" if role_text else ""
    )
    findings: list[Finding] = []
    active_admins = [
        m for m in got.items if m.status == "active" and m.role and m.role.slug == "admin"
    ]
    if got.items and not active_admins and not got.truncated:
        findings.append(
            Finding("info", "No active admin member", _org_list("Members", "memberships", org))
        )
    return Badge(
        "members", "Members", summary, tuple(findings), _org_list("Members", "memberships", org)
    )


async def _invitations(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.invitations.cursor(organization_id=org.id, limit=100), LIST_CAP)
    drill = _org_list("Invitations", "invitations", org)
    pending = [i for i in got.items if i.state == "pending"]
    since = present - timedelta(days=INVITATION_LOOKBACK_DAYS)
    expired = [
        i
        for i in got.items
        if i.state == "expired" and (parse_time(i.expires_at) or present) >= since
    ]
    findings = [
        Finding(
            "warning",
            f"Invitation to {i.email} expired {short_time(parse_time(i.expires_at))} "
            "(never accepted: resend it)",
            drill,
        )
        for i in expired
    ]
    findings.extend(
        Finding(
            "info",
            f"Invitation to {i.email} pending until {short_time(parse_time(i.expires_at))}",
            drill,
        )
        for i in pending
    )
    total_expired = sum(1 for i in got.items if i.state == "expired")
    recent = f"{len(expired)} in the last {INVITATION_LOOKBACK_DAYS} days"
    summary = f"{len(pending)} pending · {total_expired} expired ({recent})"
    return Badge("invitations", "Invitations", summary, tuple(findings), drill)


async def _api_keys(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.api_keys.organization_cursor(org.id, limit=100), LIST_CAP)
    drill = _org_list("API keys", "organization_api_keys", org)
    findings: list[Finding] = []
    soon = present + timedelta(days=KEY_EXPIRY_DAYS)
    for key in got.items:
        expires = parse_time(key.expires_at)
        if expires is None:
            continue
        if expires <= present:
            findings.append(
                Finding("info", f"API key {key.name} expired {short_time(expires)}", drill)
            )
        elif expires <= soon:
            findings.append(
                Finding(
                    "warning",
                    f"API key {key.name} expires in {age(present, expires)} "
                    f"({short_time(expires)})",
                    drill,
                )
            )
    summary = f"{len(got.items)} key{'' if len(got.items) == 1 else 's'}"
    return Badge("api_keys", "API keys", summary, tuple(findings), drill)


async def _feature_flags(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.feature_flags.organization_cursor(org.id, limit=100), LIST_CAP)
    on = [f for f in got.items if f.enabled]
    names = ", ".join(f.slug for f in on)
    summary = f"{len(on)} on" + (f": {names}" if names else "")
    return Badge(
        "flags",
        "Feature flags",
        summary,
        (),
        _org_list("Feature flags", "organization_feature_flags", org),
    )


async def _retention(workos: Facade, org: Organization, present: datetime) -> Badge:
    retention = await workos.organizations.get_audit_logs_retention(org.id)
    days = retention.retention_period_in_days
    summary = "not set" if days is None else f"{days} days"
    return Badge("audit", "Audit-log retention", summary)


async def _vault(workos: Facade, org: Organization, present: datetime) -> Badge:
    got = await collect(workos.vault.cursor(limit=100), VAULT_CAP)
    limit = asyncio.Semaphore(8)

    async def scoped(object_id: str) -> bool:
        async with limit:
            meta = await workos.vault.get_metadata(object_id)
        return meta.metadata.context.get("organization_id") == org.id

    flags = await asyncio.gather(*(scoped(o.id) for o in got.items))
    mine = [o.name for o, ok in zip(got.items, flags, strict=True) if ok]
    more = f" (first {VAULT_CAP} objects checked)" if got.truncated else ""
    summary = (
        f"{len(mine)} object{'' if len(mine) == 1 else 's'}"
        + (f": {', '.join(mine)}" if mine else "")
        + more
    )
    return Badge("vault", "Vault objects", summary, (), Drill("Vault", resource="vault"))


Section = Callable[[Facade, Organization, datetime], Awaitable[Badge]]
SECTIONS: tuple[tuple[str, str, Section], ...] = (
    ("sso", "SSO connections", _connections),
    ("directories", "Directories", _directories),
    ("members", "Members", _members),
    ("invitations", "Invitations", _invitations),
    ("api_keys", "API keys", _api_keys),
    ("flags", "Feature flags", _feature_flags),
    ("audit", "Audit-log retention", _retention),
    ("vault", "Vault objects", _vault),
)


async def _section(
    key: str, title: str, run: Section, workos: Facade, org: Organization, present: datetime
) -> Badge:
    outcome = await attempt(run(workos, org, present))
    if isinstance(outcome, WorkOSError):
        return Badge(key, title, "", error=error_line(outcome))
    return outcome


async def find_organization(workos: Facade, name_or_id: str) -> Organization | None:
    """An organization by id (``org_…``), else by name: an exact (case-insensitive) name
    first, then the first the search finds."""
    wanted = name_or_id.strip()
    if not wanted:
        return None
    if wanted.startswith("org_"):
        return await workos.organizations.get(wanted)
    page = await workos.organizations.list(search=wanted, limit=20)
    exact = [o for o in page.data if o.name.lower() == wanted.lower()]
    found = exact or page.data
    return found[0] if found else None


async def organization_xray(
    workos: Facade, organization_id: str, *, present: datetime | None = None
) -> XrayReport:
    """Read and judge one organization (raises the API error when it cannot be read)."""
    org = await workos.organizations.get(organization_id)
    when = present if present is not None else await environment_present(workos)
    badges = await asyncio.gather(
        *(_section(key, title, run, workos, org, when) for key, title, run in SECTIONS)
    )
    ordered = [*badges[:2], _domains(org), *badges[2:]]
    return XrayReport(org, when, tuple(ordered))
