"""Invitations to join the application (and optionally an organization)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel
from .common import Email, OrganizationRef, RoleSlugRef, UserRef

InvitationState = Literal["pending", "accepted", "expired", "revoked"]
InvitationLocale = Literal[
    "af",
    "am",
    "ar",
    "bg",
    "bn",
    "bs",
    "ca",
    "cs",
    "da",
    "de",
    "de-DE",
    "el",
    "en",
    "en-AU",
    "en-CA",
    "en-GB",
    "en-US",
    "es",
    "es-419",
    "es-ES",
    "es-US",
    "et",
    "fa",
    "fi",
    "fil",
    "fr",
    "fr-BE",
    "fr-CA",
    "fr-FR",
    "fy",
    "gl",
    "gu",
    "ha",
    "he",
    "hi",
    "hr",
    "hu",
    "hy",
    "id",
    "is",
    "it",
    "it-IT",
    "ja",
    "jv",
    "ka",
    "kk",
    "km",
    "kn",
    "ko",
    "lt",
    "lv",
    "mk",
    "ml",
    "mn",
    "mr",
    "ms",
    "my",
    "nb",
    "ne",
    "nl",
    "nl-BE",
    "nl-NL",
    "nn",
    "no",
    "pa",
    "pl",
    "pt",
    "pt-BR",
    "pt-PT",
    "ro",
    "ru",
    "sk",
    "sl",
    "sq",
    "sr",
    "sv",
    "sw",
    "ta",
    "te",
    "th",
    "tr",
    "uk",
    "ur",
    "uz",
    "vi",
    "zh",
    "zh-CN",
    "zh-HK",
    "zh-TW",
    "zu",
]


class Invitation(WorkOSModel):
    """An invitation email sent to someone. The token and accept URL are secrets."""

    object: str = "invitation"
    id: str
    email: str
    state: InvitationState | str
    organization_id: str | None = None
    inviter_user_id: str | None = None
    accepted_user_id: str | None = None
    role_slug: str | None = None
    accepted_at: str | None = None
    revoked_at: str | None = None
    expires_at: str | None = None
    token: SecretStr | None = None
    accept_invitation_url: SecretStr | None = None
    created_at: str
    updated_at: str


class InvitationSend(InputModel):
    """Invite someone by email."""

    email: Email = Field(min_length=3, description="The email address of the recipient.")
    organization_id: OrganizationRef | None = Field(
        default=None, description="The organization the recipient will join."
    )
    role_slug: RoleSlugRef | None = Field(
        default=None, description="The role the recipient receives in that organization."
    )
    expires_in_days: int | None = Field(
        default=None,
        ge=1,
        le=30,
        description="Days the invitation stays valid (1 to 30, 7 by default).",
    )
    inviter_user_id: UserRef | None = Field(
        default=None, description="The user who invites; the email mentions their name."
    )
    locale: InvitationLocale | None = Field(
        default=None, description="The language of the invitation email."
    )


class InvitationResend(InputModel):
    """Send an invitation email again."""

    locale: InvitationLocale | None = Field(
        default=None, description="The language of the invitation email."
    )


__all__ = [
    "Invitation",
    "InvitationResend",
    "InvitationSend",
]
