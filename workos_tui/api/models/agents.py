"""Agent auth: agent registrations, credential validation and claim attempts.

The credential sent for validation is a ``SecretStr`` (an agent API key or access token).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel, empty_list
from .common import OrganizationRef

AgentRegistrationStatus = Literal["unverified", "verified", "expired", "revoked"]
AgentRegistrationKind = Literal["anonymous", "service_auth", "identity_assertion"]
AgentCredentialType = Literal["api_key", "access_token"]


class AgentIdentity(WorkOSModel):
    """The identity of an agent, bound to an AuthKit user or not."""

    id: str
    userland_user_id: str | None = None
    created_at: str
    updated_at: str


class AgentClaimCompletion(WorkOSModel):
    """The record of a completed claim."""

    id: str
    created_at: str
    updated_at: str
    expires_at: str
    claimed_at: str


class AgentClaim(WorkOSModel):
    """How a person claims an agent registration."""

    id: str
    claim_completion: AgentClaimCompletion | None = None
    created_at: str
    updated_at: str
    expires_at: str


class AgentRegistration(WorkOSModel):
    """An agent registered to an organization."""

    id: str
    agent_identity: AgentIdentity
    organization_id: str
    status: AgentRegistrationStatus | str
    kind: AgentRegistrationKind | str
    claim: AgentClaim | None = None
    created_at: str
    updated_at: str


class AgentCredentialValidation(WorkOSModel):
    """Whether an agent credential is valid, and for which registration until when."""

    valid: bool
    registration_id: str | None = None
    expires_at: str | None = None


class ClaimOrganization(WorkOSModel):
    """An organization a user may place a claimed agent in."""

    id: str
    name: str


class ClaimAttemptLinked(WorkOSModel):
    """A claim attempt linked to a user: the code the agent needs to complete the claim."""

    id: str
    status: AgentRegistrationStatus | str
    user_code: SecretStr
    organizations: list[ClaimOrganization] = Field(default_factory=empty_list)


class AgentCredentialValidate(InputModel):
    """An agent credential to check (read-only: the credential is not consumed)."""

    type: AgentCredentialType = Field(
        description="The kind of credential: an agent API key or an agent access token."
    )
    credential: SecretStr = Field(
        min_length=1, description="The API key value, or the access token (JWT)."
    )
    audience: str | None = Field(
        default=None,
        min_length=1,
        description="For access tokens: reject tokens whose aud claim is not this value.",
    )


class ClaimAttemptUser(InputModel):
    """The external user who claims the agent."""

    email: str = Field(min_length=3, description="The email address of the user.")
    external_id: str = Field(min_length=1, description="Your system's ID of the user.")


class ClaimAttemptLink(InputModel):
    """Link a claim attempt to an external user (created when no user has that external ID)."""

    type: Literal["link_external_user"] = Field(
        default="link_external_user", description="The operation: link_external_user."
    )
    claim_attempt_token: str = Field(
        min_length=1, description="The token identifying the claim attempt."
    )
    user: ClaimAttemptUser = Field(description="The user, by email and external ID.")
    organization_id: OrganizationRef | None = Field(
        default=None,
        min_length=1,
        description="The organization to place the agent in; required when the user has several.",
    )


__all__ = [
    "AgentClaim",
    "AgentClaimCompletion",
    "AgentCredentialValidate",
    "AgentCredentialValidation",
    "AgentIdentity",
    "AgentRegistration",
    "ClaimAttemptLink",
    "ClaimAttemptLinked",
    "ClaimAttemptUser",
    "ClaimOrganization",
]
