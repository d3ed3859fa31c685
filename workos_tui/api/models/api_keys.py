"""API keys owned by an organization or by a user within an organization."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel, empty_list
from .common import OrganizationRef

ApiKeyOwnerType = Literal["organization", "user"]


class ApiKeyOwner(WorkOSModel):
    """Who owns an API key: an organization, or a user in an organization."""

    type: ApiKeyOwnerType | str
    id: str
    organization_id: str | None = None


class ApiKey(WorkOSModel):
    """An API key (its value is only ever shown once, at creation)."""

    object: str = "api_key"
    id: str
    owner: ApiKeyOwner
    name: str
    obfuscated_value: str | None = None
    last_used_at: str | None = None
    expires_at: str | None = None
    permissions: list[str] = Field(default_factory=empty_list)
    created_at: str
    updated_at: str


class CreatedApiKey(ApiKey):
    """A newly created API key, with its secret value (shown once: copy it now)."""

    value: SecretStr


class ApiKeyValidation(WorkOSModel):
    """The answer to validating a key value: the key, or ``None`` when it is not valid."""

    api_key: ApiKey | None = None
    agent_registration_id: str | None = None


class OrganizationApiKeyCreate(InputModel):
    """Create an API key owned by an organization."""

    name: str = Field(min_length=1, description="A name to recognise the key by.")
    permissions: list[str] | None = Field(
        default=None, description="Permission slugs granted to the key."
    )
    expires_at: str | None = Field(
        default=None, description="When the key stops working (ISO 8601); empty for never."
    )


class UserApiKeyCreate(InputModel):
    """Create an API key owned by a user, scoped to one of their organizations."""

    name: str = Field(min_length=1, description="A name to recognise the key by.")
    organization_id: OrganizationRef = Field(
        min_length=1, description="The organization (one the user belongs to) the key acts in."
    )
    permissions: list[str] | None = Field(
        default=None, description="Permission slugs granted to the key."
    )
    expires_at: str | None = Field(
        default=None, description="When the key stops working (ISO 8601); empty for never."
    )


class ApiKeyExpire(InputModel):
    """Expire an API key now or at a given time."""

    expires_at: str | None = Field(
        default=None, description="When the key expires (ISO 8601); empty for right now."
    )


class ApiKeyValidate(InputModel):
    """Check an API key value."""

    value: SecretStr = Field(description="The full API key value to check.")


__all__ = [
    "ApiKey",
    "ApiKeyExpire",
    "ApiKeyOwner",
    "ApiKeyValidate",
    "ApiKeyValidation",
    "CreatedApiKey",
    "OrganizationApiKeyCreate",
    "UserApiKeyCreate",
]
