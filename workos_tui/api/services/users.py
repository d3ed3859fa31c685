"""AuthKit users: CRUD, identities, sessions, verification and password-reset emails, factors."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator

from pydantic import SecretStr
from typing_extensions import Unpack

from ..models.mfa import UserAuthFactorEnroll, UserAuthFactorEnrollment
from ..models.users import (
    AuthenticationFactor,
    EmailVerification,
    EmailVerificationConfirm,
    EmailVerificationSent,
    PasswordReset,
    PasswordResetConfirm,
    PasswordResetSend,
    User,
    UserCreate,
    UserIdentity,
    UserSession,
    UserUpdate,
)
from ..operations import operation
from ..pagination import Cursor, ListParams, Page
from .base import ResourceService, path_segment


class UserListParams(ListParams, total=False):
    """Filters of ``GET /user_management/users``."""

    email: str | None
    organization_id: str | None


class UsersService(ResourceService[User]):
    """``/user_management/users``."""

    path = "/user_management/users"
    model = User

    @operation("GET", "/user_management/users")
    async def list(self, **params: Unpack[UserListParams]) -> Page[User]:
        """One page of users, optionally filtered by email or organization."""
        return await self._list(params)

    @operation("GET", "/user_management/users")
    def cursor(self, **params: Unpack[UserListParams]) -> Cursor[User]:
        return self._cursor(params)

    @operation("GET", "/user_management/users")
    def iterate(self, **params: Unpack[UserListParams]) -> AsyncIterator[User]:
        return self._iterate(params)

    @operation("GET", "/user_management/users/external_id/{external_id}")
    async def get_by_external_id(self, external_id: str) -> User:
        path = f"{self.path}/external_id/{path_segment(external_id)}"
        return await self._fetch(self.model, "GET", path)

    @operation("POST", "/user_management/users")
    async def create(self, user: UserCreate) -> User:
        return await self._create(user)

    @operation("PUT", "/user_management/users/{id}")
    async def update(self, user_id: str, changes: UserUpdate) -> User:
        return await self._update(user_id, changes)

    @operation("DELETE", "/user_management/users/{id}")
    async def delete(self, user_id: str) -> None:
        await self._delete(user_id)

    @operation("GET", "/user_management/users/{id}/identities")
    async def list_identities(self, user_id: str) -> builtins.list[UserIdentity]:
        """External (OAuth) identities linked to the user."""
        return await self._fetch_many(UserIdentity, "GET", self._item_path(user_id, "identities"))

    @operation("GET", "/user_management/users/{id}/sessions")
    async def list_sessions(self, user_id: str, **params: Unpack[ListParams]) -> Page[UserSession]:
        path = self._item_path(user_id, "sessions")
        return await self._fetch_page(UserSession, path, params)

    @operation("GET", "/user_management/users/{id}/sessions")
    def sessions_cursor(self, user_id: str, **params: Unpack[ListParams]) -> Cursor[UserSession]:
        return self._make_cursor(UserSession, self._item_path(user_id, "sessions"), params)

    @operation("GET", "/user_management/users/{userlandUserId}/auth_factors")
    async def list_auth_factors(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Page[AuthenticationFactor]:
        path = self._item_path(user_id, "auth_factors")
        return await self._fetch_page(AuthenticationFactor, path, params)

    @operation("GET", "/user_management/users/{userlandUserId}/auth_factors")
    def auth_factors_cursor(
        self, user_id: str, **params: Unpack[ListParams]
    ) -> Cursor[AuthenticationFactor]:
        path = self._item_path(user_id, "auth_factors")
        return self._make_cursor(AuthenticationFactor, path, params)

    @operation("POST", "/user_management/users/{id}/email_verification/send")
    async def send_verification_email(self, user_id: str) -> User:
        """Email the user a code to verify their address; returns the user."""
        path = self._item_path(user_id, "email_verification", "send")
        sent = await self._fetch(EmailVerificationSent, "POST", path)
        return sent.user

    @operation("POST", "/user_management/password_reset")
    async def send_password_reset(self, email: str) -> PasswordReset:
        """Email a password-reset link to the user with this address."""
        body = PasswordResetSend(email=email)
        return await self._fetch(
            PasswordReset, "POST", "/user_management/password_reset", body=body
        )

    @operation("GET", "/user_management/email_verification/{id}")
    async def get_email_verification(self, verification_id: str) -> EmailVerification:
        path = f"/user_management/email_verification/{path_segment(verification_id)}"
        return await self._fetch(EmailVerification, "GET", path)

    @operation("POST", "/user_management/users/{id}/email_verification/confirm")
    async def confirm_email_verification(self, user_id: str, code: str) -> User:
        """Verify the user's email address with the emailed code; returns the user."""
        path = self._item_path(user_id, "email_verification", "confirm")
        body = EmailVerificationConfirm(code=SecretStr(code))
        return (await self._fetch(EmailVerificationSent, "POST", path, body=body)).user

    @operation("GET", "/user_management/password_reset/{id}")
    async def get_password_reset(self, password_reset_id: str) -> PasswordReset:
        path = f"/user_management/password_reset/{path_segment(password_reset_id)}"
        return await self._fetch(PasswordReset, "GET", path)

    @operation("POST", "/user_management/password_reset/confirm")
    async def confirm_password_reset(self, token: str, new_password: str) -> User:
        """Set a new password with a reset token; returns the user."""
        body = PasswordResetConfirm(token=SecretStr(token), new_password=SecretStr(new_password))
        path = "/user_management/password_reset/confirm"
        return (await self._fetch(EmailVerificationSent, "POST", path, body=body)).user

    @operation("POST", "/user_management/users/{userlandUserId}/auth_factors")
    async def create_auth_factor(
        self, user_id: str, factor: UserAuthFactorEnroll
    ) -> UserAuthFactorEnrollment:
        """Enroll a TOTP factor for the user (the secret comes back once)."""
        path = self._item_path(user_id, "auth_factors")
        return await self._fetch(UserAuthFactorEnrollment, "POST", path, body=factor)
