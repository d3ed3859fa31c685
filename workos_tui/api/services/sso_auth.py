"""The SSO sign-in flow (``/sso/*``) and what AuthKit authentication shares with it: the
environment's client id and secret and building browser URLs."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Literal
from urllib.parse import urlencode

from pydantic import SecretStr

from ..errors import ValidationError
from ..models.authentication import Jwks, Profile, SsoLogoutAuthorization, SsoToken
from ..operations import operation
from ..query import QueryValue, encode_query
from .base import Service, path_segment

SsoProvider = Literal[
    "AppleOAuth",
    "BitbucketOAuth",
    "GitHubOAuth",
    "GitLabOAuth",
    "GoogleOAuth",
    "IntuitOAuth",
    "LinkedInOAuth",
    "MicrosoftOAuth",
    "SalesforceOAuth",
    "SlackOAuth",
    "VercelMarketplaceOAuth",
    "VercelOAuth",
    "XeroOAuth",
]


class ClientService(Service):
    """A service that acts as the environment's OAuth client."""

    def _client_id(self, client_id: str | None) -> str:
        value = client_id or self.client.environment.client_id
        if not value:
            raise ValidationError("a client_id is required (set the environment's client id)")
        return value

    def _client_secret(self) -> str:
        return self.client.environment.api_key.get_secret_value()

    def _url(
        self,
        path: str,
        params: Mapping[str, QueryValue],
        *,
        comma_joined: Collection[str] = (),
    ) -> str:
        """An absolute URL for the browser (nothing is sent)."""
        query = urlencode(encode_query(params, comma_joined=comma_joined))
        base = self.client.base_url.rstrip("/")
        return f"{base}{path}?{query}" if query else f"{base}{path}"


class SsoService(ClientService):
    """Sign users in through SSO connections and OAuth providers."""

    @operation("GET", "/sso/authorize")
    def get_authorization_url(
        self,
        *,
        redirect_uri: str,
        connection: str | None = None,
        organization: str | None = None,
        provider: SsoProvider | None = None,
        domain: str | None = None,
        state: str | None = None,
        login_hint: str | None = None,
        domain_hint: str | None = None,
        nonce: str | None = None,
        prompt: Literal["login"] | None = None,
        provider_scopes: list[str] | None = None,
        client_id: str | None = None,
    ) -> str:
        """The ``GET /sso/authorize`` URL to send the browser to (it redirects back with a code)."""
        if not (connection or organization or provider or domain):
            raise ValidationError("one of connection, organization, provider or domain is required")
        params: dict[str, QueryValue] = {
            "client_id": self._client_id(client_id),
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "connection": connection,
            "organization": organization,
            "provider": provider,
            "domain": domain,
            "state": state,
            "login_hint": login_hint,
            "domain_hint": domain_hint,
            "nonce": nonce,
            "prompt": prompt,
            "provider_scopes": provider_scopes,
        }
        return self._url("/sso/authorize", params, comma_joined=("provider_scopes",))

    @operation("POST", "/sso/token")
    async def get_profile_and_token(self, code: str, *, client_id: str | None = None) -> SsoToken:
        """Exchange the code from the redirect for the profile and an access token."""
        fields = {
            "client_id": self._client_id(client_id),
            "client_secret": self._client_secret(),
            "code": code,
            "grant_type": "authorization_code",
        }
        return await self._fetch(SsoToken, "POST", "/sso/token", params=fields, body=fields)

    @operation("GET", "/sso/profile")
    async def get_profile(self, access_token: SecretStr | str) -> Profile:
        """The profile an SSO access token stands for."""
        token = access_token if isinstance(access_token, SecretStr) else SecretStr(access_token)
        data = await self.client.request("GET", "/sso/profile", bearer=token)
        return self._parse(Profile, data, "GET", "/sso/profile")

    @operation("POST", "/sso/logout/authorize")
    async def authorize_logout(self, profile_id: str) -> SsoLogoutAuthorization:
        """A logout token and URL ending the profile's session at its IdP (GenericOIDC only)."""
        return await self._fetch(
            SsoLogoutAuthorization, "POST", "/sso/logout/authorize", body={"profile_id": profile_id}
        )

    @operation("GET", "/sso/logout")
    def get_logout_url(self, logout_token: SecretStr | str) -> str:
        """The ``GET /sso/logout`` URL for a logout token."""
        token = (
            logout_token.get_secret_value() if isinstance(logout_token, SecretStr) else logout_token
        )
        return self._url("/sso/logout", {"token": token})

    @operation("GET", "/sso/jwks/{clientId}")
    async def get_jwks(self, client_id: str | None = None) -> Jwks:
        """The public keys that verify the environment's access tokens."""
        path = f"/sso/jwks/{path_segment(self._client_id(client_id))}"
        return await self._fetch(Jwks, "GET", path)

    @operation("GET", "/sso/jwks/{clientId}")
    def get_jwks_url(self, client_id: str | None = None) -> str:
        return self._url(f"/sso/jwks/{path_segment(self._client_id(client_id))}", {})
