"""SSO connections."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import WorkOSModel, empty_list

ConnectionState = Literal["requires_type", "draft", "active", "validating", "inactive", "deleting"]
ConnectionStatus = Literal["linked", "unlinked"]
ConnectionType = Literal[
    "Pending",
    "ADFSSAML",
    "AdpOidc",
    "AppleOAuth",
    "Auth0Migration",
    "Auth0SAML",
    "AzureSAML",
    "BitbucketOAuth",
    "CasSAML",
    "ClassLinkSAML",
    "CleverOIDC",
    "CloudflareSAML",
    "CyberArkSAML",
    "DiscordOAuth",
    "DuoSAML",
    "EntraIdOIDC",
    "GenericOIDC",
    "GenericSAML",
    "GitHubOAuth",
    "GitLabOAuth",
    "GoogleOAuth",
    "GoogleOIDC",
    "GoogleSAML",
    "GrokOAuth",
    "XOAuth",
    "IntuitOAuth",
    "JumpCloudSAML",
    "KeycloakSAML",
    "LastPassSAML",
    "LinkedInOAuth",
    "LoginGovOidc",
    "MagicLink",
    "MicrosoftOAuth",
    "MiniOrangeSAML",
    "NetIqSAML",
    "OktaOIDC",
    "OktaSAML",
    "OneLoginSAML",
    "OracleSAML",
    "PingFederateSAML",
    "PingOneSAML",
    "RipplingSAML",
    "SalesforceSAML",
    "ShibbolethGenericSAML",
    "ShibbolethSAML",
    "SimpleSamlPhpSAML",
    "SalesforceOAuth",
    "SlackOAuth",
    "TestIdp",
    "VercelMarketplaceOAuth",
    "VercelOAuth",
    "VMwareSAML",
    "XeroOAuth",
]

# The list filter's own enumeration (the spec spells a few types differently there).
ConnectionTypeFilter = Literal[
    "ADFSSAML",
    "AdpOidc",
    "AppleOAuth",
    "Auth0SAML",
    "AzureSAML",
    "BitbucketOAuth",
    "CasSAML",
    "CloudflareSAML",
    "ClassLinkSAML",
    "CleverOIDC",
    "CyberArkSAML",
    "DiscordOAuth",
    "DuoSAML",
    "EntraIdOIDC",
    "GenericOIDC",
    "GenericSAML",
    "GithubOAuth",
    "GitLabOAuth",
    "GoogleOAuth",
    "GoogleOIDC",
    "GoogleSAML",
    "GrokOAuth",
    "XOAuth",
    "IntuitOAuth",
    "JumpCloudSAML",
    "KeycloakSAML",
    "LastPassSAML",
    "LinkedInOAuth",
    "LoginGovOidc",
    "MagicLink",
    "MicrosoftOAuth",
    "MiniOrangeSAML",
    "NetIqSAML",
    "OktaOIDC",
    "OktaSAML",
    "OneLoginSAML",
    "OracleSAML",
    "PingFederateSAML",
    "PingOneSAML",
    "RipplingSAML",
    "SalesforceSAML",
    "ShibbolethGenericSAML",
    "ShibbolethSAML",
    "SimpleSamlPhpSAML",
    "SalesforceOAuth",
    "SlackOAuth",
    "VercelMarketplaceOAuth",
    "VercelOAuth",
    "VMwareSAML",
    "XeroOAuth",
]


class ConnectionDomain(WorkOSModel):
    """A domain an SSO connection signs users in for."""

    object: str = "connection_domain"
    id: str
    domain: str


class Connection(WorkOSModel):
    """An SSO connection of an organization to an identity provider."""

    object: str = "connection"
    id: str
    organization_id: str | None = None
    connection_type: ConnectionType | str
    name: str
    state: ConnectionState | str
    status: ConnectionStatus | str | None = None
    domains: list[ConnectionDomain] = Field(default_factory=empty_list)
    created_at: str
    updated_at: str


__all__ = [
    "Connection",
    "ConnectionDomain",
]
