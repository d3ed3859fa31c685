"""SSO connection debugger (Debug on a connection's row, ``:debug-sso conn_…``): the connection
as WorkOS holds it, its own recent sign-ins and failures, findings, and the test sign-in tool
pre-filled for it (**F6**)."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType

from workos_tui.resources.diagnostics import Drill, parse_time, short_time
from workos_tui.resources.diagnostics import verdict as summarize
from workos_tui.resources.sso_debug import ConnectionDiagnosis, diagnose_connection, failure_reason
from workos_tui.ui.view_requests import OpenView
from workos_tui.ui.views.health_base import HealthView, finding_rows, heading, line

TEST_SIGN_IN = "tool-test-sign-in"
SHOWN_EVENTS = 25


class SsoDebuggerView(HealthView):
    """Why can't this connection's people sign in?"""

    HELP = """
## SSO connection debugger

Type a connection id (`conn_…`) or name and press **Enter**, or open it from a connection's
row (**a**, then *Debug*). It shows the connection's configuration as WorkOS holds it, its own
`authentication.sso_*` and `connection.*` events of the last 90 days (failures with their error
code), and findings: inactive, no domain, a domain the organization has not verified, never
used, the last failure's reason. **F6** opens the test sign-in tool with this connection chosen.
**Enter** on a finding opens the records behind it.
"""

    EXAMPLE: ClassVar[str] = "Acme Rockets Okta SAML"
    TARGET_LABEL: ClassVar[str] = "Connection"
    TARGET_PLACEHOLDER: ClassVar[str] = "conn_… id or name, then Enter"
    EMPTY_TEXT: ClassVar[str] = "Type a connection id or name and press Enter."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f6", "test_sign_in", "Test sign-in", id="sso_debugger.test_sign_in"),
    ]

    async def diagnose(self, target: str) -> Any:
        workos = self.context.workos
        connection_id = target
        if not target.startswith("conn_"):
            page = await workos.connections.list(search=target, limit=10)
            if not page.data:
                return None
            connection_id = page.data[0].id
        return await diagnose_connection(workos, connection_id)

    def action_test_sign_in(self) -> None:
        if isinstance(self.result, ConnectionDiagnosis):
            self.post_message(OpenView(TEST_SIGN_IN, self.result.connection.id))

    def render_result(self, result: Any) -> None:
        assert isinstance(result, ConnectionDiagnosis)
        conn, stats = result.connection, result.stats
        problems = [f for f in result.findings if f.severity in ("problem", "warning")]
        verdict = summarize(result.findings)
        self.set_verdict(
            f"{conn.name}: {verdict}",
            "-problem"
            if any(f.severity == "problem" for f in problems)
            else ("-warning" if problems else "-ok"),
            f"{conn.id} · as of {short_time(result.present)} · F6 test sign-in",
        )
        org = result.organization
        org_drill = Drill(org.name, resource="organizations", scope={"id": org.id}) if org else None
        rows: list[Any] = [(heading("Findings"), None), *finding_rows(result.findings)]
        if not result.findings:
            rows.append((line("Nothing to report", "ok", 2), None))
        rows.append((heading("Configuration"), None))
        config = [
            ("Type", str(conn.connection_type)),
            ("State", str(conn.state)),
            ("Status", str(conn.status or "—")),
            ("Domains", ", ".join(d.domain for d in conn.domains) or "none"),
            ("Organization", f"{org.name} ({org.id})" if org else str(conn.organization_id)),
            ("Created", conn.created_at),
            ("Updated", conn.updated_at),
        ]
        for label, value in config:
            rows.append(
                (line(f"{label}: {value}", None, 2), org_drill if label == "Organization" else None)
            )
        if org is not None:
            for d in org.domains:
                rows.append((line(f"Organization domain {d.domain}: {d.state}", None, 4), None))
        rows.append(
            (
                heading(f"Sign-ins (90 days): {stats.succeeded} succeeded, {stats.failed} failed"),
                None,
            )
        )
        for event in result.events[:SHOWN_EVENTS]:
            email = event.data.get("email") or ""
            when = short_time(parse_time(event.created_at))
            if event.event == "authentication.sso_failed":
                text = f"{when}  failed  {email}  {failure_reason(event)}"
                rows.append((line(text, "problem", 2), None))
            elif event.event == "authentication.sso_succeeded":
                rows.append(
                    (
                        line(
                            f"{short_time(parse_time(event.created_at))}  succeeded  {email}",
                            "ok",
                            2,
                        ),
                        None,
                    )
                )
            else:
                rows.append(
                    (
                        line(
                            f"{short_time(parse_time(event.created_at))}  {event.event}", "info", 2
                        ),
                        None,
                    )
                )
        if not result.events:
            rows.append((line("No event for this connection in 90 days", "info", 2), None))
        self.lines.show(rows)
