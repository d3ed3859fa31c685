"""Multi-factor authentication: factors (``/auth/factors``), challenges and their verification.

Enrollment secrets (the TOTP secret, its QR code and ``otpauth`` URI) and one-time codes are
``SecretStr``: they are shown only once and never logged or rendered unmasked.
"""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator

from .base import InputModel, WorkOSModel
from .common import UserRef
from .users import AuthenticationFactor, AuthenticationFactorType

EnrollableFactorType = Literal["generic_otp", "sms", "totp"]


class TotpEnrollment(WorkOSModel):
    """A TOTP factor's enrollment details, returned once at creation."""

    issuer: str
    user: str
    secret: SecretStr
    qr_code: SecretStr
    uri: SecretStr


class SmsFactorDetails(WorkOSModel):
    """The phone number an SMS factor sends codes to."""

    phone_number: str


class EnrolledAuthenticationFactor(WorkOSModel):
    """A newly enrolled factor, with its one-time enrollment secrets."""

    object: str = "authentication_factor"
    id: str
    type: AuthenticationFactorType | str
    user_id: str | None = None
    sms: SmsFactorDetails | None = None
    totp: TotpEnrollment | None = None
    created_at: str
    updated_at: str


class AuthenticationChallenge(WorkOSModel):
    """A challenge of a factor; ``code`` is only returned for generic OTP factors."""

    object: str = "authentication_challenge"
    id: str
    authentication_factor_id: str
    code: SecretStr | None = None
    expires_at: str | None = None
    created_at: str
    updated_at: str


class ChallengeVerification(WorkOSModel):
    """Whether a code was valid for a challenge."""

    challenge: AuthenticationChallenge
    valid: bool


class AuthenticationFactorEnroll(InputModel):
    """Enroll a factor: TOTP needs an issuer and account name, SMS a phone number."""

    type: EnrollableFactorType = Field(description="The kind of factor: totp, sms or generic_otp.")
    user_id: UserRef | None = Field(
        default=None, min_length=1, description="The user the factor belongs to (user_...)."
    )
    totp_issuer: str | None = Field(
        default=None, min_length=1, description="TOTP: the app name shown in authenticator apps."
    )
    totp_user: str | None = Field(
        default=None, min_length=1, description="TOTP: the account name, usually the email."
    )
    phone_number: str | None = Field(
        default=None,
        pattern=r"^\+[1-9]\d{6,14}$",
        description="SMS: the phone number in E.164 form, e.g. +15555555555.",
    )

    @model_validator(mode="after")
    def _required_for_type(self) -> Self:
        if self.type == "totp" and not (self.totp_issuer and self.totp_user):
            raise ValueError("totp factors need totp_issuer and totp_user")
        if self.type == "sms" and not self.phone_number:
            raise ValueError("sms factors need phone_number")
        return self


class AuthenticationFactorChallenge(InputModel):
    """Challenge a factor (sends the SMS for SMS factors)."""

    sms_template: str | None = Field(
        default=None,
        pattern=r"\{\{code\}\}",
        description="SMS: a custom message containing the {{code}} placeholder.",
    )


class ChallengeVerify(InputModel):
    """Verify a challenge with the one-time code the user entered."""

    code: SecretStr = Field(description="The one-time code to check.")


class UserAuthFactorEnroll(InputModel):
    """Enroll a TOTP factor for an AuthKit user (an existing secret may be imported)."""

    type: Literal["totp"] = Field(default="totp", description="The kind of factor: totp.")
    totp_issuer: str | None = Field(
        default=None, min_length=1, description="The app name shown in authenticator apps."
    )
    totp_user: str | None = Field(
        default=None, min_length=1, description="The account name, usually the email."
    )
    totp_secret: SecretStr | None = Field(
        default=None, description="An existing TOTP secret to import (base32)."
    )


class UserAuthFactorEnrollment(WorkOSModel):
    """A factor enrolled for a user, with its first challenge."""

    authentication_factor: EnrolledAuthenticationFactor
    authentication_challenge: AuthenticationChallenge


__all__ = [
    "AuthenticationChallenge",
    "AuthenticationFactor",
    "AuthenticationFactorChallenge",
    "AuthenticationFactorEnroll",
    "ChallengeVerification",
    "ChallengeVerify",
    "EnrollableFactorType",
    "EnrolledAuthenticationFactor",
    "SmsFactorDetails",
    "TotpEnrollment",
    "UserAuthFactorEnroll",
    "UserAuthFactorEnrollment",
]
