"""AuthKit authentication (``/user_management/authenticate`` and friends).

Each grant type has its own method; a 403 that asks for more (email verification, MFA, Radar,
organization selection) raises :class:`~workos_tui.api.errors.ForbiddenError` with that ``code``.
(The error does not yet carry the response's ``pending_authentication_token``.)
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import SecretStr

from ..models.authentication import (
    Authentication,
    DeviceAuthorization,
    RadarChallenge,
    RadarSmsChallenge,
)
from ..operations import operation
from ..query import QueryValue
from .base import path_segment
from .sso_auth import ClientService, SsoProvider

AuthKitProvider = Literal["authkit"] | SsoProvider
Secret = SecretStr | str

GRANT = "urn:workos:oauth:grant-type:"


def _reveal(value: Secret) -> str:
    return value.get_secret_value() if isinstance(value, SecretStr) else value


class AuthenticationService(ClientService):
    """Authenticate AuthKit users and manage the resulting sessions."""

    async def _authenticate(
        self,
        grant_type: str,
        fields: dict[str, Any],
        context: dict[str, str | None],
        *,
        secret: bool = True,
        client_id: str | None = None,
    ) -> Authentication:
        body: dict[str, Any] = {"client_id": self._client_id(client_id), "grant_type": grant_type}
        if secret:
            body["client_secret"] = self._client_secret()
        body.update({k: v for k, v in fields.items() if v is not None})
        body.update({k: v for k, v in context.items() if v is not None})
        return await self._fetch(Authentication, "POST", "/user_management/authenticate", body=body)

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_password(
        self,
        email: str,
        password: Secret,
        *,
        ip_address: str | None = None,
        user_agent: str | None = None,
        invitation_token: str | None = None,
    ) -> Authentication:
        return await self._authenticate(
            "password",
            {"email": email, "password": _reveal(password), "invitation_token": invitation_token},
            {"ip_address": ip_address, "user_agent": user_agent},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_code(
        self,
        code: Secret,
        *,
        code_verifier: str | None = None,
        ip_address: str | None = None,
        user_agent: str | None = None,
    ) -> Authentication:
        """Exchange the code from the authorization redirect (PKCE clients pass the verifier
        and send no client secret)."""
        return await self._authenticate(
            "authorization_code",
            {"code": _reveal(code), "code_verifier": code_verifier},
            {"ip_address": ip_address, "user_agent": user_agent},
            secret=code_verifier is None,
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_refresh_token(
        self,
        refresh_token: Secret,
        *,
        organization_id: str | None = None,
        ip_address: str | None = None,
        user_agent: str | None = None,
    ) -> Authentication:
        return await self._authenticate(
            "refresh_token",
            {"refresh_token": _reveal(refresh_token), "organization_id": organization_id},
            {"ip_address": ip_address, "user_agent": user_agent},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_magic_auth(
        self, email: str, code: Secret, *, ip_address: str | None = None
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "magic-auth:code",
            {"email": email, "code": _reveal(code)},
            {"ip_address": ip_address},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_email_verification(
        self, code: Secret, pending_authentication_token: Secret
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "email-verification:code",
            {
                "code": _reveal(code),
                "pending_authentication_token": _reveal(pending_authentication_token),
            },
            {},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_totp(
        self, code: Secret, pending_authentication_token: Secret, authentication_challenge_id: str
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "mfa-totp",
            {
                "code": _reveal(code),
                "pending_authentication_token": _reveal(pending_authentication_token),
                "authentication_challenge_id": authentication_challenge_id,
            },
            {},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_organization_selection(
        self, organization_id: str, pending_authentication_token: Secret
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "organization-selection",
            {
                "organization_id": organization_id,
                "pending_authentication_token": _reveal(pending_authentication_token),
            },
            {},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_radar_email_challenge(
        self, code: Secret, radar_challenge_id: str, pending_authentication_token: Secret
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "radar-email-challenge:code",
            {
                "code": _reveal(code),
                "radar_challenge_id": radar_challenge_id,
                "pending_authentication_token": _reveal(pending_authentication_token),
            },
            {},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_radar_sms_challenge(
        self,
        code: Secret,
        pending_authentication_token: Secret,
        *,
        verification_id: str | None = None,
        phone_number: str | None = None,
    ) -> Authentication:
        return await self._authenticate(
            GRANT + "radar-sms-challenge:code",
            {
                "code": _reveal(code),
                "pending_authentication_token": _reveal(pending_authentication_token),
                "verification_id": verification_id,
                "phone_number": phone_number,
            },
            {},
        )

    @operation("POST", "/user_management/authenticate")
    async def authenticate_with_device_code(self, device_code: Secret) -> Authentication:
        return await self._authenticate(
            "urn:ietf:params:oauth:grant-type:device_code",
            {"device_code": _reveal(device_code)},
            {},
            secret=False,
        )

    @operation("GET", "/user_management/authorize")
    def get_authorization_url(
        self,
        *,
        redirect_uri: str,
        provider: AuthKitProvider | None = None,
        connection_id: str | None = None,
        organization_id: str | None = None,
        state: str | None = None,
        login_hint: str | None = None,
        domain_hint: str | None = None,
        screen_hint: Literal["sign-up", "sign-in"] | None = None,
        code_challenge: str | None = None,
        invitation_token: str | None = None,
        max_age: int | None = None,
        prompt: str | None = None,
        provider_scopes: list[str] | None = None,
        client_id: str | None = None,
    ) -> str:
        """The ``GET /user_management/authorize`` URL (PKCE: pass an S256 ``code_challenge``)."""
        params: dict[str, QueryValue] = {
            "client_id": self._client_id(client_id),
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "provider": provider,
            "connection_id": connection_id,
            "organization_id": organization_id,
            "state": state,
            "login_hint": login_hint,
            "domain_hint": domain_hint,
            "screen_hint": screen_hint,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256" if code_challenge else None,
            "invitation_token": invitation_token,
            "max_age": max_age,
            "prompt": prompt,
            "provider_scopes": provider_scopes,
        }
        return self._url("/user_management/authorize", params, comma_joined=("provider_scopes",))

    @operation("POST", "/user_management/authorize/device")
    async def authorize_device(self, client_id: str | None = None) -> DeviceAuthorization:
        """Start a device sign-in: show ``user_code`` and poll with the device code."""
        body = {"client_id": self._client_id(client_id)}
        return await self._fetch(
            DeviceAuthorization, "POST", "/user_management/authorize/device", body=body
        )

    @operation("POST", "/user_management/radar_challenges")
    async def send_radar_sms_challenge(
        self,
        user_id: str,
        pending_authentication_token: Secret,
        phone_number: str,
        *,
        ip_address: str | None = None,
        user_agent: str | None = None,
    ) -> RadarSmsChallenge:
        body = {
            "user_id": user_id,
            "pending_authentication_token": _reveal(pending_authentication_token),
            "phone_number": phone_number,
            "ip_address": ip_address,
            "user_agent": user_agent,
        }
        return await self._fetch(
            RadarSmsChallenge,
            "POST",
            "/user_management/radar_challenges",
            body={k: v for k, v in body.items() if v is not None},
        )

    @operation("GET", "/user_management/radar_challenges/{id}")
    async def get_radar_challenge(self, challenge_id: str) -> RadarChallenge:
        path = f"/user_management/radar_challenges/{path_segment(challenge_id)}"
        return await self._fetch(RadarChallenge, "GET", path)

    @operation("GET", "/user_management/sessions/logout")
    def get_logout_url(self, session_id: str, *, return_to: str | None = None) -> str:
        """The ``GET /user_management/sessions/logout`` URL ending a session in the browser."""
        return self._url(
            "/user_management/sessions/logout", {"session_id": session_id, "return_to": return_to}
        )

    @operation("POST", "/user_management/sessions/revoke")
    async def revoke_session(self, session_id: str) -> None:
        await self._send(
            "POST", "/user_management/sessions/revoke", body={"session_id": session_id}
        )
