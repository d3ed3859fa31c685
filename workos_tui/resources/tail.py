"""Following the event stream (``GET /events``) with the ``after`` cursor: no UI.

:class:`EventTail` keeps the cursor (the id of the newest event seen) and the filters; each
:meth:`EventTail.poll` returns the events that arrived since, oldest first. The first poll
returns the newest :data:`BACKLOG` events, so the tail opens on recent context. :class:`RateMeter`
counts events per minute over a trailing window; :class:`Backoff` stretches the polling
interval after a 429 (the server's ``Retry-After`` when it sent one) and restores it on success.
:func:`event_subject` says which record an event is about, to open it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Any

from workos_tui.api.models.events import Event
from workos_tui.resources.base import Facade

BACKLOG = 50
"""How many recent events the tail opens with."""
PAGE = 100
MAX_PAGES = 10
"""At most this many pages per poll (1,000 events); the rest comes with the next poll."""

SUBJECTS: dict[str, tuple[str, str]] = {
    "organization": ("organizations", "Organization"),
    "user": ("users", "User"),
    "connection": ("connections", "Connection"),
    "directory": ("directories", "Directory"),
    "directory_user": ("directory_users", "Directory user"),
    "directory_group": ("directory_groups", "Directory group"),
    "organization_membership": ("memberships", "Membership"),
    "invitation": ("invitations", "Invitation"),
    "organization_domain": ("domains", "Domain"),
}
"""The list area (opened on one id) of each ``data.object`` an event can carry."""


@dataclass(frozen=True)
class Subject:
    """The record an event is about: the area that lists it, its id, a title."""

    resource: str
    id: str
    title: str


def event_subject(event: Event) -> Subject | None:
    """The record ``event`` is about: its payload's own object, else the user or organization it
    names (a sign-in event names a user), else None."""
    data = event.data
    obj, obj_id = data.get("object"), data.get("id")
    if isinstance(obj, str) and isinstance(obj_id, str) and obj in SUBJECTS:
        resource, title = SUBJECTS[obj]
        name = data.get("name") or data.get("email") or obj_id
        return Subject(resource, obj_id, f"{title} {name}")
    for key, obj in (("user_id", "user"), ("organization_id", "organization")):
        value = data.get(key)
        if isinstance(value, str) and value:
            resource, title = SUBJECTS[obj]
            return Subject(resource, value, f"{title} {value}")
    return None


def organization_of(event: Event) -> str | None:
    data = event.data
    if data.get("object") == "organization" and isinstance(data.get("id"), str):
        return str(data["id"])
    org = data.get("organization_id")
    return org if isinstance(org, str) else None


@dataclass
class TailFilter:
    """Which events to follow: types (exact, or a prefix ending in ``.`` or ``*``) and an org."""

    types: tuple[str, ...] = ()
    organization_id: str = ""

    @classmethod
    def parse(cls, types: str, organization_id: str = "") -> TailFilter:
        names = tuple(t.strip() for t in types.replace(",", " ").split() if t.strip())
        return cls(names, organization_id.strip())

    @property
    def exact_types(self) -> list[str]:
        """The types the server filters by (only when none is a prefix)."""
        if any(self._is_prefix(t) for t in self.types):
            return []
        return list(self.types)

    @staticmethod
    def _is_prefix(name: str) -> bool:
        return name.endswith(".") or name.endswith("*")

    def matches(self, event: Event) -> bool:
        """Whether ``event`` has a wanted type (the server filters by organization)."""
        if not self.types:
            return True
        for name in self.types:
            if self._is_prefix(name):
                if event.event.startswith(name.rstrip("*")):
                    return True
            elif event.event == name:
                return True
        return False


@dataclass
class EventTail:
    """The cursor and filters of one tail; :meth:`poll` returns what arrived since."""

    filter: TailFilter = field(default_factory=TailFilter)
    cursor: str | None = None
    started: bool = False

    def restart(self, new_filter: TailFilter) -> None:
        """Follow other events: the next poll opens on their recent backlog again."""
        self.filter = new_filter
        self.cursor = None
        self.started = False

    def _params(self) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if self.filter.exact_types:
            params["events"] = self.filter.exact_types
        if self.filter.organization_id:
            params["organization_id"] = self.filter.organization_id
        return params

    async def poll(self, workos: Facade) -> list[Event]:
        """The events since the cursor (the recent backlog on the first call), oldest first."""
        params = self._params()
        if not self.started:
            page = await workos.events.list(limit=BACKLOG, order="desc", **params)
            events = list(reversed(page.data))
            self.started = True
        else:
            events = []
            for _ in range(MAX_PAGES):
                page = await workos.events.list(
                    limit=PAGE, order="asc", after=self.cursor, **params
                )
                events.extend(page.data)
                if page.data:
                    self.cursor = page.data[-1].id
                if len(page.data) < PAGE:
                    break
            return [e for e in events if self.filter.matches(e)]
        if events:
            self.cursor = events[-1].id
        return [e for e in events if self.filter.matches(e)]


class RateMeter:
    """Events per minute over the trailing ``window`` seconds (times from the caller's clock)."""

    def __init__(self, window: float = 60.0) -> None:
        self.window = window
        self._times: deque[float] = deque()
        self._since: float | None = None

    def add(self, now: float, count: int) -> None:
        if self._since is None:
            self._since = now
        self._times.extend([now] * count)
        self._trim(now)

    def start(self, now: float) -> None:
        """Count from ``now`` (the tail began or resumed)."""
        self._since = now
        self._times.clear()

    def _trim(self, now: float) -> None:
        while self._times and self._times[0] < now - self.window:
            self._times.popleft()

    def per_minute(self, now: float) -> float:
        self._trim(now)
        if self._since is None:
            return 0.0
        span = min(self.window, max(now - self._since, 1.0))
        return len(self._times) * 60.0 / span


@dataclass
class Backoff:
    """The polling interval: ``base`` normally, doubled after each 429 (or the server's
    ``Retry-After``), up to ``ceiling``; back to ``base`` after a successful poll."""

    base: float
    ceiling: float = 120.0
    current: float = 0.0

    def __post_init__(self) -> None:
        self.current = self.base

    @property
    def backing_off(self) -> bool:
        return self.current > self.base

    def rate_limited(self, retry_after: float | None) -> float:
        doubled = min(self.ceiling, self.current * 2)
        self.current = max(doubled, min(self.ceiling, retry_after or 0.0))
        return self.current

    def succeeded(self) -> None:
        self.current = self.base


def summarize(event: Event) -> str:
    """One line about an event's record: its name, email or id, and its organization."""
    data = event.data
    parts: list[str] = []
    for key in ("name", "email", "domain", "slug"):
        value = data.get(key)
        if isinstance(value, str) and value:
            parts.append(value)
            break
    else:
        value = data.get("id")
        if isinstance(value, str):
            parts.append(value)
    org = organization_of(event)
    if org and org != data.get("id"):
        parts.append(org)
    return "  ".join(parts)
