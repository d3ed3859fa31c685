"""Audit-log explorer in Pilot, against the demo emulator over HTTP.

The export runs against the plain emulator: it is ready at once and its URL is the emulator's
own (``/_emulate/audit_logs/exports/...``), so the explorer creates, polls, downloads and reads
it as it would WorkOS's presigned link. The cancel test makes the export stay pending with the
emulator's hooks.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from textual.widgets import HelpPanel, Input, Markdown
from ui_helpers import SIZE, run_palette_command, settle

from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.audit_facets import parse_export
from workos_tui.ui.app import WorkOSConsole
from workos_tui.ui.views.audit_explorer import AuditExplorerView

EXPORT_ID = "audit_log_export_01HZZZZZZZZZZZZZZZZZZZZZZZ"
STAMP = "2026-01-01T00:00:00.000Z"


def _export(state: str, url: str | None) -> dict[str, Any]:
    return {
        "object": "audit_log_export",
        "id": EXPORT_ID,
        "state": state,
        "url": url,
        "created_at": STAMP,
        "updated_at": STAMP,
    }


async def _explorer(app: WorkOSConsole, pilot: Any) -> AuditExplorerView:
    await settle(app, pilot)
    view = app.query_one(AuditExplorerView)
    assert view.display
    return view


async def test_the_facet_counts_match_the_export(
    console_factory: Any, emulator: EmulatorHandle, tmp_path: Path
) -> None:
    org_id = next(iter(r["organization_id"] for r in emulator.state["audit_log_events"]))
    events = [
        r["event"] for r in emulator.state["audit_log_events"] if r["organization_id"] == org_id
    ]
    saved = tmp_path / "acme-audit.csv"
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("colon", *f"audit {org_id}", "enter")
        view = await _explorer(app, pilot)
        assert app.current_area == "audit"
        view.poll_interval = 0.01
        view.query_one("#audit-path", Input).value = str(saved)
        # the whole of the organization's history (the demo's events span two years)
        view.query_one("#audit-start", Input).value = "2000-01-01T00:00:00Z"
        view.query_one("#audit-end", Input).value = "2999-01-01T00:00:00Z"
        await pilot.press("f5")
        await settle(app, pilot)
        assert view.status_text == f"{len(events)} events, saved to {saved}"
        rows = parse_export(saved.read_text(encoding="utf-8"))
        assert sorted((r.action, r.occurred_at, r.actor_name) for r in rows) == sorted(
            (e["action"], e["occurred_at"], e["actor"]["name"]) for e in events
        )
        actions = Counter(e["action"] for e in events)
        actors = Counter(e["actor"]["name"] for e in events)
        targets = Counter(t for e in events for t in {x["type"] for x in e["targets"]})
        days = Counter(e["occurred_at"][:10] for e in events)
        facets = view.facet_texts()
        for counts in (actions, actors, targets, days):
            for value, count in counts.most_common(12):
                assert f"  {value}  {count}" in facets
        assert view.table.row_count == len(events)
        # a facet value keeps only its events; Enter on the heading brings back all
        action, count = actions.most_common(1)[0]
        view.facet_list.highlighted = facets.index(f"  {action}  {count}")
        view.facet_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert view.table.row_count == count
        assert {view.table.get_row_at(k)[1] for k in range(count)} == {action}
        view.facet_list.highlighted = view.facet_texts().index(f"Action = {action} (Enter: all)")
        await pilot.press("enter")
        await pilot.pause()
        assert view.table.row_count == len(events)
        actor = events[0]["actor"]["name"]
        view.query_one("#audit-search", Input).value = actor
        await pilot.pause()
        assert view.table.row_count == sum(1 for e in events if actor in e["actor"]["name"])


async def test_a_cancelled_export_saves_nothing(
    console_factory: Any, emulator: EmulatorHandle, tmp_path: Path
) -> None:
    org_id = next(iter(r["organization_id"] for r in emulator.state["audit_log_events"]))
    emulator.add_hook(
        "/audit_logs/exports", method="POST", status=201, body=_export("pending", None)
    )
    emulator.add_hook(
        "/audit_logs/exports/*", method="GET", status=200, body=_export("pending", None)
    )
    saved = tmp_path / "never.csv"
    app = console_factory()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await run_palette_command(app, pilot, "Audit logs: explore an export")
        view = await _explorer(app, pilot)
        view.show_target(org_id)
        view.poll_interval = 0.05
        view.query_one("#audit-path", Input).value = str(saved)
        view.action_export()
        await pilot.pause(0.3)
        assert view.running and "pending" in view.status_text
        view.query_one("#audit-actions", Input).focus()
        await pilot.press("escape")
        await settle(app, pilot)
        assert view.status_text == "Cancelled: nothing was saved."
        assert list(tmp_path.iterdir()) == []
        view.query_one("#audit-search", Input).focus()
        await pilot.press("f1")
        await settle(app, pilot)
        help_text = app.screen.query_one(HelpPanel).query_one(Markdown).source
        assert "Audit-log explorer" in help_text and "cancels" in help_text
