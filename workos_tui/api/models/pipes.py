"""Pipes: data integrations, organization configurations, connected accounts, vended
credentials and tokens, and the data providers a user sees."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, SecretStr

from .base import InputModel, WorkOSModel, empty_list
from .common import OrganizationRef, UserRef

AuthMethod = Literal["oauth", "api_key", "client_credentials"]
IntegrationState = Literal["valid", "invalid", "requested"]
AccountState = Literal["connected", "needs_reauthorization", "disconnected"]
CredentialsType = Literal["custom", "organization"]


class IntegrationCredentials(WorkOSModel):
    """The OAuth app credentials an integration uses (the secret redacted)."""

    type: CredentialsType | str
    client_id: str | None = None
    redacted_client_secret: str | None = None


class IntegrationInstallation(WorkOSModel):
    """The API-key installation of an integration."""

    id: str
    user_id: str
    organization_id: str | None = None
    api_key_last_4: str | None = None


class CustomProvider(WorkOSModel):
    """The OAuth definition of a custom provider."""

    name: str
    authorization_url: str | None = None
    token_url: str | None = None
    refresh_token_url: str | None = None
    pkce_enabled: bool = False
    request_scope_separator: str = " "
    scopes_required: bool = False
    client_secret_required: bool = True
    additional_authorization_parameters: dict[str, str] = Field(default_factory=dict)
    token_body_content_type: str | None = None
    authenticate_via: str | None = None


class DataIntegration(WorkOSModel):
    """A provider (GitHub, Slack, a custom one…) users can connect accounts of."""

    object: str = "data_integration"
    id: str
    slug: str
    integration_type: str
    description: str | None = None
    enabled: bool
    state: IntegrationState | str
    scopes: list[str] | None = None
    redirect_uri: str | None = None
    auth_methods: list[AuthMethod | str] = Field(default_factory=empty_list)
    credentials: IntegrationCredentials | None = None
    installation: IntegrationInstallation | None = None
    config: dict[str, str] = Field(default_factory=dict)
    custom_provider: CustomProvider | None = None
    created_at: str
    updated_at: str


class ConfigurationCredentials(WorkOSModel):
    """Which credentials an organization's provider configuration uses."""

    credentials_type: str
    has_credentials: bool
    client_id: str | None = None
    client_secret_last_four: str | None = None
    redirect_uri: str | None = None


class DataIntegrationConfiguration(WorkOSModel):
    """A provider as configured for one organization."""

    object: str = "data_integration_configuration"
    id: str
    organization_id: str
    slug: str
    name: str
    enabled: bool
    scopes: list[str] | None = None
    config: dict[str, str] = Field(default_factory=dict)
    credentials: ConfigurationCredentials | None = None
    created_at: str
    updated_at: str


class ConnectedAccount(WorkOSModel):
    """A user's installation of a provider (OAuth tokens, an API key or client credentials)."""

    object: str = "connected_account"
    id: str
    user_id: str | None = None
    organization_id: str | None = None
    scopes: list[str] = Field(default_factory=empty_list)
    auth_method: AuthMethod | str | None = None
    api_key_last_4: str | None = None
    client_id: str | None = None
    client_secret_last_4: str | None = None
    config: dict[str, str] = Field(default_factory=dict)
    state: AccountState | str
    created_at: str
    updated_at: str


class DataProvider(WorkOSModel):
    """A provider as a user sees it, with their connected account if any."""

    object: str = "data_provider"
    id: str
    name: str
    description: str | None = None
    slug: str
    integration_type: str
    credentials_type: str
    scopes: list[str] | None = None
    auth_methods: list[AuthMethod | str] = Field(default_factory=empty_list)
    ownership: str | None = None
    connected_account: ConnectedAccount | None = None
    created_at: str
    updated_at: str


class AuthorizeUrl(WorkOSModel):
    """Where to send a user to connect their account."""

    url: str


class Credential(WorkOSModel):
    """A vended credential: an access token, an API key or a client-credentials token."""

    object: str = "credential"
    auth_method: AuthMethod | str
    value: SecretStr
    expires_at: str | None = None
    scopes: list[str] = Field(default_factory=empty_list)
    missing_scopes: list[str] = Field(default_factory=empty_list)
    metadata: dict[str, Any] = Field(default_factory=dict)


class CredentialsResult(WorkOSModel):
    """``active`` with a credential, or inactive with an ``error`` (not_installed…)."""

    active: bool
    credential: Credential | None = None
    error: str | None = None


class AccessToken(WorkOSModel):
    """A user's OAuth access token for a provider."""

    object: str = "access_token"
    access_token: SecretStr
    expires_at: str | None = None
    scopes: list[str] = Field(default_factory=empty_list)
    missing_scopes: list[str] = Field(default_factory=empty_list)


class AccessTokenResult(WorkOSModel):
    """``active`` with an access token, or inactive with an ``error``."""

    active: bool
    access_token: AccessToken | None = None
    error: str | None = None


# -- inputs -----------------------------------------------------------------------------------


class _NestedInput(InputModel):
    """An input whose nested inputs may hold secrets: they are revealed for sending only."""

    def to_body(self) -> dict[str, Any]:
        body = super().to_body()
        for name, info in type(self).model_fields.items():
            value = getattr(self, name)
            if isinstance(value, InputModel):
                body[info.alias or name] = value.to_body()
        return body


class IntegrationCredentialsInput(InputModel):
    """OAuth app credentials for an integration."""

    type: CredentialsType = Field(
        description="custom (your OAuth app) or organization (each organization its own)."
    )
    client_id: str | None = Field(default=None, description="The OAuth client id.")
    client_secret: SecretStr | None = Field(default=None, description="The OAuth client secret.")


class ApiKeyInstallationInput(InputModel):
    """An API key to install for a user."""

    user_id: UserRef = Field(min_length=1, description="The user the installation belongs to.")
    organization_id: OrganizationRef | None = Field(
        default=None, description="The user's organization."
    )
    secret: SecretStr = Field(min_length=5, description="The API key.")


class CustomProviderInput(InputModel):
    """The OAuth definition of a custom provider."""

    name: str | None = Field(default=None, min_length=1, description="The display name.")
    authorization_url: str | None = Field(default=None, description="The authorize endpoint.")
    token_url: str | None = Field(default=None, description="The token endpoint.")
    refresh_token_url: str | None = Field(default=None, description="The refresh endpoint.")
    pkce_enabled: bool | None = Field(default=None, description="Whether PKCE is used.")
    scopes_required: bool | None = Field(default=None, description="Whether scopes are needed.")
    client_secret_required: bool | None = Field(
        default=None, description="Whether the token request needs the client secret."
    )
    authenticate_via: Literal["request_body", "basic_auth_header"] | None = Field(
        default=None, description="How the client authenticates at the token endpoint."
    )


class DataIntegrationCreate(_NestedInput):
    """Create a data integration for a built-in provider (or a custom one)."""

    provider: str = Field(min_length=1, description="Provider slug, e.g. github or slack.")
    description: str | None = Field(default=None, description="What the integration is for.")
    enabled: bool | None = Field(default=None, description="Whether users can connect.")
    scopes: list[str] | None = Field(default=None, description="OAuth scopes to request.")
    auth_methods: list[AuthMethod] | None = Field(
        default=None, description="oauth, api_key and/or client_credentials."
    )
    config: dict[str, str] | None = Field(default=None, description="Provider settings.")
    credentials: IntegrationCredentialsInput | None = Field(
        default=None, description="OAuth app credentials."
    )
    api_key: ApiKeyInstallationInput | None = Field(
        default=None, description="A first API-key installation (API key integrations)."
    )
    custom_provider: CustomProviderInput | None = Field(
        default=None, description="The OAuth definition of a custom provider."
    )


class DataIntegrationUpdate(_NestedInput):
    """Change a data integration; fields left empty stay as they are."""

    clearable_fields = frozenset({"description", "scopes"})

    description: str | None = Field(default=None, description="What the integration is for.")
    enabled: bool | None = Field(default=None, description="Whether users can connect.")
    scopes: list[str] | None = Field(default=None, description="OAuth scopes to request.")
    credentials: IntegrationCredentialsInput | None = Field(
        default=None, description="OAuth app credentials."
    )
    api_key: ApiKeyInstallationInput | None = Field(
        default=None, description="Rotate or add an API-key installation."
    )
    custom_provider: CustomProviderInput | None = Field(
        default=None, description="Changes to a custom provider's OAuth definition."
    )


class UserScope(InputModel):
    """Whose installation: a user, optionally within an organization."""

    user_id: UserRef = Field(min_length=1, description="The user's id.")
    organization_id: OrganizationRef | None = Field(
        default=None, description="The organization's id."
    )


class ApiKeyUpsert(UserScope):
    """Install or rotate a user's API key."""

    secret: SecretStr = Field(min_length=1, description="The API key.")


class ClientCredentialsUpsert(UserScope):
    """Install or rotate a user's client credentials."""

    client_id: str = Field(min_length=1, description="The client id.")
    client_secret: SecretStr = Field(min_length=1, description="The client secret.")
    config: dict[str, str] | None = Field(default=None, description="Provider settings.")


class AuthorizeRequest(UserScope):
    """Start the OAuth flow for a user."""

    return_to: str | None = Field(default=None, description="Where to return after connecting.")
    config: dict[str, str] | None = Field(default=None, description="Provider settings.")


class OrganizationConfigurationUpdate(InputModel):
    """Enable a provider for an organization, or set its scopes or credentials."""

    clearable_fields = frozenset({"scopes"})

    enabled: bool | None = Field(default=None, description="Whether the provider is enabled.")
    scopes: list[str] | None = Field(default=None, description="Custom OAuth scopes.")
    client_id: str | None = Field(default=None, min_length=1, description="Org OAuth client id.")
    client_secret: SecretStr | None = Field(default=None, description="Org OAuth client secret.")
    config: dict[str, str] | None = Field(default=None, description="Provider settings.")


class ConnectedAccountInput(InputModel):
    """Import or change a connected account's tokens, scopes or state."""

    access_token: SecretStr | None = Field(default=None, description="The OAuth access token.")
    refresh_token: SecretStr | None = Field(default=None, description="The OAuth refresh token.")
    expires_at: str | None = Field(default=None, description="When the access token expires.")
    scopes: list[str] | None = Field(default=None, description="The scopes granted.")
    state: Literal["connected", "needs_reauthorization"] | None = Field(
        default=None, description="connected or needs_reauthorization."
    )


__all__ = [
    "AccessToken",
    "AccessTokenResult",
    "ApiKeyInstallationInput",
    "ApiKeyUpsert",
    "AuthorizeRequest",
    "AuthorizeUrl",
    "ClientCredentialsUpsert",
    "ConfigurationCredentials",
    "ConnectedAccount",
    "ConnectedAccountInput",
    "Credential",
    "CredentialsResult",
    "CustomProvider",
    "CustomProviderInput",
    "DataIntegration",
    "DataIntegrationConfiguration",
    "DataIntegrationCreate",
    "DataIntegrationUpdate",
    "DataProvider",
    "IntegrationCredentials",
    "IntegrationCredentialsInput",
    "IntegrationInstallation",
    "OrganizationConfigurationUpdate",
    "UserScope",
]
