"""AuthKit configuration (redirect URIs, CORS origins, JWT template) and Admin Portal links."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel
from .common import Document

PortalIntent = Literal[
    "sso",
    "dsync",
    "audit_logs",
    "log_streams",
    "domain_verification",
    "certificate_renewal",
    "bring_your_own_key",
]


class RedirectUri(WorkOSModel):
    """A URI AuthKit may redirect users to after they sign in."""

    object: str = "redirect_uri"
    id: str
    uri: str
    default: bool = False
    created_at: str
    updated_at: str


class RedirectUriCreate(InputModel):
    """Add a redirect URI to the environment."""

    uri: str = Field(
        min_length=1,
        description="The redirect URI, e.g. https://app.example.com/callback (HTTPS unless "
        "localhost).",
    )


class CorsOrigin(WorkOSModel):
    """A browser origin allowed to call the WorkOS API directly."""

    object: str = "cors_origin"
    id: str
    origin: str
    created_at: str
    updated_at: str


class CorsOriginCreate(InputModel):
    """Allow a browser origin to make CORS requests."""

    origin: str = Field(
        min_length=1,
        description="The origin to allow: scheme and host, e.g. https://app.example.com.",
    )


class JwtTemplate(WorkOSModel):
    """The Liquid template that shapes the claims of AuthKit access tokens."""

    object: str = "jwt_template"
    content: str
    created_at: str
    updated_at: str


class JwtTemplateUpdate(InputModel):
    """Replace the JWT template."""

    content: Document = Field(
        description='The template as a Liquid string, e.g. {"urn:app:email": "{{user.email}}"}.'
    )


class PortalLink(WorkOSModel):
    """An ephemeral Admin Portal link; anyone holding it can configure the organization."""

    link: SecretStr


class PortalLinkCreate(InputModel):
    """Generate an Admin Portal link for an organization's IT admin."""

    organization: str = Field(min_length=1, description="The ID of the organization (org_...).")
    intent: PortalIntent | None = Field(
        default=None,
        description="What the admin sets up: sso, dsync, audit_logs, log_streams, "
        "domain_verification, certificate_renewal or bring_your_own_key.",
    )
    return_url: str | None = Field(
        default=None, description="Where the portal's logo links to (defaults to the dashboard's)."
    )
    success_url: str | None = Field(
        default=None, description="Where the admin goes after finishing setup."
    )
    it_contact_emails: list[str] | None = Field(
        default=None, max_length=20, description="Up to 20 IT contacts given access to the portal."
    )


__all__ = [
    "CorsOrigin",
    "CorsOriginCreate",
    "JwtTemplate",
    "JwtTemplateUpdate",
    "PortalIntent",
    "PortalLink",
    "PortalLinkCreate",
    "RedirectUri",
    "RedirectUriCreate",
]
