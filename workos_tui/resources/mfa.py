"""MFA factors: a user's enrolled factors (listed under the user), fetched, enrolled and
deleted through ``/auth/factors``; a user's email change.

``USER_AUTH_FACTORS`` is nested under a user (scope ``user_id``, the user's "MFA factors").
``CHANGE_EMAIL`` is the user row's action: it sends the one-time code to the new address
(confirming needs the code the user received, which the console never sees).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from workos_tui.api.models.mfa import AuthenticationFactorEnroll
from workos_tui.resources.base import (
    Column,
    DetailField,
    DetailSection,
    ResourceType,
    scoped_cursor,
    service_create,
    service_delete,
    service_get,
)
from workos_tui.resources.formatting import format_timestamp
from workos_tui.resources.user_actions import CHANGE_EMAIL as USER_CHANGE_EMAIL


def _prefill(scope: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"user_id": scope.get("user_id", ""), "type": "totp"}


USER_AUTH_FACTORS = ResourceType(
    key="auth_factors",
    title="Auth factors",
    singular="auth factor",
    aliases=("factors", "mfa", "authentication_factors"),
    description="A user's enrolled MFA factors (TOTP apps, SMS numbers, generic OTP).",
    top_level=False,
    scope_params=("user_id",),
    list=scoped_cursor(lambda w: w.users.auth_factors_cursor, "user_id"),
    get=service_get(lambda w: w.mfa.get_factor),
    create=service_create(lambda w: w.mfa.enroll_factor),
    delete=service_delete(lambda w: w.mfa.delete_factor),
    create_model=AuthenticationFactorEnroll,
    create_prefill=_prefill,
    columns=(
        Column("type", "Type", width=12),
        Column("totp.issuer", "Issuer", width=20),
        Column("totp.user", "Account", width=30),
        Column("sms.phone_number", "Phone", width=16),
        Column("id", "ID", width=38),
        Column("created_at", "Enrolled", width=20, formatter=format_timestamp),
    ),
    sections=(
        DetailSection(
            "Factor",
            (
                DetailField("ID", "id"),
                DetailField("Type", "type"),
                DetailField("User", "user_id"),
                DetailField("TOTP issuer", "totp.issuer"),
                DetailField("TOTP account", "totp.user"),
                DetailField("Phone number", "sms.phone_number"),
            ),
        ),
        DetailSection(
            "Timestamps",
            (
                DetailField("Enrolled", "created_at", format_timestamp),
                DetailField("Updated", "updated_at", format_timestamp),
            ),
        ),
    ),
    name_field="type",
    secret_fields=("totp.secret", "totp.qr_code", "totp.uri"),
)


CHANGE_EMAIL = USER_CHANGE_EMAIL
"""The user row's action (``user_actions``): it sends the one-time code to the new address."""
