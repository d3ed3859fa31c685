"""AuthKit users, their identities, sessions and authentication factors."""

from __future__ import annotations

from typing import Any, Literal, Self

from pydantic import Field, SecretStr, model_validator

from .base import InputModel, WorkOSModel
from .common import (
    EXTERNAL_ID_MAX_LENGTH,
    EXTERNAL_ID_PATTERN,
    METADATA_DESCRIPTION,
    METADATA_MAX_KEYS,
    Email,
    Metadata,
    Name,
    Text,
)

PasswordHashType = Literal[
    "bcrypt", "firebase-scrypt", "ssha", "ssha256", "scrypt", "pbkdf2", "argon2"
]
PasswordSaltPosition = Literal["prefix", "suffix"]
SessionStatus = Literal["active", "expired", "revoked"]
SessionAuthMethod = Literal[
    "cross_app_auth",
    "external_auth",
    "impersonation",
    "magic_code",
    "migrated_session",
    "oauth",
    "passkey",
    "password",
    "sso",
    "unknown",
]
AuthenticationFactorType = Literal["generic_otp", "sms", "totp", "webauthn"]


class User(WorkOSModel):
    """A user of the application (AuthKit)."""

    object: str = "user"
    id: str
    email: str
    email_verified: bool = False
    first_name: str | None = None
    last_name: str | None = None
    name: str | None = None
    profile_picture_url: str | None = None
    external_id: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    last_sign_in_at: str | None = None
    locale: str | None = None
    created_at: str
    updated_at: str

    @property
    def display_name(self) -> str:
        """Full name when known, else the email address."""
        full = self.name or " ".join(p for p in (self.first_name, self.last_name) if p)
        return full or self.email


class UserIdentity(WorkOSModel):
    """An external (OAuth) identity linked to a user."""

    idp_id: str
    type: str
    provider: str


class SessionImpersonator(WorkOSModel):
    """The dashboard user behind an impersonation session."""

    email: str
    reason: str | None = None


class UserSession(WorkOSModel):
    """A sign-in session of a user."""

    object: str = "session"
    id: str
    user_id: str | None = None
    organization_id: str | None = None
    ip_address: str | None = None
    user_agent: str | None = None
    auth_method: SessionAuthMethod | str | None = None
    status: SessionStatus | str | None = None
    impersonator: SessionImpersonator | None = None
    expires_at: str | None = None
    ended_at: str | None = None
    created_at: str | None = None
    updated_at: str | None = None


class AuthenticationFactor(WorkOSModel):
    """A multi-factor authentication factor enrolled by a user."""

    object: str = "authentication_factor"
    id: str
    type: AuthenticationFactorType | str
    user_id: str | None = None
    sms: dict[str, Any] | None = None
    totp: dict[str, Any] | None = None
    created_at: str
    updated_at: str


class EmailVerificationSent(WorkOSModel):
    """The answer to sending a verification email."""

    user: User


class PasswordReset(WorkOSModel):
    """A password-reset token issued (and emailed) for a user."""

    object: str = "password_reset"
    id: str
    user_id: str
    email: str
    password_reset_token: SecretStr
    password_reset_url: SecretStr
    expires_at: str
    created_at: str


def _check_password_fields(model: UserCreate | UserUpdate) -> None:
    hashed = model.password_hash is not None or model.password_hash_type is not None
    if model.password is not None and (hashed or model.password_salt_position is not None):
        raise ValueError("give either a password or a password hash, not both")
    if (model.password_hash is None) != (model.password_hash_type is None):
        raise ValueError("password_hash and password_hash_type go together")
    if model.password_salt_position is not None and model.password_hash is None:
        raise ValueError("password_salt_position needs a password_hash")


class UserCreate(InputModel):
    """Create a user."""

    email: Email = Field(min_length=3, description="The email address of the user.")
    first_name: Name | None = Field(default=None, description="The first name of the user.")
    last_name: Name | None = Field(default=None, description="The last name of the user.")
    name: Name | None = Field(default=None, description="The user's full name.")
    email_verified: bool | None = Field(
        default=None, description="Whether the user's email address is already verified."
    )
    external_id: str | None = Field(
        default=None,
        max_length=EXTERNAL_ID_MAX_LENGTH,
        pattern=EXTERNAL_ID_PATTERN,
        description="Your own identifier for the user (up to 128 ASCII characters).",
    )
    metadata: Metadata | None = Field(
        default=None, max_length=METADATA_MAX_KEYS, description=METADATA_DESCRIPTION
    )
    password: SecretStr | None = Field(
        default=None, description="A password to set. Not together with a password hash."
    )
    password_hash: SecretStr | None = Field(
        default=None, description="An imported password hash (needs password_hash_type)."
    )
    password_hash_type: PasswordHashType | None = Field(
        default=None, description="The algorithm the imported password hash was made with."
    )
    password_salt_position: PasswordSaltPosition | None = Field(
        default=None, description="Salt before (prefix) or after (suffix) the password; ssha256."
    )

    @model_validator(mode="after")
    def _one_password_kind(self) -> Self:
        _check_password_fields(self)
        return self


class UserUpdate(InputModel):
    """Change a user; fields left empty stay as they are."""

    clearable_fields = frozenset({"external_id", "metadata", "locale"})

    email: Email | None = Field(default=None, min_length=3, description="The email address.")
    first_name: Name | None = Field(default=None, description="The first name of the user.")
    last_name: Name | None = Field(default=None, description="The last name of the user.")
    name: Name | None = Field(default=None, description="The user's full name.")
    email_verified: bool | None = Field(
        default=None, description="Whether the user's email address is verified."
    )
    external_id: str | None = Field(
        default=None,
        max_length=EXTERNAL_ID_MAX_LENGTH,
        pattern=EXTERNAL_ID_PATTERN,
        description="Your own identifier for the user (up to 128 ASCII characters).",
    )
    metadata: Metadata | None = Field(
        default=None, max_length=METADATA_MAX_KEYS, description=METADATA_DESCRIPTION
    )
    locale: Text | None = Field(
        default=None, description="The user's preferred locale, e.g. en-US."
    )
    password: SecretStr | None = Field(
        default=None, description="A new password. Not together with a password hash."
    )
    password_hash: SecretStr | None = Field(
        default=None, description="An imported password hash (needs password_hash_type)."
    )
    password_hash_type: PasswordHashType | None = Field(
        default=None, description="The algorithm the imported password hash was made with."
    )
    password_salt_position: PasswordSaltPosition | None = Field(
        default=None, description="Salt before (prefix) or after (suffix) the password; ssha256."
    )

    @model_validator(mode="after")
    def _one_password_kind(self) -> Self:
        _check_password_fields(self)
        return self


class PasswordResetSend(InputModel):
    """Email a password-reset link to a user."""

    email: Email = Field(min_length=3, description="The email address of the user.")


class EmailVerification(WorkOSModel):
    """An email-verification code issued for a user (the code is secret)."""

    object: str = "email_verification"
    id: str
    user_id: str
    email: str
    code: SecretStr
    expires_at: str
    created_at: str
    updated_at: str | None = None


class EmailVerificationConfirm(InputModel):
    """Verify a user's email address with the code they received."""

    code: SecretStr = Field(description="The one-time code from the verification email.")


class PasswordResetConfirm(InputModel):
    """Set a new password with a password-reset token."""

    token: SecretStr = Field(description="The token of the password reset.")
    new_password: SecretStr = Field(min_length=1, description="The user's new password.")


__all__ = [
    "AuthenticationFactor",
    "EmailVerification",
    "EmailVerificationConfirm",
    "EmailVerificationSent",
    "PasswordReset",
    "PasswordResetConfirm",
    "PasswordResetSend",
    "SessionImpersonator",
    "User",
    "UserCreate",
    "UserIdentity",
    "UserSession",
    "UserUpdate",
]
