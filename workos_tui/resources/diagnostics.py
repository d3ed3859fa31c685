"""The vocabulary of the health views (X-ray, SSO and directory debuggers), without the UI.

A :class:`Finding` is one thing worth telling, with its :data:`Severity` and where it leads
(:class:`Drill`: a list scoped to the records behind it, or another view on one record). The
reading helpers here walk pages with a cap, so that a big environment costs a bounded number
of requests, and say when they stopped early.

Time: an environment is judged as of its *present* (:func:`environment_present`), the time of
its newest event, not the wall clock. A quiet environment, or the demo whose seeded history ends
at a fixed present, would otherwise look stalled everywhere.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, TypeVar

from workos_tui.api.errors import WorkOSError
from workos_tui.api.models.events import Event
from workos_tui.api.pagination import Cursor
from workos_tui.resources.base import Facade

Severity = Literal["problem", "warning", "info", "ok"]
SEVERITY_ORDER: Mapping[Severity, int] = {"problem": 0, "warning": 1, "info": 2, "ok": 3}

SSO_EVENTS: tuple[str, ...] = ("authentication.sso_succeeded", "authentication.sso_failed")
CONNECTION_EVENTS: tuple[str, ...] = (
    "connection.activated",
    "connection.deactivated",
    "connection.deleted",
    "connection.saml_certificate_renewal_required",
    "connection.saml_certificate_renewed",
)
DSYNC_EVENTS: tuple[str, ...] = (
    "dsync.activated",
    "dsync.deleted",
    "dsync.user.created",
    "dsync.user.updated",
    "dsync.user.deleted",
    "dsync.group.created",
    "dsync.group.updated",
    "dsync.group.deleted",
    "dsync.group.user_added",
    "dsync.group.user_removed",
)
EVENT_WINDOW = timedelta(days=90)
"""How far back the views read events (the Events API keeps about that much)."""
EVENT_PAGES = 5
"""At most this many pages of 100 events per question."""

T = TypeVar("T")


@dataclass(frozen=True)
class Drill:
    """Where a finding or badge leads: a list (``resource`` scoped by ``scope``) or another
    specialised ``view`` on ``target``."""

    title: str
    resource: str = ""
    scope: Mapping[str, str] = field(default_factory=dict)
    view: str = ""
    target: str = ""


@dataclass(frozen=True)
class Finding:
    severity: Severity
    text: str
    drill: Drill | None = None


def worst(findings: Iterable[Finding], default: Severity = "ok") -> Severity:
    """The most severe of ``findings`` (``default`` when there is none)."""
    levels = [f.severity for f in findings]
    return min(levels, key=SEVERITY_ORDER.__getitem__) if levels else default


def count(findings: Iterable[Finding], severity: Severity) -> int:
    return sum(1 for f in findings if f.severity == severity)


def verdict(findings: Iterable[Finding]) -> str:
    """One line: ``"2 problems, 1 warning"`` or ``"No problems found"``."""
    items = list(findings)
    problems, warnings = count(items, "problem"), count(items, "warning")
    parts = [
        f"{n} {word}{'' if n == 1 else 's'}"
        for n, word in ((problems, "problem"), (warnings, "warning"))
        if n
    ]
    return ", ".join(parts) if parts else "No problems found"


# ------------------------------------------------------------------------------ time


def parse_time(text: str | None) -> datetime | None:
    """An ISO 8601 timestamp from the API (``Z`` or an offset), or None."""
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def short_time(moment: datetime | None) -> str:
    return "never" if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def age(moment: datetime, present: datetime) -> str:
    """``"3 days"``, ``"5 hours"``, ``"12 minutes"`` between ``moment`` and ``present``."""
    seconds = max(0, int((present - moment).total_seconds()))
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'' if n == 1 else 's'}"
    return "moments"


ACTIVITY_EVENTS: tuple[str, ...] = (
    *SSO_EVENTS,
    *CONNECTION_EVENTS,
    *DSYNC_EVENTS,
    "organization.created",
    "organization.updated",
    "user.created",
    "user.updated",
    "invitation.created",
    "organization_membership.created",
    "organization_membership.updated",
    "session.created",
)
"""What the environment's users and customers do. Reading never adds one (a Vault read, for
one, records a ``vault.*.read`` event: those would make every read the present)."""


async def environment_present(workos: Facade, wall: datetime | None = None) -> datetime:
    """The environment's present: the time of its newest activity event, never after the wall
    clock; the wall clock when there is none."""
    now = wall or datetime.now(UTC)
    page = await workos.events.list(events=list(ACTIVITY_EVENTS), limit=1, order="desc")
    newest = parse_time(page.data[0].created_at) if page.data else None
    return now if newest is None else min(newest, now)


# ------------------------------------------------------------------------------ reading


@dataclass
class Collected:
    """Items read from a list, and whether the cap stopped the walk."""

    items: list[Any]
    truncated: bool = False


async def collect(cursor: Cursor[Any], cap: int) -> Collected:
    """Up to ``cap`` items of ``cursor`` (pages as it gives them)."""
    items: list[Any] = []
    while True:
        items.extend(await cursor.next_page())
        if not cursor.has_more:
            return Collected(items)
        if len(items) >= cap:
            return Collected(items[:cap], truncated=True)


async def events_for(
    workos: Facade,
    names: Iterable[str],
    *,
    organization_id: str | None,
    present: datetime,
    window: timedelta = EVENT_WINDOW,
    pages: int = EVENT_PAGES,
) -> Collected:
    """The organization's events of types ``names`` in ``window`` before ``present``, newest
    first (sorted here too: a server that ignores ``order`` still gives the right order)."""
    cursor = workos.events.cursor(
        events=list(names),
        organization_id=organization_id,
        range_start=iso(present - window),
        order="desc",
        limit=100,
    )
    got = await collect(cursor, pages * 100)
    got.items.sort(key=lambda e: e.created_at, reverse=True)
    return got


def data_path(event: Event, *path: str) -> Any:
    """``event.data[path[0]][path[1]]…``, None where a step is missing."""
    value: Any = event.data
    for step in path:
        if not isinstance(value, Mapping):
            return None
        value = value.get(step)
    return value


async def attempt(call: Awaitable[T]) -> T | WorkOSError:
    """The call's result, or the API error it raised (a section reports it and others go on)."""
    try:
        return await call
    except WorkOSError as error:
        return error


def error_line(error: WorkOSError) -> str:
    status = f"{error.status} " if getattr(error, "status", None) else ""
    return f"Could not read: {status}{error.message}".strip()
