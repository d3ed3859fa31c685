"""Invitations: send, resend, revoke."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workos_tui.resources.base import (
    Action,
    Column,
    DetailField,
    DetailSection,
    Filter,
    Related,
    ResourceType,
    api_model,
    service_action,
    service_create,
    service_cursor,
    service_get,
)
from workos_tui.resources.formatting import format_short_timestamp, format_timestamp


def _prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {key: scope[key] for key in ("organization_id", "email") if key in scope}


INVITATIONS = ResourceType(
    key="invitations",
    title="Invitations",
    singular="invitation",
    aliases=("invites", "invitation"),
    description="Invitations to sign up, optionally into an organization.",
    list=service_cursor(lambda w: w.invitations.cursor),
    get=service_get(lambda w: w.invitations.get),
    create=service_create(lambda w: w.invitations.send),
    create_model=api_model("invitations", "InvitationSend"),
    create_prefill=_prefill,
    columns=(
        Column("email", "Email", width=30),
        Column("state", "State", width=9),
        Column("organization_id", "Organization", width=30),
        Column("expires_at", "Expires (UTC)", width=17, formatter=format_short_timestamp),
        Column("id", "ID", width=32),
    ),
    filters=(
        Filter("email", "Email", placeholder="exact email"),
        Filter("organization_id", "Organization", placeholder="organization id (org_…)"),
    ),
    sections=(
        DetailSection(
            "Invitation",
            (
                DetailField("Email", "email"),
                DetailField("State", "state"),
                DetailField("ID", "id"),
                DetailField("Organization", "organization_id"),
                DetailField("Role", "role_slug"),
                DetailField("Inviter", "inviter_user_id"),
                DetailField("Accepted by", "accepted_user_id"),
            ),
        ),
        DetailSection(
            "Timestamps",
            (
                DetailField("Created", "created_at", format_timestamp),
                DetailField("Expires", "expires_at", format_timestamp),
                DetailField("Accepted", "accepted_at", format_timestamp),
                DetailField("Revoked", "revoked_at", format_timestamp),
            ),
        ),
    ),
    related=(
        Related("Organization", "organizations", "id", lambda i: i.organization_id),
        Related("Inviter", "users", "id", lambda i: i.inviter_user_id),
    ),
    actions=(
        Action(
            "resend",
            "Resend invitation",
            service_action(lambda w: w.invitations.resend),
            confirm=True,
            applies=lambda i: getattr(i, "state", None) in ("pending", "expired"),
        ),
        Action(
            "revoke",
            "Revoke invitation",
            service_action(lambda w: w.invitations.revoke),
            confirm=True,
            applies=lambda i: getattr(i, "state", None) == "pending",
        ),
    ),
    name_field="email",
    dashboard_path="users/invitations/{id}",
)
