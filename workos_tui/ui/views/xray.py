"""Organization X-ray (``:xray NAME``, or X-ray on an organization's row): one screen of health
badges, each drilling into the records behind it, and a verdict at the top.

The findings are computed by :mod:`workos_tui.resources.xray` (no UI); this view reads them in
a worker and lays them out.
"""

from __future__ import annotations

from typing import Any, ClassVar

from workos_tui.resources.diagnostics import short_time
from workos_tui.resources.xray import XrayReport, find_organization, organization_xray
from workos_tui.ui.views.health_base import HealthView, finding_rows, line


class XrayView(HealthView):
    """One organization's health at a glance."""

    HELP = """
## Organization X-ray

Type an organization's name (or `org_…` id) and press **Enter**, or open it from an
organization's row (**a**, then *X-ray*) or with `:xray NAME`.

Each badge is a health section: SSO connections (with each one's last successful sign-in),
directories (counts and the last sync event), domains (the DNS record a pending or failed one
needs), members, invitations, API keys, feature flags, audit-log retention and Vault objects.
**Enter** on a badge opens its list; on a finding, the record (or its debugger).
**Ctrl+R** reads again. Times are judged as of the environment's newest activity event.
Listing Vault objects' metadata records a `vault.metadata.read` event for each object read.
"""

    EXAMPLE: ClassVar[str] = "Acme Rockets"
    TARGET_LABEL: ClassVar[str] = "Organization"
    TARGET_PLACEHOLDER: ClassVar[str] = "name or org_… id, then Enter"
    EMPTY_TEXT: ClassVar[str] = "Type an organization's name or id and press Enter."

    async def diagnose(self, target: str) -> Any:
        workos = self.context.workos
        organization = await find_organization(workos, target)
        if organization is None:
            return None
        return await organization_xray(workos, organization.id)

    def render_result(self, result: Any) -> None:
        assert isinstance(result, XrayReport)
        org = result.organization
        severity = (
            "-problem"
            if "problem" in result.verdict
            else ("-warning" if "warning" in result.verdict else "-ok")
        )
        self.set_verdict(
            f"{org.name}: {result.verdict}",
            severity,
            f"{org.id} · as of {short_time(result.present)}",
        )
        rows: list[Any] = []
        for badge in result.badges:
            summary = badge.error or badge.summary
            rows.append((line(f"{badge.title}: {summary}", badge.severity), badge.drill))
            rows.extend(finding_rows(badge.findings))
        self.lines.show(rows)
