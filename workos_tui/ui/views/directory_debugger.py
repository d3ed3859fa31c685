"""Directory sync debugger (Debug on a directory's row, ``:debug-sync directory_…``): state,
counts, the directory's own recent ``dsync.*`` events, stalled-sync detection and group ↔
user spot checks."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from workos_tui.resources.diagnostics import Drill, age, parse_time, short_time
from workos_tui.resources.diagnostics import verdict as summarize
from workos_tui.resources.dsync_debug import (
    STALL_HOURS,
    DirectoryDiagnosis,
    diagnose_directory,
    last_sync_time,
)
from workos_tui.ui.views.health_base import HealthView, finding_rows, heading, line

SHOWN_EVENTS = 25
STALL_CHOICES = (6, 12, 24, 48, 72, 168, 336)


class DirectoryDebuggerView(HealthView):
    """Is this directory still syncing?"""

    HELP = """
## Directory sync debugger

Type a directory id (`directory_…`) or name and press **Enter**, or open it from a directory's
row (**a**, then *Debug*). It shows the state, users (by state) and groups, the directory's own
`dsync.*` events of the last 90 days, whether the sync looks stalled (linked, yet no event for
24 hours before the environment's newest activity; **h** cycles 6 hours … 2 weeks), and spot checks:
a few members of a few groups must list that group back. **Enter** on a line opens the records
behind it.
"""

    EXAMPLE: ClassVar[str] = "Acme Rockets Okta SCIM"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("h", "stall_hours", "Stall hours", id="directory_debugger.stall_hours"),
    ]
    stall_hours = STALL_HOURS

    TARGET_LABEL: ClassVar[str] = "Directory"
    TARGET_PLACEHOLDER: ClassVar[str] = "directory_… id or name, then Enter"
    EMPTY_TEXT: ClassVar[str] = "Type a directory id or name and press Enter."

    async def diagnose(self, target: str) -> Any:
        workos = self.context.workos
        directory_id = target
        if not target.startswith("directory_"):
            page = await workos.directories.list(search=target, limit=10)
            if not page.data:
                return None
            directory_id = page.data[0].id
        return await diagnose_directory(workos, directory_id, stall_hours=self.stall_hours)

    def action_stall_hours(self) -> None:
        """The next threshold of :data:`STALL_CHOICES`, then read again."""
        later = [h for h in STALL_CHOICES if h > self.stall_hours]
        self.stall_hours = later[0] if later else STALL_CHOICES[0]
        self.notify(f"A linked directory is stalled after {self.stall_hours} hours without events.")
        self.action_refresh()

    def render_result(self, result: Any) -> None:
        assert isinstance(result, DirectoryDiagnosis)
        d = result.directory
        problems = [f for f in result.findings if f.severity in ("problem", "warning")]
        verdict = summarize(result.findings)
        kind = (
            "-problem"
            if any(f.severity == "problem" for f in problems)
            else ("-warning" if problems else "-ok")
        )
        self.set_verdict(
            f"{d.name}: {verdict}", kind, f"{d.id} · as of {short_time(result.present)}"
        )
        users = Drill(f"{d.name} / Users", resource="directory_users", scope={"directory": d.id})
        groups = Drill(f"{d.name} / Groups", resource="directory_groups", scope={"directory": d.id})
        rows: list[Any] = [(heading("Findings"), None), *finding_rows(result.findings)]
        if not result.findings:
            rows.append((line("Nothing to report", "ok", 2), None))
        for error in result.errors:
            rows.append((line(error, "warning", 2), None))
        last = last_sync_time(result.events)
        when = (
            f"{short_time(last)} ({age(last, result.present)} ago)" if last else "none in 90 days"
        )
        by_state = ", ".join(f"{n} {s}" for s, n in sorted(result.users_by_state.items()))
        rows += [
            (heading("Directory"), None),
            (line(f"Type: {d.type}", None, 2), None),
            (line(f"State: {d.state}", None, 2), None),
            (
                line(f"Users: {result.users}" + (f" ({by_state})" if by_state else ""), None, 2),
                users,
            ),
            (line(f"Groups: {result.groups}", None, 2), groups),
            (line(f"Last sync event: {when}", None, 2), None),
            (line(f"Stalled after: {result.stall_hours} hours without an event", None, 2), None),
            (heading("Spot checks (group ↔ user)"), None),
        ]
        for check in result.spot_checks:
            members = Drill(
                f"{check.group.name} / Users",
                resource="directory_users",
                scope={"group": check.group.id},
            )
            if check.mismatched:
                text = (
                    f"{check.group.name}: {len(check.mismatched)} of {check.checked} "
                    "members do not list it back"
                )
                rows.append((line(text, "problem", 2), members))
            else:
                text = (
                    f"{check.group.name}: {check.members} members listed; "
                    f"{check.checked} checked, each lists the group"
                )
                rows.append((line(text, "ok", 2), members))
        if not result.spot_checks:
            rows.append((line("No group to check", "info", 2), None))
        rows.append((heading(f"Recent dsync events ({len(result.events)} in 90 days)"), None))
        for event in result.events[:SHOWN_EVENTS]:
            who = event.data.get("email") or event.data.get("name") or ""
            rows.append(
                (
                    line(
                        f"{short_time(parse_time(event.created_at))}  {event.event}  {who}",
                        "info",
                        2,
                    ),
                    None,
                )
            )
        self.lines.show(rows)
