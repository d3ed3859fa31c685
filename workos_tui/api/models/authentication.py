"""SSO profiles and tokens, AuthKit authentication results, JWKS, device authorization, Radar.

Every token (access, refresh, logout, device code, one-time codes) is a ``SecretStr``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel, empty_list
from .common import Email, SlimRole
from .users import User

RadarVerdict = Literal["allow", "block", "challenge"]
RadarListType = Literal[
    "ip_address", "domain", "email", "device", "user_agent", "device_fingerprint", "country"
]
RadarListAction = Literal["block", "allow"]
RadarAuthMethod = Literal[
    "Password", "Passkey", "Authenticator", "SMS_OTP", "Email_OTP", "Social", "SSO", "Other"
]


class Profile(WorkOSModel):
    """A user as an identity provider described them at SSO sign-in."""

    object: str = "profile"
    id: str
    organization_id: str | None = None
    connection_id: str
    connection_type: str
    idp_id: str
    email: str
    first_name: str | None = None
    last_name: str | None = None
    name: str | None = None
    role: SlimRole | None = None
    roles: list[SlimRole] | None = None
    groups: list[str] = Field(default_factory=empty_list)
    custom_attributes: dict[str, Any] = Field(default_factory=dict)
    raw_attributes: dict[str, Any] = Field(default_factory=dict)


class OAuthTokens(WorkOSModel):
    """Tokens the upstream OAuth provider issued."""

    provider: str
    access_token: SecretStr
    refresh_token: SecretStr
    expires_at: int
    scopes: list[str] = Field(default_factory=empty_list)


class SsoToken(WorkOSModel):
    """The answer of the SSO code exchange: a profile and an access token for it."""

    token_type: str = "Bearer"
    access_token: SecretStr
    expires_in: int
    profile: Profile
    oauth_tokens: OAuthTokens | None = None


class SsoLogoutAuthorization(WorkOSModel):
    """Where to send the browser to end an SSO session (the URL embeds the token)."""

    logout_url: SecretStr
    logout_token: SecretStr


class Jwk(WorkOSModel):
    """One public key that verifies access tokens."""

    kid: str
    kty: str
    alg: str
    use: str | None = None
    n: str
    e: str
    x5c: list[str] = Field(default_factory=empty_list)
    x5t_s256: str | None = Field(default=None, alias="x5t#S256")


class Jwks(WorkOSModel):
    """A JSON Web Key Set."""

    keys: list[Jwk]


class Impersonator(WorkOSModel):
    email: str
    reason: str | None = None


class Authentication(WorkOSModel):
    """A successful AuthKit authentication: the user and the session's tokens."""

    user: User
    organization_id: str | None = None
    access_token: SecretStr
    refresh_token: SecretStr
    authentication_method: str | None = None
    authkit_authorization_code: SecretStr | None = None
    impersonator: Impersonator | None = None
    oauth_tokens: OAuthTokens | None = None


class DeviceAuthorization(WorkOSModel):
    """Codes for signing a device in from another screen."""

    device_code: SecretStr
    user_code: str
    verification_uri: str
    verification_uri_complete: str | None = None
    expires_in: float
    interval: float | None = None


class RadarSmsChallenge(WorkOSModel):
    """An SMS code Radar sent to confirm a risky sign-in or sign-up."""

    verification_id: str
    phone_number: str


class RadarChallenge(WorkOSModel):
    """An email code Radar sent to confirm a risky sign-in."""

    object: str = "radar_challenge"
    id: str
    type: str
    user_id: str
    email: str
    code: SecretStr
    expires_at: str
    created_at: str
    updated_at: str


class RadarAssessment(WorkOSModel):
    """Radar's verdict on an authentication attempt."""

    verdict: RadarVerdict | str
    reason: str
    attempt_id: str
    control: str | None = None
    blocklist_type: str | None = None


class RadarAttemptCreate(InputModel):
    """An authentication attempt for Radar to assess."""

    ip_address: str = Field(min_length=1, description="The IP address the attempt came from.")
    user_agent: str = Field(min_length=1, description="The user agent of the attempt.")
    email: Email = Field(min_length=3, description="The email address the user signs in with.")
    auth_method: RadarAuthMethod = Field(description="How the user authenticates.")
    action: Literal["sign-up", "sign-in"] = Field(description="Signing up or signing in.")
    signals_id: str | None = Field(
        default=None, description="The Radar signals id collected in the browser, if any."
    )


class RadarAttemptUpdate(InputModel):
    """Report the outcome of a Radar attempt."""

    challenge_status: Literal["success"] | None = Field(
        default=None, description="Set to success once the user passed Radar's challenge."
    )
    attempt_status: Literal["success"] | None = Field(
        default=None, description="Set to success once the authentication succeeded."
    )


__all__ = [
    "Authentication",
    "DeviceAuthorization",
    "Impersonator",
    "Jwk",
    "Jwks",
    "OAuthTokens",
    "Profile",
    "RadarAssessment",
    "RadarAttemptCreate",
    "RadarAttemptUpdate",
    "RadarChallenge",
    "RadarSmsChallenge",
    "SsoLogoutAuthorization",
    "SsoToken",
]
