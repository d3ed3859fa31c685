"""Why can't this connection's people sign in? One SSO connection, diagnosed.

:func:`diagnose_connection` reads the connection as WorkOS holds it, its organization (the
domains and their verification), and the organization's ``authentication.sso_*`` and
``connection.*`` events of the last 90 days, keeps those about *this* connection
(``data.sso.connection_id``, ``data.id``), and turns them into findings
(:func:`connection_findings`, pure, so that it is tested on records built for the case).

Unlike a "recent events" dump, the events are the connection's own (not the organization's or
another connection's), newest first, failures included with their error code and message.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.events import Event
from workos_tui.api.models.organizations import Organization
from workos_tui.api.models.sso import Connection
from workos_tui.resources.base import Facade
from workos_tui.resources.diagnostics import (
    CONNECTION_EVENTS,
    EVENT_WINDOW,
    SSO_EVENTS,
    Drill,
    Finding,
    age,
    attempt,
    data_path,
    environment_present,
    events_for,
    parse_time,
    short_time,
)

SSO_DEBUGGER = "sso-debugger"
"""The debugger's view key (a panel of the console)."""


@dataclass(frozen=True)
class SignInStats:
    """A connection's sign-ins in the window: counts, the last of each, the failures since the
    last success."""

    succeeded: int = 0
    failed: int = 0
    last_success: Event | None = None
    last_failure: Event | None = None
    failures_since_success: int = 0


@dataclass(frozen=True)
class ConnectionDiagnosis:
    connection: Connection
    organization: Organization | None
    present: datetime
    events: tuple[Event, ...]
    """The connection's own events, newest first."""
    stats: SignInStats
    findings: tuple[Finding, ...]
    truncated: bool = False


def is_oauth(connection: Connection) -> bool:
    """OAuth connections (Google, Microsoft, GitHub…) route by provider, not by domain."""
    return str(connection.connection_type).endswith("OAuth")


def about_connection(event: Event, connection_id: str) -> bool:
    if event.event.startswith("authentication."):
        return bool(data_path(event, "sso", "connection_id") == connection_id)
    return bool(data_path(event, "id") == connection_id)


def sign_in_stats(events: list[Event] | tuple[Event, ...]) -> SignInStats:
    """``events`` newest first (only this connection's)."""
    succeeded = failed = since = 0
    last_success: Event | None = None
    last_failure: Event | None = None
    for event in events:
        if event.event == "authentication.sso_succeeded":
            succeeded += 1
            last_success = last_success or event
        elif event.event == "authentication.sso_failed":
            failed += 1
            last_failure = last_failure or event
            if last_success is None:
                since += 1
    return SignInStats(succeeded, failed, last_success, last_failure, since)


def failure_reason(event: Event) -> str:
    code = data_path(event, "error", "code") or "unknown_error"
    message = data_path(event, "error", "message") or ""
    return f"{code}: {message}" if message else str(code)


def connection_findings(
    connection: Connection,
    stats: SignInStats,
    present: datetime,
    organization: Organization | None = None,
) -> list[Finding]:
    """What is wrong (or worth knowing) about ``connection``, most severe first."""
    findings: list[Finding] = []
    debug = Drill(f"Debug {connection.name}", view=SSO_DEBUGGER, target=connection.id)
    state = str(connection.state)
    name = connection.name
    days = EVENT_WINDOW.days
    if state != "active":
        if stats.failures_since_success:
            findings.append(
                Finding(
                    "problem",
                    f"{name} is {state}: {stats.failures_since_success} failed sign-in"
                    f"{'' if stats.failures_since_success == 1 else 's'} since its last "
                    f"success ({short_time(_when(stats.last_success))})",
                    debug,
                )
            )
        elif state in ("inactive", "validating"):
            findings.append(Finding("warning", f"{name} is {state}", debug))
        else:
            findings.append(Finding("info", f"{name} is {state} (not set up yet)", debug))
    if stats.last_failure is not None and stats.failures_since_success:
        when = _when(stats.last_failure)
        ago = f"{age(when, present)} ago" if when else "at an unknown time"
        findings.append(
            Finding(
                "problem" if state == "active" and stats.failures_since_success >= 3 else "info",
                f"{name}: last failure {ago}: {failure_reason(stats.last_failure)}",
                debug,
            )
        )
    if not is_oauth(connection) and not connection.domains:
        findings.append(
            Finding(
                "warning",
                f"{name} has no domain: sign-in by email domain cannot find it",
                debug,
            )
        )
    if state == "active" and stats.last_success is None:
        findings.append(Finding("warning", f"{name}: no successful sign-in in {days} days", debug))
    if organization is not None:
        verified = {d.domain.lower() for d in organization.domains if d.state == "verified"}
        for domain in connection.domains:
            if domain.domain.lower() not in verified:
                findings.append(
                    Finding(
                        "warning",
                        f"{name}: {domain.domain} is not a verified domain of {organization.name}",
                        Drill(
                            f"{organization.name} / Domains",
                            resource="domains",
                            scope={"organization_id": organization.id},
                        ),
                    )
                )
    return findings


def _when(event: Event | None) -> datetime | None:
    return None if event is None else parse_time(event.created_at)


async def diagnose_connection(
    workos: Facade, connection_id: str, *, present: datetime | None = None
) -> ConnectionDiagnosis:
    """Read and judge one connection (raises the API error when the connection cannot be
    read; the organization and events are optional)."""
    connection, when = await asyncio.gather(
        workos.connections.get(connection_id),
        environment_present(workos) if present is None else _given(present),
    )
    org_id = connection.organization_id
    organization: Organization | WorkOSError | None = None
    if org_id:
        organization, got = await asyncio.gather(
            attempt(workos.organizations.get(org_id)),
            events_for(
                workos, (*SSO_EVENTS, *CONNECTION_EVENTS), organization_id=org_id, present=when
            ),
        )
    else:
        got = await events_for(
            workos, (*SSO_EVENTS, *CONNECTION_EVENTS), organization_id=None, present=when
        )
    org = organization if isinstance(organization, Organization) else None
    events = tuple(e for e in got.items if about_connection(e, connection.id))
    stats = sign_in_stats([e for e in events if e.event.startswith("authentication.")])
    findings = connection_findings(connection, stats, when, org)
    return ConnectionDiagnosis(
        connection, org, when, events, stats, tuple(findings), truncated=got.truncated
    )


async def _given(value: datetime) -> datetime:
    return value
