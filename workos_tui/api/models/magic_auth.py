"""Magic Auth codes (``/user_management/magic_auth``) and email changes
(``/user_management/users/{id}/email_change``). One-time codes are ``SecretStr``."""

from __future__ import annotations

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel
from .common import Email
from .users import User

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


class MagicAuth(WorkOSModel):
    """A one-time sign-in code emailed to a user."""

    object: str = "magic_auth"
    id: str
    user_id: str
    email: str
    code: SecretStr
    expires_at: str
    created_at: str
    updated_at: str
    radar_auth_attempt_id: str | None = None


class MagicAuthCreate(InputModel):
    """Create (and email) a Magic Auth code."""

    email: Email = Field(
        pattern=EMAIL_PATTERN, description="The email address to send the code to."
    )
    invitation_token: SecretStr | None = Field(
        default=None, description="An invitation token to accept when the code is used."
    )
    ip_address: str | None = Field(default=None, description="The IP address of the user.")
    user_agent: str | None = Field(default=None, description="The user agent of the user.")


class EmailChange(WorkOSModel):
    """A pending email change; the code was emailed to the new address."""

    object: str = "email_change"
    user: User
    new_email: str
    expires_at: str
    created_at: str


class EmailChangeConfirmation(WorkOSModel):
    """The user after a confirmed email change."""

    object: str = "email_change_confirmation"
    user: User


class EmailChangeSend(InputModel):
    """Start changing a user's email address."""

    new_email: Email = Field(pattern=EMAIL_PATTERN, description="The new email address.")


class EmailChangeConfirm(InputModel):
    """Confirm an email change with the code sent to the new address."""

    code: SecretStr = Field(description="The one-time code from the email.")


__all__ = [
    "EmailChange",
    "EmailChangeConfirm",
    "EmailChangeConfirmation",
    "EmailChangeSend",
    "MagicAuth",
    "MagicAuthCreate",
]
