"""The health figures, computed against the emulator over HTTP from records built for the case.

Each test seeds an organization of its own after the demo's history (``Case`` below), at times
it chooses, so the expected findings follow from the records: which connection is broken, which
directory is stalled, how many problems and warnings the X-ray counts.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import SecretStr

from workos_tui.api import Environment, WorkOS, WorkOSClient
from workos_tui.emulator import ids
from workos_tui.emulator.routes.api_keys import new_api_key
from workos_tui.emulator.seeder import Seeder
from workos_tui.emulator.testing import EmulatorHandle
from workos_tui.resources.diagnostics import environment_present
from workos_tui.resources.dsync_debug import diagnose_directory
from workos_tui.resources.sso_debug import diagnose_connection
from workos_tui.resources.xray import find_organization, organization_xray

HOUR = 3_600_000
DAY = 24 * HOUR


@pytest.fixture
async def workos(emulator: EmulatorHandle) -> AsyncIterator[WorkOS]:
    environment = Environment(
        name="emulator", api_key=SecretStr(emulator.api_key), base_url=emulator.base_url
    )
    async with WorkOSClient(environment) as client:
        yield WorkOS(client)


class Case:
    """Records seeded at chosen times before ``present`` (an hour before the wall clock, so it
    is the environment's newest activity: the demo's history ends earlier)."""

    def __init__(self, emulator: EmulatorHandle, name: str = "Case Rockets") -> None:
        self.state = emulator.state
        wall = int(datetime.now(UTC).timestamp() * 1000)
        self.present = wall - HOUR
        self.high = self.state.last_ms
        self.seeder = Seeder(self.state, random.Random(7), self.present - 60 * DAY, events=True)
        self.org = self.seeder.organization(name)
        self.domain = name.lower().replace(" ", "-") + ".example"
        self.seeder.domain(self.org, self.domain, "verified")

    def at(self, ago_ms: int) -> Seeder:
        """The seeder, its clock set (back, if need be) to ``ago_ms`` before the present."""
        self.high = max(self.high, self.state.last_ms)
        self.state.last_ms = self.present - ago_ms - 1
        self.state.frozen_ms = self.present - ago_ms
        return self.seeder

    def sign_in(self, conn: dict[str, Any], ago_ms: int, error: str | None = None) -> None:
        self.at(ago_ms)
        data: dict[str, Any] = {
            "type": "sso",
            "status": "failed" if error else "succeeded",
            "ip_address": "198.51.100.1",
            "user_agent": "test",
            "user_id": None,
            "email": f"someone@{self.domain}",
            "sso": {
                "organization_id": self.org["id"],
                "connection_id": conn["id"],
                "session_id": None,
            },
        }
        if error:
            data["error"] = {"code": error, "message": f"{error} happened"}
        kind = "failed" if error else "succeeded"
        self.state.emit(f"authentication.sso_{kind}", data, self.org["id"])

    def directory(self, name: str, last_event_ago: int, ago: int = 30 * DAY) -> dict[str, Any]:
        d = self.at(ago).directory(self.org, "okta scim v2.0", name, "linked", self.domain)
        group = self.seeder.directory_group(d, f"{name} group")
        self.at(last_event_ago).directory_user(d, f"a@{self.domain}", "A", "B", groups=[group])
        return d

    def moment(self, when: datetime) -> int:
        """``when`` in whole seconds before the present (a record's creation may come a few
        milliseconds after the time asked for: the seeding clock never repeats one)."""
        return round((self.present - when.timestamp() * 1000) / 1000)

    def done(self) -> None:
        self.state.last_ms = max(self.high, self.state.last_ms)
        self.state.frozen_ms = None


def _connection(case: Case, name: str, state: str, domains: bool = True) -> dict[str, Any]:
    return case.at(50 * DAY).connection(
        case.org, "OktaSAML", name, state, [case.domain] if domains else []
    )


async def test_the_verdict_counts_the_records_built(
    emulator: EmulatorHandle, workos: WorkOS
) -> None:
    case = Case(emulator)
    healthy = _connection(case, "Healthy SAML", "active")
    broken = _connection(case, "Broken SAML", "active")
    _connection(case, "Unused SAML", "active", domains=False)
    case.sign_in(broken, 10 * DAY)
    case.sign_in(healthy, 5 * DAY)
    case.at(4 * DAY)
    broken.update(state="inactive", status="unlinked")
    case.state["connections"].put(broken)
    case.sign_in(broken, 3 * DAY, "connection_inactive")
    case.sign_in(broken, 2 * DAY, "connection_inactive")
    case.at(40 * DAY).domain(case.org, "failed-" + case.domain, "failed", "dns")
    case.seeder.domain(case.org, "pending-" + case.domain, "pending", "dns")
    stalled = case.directory("Stalled SCIM", 3 * DAY)
    case.directory("Fresh SCIM", 0)  # the newest activity: the environment's present
    case.at(20 * DAY).invitation(f"late@{case.domain}", case.org, "expired", expires_in_days=7)
    key_expiry = ids.iso(case.present + 3 * DAY + HOUR)
    new_api_key(
        case.state, {"type": "organization", "id": case.org["id"]}, "K", [], key_expiry, "sk_x"
    )
    case.done()

    org = await find_organization(workos, "case rockets")
    assert org is not None and org.id == case.org["id"]
    report = await organization_xray(workos, org.id)
    assert case.moment(report.present) == 0  # the newest activity, not the wall clock
    problems = sorted(f.text for f in report.findings if f.severity == "problem")
    warnings = sorted(f.text for f in report.findings if f.severity == "warning")
    assert len(problems) == 3, problems
    assert any("Broken SAML is inactive: 2 failed sign-ins" in p for p in problems)
    assert any("Stalled SCIM looks stalled" in p for p in problems)
    assert any(p.startswith("failed-case-rockets.example failed") for p in problems), problems
    assert len(warnings) == 5, (warnings, problems)
    assert any("Unused SAML has no domain" in w for w in warnings)
    assert any("Unused SAML: no successful sign-in in 90 days" in w for w in warnings)
    assert any(w.startswith("pending-case-rockets.example is pending") for w in warnings)
    assert any(w.startswith("Invitation to late@case-rockets.example expired") for w in warnings)
    assert any(w.startswith("API key K expires in 3 days") for w in warnings), warnings
    assert report.verdict == "3 problems, 5 warnings"
    badges = {b.key: b for b in report.badges}
    assert badges["sso"].summary == "2 active · 1 inactive"
    assert badges["directories"].summary == "2 linked"
    assert badges["domains"].summary == "1 verified · 1 pending · 1 failed"
    lines = [f.text for f in badges["sso"].findings if f.severity == "ok"]
    last = ids.iso(case.present - 5 * DAY)[:16].replace("T", " ")
    assert f"Healthy SAML (active): last sign-in {last} UTC" in lines
    assert "Unused SAML (active): last sign-in never" in lines
    assert stalled["id"] in {f.drill.target for f in badges["directories"].findings if f.drill}


async def test_the_connection_debugger_keeps_its_own_events(
    emulator: EmulatorHandle, workos: WorkOS
) -> None:
    case = Case(emulator, "Debug Co")
    mine = _connection(case, "Mine", "active")
    other = _connection(case, "Other", "active")
    case.sign_in(mine, 9 * DAY)
    for k in range(4):
        case.sign_in(other, (8 - k) * DAY)
    case.sign_in(mine, 3 * DAY, "invalid_saml_response")
    case.sign_in(mine, 2 * DAY, "invalid_saml_response")
    case.sign_in(mine, 1 * DAY, "invalid_saml_response")
    case.sign_in(other, 0)
    case.done()

    diagnosis = await diagnose_connection(workos, mine["id"])
    assert [e.event for e in diagnosis.events][:4] == [
        "authentication.sso_failed",
        "authentication.sso_failed",
        "authentication.sso_failed",
        "authentication.sso_succeeded",
    ]
    assert diagnosis.stats.succeeded == 1 and diagnosis.stats.failed == 3
    assert diagnosis.stats.failures_since_success == 3
    texts = [f.text for f in diagnosis.findings]
    # active, but three failures since the last success: a problem, with the reason
    assert [f.severity for f in diagnosis.findings] == ["problem"]
    assert texts == [
        "Mine: last failure 1 day ago: invalid_saml_response: invalid_saml_response happened"
    ]
    healthy = await diagnose_connection(workos, other["id"])
    assert healthy.stats.succeeded == 5 and healthy.stats.failed == 0
    assert healthy.findings == ()


async def test_a_directory_is_stalled_after_the_hours_given(
    emulator: EmulatorHandle, workos: WorkOS
) -> None:
    case = Case(emulator, "Sync Co")
    d = case.directory("Quiet SCIM", 25 * HOUR)
    case.directory("Busy SCIM", 0)
    case.done()

    assert case.moment(await environment_present(workos)) == 0
    day = await diagnose_directory(workos, d["id"], stall_hours=24)
    assert [f.severity for f in day.findings] == ["problem"]
    assert "no sync event for over 24 hours" in day.findings[0].text
    assert str(day.users) == "1" and str(day.groups) == "1"
    assert [e.event for e in day.events] == [
        "dsync.user.created",
        "dsync.group.created",
        "dsync.activated",
    ]
    two_days = await diagnose_directory(workos, d["id"], stall_hours=48)
    assert two_days.findings == ()
    (check,) = two_days.spot_checks
    assert (check.members, check.checked, check.mismatched) == (1, 1, ())


async def test_a_section_that_cannot_be_read_says_so_and_the_others_show(
    emulator: EmulatorHandle, workos: WorkOS
) -> None:
    case = Case(emulator, "Partial Co")
    conn = _connection(case, "Partial SAML", "inactive")
    case.sign_in(conn, 2 * DAY, "connection_inactive")
    case.done()
    emulator.add_hook("/organizations/*/feature-flags", status=403, count=1)
    report = await organization_xray(workos, case.org["id"])
    badges = {b.key: b for b in report.badges}
    assert badges["flags"].error.startswith("Could not read: 403")
    assert badges["flags"].severity == "warning"
    assert report.verdict == "1 problem; 1 section not read"
