"""Actions on an organization's row: an Admin Portal link, a widget token, the audit-log
configuration and retention.

Loaded with the Organizations area, so it stays light: input models are named lazily and the
modules that show results load when an action runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel

from workos_tui.resources.base import Action, Facade, LazyModel, api_model

PORTAL_LINK_LIFETIME = timedelta(minutes=5)


def _organization(organization: Any) -> Mapping[str, Any]:
    return {"organization_id": getattr(organization, "id", "")}


async def _portal_link(workos: Facade, organization: Any, form: BaseModel | None) -> BaseModel:
    from workos_tui.api.models.authkit import PortalLinkCreate
    from workos_tui.resources.results import ActionResult, plain, secret

    assert isinstance(form, PortalLinkCreate)
    portal = await workos.admin_portal.generate_link(form)
    expires = datetime.now(UTC) + PORTAL_LINK_LIFETIME  # WorkOS: five minutes after issue
    return ActionResult(
        title=f"Admin Portal link for {getattr(organization, 'name', form.organization)}",
        entries=(
            plain("Intent", form.intent or "(any)"),
            secret("Link", portal.link),
            plain("Expires", f"{expires:%H:%M:%S} UTC (5 minutes after it was made)"),
        ),
        note="Anyone holding the link can configure the organization: share it with its IT admin.",
    )


async def _widget_token(workos: Facade, organization: Any, form: BaseModel | None) -> BaseModel:
    from workos_tui.api.models.client_tokens import WidgetTokenCreate
    from workos_tui.resources.results import ActionResult, plain, secret

    assert isinstance(form, WidgetTokenCreate)
    token = await workos.widgets.get_token(
        form.user_id, organization_id=form.organization_id, scopes=form.scopes
    )
    return ActionResult(
        title="Widget token",
        entries=(
            plain("User", form.user_id),
            plain("Scopes", ", ".join(form.scopes or []) or "(none)"),
            secret("Token", token.token),
        ),
        note="A short-lived token for the WorkOS widgets, as a signed-in user would get it.",
    )


async def _audit_log_configuration(
    workos: Facade, organization: Any, _form: BaseModel | None
) -> BaseModel:
    from workos_tui.resources.results import ActionResult, plain, present

    organization_id = str(organization.id)
    configuration = await workos.organizations.get_audit_log_configuration(organization_id)
    retention = await workos.organizations.get_audit_logs_retention(organization_id)
    stream = configuration.log_stream
    return ActionResult(
        title=f"Audit logs of {getattr(organization, 'name', organization_id)}",
        entries=present(
            (
                plain("State", configuration.state),
                plain("Retention (days)", retention.retention_period_in_days),
                plain("Log stream", stream.type if stream else "none"),
                plain("Stream state", stream.state if stream else None),
            )
        ),
    )


async def _set_retention(workos: Facade, organization: Any, form: BaseModel | None) -> BaseModel:
    from workos_tui.api.models.organizations import AuditLogsRetentionUpdate
    from workos_tui.resources.results import ActionResult, plain

    assert isinstance(form, AuditLogsRetentionUpdate)
    kept = await workos.organizations.update_audit_logs_retention(
        str(organization.id), form.retention_period_in_days
    )
    return ActionResult(
        title="Audit-log retention set",
        entries=(plain("Retention (days)", kept.retention_period_in_days),),
    )


def _portal_prefill(organization: Any) -> Mapping[str, Any]:
    return {"organization": getattr(organization, "id", "")}


PORTAL_LINK = Action(
    "admin_portal",
    "Generate Admin Portal link",
    _portal_link,
    input_model=api_model("authkit", "PortalLinkCreate"),
    prefill=_portal_prefill,
    mutates=False,
)

ORGANIZATION_ACTIONS = (
    PORTAL_LINK,
    Action(
        "widget_token",
        "Generate a widget token",
        _widget_token,
        input_model=LazyModel("workos_tui.api.models.client_tokens", "WidgetTokenCreate"),
        prefill=_organization,
        mutates=False,
    ),
    Action(
        "audit_logs",
        "Audit-log configuration and retention",
        _audit_log_configuration,
        mutates=False,
    ),
    Action(
        "audit_log_retention",
        "Set audit-log retention",
        _set_retention,
        input_model=api_model("organizations", "AuditLogsRetentionUpdate"),
        prefill=lambda organization: {"retention_period_in_days": 30},
    ),
)
