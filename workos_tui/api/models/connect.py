"""Connect applications (OAuth and M2M), their client secrets, and authorized applications."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, SecretStr, model_validator

from .base import InputModel, WorkOSModel, empty_list
from .common import Name, OrganizationRef, Text

ApplicationType = Literal["oauth", "m2m"]
RegistrationType = Literal["dynamic", "authenticated"]


class ConnectRedirectUri(WorkOSModel):
    """Where an OAuth application may send users back to."""

    uri: str
    default: bool = False


class ConnectApplication(WorkOSModel):
    """An OAuth or machine-to-machine application."""

    object: str = "connect_application"
    id: str
    client_id: str
    name: str
    description: str | None = None
    scopes: list[str] = Field(default_factory=empty_list)
    application_type: ApplicationType | str
    redirect_uris: list[ConnectRedirectUri] = Field(default_factory=empty_list)
    uses_pkce: bool | None = None
    is_first_party: bool | None = None
    was_dynamically_registered: bool | None = None
    organization_id: str | None = None
    created_at: str
    updated_at: str


class ClientSecret(WorkOSModel):
    """A client secret of an application; ``secret`` only comes back when it is created."""

    object: str = "connect_application_secret"
    id: str
    secret_hint: str
    last_used_at: str | None = None
    secret: SecretStr | None = None
    created_at: str
    updated_at: str


class AuthorizedApplication(WorkOSModel):
    """An application a user granted access (``user_id`` in an organization's list)."""

    object: str = "authorized_connect_application"
    id: str
    granted_scopes: list[str] = Field(default_factory=empty_list)
    oauth_resource: str | None = None
    application: ConnectApplication
    user_id: str | None = None


class ConnectRedirectUriInput(InputModel):
    """A redirect URI of an OAuth application."""

    uri: str = Field(min_length=1, description="The redirect URI.")
    default: bool | None = Field(default=None, description="Whether this is the default URI.")


class ConnectApplicationCreate(InputModel):
    """Create a Connect application (OAuth, or machine-to-machine with an organization)."""

    name: Name = Field(min_length=1, description="The name of the application.")
    application_type: ApplicationType = Field(description="oauth or m2m (machine-to-machine).")
    description: Text | None = Field(default=None, description="A description of the app.")
    scopes: list[str] | None = Field(default=None, description="The OAuth scopes granted.")
    redirect_uris: list[ConnectRedirectUriInput] | None = Field(
        default=None, description="Redirect URIs (OAuth only)."
    )
    uses_pkce: bool | None = Field(default=None, description="Whether the app uses PKCE (OAuth).")
    is_first_party: bool | None = Field(
        default=None, description="First-party OAuth app; third-party ones need an organization."
    )
    organization_id: OrganizationRef | None = Field(
        default=None, description="The owning organization (M2M and third-party OAuth apps)."
    )

    @model_validator(mode="after")
    def _check_type(self) -> Self:
        """The spec's two shapes: M2M needs an organization, OAuth says whether first-party."""
        if self.application_type == "m2m":
            if not self.organization_id:
                raise ValueError("an M2M application needs organization_id")
            if self.redirect_uris or self.uses_pkce is not None or self.is_first_party is not None:
                raise ValueError("redirect URIs, PKCE and first-party apply to OAuth apps only")
        elif self.is_first_party is None:
            raise ValueError("say whether the OAuth application is first-party")
        return self


class ConnectApplicationUpdate(InputModel):
    """Change an application; fields left empty stay as they are."""

    clearable_fields = frozenset({"description"})

    name: Name | None = Field(default=None, min_length=1, description="The application's name.")
    description: Text | None = Field(default=None, description="A description of the app.")
    scopes: list[str] | None = Field(default=None, description="The OAuth scopes granted.")
    redirect_uris: list[ConnectRedirectUriInput] | None = Field(
        default=None, description="Redirect URIs (OAuth applications only)."
    )


__all__ = [
    "AuthorizedApplication",
    "ClientSecret",
    "ConnectApplication",
    "ConnectApplicationCreate",
    "ConnectApplicationUpdate",
    "ConnectRedirectUri",
    "ConnectRedirectUriInput",
]
