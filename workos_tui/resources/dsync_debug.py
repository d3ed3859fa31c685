"""Is this directory still syncing? One directory, diagnosed.

:func:`diagnose_directory` reads the directory, counts its users (by state) and groups, reads
the organization's ``dsync.*`` events of the last 90 days and keeps this directory's
(``data.directory_id``, or ``data.id`` for the directory's own events), detects a stalled sync
(linked, yet no event for ``stall_hours`` before the environment's present) and spot-checks
groups against users: a few members of a few groups must list that group back.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.directories import Directory, DirectoryGroup
from workos_tui.api.models.events import Event
from workos_tui.resources.base import Facade
from workos_tui.resources.diagnostics import (
    DSYNC_EVENTS,
    Drill,
    Finding,
    age,
    attempt,
    collect,
    data_path,
    environment_present,
    events_for,
    parse_time,
    short_time,
)

DIRECTORY_DEBUGGER = "directory-debugger"
"""The debugger's view key (a panel of the console)."""
STALL_HOURS = 24
COUNT_CAP = 2000
"""Users and groups counted up to this many (more shows as ``2000+``)."""
SPOT_GROUPS = 3
SPOT_MEMBERS = 3


@dataclass(frozen=True)
class Count:
    value: int
    truncated: bool = False

    def __str__(self) -> str:
        return f"{self.value}+" if self.truncated else str(self.value)


@dataclass(frozen=True)
class SpotCheck:
    """A group, how many members it lists (up to a page), and the sampled members that do not
    list the group back."""

    group: DirectoryGroup
    members: int
    checked: int
    mismatched: tuple[str, ...] = ()


@dataclass(frozen=True)
class DirectoryDiagnosis:
    directory: Directory
    present: datetime
    users: Count
    users_by_state: dict[str, int]
    groups: Count
    events: tuple[Event, ...]
    """The directory's own events, newest first."""
    last_event: Event | None
    spot_checks: tuple[SpotCheck, ...]
    findings: tuple[Finding, ...]
    stall_hours: int = STALL_HOURS
    errors: tuple[str, ...] = field(default_factory=tuple)


def about_directory(event: Event, directory_id: str) -> bool:
    if event.event in ("dsync.activated", "dsync.deleted"):
        return bool(data_path(event, "id") == directory_id)
    return bool(data_path(event, "directory_id") == directory_id)


def last_sync_time(events: list[Event] | tuple[Event, ...]) -> datetime | None:
    """The newest of ``events`` (newest first)."""
    return parse_time(events[0].created_at) if events else None


def is_stalled(
    directory: Directory, last_event: datetime | None, present: datetime, stall_hours: int
) -> bool:
    """Linked, and no event in the last ``stall_hours`` (or none at all) before ``present``."""
    if str(directory.state) != "linked":
        return False
    return last_event is None or present - last_event > timedelta(hours=stall_hours)


def directory_findings(
    directory: Directory,
    last_event: datetime | None,
    present: datetime,
    stall_hours: int = STALL_HOURS,
    spot_checks: tuple[SpotCheck, ...] = (),
) -> list[Finding]:
    debug = Drill(f"Debug {directory.name}", view=DIRECTORY_DEBUGGER, target=directory.id)
    name, state = directory.name, str(directory.state)
    findings: list[Finding] = []
    if is_stalled(directory, last_event, present, stall_hours):
        since = (
            f"last {short_time(last_event)}, {age(last_event, present)} ago"
            if last_event is not None
            else "none in 90 days"
        )
        findings.append(
            Finding(
                "problem",
                f"{name} looks stalled: linked, no sync event for over {stall_hours} hours "
                f"({since})",
                debug,
            )
        )
    if state == "invalid_credentials":
        findings.append(
            Finding("problem", f"{name}: invalid credentials (the IdP rejects WorkOS)", debug)
        )
    elif state == "validating":
        findings.append(Finding("warning", f"{name} is still validating", debug))
    elif state == "unlinked":
        findings.append(Finding("info", f"{name} is unlinked", debug))
    for check in spot_checks:
        members = Drill(
            f"{check.group.name} / Users",
            resource="directory_users",
            scope={"group": check.group.id},
        )
        if check.mismatched:
            findings.append(
                Finding(
                    "problem",
                    f"Group {check.group.name}: {len(check.mismatched)} of {check.checked} "
                    f"members do not list it back ({', '.join(check.mismatched)})",
                    members,
                )
            )
        elif check.members == 0:
            findings.append(Finding("info", f"Group {check.group.name} has no members", members))
    return findings


async def _count(workos: Facade, directory_id: str) -> tuple[Count, dict[str, int], Count]:
    users = await collect(
        workos.directory_users.cursor(directory=directory_id, limit=100), COUNT_CAP
    )
    groups = await collect(
        workos.directory_groups.cursor(directory=directory_id, limit=100), COUNT_CAP
    )
    states = Counter(str(getattr(u, "state", None) or "unknown") for u in users.items)
    return (
        Count(len(users.items), users.truncated),
        dict(states),
        Count(len(groups.items), groups.truncated),
    )


async def spot_check(workos: Facade, group: DirectoryGroup) -> SpotCheck:
    """Up to :data:`SPOT_MEMBERS` members of ``group``: each must list ``group`` among its
    groups (the two directions of the membership agree)."""
    page = await workos.directory_users.list(group=group.id, limit=100)
    sample = page.data[:SPOT_MEMBERS]
    groups_of = await asyncio.gather(
        *(workos.directory_groups.list(user=u.id, limit=100) for u in sample)
    )
    mismatched = tuple(
        str(u.email or u.id)
        for u, theirs in zip(sample, groups_of, strict=True)
        if all(g.id != group.id for g in theirs.data)
    )
    members = len(page.data)
    return SpotCheck(group, members, len(sample), mismatched)


async def diagnose_directory(
    workos: Facade,
    directory_id: str,
    *,
    present: datetime | None = None,
    stall_hours: int = STALL_HOURS,
) -> DirectoryDiagnosis:
    """Read and judge one directory (raises the API error when it cannot be read)."""
    directory = await workos.directories.get(directory_id)
    when = present if present is not None else await environment_present(workos)
    counted, got, first_groups = await asyncio.gather(
        attempt(_count(workos, directory.id)),
        attempt(
            events_for(
                workos, DSYNC_EVENTS, organization_id=directory.organization_id, present=when
            )
        ),
        attempt(workos.directory_groups.list(directory=directory.id, limit=SPOT_GROUPS)),
    )
    errors: list[str] = []
    by_state: dict[str, int] = {}
    users, groups = Count(0), Count(0)
    if isinstance(counted, WorkOSError):
        errors.append(f"Counts: {counted.message}")
    else:
        users, by_state, groups = counted
    events: tuple[Event, ...] = ()
    if isinstance(got, WorkOSError):
        errors.append(f"Events: {got.message}")
    else:
        events = tuple(e for e in got.items if about_directory(e, directory.id))
    checks: tuple[SpotCheck, ...] = ()
    if isinstance(first_groups, WorkOSError):
        errors.append(f"Spot checks: {first_groups.message}")
    else:
        done = await attempt(asyncio.gather(*(spot_check(workos, g) for g in first_groups.data)))
        if isinstance(done, WorkOSError):
            errors.append(f"Spot checks: {done.message}")
        else:
            checks = tuple(done)
    last = last_sync_time(events)
    findings = directory_findings(directory, last, when, stall_hours, checks)
    return DirectoryDiagnosis(
        directory,
        when,
        users,
        by_state,
        groups,
        events,
        events[0] if events else None,
        checks,
        tuple(findings),
        stall_hours,
        tuple(errors),
    )
