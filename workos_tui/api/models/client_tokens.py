"""Tokens for the browser (widget sessions, the Client API) and Standalone Connect completion.

Tokens and the AuthKit hand-off URL (it carries a one-time state) are ``SecretStr``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel
from .common import OrganizationRef, UserRef

WidgetScope = Literal[
    "widgets:users-table:manage",
    "widgets:domain-verification:manage",
    "widgets:sso:manage",
    "widgets:api-keys:manage",
    "widgets:dsync:manage",
    "widgets:audit-log-streaming:manage",
    "widgets:pipes:manage",
]


class WidgetToken(WorkOSModel):
    """A widget session token."""

    token: SecretStr


class ClientApiToken(WorkOSModel):
    """A short-lived Client API (GraphQL) token."""

    token: SecretStr


class ExternalAuthCompletion(WorkOSModel):
    """Where to send the browser so AuthKit completes the OAuth flow."""

    redirect_uri: SecretStr


class WidgetTokenCreate(InputModel):
    """Issue a widget token for a user, optionally scoped to an organization."""

    user_id: UserRef = Field(min_length=1, description="The user the widget token is for.")
    organization_id: OrganizationRef | None = Field(
        default=None,
        min_length=1,
        description="The organization to scope the widgets to (required with scopes).",
    )
    scopes: list[WidgetScope] | None = Field(
        default=None, description="The widget scopes to grant."
    )


class ClientApiTokenCreate(InputModel):
    """Issue a Client API token for a user in an organization."""

    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization to scope it to."
    )
    user_id: UserRef = Field(min_length=1, description="The user to issue the token for.")


class ExternalAuthUser(InputModel):
    """Your application's user, created or updated in AuthKit by its ID (its external_id)."""

    id: str = Field(min_length=1, description="Your user ID, stored as the user's external_id.")
    email: str = Field(min_length=3, description="The user's email address.")
    first_name: str | None = Field(default=None, description="The user's first name.")
    last_name: str | None = Field(default=None, description="The user's last name.")
    name: str | None = Field(default=None, description="The user's full name.")
    metadata: dict[str, str] | None = Field(
        default=None, max_length=50, description="Key-value pairs to attach to the user."
    )


class UserConsentChoice(InputModel):
    """One answer a user can give to a consent option."""

    value: str = Field(description="The value stored when this choice is picked.")
    label: str = Field(description="The text shown for this choice.")


class UserConsentOption(InputModel):
    """A consent question stored with the session (its claim lands in the session's token)."""

    claim: str = Field(min_length=1, description="The claim name for this consent option.")
    type: Literal["enum"] = Field(default="enum", description="The option type: enum.")
    label: str = Field(description="A human-readable label for this consent option.")
    choices: list[UserConsentChoice] = Field(description="The available choices.")


class ExternalAuthComplete(InputModel):
    """Complete an external authentication and return control to AuthKit."""

    external_auth_id: str = Field(
        min_length=1, description="The identifier AuthKit gave when it redirected to your login."
    )
    user: ExternalAuthUser = Field(description="The user to create or update in AuthKit.")
    user_consent_options: list[UserConsentOption] | None = Field(
        default=None, description="User consent options to store with the session."
    )


__all__ = [
    "ClientApiToken",
    "ClientApiTokenCreate",
    "ExternalAuthComplete",
    "ExternalAuthCompletion",
    "ExternalAuthUser",
    "UserConsentChoice",
    "UserConsentOption",
    "WidgetToken",
    "WidgetTokenCreate",
]
